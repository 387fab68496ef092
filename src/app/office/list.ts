/**
 * 列表 [全部|未办结|待签收|办理中|逾期|已办结] [页]: the 督查室 (and the discipline group, and leaders) see
 * every enterprise's matters; enterprise people only their own enterprises'. The card's filter
 * and paging buttons answer with the list again.
 */
import {
  assignmentListCard,
  listFilters,
  type ListFilterKey,
} from '../../../cards/assignment-list.card.js';
import type { Card } from '../../../cards/card.js';
import { authorizeOffice } from '../../domain/permissions.js';
import { invalidInput, type Refusal } from '../../domain/refusal.js';
import { owingStates } from '../../domain/reminder-series.js';
import { assignmentStates, openStates, type Actor, type Directory } from '../../domain/types.js';
import type { CardActionContext, CardActionResponse } from '../../feishu/handlers.js';
import {
  lateUnderReviewIds,
  pageThrough,
  type ListQuery,
} from '../../store/assignment-list.repo.js';
import type { Command } from '../commands/command.js';
import { clickActor } from '../click-actor.js';
import { deadlineStatusOf } from '../enterprise/notice-view.js';
import type { CommandRun } from './command-run.js';
import type { OfficeContext } from './context.js';

/** Rows per page (CARDS.md: up to 20). */
export const listPageSize = 20;

const closedStates = assignmentStates.filter((s) => !openStates.includes(s));

/** 列表 … (the command's page is 1-based). */
export async function listCommand(
  run: CommandRun,
  command: Extract<Command, { name: 'list' }>,
): Promise<void> {
  const filter = command.filter ?? 'all';
  const card = await listCardFor(run.context, run.actor, run.directory, {
    filter,
    page: command.page - 1,
    group: run.reply.inGroup,
  });
  if ('ok' in card) return run.reply.text(card.message);
  await run.reply.card(card, 'list');
}

/** The list's buttons: another filter or page. */
export async function listAction(
  context: OfficeContext,
  click: CardActionContext,
): Promise<CardActionResponse> {
  const who = await clickActor(context, click, true);
  if ('answer' in who) return who.answer;
  const f = click.value.f;
  const filter = listFilters.includes(f as ListFilterKey) ? (f as ListFilterKey) : 'all';
  const page = typeof click.value.p === 'number' ? click.value.p : 0;

  const card = await listCardFor(context, who.actor, who.directory, {
    filter,
    page,
    group: click.value.w === 'g',
  });
  return 'ok' in card ? { toast: { type: 'warning', content: card.message } } : { card };
}

interface ListRequest {
  filter: ListFilterKey;
  /** Zero-based; past the end shows the last page. */
  page: number;
  group: boolean;
}

async function listCardFor(
  context: OfficeContext,
  actor: Actor,
  directory: Directory,
  request: ListRequest,
): Promise<Card | Refusal> {
  const scope = scopeOf(actor, directory);
  if ('ok' in scope) return scope;
  const now = context.clock.now();
  const queries = await queriesFor(request.filter, scope.enterpriseIds, now);

  let page = Math.max(0, request.page);
  let found = await pageThrough(queries, page, listPageSize);
  const lastPage = Math.max(0, Math.ceil(found.total / listPageSize) - 1);
  if (page > lastPage) {
    page = lastPage;
    found = await pageThrough(queries, page, listPageSize);
  }
  const rows = found.rows.map((row) => ({
    ...row,
    deadline: deadlineStatusOf(row, now, context.calendar),
  }));

  return assignmentListCard({
    ...request,
    rows,
    page,
    pageSize: listPageSize,
    total: found.total,
    scope: scope.label,
  });
}

/** Everyone's matters for office roles; otherwise the person's enterprises'. */
function scopeOf(actor: Actor, directory: Directory) {
  if (authorizeOffice(actor, 'queryAll').ok) return { enterpriseIds: undefined, label: '全部企业' };
  const ids = [...new Set(actor.enterpriseRoles.map((r) => r.enterpriseId))];
  if (ids.length === 0) return invalidInput('您没有可查看的督办事项');
  const names = ids.map((id) => directory.enterprises.find((e) => e.id === id)?.shortName ?? id);

  return { enterpriseIds: ids, label: names.join('、') };
}

/**
 * The queries of a filter, read one after another. 逾期 is `isOverdue`: first what the
 * enterprises still owe past the deadline, then what is under review after a late sign-off.
 */
async function queriesFor(
  filter: ListFilterKey,
  enterpriseIds: string[] | undefined,
  now: Date,
): Promise<ListQuery[]> {
  const query = (q: Omit<ListQuery, 'enterpriseIds'>): ListQuery => ({ ...q, enterpriseIds });
  switch (filter) {
    case 'open':
      return [query({ states: openStates, order: 'deadline' })];
    case 'awaitingAck':
      return [query({ states: ['issued'], order: 'deadline' })];
    case 'inProgress':
      return [query({ states: openStates.filter((s) => s !== 'issued'), order: 'deadline' })];
    case 'overdue':
      return [
        query({ states: owingStates, deadlineBefore: now, order: 'deadline' }),
        query({
          states: ['under_review'],
          ids: await lateUnderReviewIds(enterpriseIds, now),
          order: 'deadline',
        }),
      ];
    case 'completed':
      return [query({ states: ['completed', 'archived'], order: 'newest' })];
    case 'all':
      return [
        query({ states: openStates, order: 'deadline' }),
        query({ states: closedStates, order: 'newest' }),
      ];
  }
}
