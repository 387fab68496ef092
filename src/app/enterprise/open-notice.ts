/**
 * Showing the notice card in place of the clicked card: 「查看」 in lists and reminders
 * (`openNotice`), and 取消 on a form (`cancelForm`, back to the card it replaced).
 */
import { listActions } from '../../../cards/my-assignments.card.js';
import type { CardAction } from '../../../cards/notice-actions.js';
import type { CardActionContext, CardActionResponse } from '../../feishu/handlers.js';
import { cardForClick } from './answer.js';
import { withViewable } from './with-viewable.js';
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
