/**
 * 审核: when a head signs off a result, the 督查室 gets the review card (tracked, one copy per
 * chat or supervisor); 通过办结 (with the 按时高质量 tick), 退回重办 and 认定敷衍 on it go
 * through performAction('review').
 */
import type { ReviewChoice } from '../../../cards/office-actions.js';
import { approvalsOf } from '../../../cards/review.card.js';
import type { CardActionContext, CardActionResponse } from '../../feishu/handlers.js';
import type { AssignmentEventListener } from '../assignment-events.js';
import { clickActor } from '../click-actor.js';
import { expiredAnswer, versionOf } from '../enterprise/answer.js';
import { readString } from '../enterprise/form-input.js';
import { messageUuid } from './chat-reply.js';
import type { OfficeContext } from './context.js';
import { decideAndAnswer } from './decision-answer.js';
import { reviewCardFor, reviewPurpose } from './office-cards.js';
import { officeReceivers } from './recipients.js';

const choices: ReviewChoice[] = ['complete', 'return', 'perfunctory'];

const successes: Record<ReviewChoice, string> = {
  complete: '已办结',
  return: '已退回重办',
  perfunctory: '已认定敷衍，退回重办',
};

/** Sends the review card when a head approves a result. */
export function sendReviewCards(context: OfficeContext): AssignmentEventListener {
  return async (event, assignment) => {
    if (event.action !== 'signOff' || event.outcome !== 'approved') return;
    const round = approvalsOf(event.snapshot ?? assignment).length;
    const card = reviewCardFor(context, assignment, round);
    const receivers = officeReceivers(await context.directory.current());

    for (const to of receivers) {
      await context.outbox.enqueue({
        kind: 'send',
        to,
        card,
        uuid: messageUuid('review', assignment.id, String(round), to.id),
        track: { assignmentId: assignment.id, purpose: reviewPurpose(round) },
      });
    }
    context.logger.info(
      { assignmentId: assignment.id, round, copies: receivers.length },
      'review card sent',
    );
  };
}

/** 通过办结 / 退回重办 / 认定敷衍. */
export async function reviewDecision(
  context: OfficeContext,
  click: CardActionContext,
): Promise<CardActionResponse> {
  const who = await clickActor(context, click, true);
  if ('answer' in who) return who.answer;
  const { id, r, d } = click.value;
  const choice = choices.find((c) => c === d);
  if (typeof id !== 'string' || typeof r !== 'number' || !choice) return expiredAnswer;

  const reason = readString(click.formValue, 'reason');
  const quality = click.formValue?.quality;
  const input = {
    decision: choice,
    onTimeHighQuality: choice === 'complete' && (quality === true || quality === 'true'),
    reason,
  };

  const bonus = Math.abs(context.policy.scoring.onTimeHighQuality);
  return decideAndAnswer(context, click, who.actor, {
    assignmentId: id,
    action: 'review',
    input,
    cardVersion: versionOf(click.value),
    success: () =>
      input.onTimeHighQuality ? `已办结（按时高质量，抵扣 ${bonus} 分）` : successes[choice],
    card: (a, problem) => reviewCardFor(context, a, r, problem ? { reason, problem } : {}),
  });
}
