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

/** The list card for this person, page `page` (zero-based); also used by the 我的督办 command. */
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

/** The list's paging buttons and 「返回我的督办」. */
export async function myAssignments(
  context: EnterpriseContext,
  click: CardActionContext,
): Promise<CardActionResponse> {
  const who = await resolveActor(context, click);
  if ('answer' in who) return who.answer;
  const page = typeof click.value.p === 'number' ? click.value.p : 0;

  return { card: await myAssignmentsCardFor(context, who.actor, page) };
}
