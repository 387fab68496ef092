import mongoose, { Schema } from 'mongoose';

/**
 * Reports sent to leaders (the weekly digest), one per period: `_id` is derived from the
 * period (`digest-2025-W22`), so building the same week's digest twice keeps the first and
 * sends nothing new. The figures are stored as sent, for the record.
 */
const reportSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, enum: ['digest'], required: true },
    generatedAt: { type: Date, required: true },
    figures: { type: Schema.Types.Mixed, required: true },
  },
  { versionKey: false, collection: 'reports' },
);

// The latest reports first (operations pages).
reportSchema.index({ kind: 1, generatedAt: -1 });

export const ReportModel = mongoose.model('Report', reportSchema);

/**
 * 阅示: a leader's remarks on a report, one per leader and report (`_id` is
 * `<reportId>:<openId>`). A document of its own rather than an array on the report, because
 * the stand-in store can lose one of two concurrent updates to the same document, while a
 * unique insert cannot be lost or doubled.
 */
const reportRemarkSchema = new Schema(
  {
    _id: { type: String, required: true },
    reportId: { type: String, required: true },
    by: { _id: false, openId: String, name: String },
    text: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { versionKey: false, collection: 'report_remarks' },
);

// A report's remarks in the order they were written.
reportRemarkSchema.index({ reportId: 1, at: 1 });

export const ReportRemarkModel = mongoose.model('ReportRemark', reportRemarkSchema);
