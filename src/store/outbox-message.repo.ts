import { isDuplicateKey } from './mongo-errors.js';
import { OutboxMessageModel, type outboxMessageStatuses } from './outbox-message.model.js';

export type OutboxMessageStatus = (typeof outboxMessageStatuses)[number];

/** An outbox message still waiting to be delivered, as the sweep reads it. */
export interface PendingOutboxMessage {
  id: string;
  message: { kind: string };
  alert: boolean;
  createdAt: Date;
}

/**
 * Records a message before it is queued. Answers `new` when this call recorded it, else the
 * status of the row already there: a second enqueue of a delivered or dead message queues
 * nothing, one of a pending message queues it again (BullMQ keeps one job per id).
 */
export async function recordOutboxMessage(
  record: { id: string; message: { kind: string }; alert: boolean },
  at: Date,
): Promise<'new' | OutboxMessageStatus> {
  const { id, ...fields } = record;
  try {
    await OutboxMessageModel.create({ _id: id, ...fields, status: 'pending', createdAt: at });
    return 'new';
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }

  const existing = await OutboxMessageModel.findById(id, { status: 1 }).lean();
  return (existing?.status as OutboxMessageStatus | undefined) ?? 'pending';
}

/**
 * Marks a message delivered (Feishu accepted it) or dead (a dead letter); drops the payload.
 *
 * Limitation: FerretDB 1.24 on SQLite reads the whole collection for an update by `_id` (about
 * 20 µs a row), so on the development stand-in this costs more as the collection grows; settled
 * rows are deleted after 2 days to keep it small. Real MongoDB uses the `_id` index.
 */
export async function settleOutboxMessage(
  id: string,
  status: Exclude<OutboxMessageStatus, 'pending'>,
  at: Date,
): Promise<void> {
  await OutboxMessageModel.updateOne(
    { _id: id },
    { $set: { status, settledAt: at }, $unset: { message: 1 } },
  );
}

/** Ids of messages still pending that were enqueued before `before`, oldest first. */
export async function pendingIdsBefore(before: Date): Promise<string[]> {
  const rows = await OutboxMessageModel.find(
    { status: 'pending', createdAt: { $lt: before } },
    { _id: 1 },
  )
    .sort({ createdAt: 1 })
    .lean();

  return rows.map((row) => String(row._id));
}

/** The message if it is still pending (read again just before acting on it), else null. */
export async function findPending(id: string): Promise<PendingOutboxMessage | null> {
  const row = await OutboxMessageModel.findOne({ _id: id, status: 'pending' }).lean();
  if (!row?.message) return null;

  return {
    id,
    message: row.message as { kind: string },
    alert: row.alert ?? false,
    createdAt: row.createdAt,
  };
}

/** Deletes settled rows enqueued before `before`; answers how many went. */
export async function deleteSettledBefore(before: Date): Promise<number> {
  const result = await OutboxMessageModel.deleteMany({
    status: { $in: ['delivered', 'dead'] },
    createdAt: { $lt: before },
  });

  return result.deletedCount;
}
