import mongoose, { Schema } from 'mongoose';
import { categories, levels } from '../domain/types.js';
import { personRefSchema as person } from './schema-parts.js';

/**
 * 督办事项. Inserting an item reserves its block of notice numbers: the unique index on
 * (year, block) lets one of several concurrent issues take block k, and block k starts where
 * block k−1 ended, so numbers are gapless. `status` is `issuing` until every assignment,
 * audit event and ledger entry exists, so an interrupted issue can be finished.
 */
const itemSchema = new Schema(
  {
    _id: { type: String, required: true },
    year: { type: Number, required: true },
    block: { type: Number, required: true },
    firstSeq: { type: Number, required: true },
    lastSeq: { type: Number, required: true },
    status: { type: String, enum: ['issuing', 'issued'], required: true },
    title: { type: String, required: true },
    content: { type: String, required: true },
    category: { type: String, enum: categories, required: true },
    level: { type: String, enum: levels, required: true },
    confidential: { type: Boolean, required: true },
    form: { type: String, enum: ['written', 'oral'], required: true },
    /** The enterprises at issue, in numbering order (an interrupted issue is rebuilt from them). */
    enterprises: {
      type: [{ _id: false, id: String, name: String, shortName: String }],
      required: true,
    },
    issuedAt: { type: Date, required: true },
    issuedBy: { type: person, required: true },
    deadline: { type: Date, required: true },
    deadlineDay: { type: String, required: true },
    rule: { type: String, required: true },
    calendarFallback: { type: Boolean, default: false },
  },
  { versionKey: false, collection: 'items' },
);

// One block per (year, k): the guard that makes numbering unique under concurrency.
itemSchema.index({ year: 1, block: 1 }, { unique: true });
// Resuming issues interrupted half-way.
itemSchema.index({ status: 1, issuedAt: 1 });

export const ItemModel = mongoose.model('Item', itemSchema);
