/**
 * 查看 (CARDS.md 「Queries」): everything on the notice plus the timeline, newest last. Someone
 * who may see only the summary of a confidential matter gets number, title, state, deadline.
 */
import type { Assignment } from '../src/domain/assignment.js';
import { dayOf } from '../src/domain/dates.js';
import type { ActionValue, Card, CardElement } from './card.js';
import {
  buildCard,
  buttonRow,
  escapeText,
  fieldLines,
  foldable,
  hr,
  markdown,
  panel,
} from './elements.js';
import {
  categoryLabels,
  headerTagsOf,
  headerTemplateOf,
  levelLabels,
  stateLabels,
} from './labels.js';
import { confidentialNotice } from './notice.card.js';
import {
  deadlineLine,
  extensionLine,
  planLine,
  returnedLine,
  stateLine,
  workExcerpts,
  isLate,
  type DeadlineStatus,
} from './notice-lines.js';
import { timelineText, type TimelineLine } from './timeline-labels.js';

/** The timeline shows at most this many events, the newest (a card holds 30 KB). */
export const timelineLimit = 40;

export interface AssignmentDetailData {
  assignment: Assignment;
  visibility: 'full' | 'summary';
  deadline: DeadlineStatus;
  /** Oldest first. */
  timeline: TimelineLine[];
  /** 「返回列表」, when opened from the list (or from the notice, with `backLabel`). */
  back?: ActionValue;
  /** The back button's label. Default 「返回列表」. */
  backLabel?: string;
}

export function assignmentDetailCard(data: AssignmentDetailData): Card {
  const { assignment: a } = data;
  const body = data.visibility === 'full' ? fullElements(data) : summaryElements(data);
  const back = data.back
    ? buttonRow([{ label: data.backLabel ?? '返回列表', value: data.back, primary: false }])
    : [];

  return buildCard('督办详情', headerTemplateOf(a, isLate(data.deadline)), [...body, ...back], {
    subtitle: a.noticeNumber,
    tags: headerTagsOf(a),
  });
}

function fullElements(data: AssignmentDetailData): CardElement[] {
  const { assignment: a } = data;
  const lines: Array<[string, string]> = [
    ['事项', escapeText(a.title)],
    ['承办单位', a.enterpriseName],
    [
      '类别',
      `${categoryLabels[a.category]} · ${levelLabels[a.level]} · ${a.form === 'oral' ? '口头' : '书面'}`,
    ],
    ['交办', `${dayOf(a.issuedAt)} ${a.issuedBy.name}`],
    ['时限', deadlineLine(a, data.deadline)],
    ['状态', stateLine(a)],
  ];
  const optional: Array<[string, string | null]> = [
    ['退回', returnedLine(a)],
    ['承办措施', planLine(a)],
    ['延期', extensionLine(a)],
  ];
  for (const [label, text] of optional) if (text) lines.push([label, text]);
  const excerpts = workExcerpts(a).map(([title, text]) => panel(title, escapeText(text)));

  return [
    fieldLines(lines),
    foldable('办理要求', a.content),
    ...excerpts,
    hr(),
    ...timelineElements(data.timeline),
  ];
}

function timelineElements(timeline: TimelineLine[]): CardElement[] {
  const shown = timeline.slice(-timelineLimit);
  const hidden = timeline.length - shown.length;
  const lines = shown.map(timelineText);
  if (hidden > 0) lines.unshift(`（更早的 ${hidden} 条略）`);

  return [markdown(`**办理过程**\n${lines.length > 0 ? lines.join('\n') : '暂无记录'}`)];
}

function summaryElements(data: AssignmentDetailData): CardElement[] {
  const { assignment: a } = data;

  return [
    fieldLines([
      ['事项', escapeText(a.title)],
      ['状态', stateLabels[a.state]],
      ['时限', deadlineLine(a, data.deadline)],
    ]),
    markdown(confidentialNotice),
  ];
}
