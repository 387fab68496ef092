import { shortMoment } from '../format.js';
import { alreadyDone } from '../refusal.js';
import { precheck, refOf, stateRefusal, transitioned, type Transition } from './outcome.js';

/** 签收: the enterprise confirms receipt. issued → acknowledged. */
export const acknowledge: Transition<Record<string, never>> = (
  assignment,
  actor,
  _input,
  context,
) => {
  const refusal = precheck(assignment, actor, 'acknowledge', context);
  if (refusal) return refusal;

  const { acknowledgedAt, acknowledgedBy } = assignment;
  if (acknowledgedAt && acknowledgedBy) {
    return alreadyDone(`该通知已由 ${acknowledgedBy.name} 于 ${shortMoment(acknowledgedAt)} 签收`);
  }
  if (assignment.state !== 'issued') return stateRefusal(assignment);

  return transitioned(
    assignment,
    { state: 'acknowledged', acknowledgedAt: context.now, acknowledgedBy: refOf(actor) },
    { action: 'acknowledge' },
  );
};
