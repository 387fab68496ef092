import mongoose, { Schema, type Types } from 'mongoose';
import type { Directory } from '../domain/types.js';

/** One load of DIRECTORY_FILE: what was loaded, from where, and when. Never updated. */
export interface DirectorySnapshotRecord {
  _id: Types.ObjectId;
  loadedAt: Date;
  /** The file path the directory was read from. */
  source: string;
  /** sha256 of the file content, hex: a load stores a snapshot only when it differs. */
  hash: string;
  directory: Directory;
}

const directorySnapshotSchema = new Schema<DirectorySnapshotRecord>(
  {
    loadedAt: { type: Date, required: true },
    source: { type: String, required: true },
    hash: { type: String, required: true },
    // Mixed: the value was validated by the directory file schema before it is stored, and
    // is read back whole, never queried inside.
    directory: { type: Schema.Types.Mixed, required: true },
  },
  { versionKey: false, minimize: false },
);

// The latest snapshot: find().sort({ loadedAt: -1, _id: -1 }).limit(1).
directorySnapshotSchema.index({ loadedAt: -1, _id: -1 });

/** Every directory ever loaded, newest last; the newest is the one in force. */
export const DirectorySnapshot = mongoose.model<DirectorySnapshotRecord>(
  'DirectorySnapshot',
  directorySnapshotSchema,
);
