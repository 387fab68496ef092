import type { Assignment } from './assignment.js';
import type { Policy } from './policy.js';
import { notAllowed, type Refusal } from './refusal.js';
import type { Actor, EnterpriseRole } from './types.js';

/** Everything a person can do to an assignment. */
export type AssignmentAction =
  | 'view'
  | 'acknowledge'
  | 'plan'
  | 'progress'
  | 'feedback'
  | 'signOff'
  | 'requestExtension'
  | 'decideExtension'
  | 'recordOverdue'
  | 'review'
  | 'refuse'
  | 'withdraw'
  | 'nudge'
  | 'archive';

/** What a person can do without an assignment. */
export type OfficeAction = 'issue' | 'queryAll' | 'statistics' | 'export' | 'reloadDirectory';

export type Permission = { ok: true } | Refusal;

const allowed: Permission = { ok: true };

/** Actions of the enterprise that holds the assignment, and who among it may act. */
const enterpriseActions: Partial<Record<AssignmentAction, EnterpriseRole[]>> = {
  acknowledge: ['liaison', 'head'],
  plan: ['liaison', 'head'],
  progress: ['liaison', 'head'],
  feedback: ['liaison', 'head'],
  requestExtension: ['liaison', 'head'],
  signOff: ['head'],
};

/** Actions of the 督查室; leaders may do whatever supervisors may. */
const officeActions: AssignmentAction[] = ['review', 'refuse', 'withdraw', 'nudge', 'archive'];

/**
 * May this person do this to this assignment? The one answer every entry point (card,
 * command, web) asks. The discipline role reads everything and changes nothing.
 */
export function authorize(
  actor: Actor,
  action: AssignmentAction,
  assignment: Assignment,
  policy: Policy,
): Permission {
  if (actor.system) return allowed;
  if (action === 'view') {
    return visibility(actor, assignment) === 'none' ? notYours(assignment) : allowed;
  }
  if (isDisciplineOnly(actor)) return notAllowed('纪检监察组仅可查阅，不能办理');

  const enterpriseRoles = enterpriseActions[action];
  if (enterpriseRoles) return authorizeEnterprise(actor, assignment, enterpriseRoles);
  if (action === 'decideExtension') return authorizeDecider(actor, assignment, policy);
  // Overdue is a fact of the clock: the −0.2 is the system's to record, nobody's to decide.
  if (action === 'recordOverdue') return notAllowed('逾期由系统按时限自动记录，不能手动记录');
  if (officeActions.includes(action)) {
    return isOfficeStaff(actor) ? allowed : notAllowed('无权操作：此操作由督查室办理');
  }

  return notAllowed('无权操作');
}

/** May this person do an office-wide action (issue, statistics, exports)? */
export function authorizeOffice(actor: Actor, action: OfficeAction): Permission {
  if (actor.system) return allowed;
  const reads: OfficeAction[] = ['queryAll', 'statistics', 'export'];
  if (reads.includes(action) && actor.officeRoles.length > 0) return allowed;
  if (isDisciplineOnly(actor)) return notAllowed('纪检监察组仅可查阅，不能办理');

  return isOfficeStaff(actor) ? allowed : notAllowed('无权操作：此操作由督查室办理');
}

/**
 * How much of an assignment this person may read. `full`: everything. `summary`: number,
 * title, state and deadline (confidential items for people outside the need to know).
 * `none`: another enterprise's matter.
 */
export function visibility(actor: Actor, assignment: Assignment): 'full' | 'summary' | 'none' {
  if (actor.system || actor.officeRoles.length > 0) return 'full';
  if (roleIn(actor, assignment.enterpriseId).length > 0) return 'full';
  const plan = assignment.plan;
  const named = plan && [plan.leader.openId, plan.owner.openId].includes(actor.openId);
  if (!named) return 'none';

  return assignment.confidential ? 'summary' : 'full';
}

/** The enterprise roles this person holds in the given enterprise. */
export function roleIn(actor: Actor, enterpriseId: string): EnterpriseRole[] {
  return actor.enterpriseRoles.filter((r) => r.enterpriseId === enterpriseId).map((r) => r.role);
}

export function isOfficeStaff(actor: Actor): boolean {
  return actor.officeRoles.includes('supervisor') || actor.officeRoles.includes('leader');
}

function isDisciplineOnly(actor: Actor): boolean {
  return actor.officeRoles.includes('discipline') && !isOfficeStaff(actor);
}

function authorizeEnterprise(
  actor: Actor,
  assignment: Assignment,
  roles: EnterpriseRole[],
): Permission {
  const held = roleIn(actor, assignment.enterpriseId);
  if (held.some((role) => roles.includes(role))) return allowed;
  if (held.length > 0) return notAllowed('需由第一责任人审签');

  return isOfficeStaff(actor) ? notAllowed('此操作由承办单位办理') : notYours(assignment);
}

function authorizeDecider(actor: Actor, assignment: Assignment, policy: Policy): Permission {
  // Nobody decides their own enterprise's request, whatever office role they also hold.
  const held = roleIn(actor, assignment.enterpriseId);
  if (held.length > 0) {
    const role = held.includes('head') ? '第一责任人' : '联系人';
    return notAllowed(`您是该企业的${role}，不能审批本企业的延期申请`);
  }

  const decider = policy.extensions.deciders[assignment.level];
  if (actor.officeRoles.includes('leader')) return allowed;
  if (decider === 'supervisor' && actor.officeRoles.includes('supervisor')) return allowed;

  return notAllowed(
    decider === 'leader' ? '无权审批：此延期需由局主要领导审批' : '无权审批：此延期由督查室审批',
  );
}

function notYours(assignment: Assignment): Refusal {
  return notAllowed(`无权操作：此事项由${assignment.enterpriseShortName}承办`);
}
