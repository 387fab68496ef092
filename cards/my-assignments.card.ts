/**
 * 我的督办: the assignments of the person's enterprises, open ones first (nearest deadline
 * first), overdue marked, each with its number and a button that opens its notice card.
 */
import type { Assignment } from '../src/domain/assignment.js';
import { isOpen } from '../src/domain/types.js';
import type { ActionValue, Card, CardElement } from './card.js';
import {
  buildCard,
  button,
  gap,
  buttonRow,
  clip,
  escapeText,
  hr,
  markdown,
  red,
} from './elements.js';
import { stateLabels } from './labels.js';
import type { CardAction } from './notice-actions.js';
import type { DeadlineStatus } from './notice-lines.js';

/** Action names of the list: page through it, open one notice. */
export const listActions = { myAssignments: 'myAssignments', openNotice: 'openNotice' } as const;

export type MyAssignmentRow = Pick<
  Assignment,
  'id' | 'noticeNumber' | 'title' | 'enterpriseShortName' | 'state' | 'deadlineDay'
> & { deadline: DeadlineStatus };

export interface MyAssignmentsData {
  rows: MyAssignmentRow[];
  /** Zero-based page shown. */
  page: number;
  pageSize: number;
  total: number;
  openCount: number;
  /**
   * The list is posted to a chat: its buttons say so (`w: 'g'`), so that a click there is
   * answered with what the whole chat may see, never with the clicker's own cards.
   */
  group?: boolean;
}

export function myAssignmentsCard(data: MyAssignmentsData): Card {
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const subtitle = `在办 ${data.openCount} 件 · 共 ${data.total} 件 · 第 ${data.page + 1}/${pages} 页`;
  const rows = data.rows.flatMap((row, index) => [
    ...(index > 0 ? [hr()] : []),
    rowElement(row, data),
  ]);
  const body = rows.length > 0 ? rows : [markdown('暂无督办事项')];

  return buildCard('我的督办', 'blue', [...body, ...pager(data, pages)], { subtitle });
}

function marked(data: MyAssignmentsData, value: ActionValue): ActionValue {
  return data.group ? { ...value, w: 'g' } : value;
}

function rowElement(row: MyAssignmentRow, data: MyAssignmentsData): CardElement {
  const open: CardAction = {
    label: '查看',
    value: marked(data, { a: listActions.openNotice, id: row.id, p: data.page }),
    primary: false,
  };
  const text = [
    `**${row.noticeNumber}**${gap}${row.enterpriseShortName}`,
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

function dueText(row: MyAssignmentRow): string {
  const due = `${row.deadlineDay.slice(5)} 到期`;
  if (!isOpen(row.state) || row.deadline.kind === 'closed') return `时限 ${row.deadlineDay}`;
  if (row.deadline.kind === 'submitted') {
    const late = row.deadline.daysLate;
    return late > 0 ? red(`逾期 ${late} 天报送`) : `${due}，按时报送`;
  }
  if (row.deadline.kind === 'overdue') {
    return red(row.deadline.days > 0 ? `已逾期 ${row.deadline.days} 天` : '已超过时限');
  }

  return row.deadline.workingDays > 0
    ? `${due}（剩余 ${row.deadline.workingDays} 个工作日）`
    : '今日到期';
}

function pager(data: MyAssignmentsData, pages: number): CardElement[] {
  const { page } = data;
  const go = (label: string, p: number): CardAction => ({
    label,
    value: marked(data, { a: listActions.myAssignments, p }),
    primary: false,
  });
  const buttons: CardAction[] = [];
  if (page > 0) buttons.push(go('上一页', page - 1));
  if (page + 1 < pages) buttons.push(go('下一页', page + 1));

  return buttons.length > 0 ? [hr(), ...buttonRow(buttons)] : [];
}
