import { Schema } from 'mongoose';

/** A person named on a record: open_id and the name at the time. */
export const personRefSchema = new Schema(
  { openId: { type: String, required: true }, name: { type: String, required: true } },
  { _id: false },
);

/** Options for sub-documents: no own _id, no version key. */
export const subdocument = { _id: false, versionKey: false } as const;
