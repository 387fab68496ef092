/**
 * 已逾期: the overdue notice to the liaison and the head (CARDS.md 「Reminders」), sent when
 * the deadline has passed while the matter is open, then every working day. Number, title,
 * deadline and state only; the buttons of the state for the person it is sent to.
 */
import type { Assignment } from '../src/domain/assignment.js';
import type { Card, CardElement } from './card.js';
import { buildCard, buttonRow, escapeText, fieldLines, hr, markdown } from './elements.js';
import { headerTagsOf } from './labels.js';
import { actionsFor, type Viewer } from './notice-actions.js';
import { deadlineLine, stateLine } from './notice-lines.js';

export interface OverdueCardData {
  assignment: Assignment;
  viewer: Extract<Viewer, 'liaison' | 'head'>;
  /** Whole calendar days past the deadline day (src/domain/deadlines.ts `daysLate`). */
  daysLate: number;
  /** The overdue deduction of the policy, in points (−0.2); 0 shows no deduction. */
  overduePoints: number;
}

/** The carmine overdue card: 「已逾期 1 天 · 已按规定加扣 0.2 分」. */
export function overdueCard(data: OverdueCardData): Card {
  const { assignment: a } = data;
  const elements: CardElement[] = [
    fieldLines([
      ['事项', escapeText(a.title)],
      ['承办单位', a.enterpriseName],
      ['时限', deadlineLine(a, { kind: 'overdue', days: data.daysLate })],
      ['状态', stateLine(a)],
    ]),
    markdown(hintOf(data)),
  ];
  const actions = actionsFor(a, data.viewer);
  if (actions.length > 0) elements.push(hr(), ...buttonRow(actions));

  return buildCard(titleOf(data), 'carmine', elements, {
    subtitle: a.noticeNumber,
    tags: headerTagsOf(a),
  });
}

function titleOf({ daysLate, overduePoints }: OverdueCardData): string {
  const late = daysLate > 0 ? `已逾期 ${daysLate} 天` : '已逾期';
  if (overduePoints === 0) return late;

  return `${late} · 已按规定加扣 ${Math.abs(overduePoints)} 分`;
}

function hintOf({ assignment: a, viewer }: OverdueCardData): string {
  if (a.state === 'awaiting_signoff') {
    return viewer === 'head'
      ? '反馈已提交，请您立即审签报送督查室。'
      : '反馈已提交，待第一责任人审签，请提醒尽快审签。';
  }

  return '请立即办理并提交反馈；逾期情况已通报督查室，并计入年度考核。';
}
