import type { Assignment } from '../domain/assignment.js';
import {
  transitions,
  type InputOf,
  type Transition,
  type TransitionContext,
  type TransitionName,
} from '../domain/lifecycle/index.js';
import { refuse, type Refusal } from '../domain/refusal.js';
import type { Actor, Channel } from '../domain/types.js';
import { loadAssignment } from './assignment.repo.js';
import {
  applyEvent,
  claimTransition,
  recordRefusalEvent,
  transitionEvent,
  type AuditEvent,
} from './audit-event.repo.js';

export interface ActionRequest<Name extends TransitionName> {
  assignmentId: string;
  action: Name;
  actor: Actor;
  input: InputOf<Name>;
  channel: Channel;
  /** The version the card was built from; another current version makes the click stale. */
  cardVersion?: number;
}

export type ActionResult =
  | { ok: true; assignment: Assignment; event: AuditEvent }
  | { ok: false; refusal: Refusal; assignment: Assignment | null; stale: boolean };

/** Rounds of "someone else changed it first, decide again" before giving up. */
const maxAttempts = 8;

/**
 * Carries out one action on one assignment: decide with the pure transition, claim the next
 * version with a unique insert, then write the result. Two identical concurrent actions make
 * one change; the other is decided again on the new state and gets `alreadyDone`. Every
 * refusal is recorded in the audit trail.
 */
export async function performAction<Name extends TransitionName>(
  request: ActionRequest<Name>,
  context: TransitionContext,
): Promise<ActionResult> {
  const origin = { actor: request.actor, channel: request.channel, at: context.now };

  for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
    const current = await loadAssignment(request.assignmentId);
    if (!current) return refused(null, refuse('invalidInput', '未找到该督办事项'), false);

    // The map pairs each name with its own input type; TypeScript cannot follow it by name.
    const transition = transitions[request.action] as Transition<InputOf<Name>>;
    const outcome = transition(current, request.actor, request.input, context);
    if (!outcome.ok) return refusedAndRecorded(current, request.action, outcome, origin, false);
    if (request.cardVersion !== undefined && request.cardVersion !== current.version) {
      const stale = refuse('wrongState', '卡片已更新，请在最新卡片上操作');
      return refusedAndRecorded(current, request.action, stale, origin, true);
    }

    const event = transitionEvent(outcome, origin);
    if (!(await claimTransition(event))) continue;
    await applyEvent(event);

    return { ok: true, assignment: outcome.next, event: { ...event, applied: true } };
  }

  throw new Error(`assignment ${request.assignmentId}: no transition after ${maxAttempts} tries`);
}

async function refusedAndRecorded(
  assignment: Assignment,
  action: string,
  refusal: Refusal,
  origin: Parameters<typeof recordRefusalEvent>[3],
  stale: boolean,
): Promise<ActionResult> {
  await recordRefusalEvent(assignment, action, refusal, origin);

  return refused(assignment, refusal, stale);
}

function refused(assignment: Assignment | null, refusal: Refusal, stale: boolean): ActionResult {
  return { ok: false, refusal, assignment, stale };
}
