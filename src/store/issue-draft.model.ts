import mongoose, { Schema } from 'mongoose';
import { personRefSchema as person } from './schema-parts.js';

/**
 * 交办 previews not yet confirmed: what the 督查室 filled in (by form or one-line command),
 * kept server-side so the preview card's buttons carry only the draft's id. `_id` is the draft
 * id, which also becomes the issued item's id: that is what makes confirming exactly-once.
 */
const issueDraftSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** The IssueDraft (src/domain/issue.ts) as entered: strings, booleans and enterprise ids. */
    draft: { type: Schema.Types.Mixed, required: true },
    createdBy: { type: person, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'issue_drafts', minimize: false },
);

// The clean-up job: drafts created before a moment (expired previews).
issueDraftSchema.index({ createdAt: 1 });

export const IssueDraftModel = mongoose.model('IssueDraft', issueDraftSchema);
