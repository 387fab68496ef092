/**
 * 列表 (CARDS.md 「Queries」): up to 20 rows (number, title, enterprise, state, deadline;
 * overdue in red), each with 查看, then the filter buttons and paging.
 */
import type { ActionValue, Card, CardElement } from './card.js';
import {
  buildCard,
  button,
  buttonRow,
  clip,
  escapeText,
  gap,
  hr,
  markdown,
  red,
} from './elements.js';
import { stateLabels } from './labels.js';
import type { MyAssignmentRow } from './my-assignments.card.js';
import type { CardAction } from './notice-actions.js';
import { officeActions } from './office-actions.js';

/**
 * The list's filters; `all` shows open matters first, then finished ones; `open` (未办结, typed
 * only: 待签收 and 办理中 together) has no button of its own, to keep the row short.
 */
export const listFilters = [
  'all',
  'open',
  'awaitingAck',
  'inProgress',
  'overdue',
  'completed',
] as const;
export type ListFilterKey = (typeof listFilters)[number];

const filterButtonKeys = listFilters.filter((filter) => filter !== 'open');

export const listFilterLabels: Record<ListFilterKey, string> = {
  all: '全部',
  open: '未办结',
  awaitingAck: '待签收',
  inProgress: '办理中',
  overdue: '逾期',
  completed: '已办结',
};

export interface AssignmentListData {
  rows: MyAssignmentRow[];
  filter: ListFilterKey;
  /** Zero-based. */
  page: number;
  pageSize: number;
  total: number;
  /** Whose matters: 「全部企业」 or the person's enterprises. */
  scope: string;
  /** The card is in a group chat: its buttons say so (confidential details go privately). */
  group?: boolean;
}

export function assignmentListCard(data: AssignmentListData): Card {
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const subtitle = `${data.scope} · ${listFilterLabels[data.filter]} ${data.total} 件 · 第 ${data.page + 1}/${pages} 页`;
  const rows = data.rows.flatMap((row, index) => [
    ...(index > 0 ? [hr()] : []),
    rowElement(data, row),
  ]);
  const body = rows.length > 0 ? rows : [markdown('没有符合条件的督办事项')];

  return buildCard(
    '督办列表',
    'blue',
    [...body, hr(), ...filterButtons(data), ...pager(data, pages)],
    {
      subtitle,
    },
  );
}

function valueOf(
  data: AssignmentListData,
  fields: Partial<ActionValue> & { a: string },
): ActionValue {
  const value: ActionValue = { f: data.filter, p: data.page, ...fields };

  return data.group ? { ...value, w: 'g' } : value;
}

function rowElement(data: AssignmentListData, row: MyAssignmentRow): CardElement {
  const open: CardAction = {
    label: '查看',
    value: valueOf(data, { a: officeActions.view, id: row.id }),
    primary: false,
  };
  const text = [
    `**${row.noticeNumber}**${gap}${escapeText(row.enterpriseShortName)}`,
    escapeText(clip(row.title, 40)),
    `${stateLabels[row.state]} · ${dueText(row)}`,
  ].join('\n');

  return {
    tag: 'column_set',
    columns: [
      { tag: 'column', width: 'weighted', weight: 4, elements: [markdown(text)] },
      { tag: 'column', width: 'auto', vertical_align: 'center', elements: [button(open)] },
    ],
  };
}

/**
 * 「05-28 到期（剩余 3 个工作日）」, red once overdue; under review 「05-28 到期，按时报送」, red
 * when signed off late; the day alone once finished.
 */
function dueText(row: MyAssignmentRow): string {
  if (row.deadline.kind === 'closed') return `时限 ${row.deadlineDay}`;
  if (row.deadline.kind === 'submitted') {
    const due = `${row.deadlineDay.slice(5)} 到期`;
    return row.deadline.daysLate > 0
      ? red(`${due}，逾期 ${row.deadline.daysLate} 天报送`)
      : `${due}，按时报送`;
  }
  if (row.deadline.kind === 'overdue') {
    const late = row.deadline.days > 0 ? `已逾期 ${row.deadline.days} 天` : '已超过时限';
    return red(`${row.deadlineDay.slice(5)} 到期，${late}`);
  }
  const left = row.deadline.workingDays;

  return left > 0 ? `${row.deadlineDay.slice(5)} 到期（剩余 ${left} 个工作日）` : '今日到期';
}

function filterButtons(data: AssignmentListData): CardElement[] {
  return buttonRow(
    filterButtonKeys.map((filter) => ({
      label: listFilterLabels[filter],
      value: valueOf(data, { a: officeActions.list, f: filter, p: 0 }),
      primary: false,
    })),
  );
}

function pager(data: AssignmentListData, pages: number): CardElement[] {
  const go = (label: string, p: number): CardAction => ({
    label,
    value: valueOf(data, { a: officeActions.list, p }),
    primary: false,
  });
  const buttons: CardAction[] = [];
  if (data.page > 0) buttons.push(go('上一页', data.page - 1));
  if (data.page + 1 < pages) buttons.push(go('下一页', data.page + 1));

  return buttonRow(buttons);
}
