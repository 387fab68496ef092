import mongoose, { Schema } from 'mongoose';
import type { Assignment } from '../domain/assignment.js';
import { assignmentStates, categories, levels } from '../domain/types.js';
import { personRefSchema as person, subdocument } from './schema-parts.js';

const planSchema = new Schema(
  {
    leader: person,
    department: String,
    owner: person,
    measures: String,
    plannedDay: String,
    at: Date,
    by: person,
  },
  subdocument,
);

const progressSchema = new Schema(
  { text: String, percent: Number, problems: String, nextSteps: String, at: Date, by: person },
  subdocument,
);

const feedbackSchema = new Schema(
  {
    result: String,
    completion: String,
    completionReason: String,
    links: [String],
    at: Date,
    by: person,
  },
  subdocument,
);

const signOffSchema = new Schema(
  { decision: String, comment: String, at: Date, by: person },
  subdocument,
);

const reviewSchema = new Schema(
  { decision: String, onTimeHighQuality: Boolean, reason: String, at: Date, by: person },
  subdocument,
);

const extensionSchema = new Schema(
  {
    seq: Number,
    requestedDay: String,
    reason: String,
    progress: String,
    requestedAt: Date,
    requestedBy: person,
    status: String,
    direct: Boolean,
    decidedDay: String,
    chosenDay: String,
    decisionReason: String,
    decidedAt: Date,
    decidedBy: person,
    previousDay: String,
    lapsedAt: Date,
  },
  subdocument,
);

const closingSchema = new Schema({ reason: String, at: Date, by: person }, subdocument);

/** One enterprise's 督办通知单. `_id` is `<year>-<seq>`. Written only through transitions. */
const assignmentSchema = new Schema(
  {
    _id: { type: String, required: true },
    itemId: { type: String, required: true },
    enterpriseId: { type: String, required: true },
    enterpriseName: { type: String, required: true },
    enterpriseShortName: { type: String, required: true },
    year: { type: Number, required: true },
    seq: { type: Number, required: true },
    noticeNumber: { type: String, required: true },
    title: { type: String, required: true },
    content: { type: String, required: true },
    category: { type: String, enum: categories, required: true },
    level: { type: String, enum: levels, required: true },
    confidential: { type: Boolean, required: true },
    form: { type: String, enum: ['written', 'oral'], required: true },
    issuedAt: { type: Date, required: true },
    issuedBy: { type: person, required: true },
    state: { type: String, enum: assignmentStates, required: true },
    version: { type: Number, required: true },
    deadline: { type: Date, required: true },
    deadlineDay: { type: String, required: true },
    originalDeadlineDay: { type: String, required: true },
    acknowledgedAt: Date,
    acknowledgedBy: person,
    plan: planSchema,
    progress: { type: [progressSchema], default: [] },
    feedback: feedbackSchema,
    signOffs: { type: [signOffSchema], default: [] },
    reviews: { type: [reviewSchema], default: [] },
    extensions: { type: [extensionSchema], default: [] },
    overdueAt: Date,
    completedAt: Date,
    completedDaysLate: Number,
    refusal: closingSchema,
    withdrawal: closingSchema,
    archivedAt: Date,
  },
  { versionKey: false, collection: 'assignments' },
);

// Notice numbers are unique per year (the id already is; this serves lookups by number).
assignmentSchema.index({ year: 1, seq: 1 }, { unique: true });
// "My assignments" and per-enterprise lists: an enterprise's assignments by state.
assignmentSchema.index({ enterpriseId: 1, state: 1 });
// Reminder planning, overdue scans and state-filtered lists, ordered by deadline.
assignmentSchema.index({ state: 1, deadline: 1 });
// The assignments of one item (issuing, resuming an interrupted issue).
assignmentSchema.index({ itemId: 1 });

export const AssignmentModel = mongoose.model('Assignment', assignmentSchema);

type StoredAssignment = Omit<Assignment, 'id'> & { _id: string };

/** The stored form of an assignment. */
export function toStored(assignment: Assignment): StoredAssignment {
  const { id, ...rest } = assignment;

  return { _id: id, ...rest };
}

/** The domain form of a stored (lean) assignment. */
export function fromStored(doc: StoredAssignment): Assignment {
  const { _id, ...rest } = doc;

  return { id: _id, ...rest } as Assignment;
}
