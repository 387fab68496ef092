import type { Assignment } from '../domain/assignment.js';
import { AssignmentModel, fromStored, toStored } from './assignment.model.js';
import { AuditEventModel } from './audit-event.model.js';
import { applyEvent, type AuditEvent } from './audit-event.repo.js';
import { isDuplicateKey } from './mongo-errors.js';

/**
 * Loads an assignment, first finishing any transition that was recorded but not yet written
 * to it (a process stopped half-way, or a concurrent writer overtook another).
 */
export async function loadAssignment(id: string): Promise<Assignment | null> {
  const doc = await AssignmentModel.findById(id).lean();
  if (!doc) return null;

  const pending = await AuditEventModel.find({ assignmentId: id, version: { $gt: doc.version } })
    .sort({ version: 1 })
    .lean<AuditEvent[]>();
  if (pending.length === 0) return fromStored(doc as Parameters<typeof fromStored>[0]);

  for (const event of pending) await applyEvent(event);
  const current = await AssignmentModel.findById(id).lean();

  return current ? fromStored(current as Parameters<typeof fromStored>[0]) : null;
}

/** Inserts new assignments; ones that already exist are left as they are. */
export async function insertAssignments(assignments: Assignment[]): Promise<void> {
  if (assignments.length === 0) return;
  const existing = await AssignmentModel.find({ _id: { $in: assignments.map((a) => a.id) } })
    .select({ _id: 1 })
    .lean();
  const known = new Set(existing.map((doc) => String(doc._id)));
  const fresh = assignments.filter((a) => !known.has(a.id)).map(toStored);
  if (fresh.length === 0) return;
  try {
    await AssignmentModel.insertMany(fresh, { ordered: false });
  } catch (error) {
    // Another process finishing the same issue inserted some first: they are the same records.
    if (!isDuplicateKey(error)) throw error;
  }
}
