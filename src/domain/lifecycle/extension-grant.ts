import { pendingExtension, type Extension } from '../assignment.js';
import { atTime } from '../dates.js';
import { shortMoment } from '../format.js';
import { invalidInput, wrongState } from '../refusal.js';
import { isOpen } from '../types.js';
import { alreadyExtended, grantedDay, placeExtensionDay } from './extension-day.js';
import { isRefusal, readText } from './input.js';
import { precheck, refOf, stateRefusal, transitioned, type Transition } from './outcome.js';

// Nobody asked, so the reason is what the enterprise and the record will read.
const withoutReason = invalidInput(
  '没有待审批的延期申请。如需直接延长时限，请在日期后写明原因',
  'reason',
);

export interface ExtensionGrantInput {
  /** The new deadline day, 'YYYY-MM-DD'; a rest day becomes the next working day. */
  day?: string;
  /** Why; required, since nobody asked. */
  reason?: string;
}

/**
 * 延期 set by the decider without a request (DESIGN §6: 延期 <编号> <日期> [原因] as an office
 * command): the same decider, cap and working-day rule as a decision, recorded as an extension
 * asked and granted by them at once.
 */
export const grantExtension: Transition<ExtensionGrantInput> = (a, actor, input, context) => {
  const refusal = precheck(a, actor, 'decideExtension', context);
  if (refusal) return refusal;
  if (!isOpen(a.state)) return stateRefusal(a);
  const pending = pendingExtension(a);
  if (pending) {
    const who = `${pending.requestedBy.name} ${shortMoment(pending.requestedAt)}`;
    return wrongState(`已有延期申请待审批（${who}），请先审批该申请`);
  }
  const last = a.extensions.at(-1);
  const sameDay = input.day && (last?.decidedDay === input.day || last?.chosenDay === input.day);
  if (last?.status === 'approved' && sameDay) return alreadyExtended(last);

  if (!input.reason?.trim()) return withoutReason;
  const reason = readText(input.reason, 'reason', '延期原因', context.policy.limits.reason);
  if (isRefusal(reason)) return reason;
  const placed = placeExtensionDay(a, input.day, context);
  if (isRefusal(placed)) return placed;

  const by = refOf(actor);
  const extension: Extension = {
    seq: a.extensions.length + 1,
    requestedDay: input.day as string,
    reason,
    progress: '',
    requestedAt: context.now,
    requestedBy: by,
    status: 'approved',
    direct: true,
    ...grantedDay(placed),
    decisionReason: reason,
    decidedAt: context.now,
    decidedBy: by,
    previousDay: a.deadlineDay,
  };
  const deadline = atTime(placed.day, context.policy.deadlines.endOfDay);

  return transitioned(
    a,
    { extensions: [...a.extensions, extension], deadlineDay: placed.day, deadline },
    { action: 'grantExtension', reason },
  );
};
