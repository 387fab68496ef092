import mongoose, { Schema } from 'mongoose';

/**
 * Feishu deliveries already handled: `_id` is `event:<event_id>` or `message:<message_id>`.
 * The unique `_id` is the durable half of deduplication (Redis keys are the fast half), so a
 * redelivery after Redis lost its keys still has no effect. Old rows are deleted by a periodic
 * job (TTL indexes are not available on the development store).
 */
const processedEventSchema = new Schema(
  {
    _id: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false, collection: 'processed_events' },
);

// The periodic clean-up: rows older than the retention.
processedEventSchema.index({ at: 1 });

export const ProcessedEventModel = mongoose.model('ProcessedEvent', processedEventSchema);
