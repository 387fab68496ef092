import { randomUUID } from 'node:crypto';
import type { Assignment } from '../domain/assignment.js';
import { shanghaiYear } from '../domain/format.js';
import { assignmentsFor, type NumberedIssue, type PreparedIssue } from '../domain/issue.js';
import { scoreEntry } from '../domain/ledger.js';
import type { Policy } from '../domain/policy.js';
import type { Actor, Channel } from '../domain/types.js';
import { insertAssignments } from './assignment.repo.js';
import { AuditEventModel } from './audit-event.model.js';
import type { AuditEvent } from './audit-event.repo.js';
import { ItemModel } from './item.model.js';
import { recordEntries } from './ledger.repo.js';
import { isDuplicateKey } from './mongo-errors.js';
import { KeyedQueue } from '../util/keyed-queue.js';
import { setTimeout as pause } from 'node:timers/promises';

export interface IssuedItem {
  itemId: string;
  assignments: Assignment[];
}

/** Attempts to take the next block of numbers before giving up (heavy concurrent issuing). */
const maxNumberingAttempts = 200;

/**
 * 交办: numbers the prepared item and creates its assignments, their `issue` audit events and
 * the notice-received score entries. Numbers are unique and gapless per year, also when many
 * issues run at once. If interrupted after numbering, `resumeIssuing` finishes the job.
 *
 * `itemId` (default: a random id) lets a caller issue at most once: when an item with that id
 * exists already, nothing is issued and the duplicate-key error is thrown (a confirmed preview
 * passes its draft id, so a double confirm cannot issue twice).
 */
export async function issueItem(
  prepared: PreparedIssue,
  origin: { actor: Actor; channel: Channel },
  policy: Policy,
  itemId: string = randomUUID(),
): Promise<IssuedItem> {
  const item = await reserveNumbers(prepared, itemId);
  const assignments = assignmentsFor(prepared, { id: item._id, firstSeq: item.firstSeq }, policy);
  await completeIssue(item._id, assignments, origin, policy);

  return { itemId: item._id, assignments };
}

/** The numbers the next issue of `count` notices would get (for the preview; not reserved). */
export async function peekNextNumbers(year: number, count: number): Promise<number[]> {
  const last = await lastBlock(year);
  const first = (last?.lastSeq ?? 0) + 1;

  return Array.from({ length: count }, (_, index) => first + index);
}

/** Issues in this process take numbers one at a time; other processes are handled by retry. */
const numbering = new KeyedQueue();

function reserveNumbers(prepared: PreparedIssue, itemId: string) {
  const year = shanghaiYear(prepared.issuedAt);

  return numbering.run(String(year), () => takeNextBlock(prepared, year, itemId));
}

async function takeNextBlock(prepared: PreparedIssue, year: number, itemId: string) {
  for (let attempt = 0; attempt < maxNumberingAttempts; attempt += 1) {
    const last = await lastBlock(year);
    const firstSeq = (last?.lastSeq ?? 0) + 1;
    const item = {
      _id: itemId,
      year,
      block: (last?.block ?? 0) + 1,
      firstSeq,
      lastSeq: firstSeq + prepared.enterprises.length - 1,
      status: 'issuing' as const,
      ...itemFields(prepared),
    };
    try {
      await ItemModel.create(item);
      return item;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // This very item exists already (issued once by another call): nothing more to do.
      if (await ItemModel.exists({ _id: itemId })) throw error;
      // Another issue took this block; back off a little (with jitter) and read again.
      await pause(Math.random() * Math.min(50, 2 + attempt * 2));
    }
  }

  throw new Error(`could not reserve notice numbers for ${year}: too much contention`);
}

async function lastBlock(year: number) {
  return ItemModel.findOne({ year }).sort({ block: -1 }).select({ block: 1, lastSeq: 1 }).lean();
}

function itemFields(prepared: PreparedIssue) {
  const enterprises = prepared.enterprises.map(({ id, name, shortName }) => ({
    id,
    name,
    shortName,
  }));

  return { ...prepared, enterprises };
}

/** Creates whatever of the item's records is missing, then marks it issued. Idempotent. */
async function completeIssue(
  itemId: string,
  assignments: Assignment[],
  origin: { actor: Actor; channel: Channel },
  policy: Policy,
): Promise<void> {
  await insertAssignments(assignments);
  await recordIssueEvents(assignments, origin);
  const entries = assignments.map((a) =>
    scoreEntry(a, 'noticeReceived', policy, { at: a.issuedAt, byOpenId: a.issuedBy.openId }),
  );
  await recordEntries(entries);
  await ItemModel.updateOne({ _id: itemId }, { $set: { status: 'issued' } });
}

async function recordIssueEvents(
  assignments: Assignment[],
  origin: { actor: Actor; channel: Channel },
): Promise<void> {
  const events: AuditEvent[] = assignments.map((a) => ({
    _id: randomUUID(),
    key: `${a.id}:v1`,
    assignmentId: a.id,
    version: 1,
    action: 'issue',
    actor: { openId: origin.actor.openId, name: origin.actor.name },
    channel: origin.channel,
    at: a.issuedAt,
    after: 'issued',
    applied: true,
    dispatched: false,
  }));
  try {
    await AuditEventModel.insertMany(events, { ordered: false });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/**
 * Finishes issues interrupted after their numbers were taken (older than `before`), so no
 * numbered notice is ever lost. Returns the ids of the items finished.
 */
export async function resumeIssuing(before: Date, policy: Policy): Promise<string[]> {
  const stuck = await ItemModel.find({ status: 'issuing', issuedAt: { $lt: before } }).lean();
  for (const item of stuck) {
    const assignments = assignmentsFor(
      item as unknown as NumberedIssue,
      { id: item._id, firstSeq: item.firstSeq },
      policy,
    );
    const actor = { ...item.issuedBy, officeRoles: [], enterpriseRoles: [] };
    await completeIssue(item._id, assignments, { actor, channel: 'system' }, policy);
  }

  return stuck.map((item) => item._id);
}
