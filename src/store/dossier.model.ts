import mongoose, { Schema } from 'mongoose';

/**
 * 归档 dossiers: one per archived assignment (`_id` is the assignment id, so building it
 * twice keeps the first). Never updated: the hooks below refuse every update, so a frozen
 * record stays frozen even against a mistaken caller.
 */
const dossierSchema = new Schema(
  {
    _id: { type: String, required: true },
    archiveNumber: { type: String, required: true },
    year: { type: Number, required: true },
    retention: { type: String, required: true },
    archivedAt: { type: Date, required: true },
    archivedBy: { type: Schema.Types.Mixed, required: true },
    office: { type: Schema.Types.Mixed, required: true },
    assignment: { type: Schema.Types.Mixed, required: true },
    ledger: { type: [Schema.Types.Mixed], default: [] },
    reminders: { type: [Schema.Types.Mixed], default: [] },
    timeline: { type: [Schema.Types.Mixed], default: [] },
    // The printable notice as rendered when archived (HTML); absent in older dossiers.
    printedNotice: { type: String },
  },
  { versionKey: false, collection: 'dossiers' },
);

// The archive list of a year in archive-number order (operations pages).
dossierSchema.index({ year: 1, archiveNumber: 1 });

const refuseUpdate = () => {
  throw new Error('dossiers are immutable: archived records are never changed');
};
dossierSchema.pre(
  ['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'findOneAndReplace'],
  refuseUpdate,
);

export const DossierModel = mongoose.model('Dossier', dossierSchema);
