import { reversalOf, type LedgerEntry } from '../domain/ledger.js';
import { LedgerEntryModel } from './ledger.model.js';
import { isDuplicateKey } from './mongo-errors.js';

type StoredEntry = Omit<LedgerEntry, 'key'> & { _id: string };

function toStored({ key, ...rest }: LedgerEntry): StoredEntry {
  return { _id: key, ...rest };
}

function fromStored({ _id, ...rest }: StoredEntry): LedgerEntry {
  return { key: _id, ...rest } as LedgerEntry;
}

/** Records entries; one already recorded (same key) is kept as it was. */
export async function recordEntries(entries: LedgerEntry[]): Promise<void> {
  if (entries.length === 0) return;
  try {
    await LedgerEntryModel.insertMany(entries.map(toStored), { ordered: false });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/** Every entry of an assignment, oldest first. */
export async function entriesOf(assignmentId: string): Promise<LedgerEntry[]> {
  const docs = await LedgerEntryModel.find({ assignmentId }).sort({ at: 1, _id: 1 }).lean();

  return docs.map((doc) => fromStored(doc as StoredEntry));
}

/** An enterprise's entries for an assessment year, oldest first. */
export async function entriesFor(enterpriseId: string, year: number): Promise<LedgerEntry[]> {
  const docs = await LedgerEntryModel.find({ enterpriseId, year }).sort({ at: 1, _id: 1 }).lean();

  return docs.map((doc) => fromStored(doc as StoredEntry));
}

/** Totals per enterprise for an assessment year, in thousandths of a point. */
export async function totalsFor(year: number): Promise<Map<string, number>> {
  const rows = await LedgerEntryModel.aggregate<{ _id: string; milliPoints: number }>([
    { $match: { year } },
    { $group: { _id: '$enterpriseId', milliPoints: { $sum: '$milliPoints' } } },
  ]);

  return new Map(rows.map((row) => [row._id, row.milliPoints]));
}

/**
 * Cancels every not-yet-reversed entry of an assignment with a counter-entry. Safe to repeat:
 * a reversal's key is derived from the entry it cancels.
 */
export async function reverseAll(
  assignmentId: string,
  context: { at: Date; byOpenId: string; reason: string },
): Promise<LedgerEntry[]> {
  const entries = await entriesOf(assignmentId);
  const reversed = new Set(entries.flatMap((e) => (e.reverses ? [e.reverses] : [])));
  const reversals = entries
    .filter((e) => e.kind !== 'reversal' && !reversed.has(e.key))
    .map((e) => reversalOf(e, context));
  await recordEntries(reversals);

  return reversals;
}
