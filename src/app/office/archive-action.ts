/**
 * 归档 on the review card of a completed matter: the same transition as the 归档 command and
 * the nightly archive (performAction('archive'), whose permission check is `authorize`), then
 * the card as it now stands. The dossier is built by its event-bus listener, as always.
 */
import { archiveNumberOf } from '../../domain/dossier.js';
import type { CardActionContext, CardActionResponse } from '../../feishu/handlers.js';
import { clickActor } from '../click-actor.js';
import { expiredAnswer, versionOf } from '../enterprise/answer.js';
import type { OfficeContext } from './context.js';
import { decideAndAnswer } from './decision-answer.js';
import { reviewCardFor } from './office-cards.js';

/** 归档 clicked: archive, answer with the toast and the review card of that round. */
export async function archiveAction(
  context: OfficeContext,
  click: CardActionContext,
): Promise<CardActionResponse> {
  const who = await clickActor(context, click, true);
  if ('answer' in who) return who.answer;
  const { id, r } = click.value;
  if (typeof id !== 'string' || typeof r !== 'number') return expiredAnswer;

  return decideAndAnswer(context, click, who.actor, {
    assignmentId: id,
    action: 'archive',
    input: {},
    cardVersion: versionOf(click.value),
    success: (a) => `已归档，档号 ${archiveNumberOf(a.year, a.seq)}`,
    card: (a) => reviewCardFor(context, a, r),
  });
}
