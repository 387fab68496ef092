/**
 * What the enterprise (liaison and head) is told when the 督查室 decides: 办结, 退回重办 or
 * 认定敷衍 with the reason, an extension granted or refused, a withdrawal or a refusal
 * recorded. With the buttons the matter's state now offers the person.
 */
import type { Assignment } from '../src/domain/assignment.js';
import { fullMoment, movedDayNote, shortMoment } from '../src/domain/format.js';
import type { Policy } from '../src/domain/policy.js';
import type { Card, CardElement, HeaderTemplate } from './card.js';
import { buildCard, buttonRow, escapeText, fieldLines, hr, markdown } from './elements.js';
import { headerTagsOf } from './labels.js';
import { actionsFor } from './notice-actions.js';

export type OutcomeKind =
  | 'completed'
  | 'returned'
  | 'perfunctory'
  | 'extensionApproved'
  | 'extensionRejected'
  | 'extensionGranted'
  | 'withdrawn'
  | 'refused';

export interface DecisionOutcomeData {
  assignment: Assignment;
  kind: OutcomeKind;
  reason?: string;
  by: { name: string };
  at: Date;
  viewer: 'liaison' | 'head';
  scoring: Policy['scoring'];
}

const headers: Record<OutcomeKind, [string, HeaderTemplate]> = {
  completed: ['督办已办结', 'green'],
  returned: ['督办退回重办', 'orange'],
  perfunctory: ['认定敷衍 · 退回重办', 'carmine'],
  extensionApproved: ['延期申请已批准', 'green'],
  extensionRejected: ['延期申请未获批准', 'orange'],
  extensionGranted: ['督办时限已延长', 'green'],
  withdrawn: ['督办已撤销', 'grey'],
  refused: ['认定拒不办理', 'carmine'],
};

export function decisionOutcomeCard(data: DecisionOutcomeData): Card {
  const { assignment: a } = data;
  const [title, template] = headers[data.kind];
  const lines: Array<[string, string]> = [
    ['事项', escapeText(a.title)],
    ['决定', `督查室 ${data.by.name} ${shortMoment(data.at)}`],
  ];
  if (data.reason) lines.push(['理由', escapeText(data.reason)]);
  const actions = actionsFor(a, data.viewer);
  const elements: CardElement[] = [fieldLines(lines), markdown(consequence(data))];
  if (actions.length > 0) elements.push(hr(), ...buttonRow(actions));

  return buildCard(title, template, elements, { subtitle: a.noticeNumber, tags: headerTagsOf(a) });
}

function consequence({ assignment: a, kind, scoring }: DecisionOutcomeData): string {
  const points = (value: number) => Math.abs(value);
  switch (kind) {
    case 'completed': {
      const late = a.completedDaysLate ?? 0;
      const timing = late > 0 ? `逾期 ${late} 天办结` : '按时办结';
      const quality = a.reviews.at(-1)?.onTimeHighQuality
        ? `，认定按时高质量完成，抵扣 ${points(scoring.onTimeHighQuality)} 分`
        : '';
      return `审核通过，${timing}${quality}。`;
    }
    case 'returned':
      return '请按意见修改后重新提交反馈。';
    case 'perfunctory':
      return `按规定加扣 ${points(scoring.perfunctory)} 分；请按意见修改后重新提交反馈。`;
    case 'extensionApproved':
    case 'extensionGranted':
      return `时限延至 ${fullMoment(a.deadline)}${movedNote(a)}。`;
    case 'extensionRejected':
      return `时限仍为 ${fullMoment(a.deadline)}，请抓紧办理。`;
    case 'withdrawn':
      return '该通知单已撤销，无需继续办理，扣分已冲销。';
    case 'refused':
      return `按规定扣 ${points(scoring.refusal)} 分。`;
  }
}

/** 「（6月14日为休息日，时限顺延至6月16日）」 when the day chosen for the extension was a rest day. */
function movedNote(a: Assignment): string {
  const chosen = a.extensions.at(-1)?.chosenDay;
  const note = chosen ? movedDayNote({ day: a.deadlineDay, movedFrom: chosen }) : '';

  return note ? `（${note}）` : '';
}
