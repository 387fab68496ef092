import mongoose, { Schema } from 'mongoose';

/** Score entries (policy §六(三)). Never updated or deleted; corrections are counter-entries. */
const ledgerEntrySchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    enterpriseId: { type: String, required: true },
    assignmentId: { type: String, required: true },
    noticeNumber: { type: String, required: true },
    year: { type: Number, required: true },
    milliPoints: { type: Number, required: true },
    reason: { type: String, required: true },
    at: { type: Date, required: true },
    byOpenId: { type: String, required: true },
    reverses: String,
  },
  { versionKey: false, collection: 'ledger_entries' },
);

// The annual totals and an enterprise's ledger for a year, in order.
ledgerEntrySchema.index({ year: 1, enterpriseId: 1, at: 1 });
// An assignment's entries (the dossier, reversing on withdrawal).
ledgerEntrySchema.index({ assignmentId: 1 });

// Entries are only ever inserted: every update or delete through the model is refused, so a
// mistaken caller cannot rewrite a score (tests empty the collection through the driver).
const refuseChange = () => {
  throw new Error('ledger entries are never changed: record a counter-entry with a reason');
};
ledgerEntrySchema.pre(
  [
    'updateOne',
    'updateMany',
    'findOneAndUpdate',
    'replaceOne',
    'findOneAndReplace',
    'deleteOne',
    'deleteMany',
    'findOneAndDelete',
  ],
  { document: false, query: true },
  refuseChange,
);
ledgerEntrySchema.pre('deleteOne', { document: true, query: false }, refuseChange);
ledgerEntrySchema.pre('save', function refuseResave() {
  if (!this.isNew) refuseChange();
});

/** `_id` is the entry's key, so recording an entry twice keeps one. */
export const LedgerEntryModel = mongoose.model('LedgerEntry', ledgerEntrySchema);
