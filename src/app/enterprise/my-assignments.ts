/** 我的督办: the person's assignments across their enterprises, a page at a time. */
import type { Card } from '../../../cards/card.js';
import { myAssignmentsCard } from '../../../cards/my-assignments.card.js';
import type { Actor } from '../../domain/types.js';
import type { CardActionContext, CardActionResponse } from '../../feishu/handlers.js';
import { assignmentsOfEnterprises } from '../../store/my-assignments.repo.js';
import { resolveActor } from './actor.js';
import type { EnterpriseContext } from './context.js';
import { deadlineStatusOf } from './notice-view.js';

/** Rows per page: ten rows keep the card short on a phone and far under 30 KB. */
export const myAssignmentsPageSize = 10;

/** Said where 我的督办 was asked in a chat (typed, or a page clicked there). */
export const privateMineNote = '「我的督办」已私信发送给您';

/**
 * The list card for this person, page `page` (zero-based); also used by the 我的督办 command.
 * It is only ever sent to the person: a list posted to a chat would mark its buttons
 * (`group` of the card builder).
 */
export async function myAssignmentsCardFor(
  context: EnterpriseContext,
  actor: Actor,
  page: number,
): Promise<Card> {
  const enterpriseIds = [...new Set(actor.enterpriseRoles.map((r) => r.enterpriseId))];
  const wanted = Number.isInteger(page) && page >= 0 ? page : 0;
  const found =
    enterpriseIds.length > 0
      ? await assignmentsOfEnterprises(enterpriseIds, wanted, myAssignmentsPageSize)
      : { rows: [], total: 0, openCount: 0 };
  const now = context.clock.now();
  const rows = found.rows.map((row) => ({
    ...row,
    deadline: deadlineStatusOf(
      { ...row } as Parameters<typeof deadlineStatusOf>[0],
      now,
      context.calendar,
    ),
  }));

  return myAssignmentsCard({ ...found, rows, page: wanted, pageSize: myAssignmentsPageSize });
}

/**
 * The list's paging buttons and 「返回我的督办」. On a chat's copy (`w: 'g'`) the list would
 * be the clicker's and replace the message for the whole chat: it goes to them privately and
 * the chat's card stays as it is.
 */
export async function myAssignments(
  context: EnterpriseContext,
  click: CardActionContext,
): Promise<CardActionResponse> {
  const clicked = await asChatCopy(context, click);
  const who = await resolveActor(context, clicked);
  if ('answer' in who) return who.answer;
  const page = typeof click.value.p === 'number' ? click.value.p : 0;
  const card = await myAssignmentsCardFor(context, who.actor, page);
  if (clicked.value.w !== 'g') return { card };

  await context.outbox.enqueue({
    kind: 'send',
    to: { type: 'open_id', id: who.actor.openId },
    card,
    // One private list per click, however often Feishu delivers it.
    uuid: `mine:${click.eventId}`,
  });
  return { toast: { type: 'info', content: privateMineNote } };
}

/**
 * A 我的督办 card clicked in a chat the directory names (an enterprise's or the 督查室's) is
 * that chat's copy even without the mark: lists typed there were posted to the chat, unmarked,
 * before 我的督办 went privately.
 */
export async function asChatCopy(
  context: Pick<EnterpriseContext, 'directory'>,
  click: CardActionContext,
): Promise<CardActionContext> {
  // Limitation: an old list in a group the directory does not name is still taken for the
  // clicker's own; the chat type is not in the click, and asking Feishu would cost the 3 s.
  if (click.value.w === 'g' || !click.chatId) return click;
  const directory = await context.directory.current();
  const chats = [directory.office.chatId, ...directory.enterprises.map((e) => e.chatId)];

  return chats.includes(click.chatId) ? { ...click, value: { ...click.value, w: 'g' } } : click;
}
