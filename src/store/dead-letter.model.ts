import mongoose, { Schema } from 'mongoose';

/**
 * Outbox messages that failed for good (a permanent error, or the last retry), kept with the
 * message itself so 重试 can send it again. `_id` is the outbox job id, so a job that records
 * its failure twice (crash and retry) keeps one row.
 */
const deadLetterSchema = new Schema(
  {
    _id: { type: String, required: true },
    message: { type: Schema.Types.Mixed, required: true },
    error: {
      _id: false,
      code: { type: Schema.Types.Mixed, required: true },
      message: { type: String, required: true },
      status: Number,
    },
    attempts: { type: Number, required: true },
    failedAt: { type: Date, required: true },
    /** A failed alert about another failure: recorded, never alerted about. */
    alert: { type: Boolean, default: false },
    retriedAt: Date,
    retriedBy: { _id: false, openId: String, name: String },
  },
  { versionKey: false, collection: 'dead_letters' },
);

// The operations view: most recent failures first.
deadLetterSchema.index({ failedAt: -1 });

export const DeadLetterModel = mongoose.model('DeadLetter', deadLetterSchema);
