import mongoose, { Schema } from 'mongoose';

/**
 * Urgent pushes (加急) that went out, `_id` `<messageId>:<kind>`: a retried push job skips one
 * already made. SMS and phone pushes cost money, so this record is checked before each push.
 */
const urgentPushSchema = new Schema(
  {
    _id: { type: String, required: true },
    messageId: { type: String, required: true },
    kind: { type: String, enum: ['app', 'sms', 'phone'], required: true },
    openIds: { type: [String], required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false, collection: 'urgent_pushes' },
);

// Only the unique `_id` is queried: "was this push made?".

export const UrgentPushModel = mongoose.model('UrgentPush', urgentPushSchema);
