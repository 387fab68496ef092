import { randomUUID } from 'node:crypto';
import type { Assignment } from '../domain/assignment.js';
import type { LedgerEntry } from '../domain/ledger.js';
import type { Transitioned } from '../domain/lifecycle/outcome.js';
import type { Refusal } from '../domain/refusal.js';
import type { Actor, Channel, PersonRef } from '../domain/types.js';
import { AssignmentModel, toStored } from './assignment.model.js';
import { AuditEventModel } from './audit-event.model.js';
import { recordEntries, reverseAll } from './ledger.repo.js';
import { isDuplicateKey } from './mongo-errors.js';

/** An audit event as stored (see audit-event.model.ts). */
export interface AuditEvent {
  _id: string;
  key: string;
  assignmentId: string | null;
  version?: number;
  action: string;
  outcome?: string;
  actor: PersonRef;
  channel: Channel;
  at: Date;
  before?: string;
  after?: string;
  reason?: string;
  refusal?: { code: string; message: string };
  snapshot?: Assignment;
  ledger?: LedgerEntry[];
  reverseLedger?: string;
  applied: boolean;
  dispatched: boolean;
}

interface Origin {
  actor: Actor;
  channel: Channel;
  at: Date;
}

/** The event recording a transition; its key claims the assignment's next version. */
export function transitionEvent(change: Transitioned, origin: Origin): AuditEvent {
  const { next, event } = change;

  return {
    _id: randomUUID(),
    key: `${next.id}:v${next.version}`,
    assignmentId: next.id,
    version: next.version,
    action: event.action,
    outcome: event.outcome,
    actor: { openId: origin.actor.openId, name: origin.actor.name },
    channel: origin.channel,
    at: event.at ?? origin.at,
    before: event.from,
    after: event.to,
    reason: event.reason,
    snapshot: next,
    ledger: change.ledger,
    reverseLedger: change.reverseLedger,
    applied: false,
    dispatched: false,
  };
}

/**
 * Claims the transition: true if this event's key was free, false if another action already
 * took this version of the assignment.
 */
export async function claimTransition(event: AuditEvent): Promise<boolean> {
  try {
    await AuditEventModel.create(event);
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/**
 * Writes a claimed transition's effects: the snapshot, score entries, reversals. Idempotent,
 * so whoever finds the event unapplied (the claimer, a reader, the sweeper) may run it.
 */
export async function applyEvent(event: AuditEvent): Promise<void> {
  if (event.snapshot) await writeSnapshot(event.snapshot);
  await recordEntries(event.ledger ?? []);
  if (event.reverseLedger && event.assignmentId) {
    const reason = event.reverseLedger;
    await reverseAll(event.assignmentId, { at: event.at, byOpenId: event.actor.openId, reason });
  }
  if (!event.applied)
    await AuditEventModel.updateOne({ _id: event._id }, { $set: { applied: true } });
}

/** Appends a refusal to the trail: who tried what, and why it was refused. */
export async function recordRefusalEvent(
  assignment: Assignment | null,
  action: string,
  refusal: Refusal,
  origin: Origin,
): Promise<void> {
  await appendNote(assignment?.id ?? null, action, origin, {
    before: assignment?.state,
    after: assignment?.state,
    refusal: { code: refusal.code, message: refusal.message },
    dispatched: true,
  });
}

/**
 * Appends an event that changes nothing (a 催办, an inspection note). `dispatched: false` if
 * it has notifications to send.
 */
export async function appendNote(
  assignmentId: string | null,
  action: string,
  origin: Origin,
  fields: Partial<AuditEvent> = {},
): Promise<AuditEvent> {
  const id = randomUUID();
  const event: AuditEvent = {
    _id: id,
    key: `note:${id}`,
    assignmentId,
    action,
    actor: { openId: origin.actor.openId, name: origin.actor.name },
    channel: origin.channel,
    at: origin.at,
    applied: true,
    dispatched: false,
    ...fields,
  };
  await AuditEventModel.create(event);

  return event;
}

/** An assignment's timeline, oldest first. */
export async function timelineOf(assignmentId: string): Promise<AuditEvent[]> {
  return AuditEventModel.find({ assignmentId }).sort({ at: 1, version: 1 }).lean<AuditEvent[]>();
}

/** Marks an event's notifications as handed to the outbox. */
export async function markDispatched(eventId: string): Promise<void> {
  await AuditEventModel.updateOne({ _id: eventId }, { $set: { dispatched: true } });
}

/** Events whose notifications were never handed over, older than `before` (the sweeper). */
export async function undispatchedEvents(before: Date, limit = 100): Promise<AuditEvent[]> {
  return AuditEventModel.find({ dispatched: false, at: { $lt: before } })
    .sort({ at: 1 })
    .limit(limit)
    .lean<AuditEvent[]>();
}

/** Writes a transition's result, unless the assignment has already moved past it. */
async function writeSnapshot(snapshot: Assignment): Promise<void> {
  const { _id, ...fields } = toStored(snapshot);
  await AssignmentModel.updateOne({ _id, version: snapshot.version - 1 }, { $set: fields });
}
