import mongoose from 'mongoose';
import type { Dossier, ReminderRecord } from '../domain/dossier.js';
import { DossierModel } from './dossier.model.js';
import { isDuplicateKey } from './mongo-errors.js';

/** The reminders feature's record of what it sent (src/store/reminder-sent.model.ts). */
const remindersCollection = 'reminders_sent';

/** Stores a dossier; false if the assignment already has one (which is kept unchanged). */
export async function insertDossier(dossier: Dossier): Promise<boolean> {
  const { assignmentId, ...fields } = dossier;
  try {
    await DossierModel.create({ _id: assignmentId, ...fields });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/** The dossier of an assignment, or null when it has not been archived. */
export async function loadDossier(assignmentId: string): Promise<Dossier | null> {
  const doc = await DossierModel.findById(assignmentId).lean();
  if (!doc) return null;
  const { _id, ...fields } = doc;

  return { assignmentId: _id, ...fields } as unknown as Dossier;
}

/** A year's dossiers, archive number and assignment id only, in archive-number order. */
export async function listDossiers(
  year: number,
): Promise<Array<{ assignmentId: string; archiveNumber: string }>> {
  const docs = await DossierModel.find({ year }, { archiveNumber: 1 })
    .sort({ archiveNumber: 1 })
    .lean();

  return docs.map((d) => ({ assignmentId: String(d._id), archiveNumber: d.archiveNumber }));
}

/**
 * The reminders sent for an assignment, in time order, read from the reminders record by
 * collection name (empty when none were sent or that feature is not deployed).
 */
export async function remindersSentFor(assignmentId: string): Promise<ReminderRecord[]> {
  return mongoose.connection
    .collection<ReminderRecord & { assignmentId: string }>(remindersCollection)
    .find(
      { assignmentId },
      { projection: { _id: 0, kind: 1, dueAt: 1, status: 1, sentAt: 1, messages: 1 } },
    )
    .sort({ dueAt: 1 })
    .toArray();
}
