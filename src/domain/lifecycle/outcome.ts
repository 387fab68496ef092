import type { Assignment } from '../assignment.js';
import type { WorkingCalendar } from '../calendar.js';
import type { LedgerEntry } from '../ledger.js';
import { authorize, type AssignmentAction } from '../permissions.js';
import type { Policy } from '../policy.js';
import { wrongState, type Refusal } from '../refusal.js';
import type { Actor, AssignmentState, PersonRef } from '../types.js';

/** What every transition is given besides the assignment, the actor and the input. */
export interface TransitionContext {
  now: Date;
  policy: Policy;
  /** Working days, for deadlines people choose (an extension's day moves off a rest day). */
  calendar: WorkingCalendar;
}

/** Names of the transitions, as recorded in the audit trail. */
export type TransitionName =
  | 'acknowledge'
  | 'submitPlan'
  | 'reportProgress'
  | 'submitFeedback'
  | 'signOff'
  | 'review'
  | 'recordRefusal'
  | 'withdraw'
  | 'requestExtension'
  | 'decideExtension'
  | 'grantExtension'
  | 'recordOverdue'
  | 'archive';

/** What happened, for the audit trail and for notifications. */
export interface TransitionEvent {
  action: TransitionName;
  from: AssignmentState;
  to: AssignmentState;
  /** The reason or comment the actor gave, if any. */
  reason?: string;
  /** A refinement of the action: `approved`/`rejected`, `complete`/`return`/`perfunctory`. */
  outcome?: string;
  /** When it took effect, if not when recorded (overdue: the moment the deadline passed). */
  at?: Date;
}

export interface Transitioned {
  ok: true;
  next: Assignment;
  event: TransitionEvent;
  /** Score entries the change earns (unique keys: recording twice keeps one). */
  ledger: LedgerEntry[];
  /**
   * Cancel every score entry of this assignment with a counter-entry giving this reason
   * (a withdrawn notice costs the enterprise nothing). The store knows the entries.
   */
  reverseLedger?: string;
}

export type Outcome = Transitioned | Refusal;

export type Transition<Input> = (
  assignment: Assignment,
  actor: Actor,
  input: Input,
  context: TransitionContext,
) => Outcome;

/** Why a change is not possible in each state, as the user reads it. */
const stateMessages: Record<AssignmentState, string> = {
  issued: '请先签收该督办通知单',
  acknowledged: '请先填报承办措施',
  in_progress: '该督办正在办理中',
  awaiting_signoff: '反馈已提交，待第一责任人审签',
  under_review: '反馈已报送，督查室审核中',
  completed: '该督办已办结',
  archived: '该督办已归档，不能再修改',
  refused: '该督办已认定为拒不办理',
  withdrawn: '该督办已撤销，无需办理',
};

export function stateRefusal(assignment: Assignment): Refusal {
  return wrongState(stateMessages[assignment.state]);
}

/**
 * The checks every transition starts with: archived records reject every change, then the
 * permission function answers for the role and enterprise.
 */
export function precheck(
  assignment: Assignment,
  actor: Actor,
  action: AssignmentAction,
  context: TransitionContext,
): Refusal | null {
  if (assignment.state === 'archived') return stateRefusal(assignment);
  const permission = authorize(actor, action, assignment, context.policy);

  return permission.ok ? null : permission;
}

/** The actor as recorded on the assignment. */
export function refOf(actor: Actor): PersonRef {
  return { openId: actor.openId, name: actor.name };
}

/** A successful change: the next assignment (version bumped) and its event. */
export function transitioned(
  assignment: Assignment,
  changes: Partial<Assignment>,
  event: Omit<TransitionEvent, 'from' | 'to'>,
  ledger: LedgerEntry[] = [],
): Transitioned {
  const next: Assignment = { ...assignment, ...changes, version: assignment.version + 1 };

  return { ok: true, next, event: { ...event, from: assignment.state, to: next.state }, ledger };
}
