import { pendingExtension, type Extension } from '../assignment.js';
import { atTime } from '../dates.js';
import { deadlineCap } from '../deadlines.js';
import { shortMoment } from '../format.js';
import { alreadyDone, invalidInput, wrongState, type Refusal } from '../refusal.js';
import { firstRefusal, isRefusal, readText } from './input.js';
import {
  precheck,
  refOf,
  stateRefusal,
  transitioned,
  type TransitionContext,
  type Transition,
} from './outcome.js';
import type { Assignment } from '../assignment.js';

/** An extension may be asked for until the result has been submitted. */
const requestableStates = ['issued', 'acknowledged', 'in_progress'];

export interface ExtensionRequestInput {
  /** 申请延至, 'YYYY-MM-DD' (already checked to exist by the caller's parser). */
  day?: string;
  reason?: string;
  /** 目前进展. */
  progress?: string;
}

/** 申请延期: the liaison or head asks for a later deadline, with reason and progress. */
export const requestExtension: Transition<ExtensionRequestInput> = (a, actor, input, context) => {
  const refusal = precheck(a, actor, 'requestExtension', context);
  if (refusal) return refusal;
  const pending = pendingExtension(a);
  if (pending) {
    const { requestedBy, requestedAt } = pending;
    return alreadyDone(`已有延期申请待审批（${requestedBy.name} ${shortMoment(requestedAt)}）`);
  }
  if (!requestableStates.includes(a.state)) return stateRefusal(a);

  const { limits } = context.policy;
  const reason = readText(input.reason, 'reason', '延期原因', limits.reason);
  const progress = readText(input.progress, 'progress', '目前进展', limits.content, true);
  const invalid = firstRefusal(reason, progress) ?? checkDay(a, input.day, context);
  if (invalid) return invalid;

  const extension: Extension = {
    seq: a.extensions.length + 1,
    requestedDay: input.day as string,
    reason: reason as string,
    progress: progress as string,
    requestedAt: context.now,
    requestedBy: refOf(actor),
    status: 'pending',
    previousDay: a.deadlineDay,
  };

  return transitioned(
    a,
    { extensions: [...a.extensions, extension] },
    { action: 'requestExtension', reason: extension.reason },
  );
};

export interface ExtensionDecisionInput {
  approve: boolean;
  /** The day granted; defaults to the day requested. */
  day?: string;
  /** Required to refuse. */
  reason?: string;
}

/** 延期审批: the policy's decider grants (possibly another day) or refuses. */
export const decideExtension: Transition<ExtensionDecisionInput> = (a, actor, input, context) => {
  const refusal = precheck(a, actor, 'decideExtension', context);
  if (refusal) return refusal;
  const pending = pendingExtension(a);
  if (!pending) return noPendingRequest(a);

  const optional = input.approve;
  const reason = readText(
    input.reason,
    'reason',
    '不批准理由',
    context.policy.limits.reason,
    optional,
  );
  if (isRefusal(reason)) return reason;
  const day = input.day ?? pending.requestedDay;
  const invalidDay = input.approve ? checkDay(a, day, context) : null;
  if (invalidDay) return invalidDay;

  const decided: Extension = {
    ...pending,
    status: input.approve ? 'approved' : 'rejected',
    decidedDay: input.approve ? day : undefined,
    decisionReason: reason,
    decidedAt: context.now,
    decidedBy: refOf(actor),
  };
  const extensions = a.extensions.map((e) => (e.seq === pending.seq ? decided : e));
  const deadline = input.approve
    ? { deadlineDay: day, deadline: atTime(day, context.policy.deadlines.endOfDay) }
    : {};

  return transitioned(
    a,
    { extensions, ...deadline },
    {
      action: 'decideExtension',
      outcome: input.approve ? 'approved' : 'rejected',
      reason: reason || undefined,
    },
  );
};

/** The day must be later than the current deadline and within the policy's cap. */
function checkDay(a: Assignment, day: string | undefined, context: TransitionContext) {
  if (!day) return invalidInput('请选择延期后的日期', 'day');
  if (day <= a.deadlineDay) return invalidInput(`延期日期须晚于当前时限 ${a.deadlineDay}`, 'day');
  const cap = deadlineCap(a.issuedAt, a.level, a.originalDeadlineDay, context.policy);
  if (day > cap) {
    const days = context.policy.deadlines.maxDaysFromIssue;
    return invalidInput(`延期不能晚于 ${cap}（交办之日起最长 ${days} 日）`, 'day');
  }

  return null;
}

function noPendingRequest(a: Assignment): Refusal {
  const last = a.extensions.at(-1);
  if (!last?.decidedBy || !last.decidedAt) return wrongState('没有待审批的延期申请');
  const verdict = last.status === 'approved' ? `批准延至 ${last.decidedDay}` : '不批准';

  return alreadyDone(
    `该延期申请已由 ${last.decidedBy.name} 于 ${shortMoment(last.decidedAt)} ${verdict}`,
  );
}
