import mongoose, { Schema } from 'mongoose';
import { personRefSchema as person } from './schema-parts.js';

/**
 * The audit trail: one document per transition, refusal or note, never changed except for
 * the two progress flags. A transition's `key` is `<assignmentId>:v<version>`: the unique index
 * on it is what lets exactly one of several concurrent actions happen (docs/decisions.md).
 * Its `snapshot` is the assignment after the change, so an interrupted write can be finished.
 */
const auditEventSchema = new Schema(
  {
    _id: { type: String, required: true },
    key: { type: String, required: true },
    assignmentId: { type: String, default: null },
    /** The assignment's version after a transition; absent for refusals and notes. */
    version: Number,
    action: { type: String, required: true },
    outcome: String,
    actor: { type: person, required: true },
    channel: { type: String, enum: ['card', 'command', 'web', 'system'], required: true },
    at: { type: Date, required: true },
    before: String,
    after: String,
    reason: String,
    refusal: { _id: false, code: String, message: String },
    snapshot: Schema.Types.Mixed,
    ledger: [Schema.Types.Mixed],
    reverseLedger: String,
    /** Snapshot written to the assignment and ledger entries recorded. */
    applied: { type: Boolean, default: false },
    /** Notifications for this event handed to the outbox. */
    dispatched: { type: Boolean, default: false },
  },
  { versionKey: false, collection: 'audit_events' },
);

// Exactly one transition per assignment version; refusals and notes get a random key.
auditEventSchema.index({ key: 1 }, { unique: true });
// An assignment's timeline, and transitions newer than the stored version (roll-forward).
auditEventSchema.index({ assignmentId: 1, version: 1 });
// The sweeper: applied transitions whose notifications were not handed over.
auditEventSchema.index({ dispatched: 1, at: 1 });

export const AuditEventModel = mongoose.model('AuditEvent', auditEventSchema);
