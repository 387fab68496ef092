import { overdueSince } from '../deadlines.js';
import { shortMoment } from '../format.js';
import { scoreEntry } from '../ledger.js';
import { alreadyDone, wrongState } from '../refusal.js';
import { isOpen } from '../types.js';
import { precheck, transitioned, type Transition } from './outcome.js';

/**
 * 逾期: the deadline passed while the assignment was open. Recorded once, by the system only, with
 * the −0.2 entry; the state does not change (overdue is derived). The flag, the entry and the
 * event are dated when the deadline passed, not when the job ran, so the ledger and the
 * timeline read the same after downtime.
 */
export const recordOverdue: Transition<Record<string, never>> = (a, actor, _input, context) => {
  const refusal = precheck(a, actor, 'recordOverdue', context);
  if (refusal) return refusal;
  if (a.overdueAt) return alreadyDone(`已于 ${shortMoment(a.overdueAt)} 记录逾期`);
  if (!isOpen(a.state)) return wrongState('该督办已结束，不计逾期');
  if (context.now.getTime() <= a.deadline.getTime()) return wrongState('尚未逾期');

  const overdueAt = overdueSince(a.deadline);
  const entry = scoreEntry(a, 'overdue', context.policy, { at: overdueAt, byOpenId: actor.openId });

  return transitioned(a, { overdueAt }, { action: 'recordOverdue', at: overdueAt }, [entry]);
};
