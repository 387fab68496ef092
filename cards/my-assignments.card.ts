/**
 * 我的督办: the assignments of the person's enterprises, open ones first (nearest deadline
 * first), overdue marked, each with its number and a button that opens its notice card.
 */
import type { Assignment } from '../src/domain/assignment.js';
import { isOpen } from '../src/domain/types.js';
import type { Card, CardElement } from './card.js';
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
}

export function myAssignmentsCard(data: MyAssignmentsData): Card {
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const subtitle = `在办 ${data.openCount} 件 · 共 ${data.total} 件 · 第 ${data.page + 1}/${pages} 页`;
  const rows = data.rows.flatMap((row, index) => [
    ...(index > 0 ? [hr()] : []),
    rowElement(row, data.page),
  ]);
  const body = rows.length > 0 ? rows : [markdown('暂无督办事项')];

  return buildCard('我的督办', 'blue', [...body, ...pager(data.page, pages)], { subtitle });
}

function rowElement(row: MyAssignmentRow, page: number): CardElement {
  const open: CardAction = {
    label: '查看',
    value: { a: listActions.openNotice, id: row.id, p: page },
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

function pager(page: number, pages: number): CardElement[] {
  const go = (label: string, p: number): CardAction => ({
    label,
    value: { a: listActions.myAssignments, p },
    primary: false,
  });
  const buttons: CardAction[] = [];
  if (page > 0) buttons.push(go('上一页', page - 1));
  if (page + 1 < pages) buttons.push(go('下一页', page + 1));

  return buttons.length > 0 ? [hr(), ...buttonRow(buttons)] : [];
}
