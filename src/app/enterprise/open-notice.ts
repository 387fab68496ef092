/**
 * Showing the notice card in place of the clicked card: 「查看」 in lists and reminders
 * (`openNotice`), and 取消 on a form (`cancelForm`, back to the card it replaced).
 */
import { listActions } from '../../../cards/my-assignments.card.js';
import type { CardAction } from '../../../cards/notice-actions.js';
import { authorize } from '../../domain/permissions.js';
import type { Actor } from '../../domain/types.js';
import type { CardActionContext, CardActionResponse } from '../../feishu/handlers.js';
import { loadAssignment } from '../../store/assignment.repo.js';
import { recordRefusalEvent } from '../../store/audit-event.repo.js';
import type { Assignment } from '../../domain/assignment.js';
import { resolveActor } from './actor.js';
import { cardForClick, expiredAnswer } from './answer.js';
import { asChatCopy } from './my-assignments.js';
import type { EnterpriseContext } from './context.js';
import { audienceOfClick, noticeCardFor } from './notice-view.js';

/**
 * The current notice card; from 我的督办 (`p` = the list's page) with a way back to it. From a
 * list posted to a chat (`w: 'g'`, or a chat the directory names) it is the chat's view (the
 * summary if confidential, the chat's buttons), whoever clicked: the card replaces the message
 * for everyone there.
 */
export async function openNotice(
  context: EnterpriseContext,
  clicked: CardActionContext,
): Promise<CardActionResponse> {
  const click = await asChatCopy(context, clicked);

  return withViewable(context, click, (actor, a) => {
    const { p: page, w } = click.value;
    const back: CardAction[] =
      typeof page === 'number'
        ? [
            {
              label: '返回我的督办',
              value: { a: listActions.myAssignments, p: page, ...(w === 'g' ? { w } : {}) },
              primary: false,
            },
          ]
        : [];

    return { card: noticeCardFor(context, a, audienceOfClick(actor, a, click.value), back) };
  });
}

/** 取消 on a form: the card the form replaced, as it now stands. */
export async function cancelForm(
  context: EnterpriseContext,
  click: CardActionContext,
): Promise<CardActionResponse> {
  return withViewable(context, click, (actor, a) => ({
    card: cardForClick(context, a, actor, click.value),
  }));
}

/** Runs `show` if the clicker may see the assignment; otherwise a refusal toast, recorded. */
async function withViewable(
  context: EnterpriseContext,
  click: CardActionContext,
  show: (actor: Actor, a: Assignment) => CardActionResponse,
): Promise<CardActionResponse> {
  const who = await resolveActor(context, click);
  if ('answer' in who) return who.answer;
  const a = click.value.id ? await loadAssignment(click.value.id) : null;
  if (!a) return expiredAnswer;

  const permission = authorize(who.actor, 'view', a, context.policy);
  if (!permission.ok) {
    const origin = { actor: who.actor, channel: 'card' as const, at: context.clock.now() };
    await recordRefusalEvent(a, click.value.a, permission, origin);
    return { toast: { type: 'error', content: permission.message } };
  }

  return show(who.actor, a);
}
