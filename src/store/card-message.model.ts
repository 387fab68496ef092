import mongoose, { Schema } from 'mongoose';

/**
 * Where each tracked card went (liaison, head, group chat each hold a copy), so every copy can
 * be patched when its assignment changes. One row per Feishu message; a retried send gets the
 * same message id back (uuid) and records nothing new.
 */
const cardMessageSchema = new Schema(
  {
    _id: { type: String, required: true },
    assignmentId: { type: String, required: true },
    purpose: { type: String, required: true },
    receiver: {
      _id: false,
      type: { type: String, enum: ['open_id', 'chat_id'], required: true },
      id: { type: String, required: true },
    },
    sentAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'card_messages' },
);

// `_id` is the message id: unique, and the look-up of a message's receiver (alerts).
// All copies of an assignment's card (of one purpose), oldest first.
cardMessageSchema.index({ assignmentId: 1, purpose: 1, sentAt: 1 });

export const CardMessageModel = mongoose.model('CardMessage', cardMessageSchema);
