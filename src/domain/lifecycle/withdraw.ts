import { lapsePending } from '../assignment.js';
import { isOpen } from '../types.js';
import { isRefusal, readText } from './input.js';
import { precheck, refOf, stateRefusal, transitioned, type Transition } from './outcome.js';
import { alreadyDone } from '../refusal.js';
import { shortMoment } from '../format.js';

/**
 * 撤销: the 督查室 withdraws an open assignment (issued by mistake, overtaken by events).
 * → withdrawn. Its score entries are reversed, since the notice no longer stands; a pending
 * extension request lapses.
 */
export const withdraw: Transition<{ reason?: string }> = (assignment, actor, input, context) => {
  const refusal = precheck(assignment, actor, 'withdraw', context);
  if (refusal) return refusal;
  if (assignment.withdrawal) {
    const { by, at } = assignment.withdrawal;
    return alreadyDone(`已由 ${by.name} 于 ${shortMoment(at)} 撤销`);
  }
  if (!isOpen(assignment.state)) return stateRefusal(assignment);

  const reason = readText(input.reason, 'reason', '撤销原因', context.policy.limits.reason);
  if (isRefusal(reason)) return reason;

  const change = transitioned(
    assignment,
    {
      state: 'withdrawn',
      withdrawal: { reason, at: context.now, by: refOf(actor) },
      extensions: lapsePending(assignment.extensions, context.now),
    },
    { action: 'withdraw', reason },
  );

  return { ...change, reverseLedger: `撤销督办：${reason}` };
};
