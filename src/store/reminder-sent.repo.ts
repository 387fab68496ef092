import type { ReminderKind } from '../domain/reminder-plan.js';
import { isDuplicateKey } from './mongo-errors.js';
import { ReminderSentModel } from './reminder-sent.model.js';

/** A reminder as recorded in `reminders_sent`. */
export interface SentReminder {
  key: string;
  assignmentId: string;
  kind: ReminderKind;
  dueAt: Date;
  status: 'claimed' | 'sent';
  claimedAt: Date;
  sentAt?: Date;
  messages?: number;
}

/**
 * What a claim found: `claimed` (this caller is the first), `resumed` (an earlier attempt
 * claimed it and stopped before finishing: send again with the same message uuids), or
 * `sent` (already done: send nothing).
 */
export type ClaimResult = 'claimed' | 'resumed' | 'sent';

/** Claims a reminder before sending, by inserting its key; see ClaimResult. */
export async function claimReminder(
  reminder: Pick<SentReminder, 'key' | 'assignmentId' | 'kind' | 'dueAt'>,
  at: Date,
): Promise<ClaimResult> {
  const { key, ...fields } = reminder;
  try {
    await ReminderSentModel.create({ _id: key, ...fields, status: 'claimed', claimedAt: at });
    return 'claimed';
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }

  const existing = await ReminderSentModel.findById(key, { status: 1 }).lean();
  return existing?.status === 'sent' ? 'sent' : 'resumed';
}

/** Marks a claimed reminder as handed to the outbox in full. */
export async function markReminderSent(key: string, at: Date, messages: number): Promise<void> {
  await ReminderSentModel.updateOne(
    { _id: key },
    { $set: { status: 'sent', sentAt: at, messages } },
  );
}

/** Which of these keys were sent, and when (claims not finished count as unsent). */
export async function sentAmong(keys: string[]): Promise<Map<string, Date>> {
  if (keys.length === 0) return new Map();
  const docs = await ReminderSentModel.find(
    { _id: { $in: keys }, status: 'sent' },
    { _id: 1, sentAt: 1, claimedAt: 1 },
  ).lean();

  return new Map(docs.map((doc) => [String(doc._id), doc.sentAt ?? doc.claimedAt]));
}

/** An assignment's reminders, oldest first. */
export async function remindersOf(assignmentId: string): Promise<SentReminder[]> {
  const docs = await ReminderSentModel.find({ assignmentId }).sort({ dueAt: 1, _id: 1 }).lean();

  return docs.map(({ _id, ...rest }) => ({ key: String(_id), ...rest }) as SentReminder);
}
