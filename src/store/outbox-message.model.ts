import mongoose, { Schema } from 'mongoose';

/** Where an outbox message is: waiting to be sent, accepted by Feishu, or a dead letter. */
export const outboxMessageStatuses = ['pending', 'delivered', 'dead'] as const;

/**
 * Every outbox message that must not be lost (sends, replies, files, urgent pushes), written
 * before its BullMQ job so that Redis holds only a copy. `_id` is the outbox job id (it derives
 * from the message uuid), so enqueueing a message twice keeps one row. The payload is kept while
 * pending, so the redelivery sweep can queue the message again, and dropped once settled.
 */
const outboxMessageSchema = new Schema(
  {
    _id: { type: String, required: true },
    status: { type: String, enum: outboxMessageStatuses, required: true },
    /** The outbox job's message, as queued; removed once delivered or dead. */
    message: Schema.Types.Mixed,
    /** A dead-letter alert: its own failure raises no further alert. */
    alert: { type: Boolean, default: false },
    /** When it was first enqueued (by the runtime clock): the age the sweep judges by. */
    createdAt: { type: Date, required: true },
    /** When Feishu accepted it, or it became a dead letter. */
    settledAt: Date,
  },
  { versionKey: false, collection: 'outbox_messages' },
);

// The sweep (pending rows older than a moment) and the clean-up (settled rows older than one).
outboxMessageSchema.index({ status: 1, createdAt: 1 });

export const OutboxMessageModel = mongoose.model('OutboxMessage', outboxMessageSchema);
