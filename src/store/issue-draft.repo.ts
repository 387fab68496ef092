import { randomUUID } from 'node:crypto';
import type { IssueDraft } from '../domain/issue.js';
import type { PersonRef } from '../domain/types.js';
import { IssueDraftModel } from './issue-draft.model.js';

/** A stored preview: the draft as entered, who made it and when. */
export interface StoredDraft {
  id: string;
  draft: IssueDraft;
  createdBy: PersonRef;
  createdAt: Date;
}

/** Stores a draft for its preview; returns the new draft id. */
export async function saveDraft(draft: IssueDraft, by: PersonRef, at: Date): Promise<string> {
  const id = randomUUID();
  await IssueDraftModel.create({ _id: id, draft, createdBy: by, createdAt: at });

  return id;
}

/** The draft with this id, or null when it was cancelled or has expired. */
export async function loadDraft(id: string): Promise<StoredDraft | null> {
  const doc = await IssueDraftModel.findById(id).lean();
  if (!doc) return null;

  return {
    id: String(doc._id),
    draft: doc.draft as IssueDraft,
    createdBy: { openId: doc.createdBy.openId, name: doc.createdBy.name },
    createdAt: doc.createdAt,
  };
}

/** Removes a draft (取消); true if there was one. */
export async function deleteDraft(id: string): Promise<boolean> {
  const result = await IssueDraftModel.deleteOne({ _id: id });

  return result.deletedCount > 0;
}

/** Removes drafts created before `before` (expired previews); returns how many. */
export async function deleteDraftsBefore(before: Date): Promise<number> {
  const result = await IssueDraftModel.deleteMany({ createdAt: { $lt: before } });

  return result.deletedCount;
}
