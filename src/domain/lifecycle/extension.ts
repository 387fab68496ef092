import { pendingExtension, type Extension } from '../assignment.js';
import { atTime } from '../dates.js';
import { shortMoment } from '../format.js';
import { alreadyDone } from '../refusal.js';
import { isOpen } from '../types.js';
import { grantedDay, noPendingRequest, placeExtensionDay } from './extension-day.js';
import { firstRefusal, isRefusal, readText } from './input.js';
import { precheck, refOf, stateRefusal, transitioned, type Transition } from './outcome.js';

/** An extension may be asked for until the result has been submitted. */
const requestableStates = ['issued', 'acknowledged', 'in_progress'];

export interface ExtensionRequestInput {
  /** 申请延至, 'YYYY-MM-DD' (already checked to exist by the caller's parser). */
  day?: string;
  reason?: string;
  /** 目前进展. */
  progress?: string;
}

/**
 * 申请延期: the liaison or head asks for a later deadline, with reason and progress. The day is
 * recorded as asked; a rest day is granted as the next working day (checked against the cap now).
 */
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
  const invalid = firstRefusal(reason, progress, placeExtensionDay(a, input.day, context));
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
  /** The day granted; defaults to the day requested. A rest day becomes the next working day. */
  day?: string;
  /** Required to refuse. */
  reason?: string;
}

/**
 * 延期审批: the policy's decider grants (possibly another day) or refuses, while the matter is
 * open: a request left pending on a closed matter is never decided.
 */
export const decideExtension: Transition<ExtensionDecisionInput> = (a, actor, input, context) => {
  const refusal = precheck(a, actor, 'decideExtension', context);
  if (refusal) return refusal;
  if (!isOpen(a.state)) return stateRefusal(a);
  const pending = pendingExtension(a);
  if (!pending) return noPendingRequest(a);

  const optional = input.approve;
  const { policy } = context;
  const reason = readText(input.reason, 'reason', '不批准理由', policy.limits.reason, optional);
  if (isRefusal(reason)) return reason;
  const placed = input.approve
    ? placeExtensionDay(a, input.day ?? pending.requestedDay, context)
    : null;
  if (isRefusal(placed)) return placed;

  const decided: Extension = {
    ...pending,
    status: placed ? 'approved' : 'rejected',
    ...(placed ? grantedDay(placed) : {}),
    decisionReason: reason,
    decidedAt: context.now,
    decidedBy: refOf(actor),
  };
  const extensions = a.extensions.map((e) => (e.seq === pending.seq ? decided : e));
  const deadline = placed
    ? { deadlineDay: placed.day, deadline: atTime(placed.day, policy.deadlines.endOfDay) }
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
