import mongoose, { Schema } from 'mongoose';
import { reminderKinds } from '../domain/reminder-plan.js';

/**
 * Every reminder pushed, one document per reminder. `_id` is the reminder key (assignment,
 * kind, due time): the unique insert that claims a reminder before anything is sent is what
 * keeps it from going out twice, whatever Redis loses or however many workers run.
 */
const reminderSentSchema = new Schema(
  {
    _id: { type: String, required: true },
    assignmentId: { type: String, required: true },
    kind: { type: String, enum: reminderKinds, required: true },
    dueAt: { type: Date, required: true },
    /** `claimed` until every message is in the outbox, then `sent`. */
    status: { type: String, enum: ['claimed', 'sent'], required: true },
    claimedAt: { type: Date, required: true },
    sentAt: Date,
    /** Messages handed to the outbox (one per person or chat). */
    messages: Number,
  },
  { versionKey: false, collection: 'reminders_sent' },
);

// An assignment's reminders, in time order (the dossier, 查看's timeline, tests).
reminderSentSchema.index({ assignmentId: 1, dueAt: 1 });

export const ReminderSentModel = mongoose.model('ReminderSent', reminderSentSchema);
