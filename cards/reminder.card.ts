/**
 * 督办提醒: the automatic reminders an enterprise receives (CARDS.md 「Reminders」): before the
 * deadline, until acknowledged, and the weekly progress request of a long matter. Each shows
 * the number, title, deadline and state, never the content (so a confidential item is safe
 * wherever the card is read), and the buttons of the state for the person it is sent to.
 */
import type { Assignment } from '../src/domain/assignment.js';
import { shortMoment } from '../src/domain/format.js';
import type { Card, CardElement } from './card.js';
import { buildCard, buttonRow, escapeText, fieldLines, hr, markdown } from './elements.js';
import { headerTagsOf } from './labels.js';
import { actionsFor, type Viewer } from './notice-actions.js';
import { deadlineLine, stateLine, type DeadlineStatus } from './notice-lines.js';

/**
 * - `acknowledge`: 请尽快签收. `acknowledgeEscalated`: the same, once the head has been pushed
 *   and the 督查室 told.
 * - `deadline`: before the deadline (D−n).
 * - `progress`: 请报送阶段性进展.
 */
export type ReminderCardKind = 'acknowledge' | 'acknowledgeEscalated' | 'deadline' | 'progress';

export interface ReminderCardData {
  assignment: Assignment;
  /** The person it is sent to: decides the buttons and the wording of the hint. */
  viewer: Extract<Viewer, 'liaison' | 'head'>;
  reminder: ReminderCardKind;
  /**
   * Where the deadline stands when the reminder goes (the enterprise's `deadlineStatusOf`):
   * working days left, or days late for a chase that goes after the deadline.
   */
  deadline: DeadlineStatus;
}

/** A reminder card: yellow, orange once an acknowledgement chase has escalated. */
export function reminderCard(data: ReminderCardData): Card {
  const { assignment: a, reminder } = data;
  const elements: CardElement[] = [
    fieldLines([
      ['事项', escapeText(a.title)],
      ['承办单位', a.enterpriseName],
      ['时限', deadlineLine(a, data.deadline)],
      ['状态', stateLine(a)],
    ]),
    markdown(hintOf(data)),
  ];
  const actions = actionsFor(a, data.viewer);
  if (actions.length > 0) elements.push(hr(), ...buttonRow(actions));

  const template = reminder === 'acknowledgeEscalated' ? 'orange' : 'yellow';
  return buildCard(titleOf(data), template, elements, {
    subtitle: a.noticeNumber,
    tags: headerTagsOf(a),
  });
}

function titleOf({ reminder, deadline }: ReminderCardData): string {
  if (reminder === 'progress') return '督办提醒 · 请报送阶段性进展';
  if (reminder !== 'deadline') return '督办提醒 · 请尽快签收';
  if (deadline.kind !== 'left') return '督办提醒 · 已超过时限';

  return deadline.workingDays > 0
    ? `督办提醒 · 距时限还有 ${deadline.workingDays} 个工作日`
    : '督办提醒 · 今日到期';
}

/** One line saying what is expected of this person now. */
function hintOf({ assignment: a, viewer, reminder }: ReminderCardData): string {
  if (reminder === 'acknowledge' || reminder === 'acknowledgeEscalated') {
    const issued = `该通知单于 ${shortMoment(a.issuedAt)} 交办，尚未签收，请点击「签收」确认收到。`;
    const escalated = '已超过规定时间未签收，已同时提醒第一责任人并通报督查室。';
    return reminder === 'acknowledge' ? issued : `${issued}\n${escalated}`;
  }
  if (reminder === 'progress') {
    const last = a.progress.at(-1);
    const previous = last
      ? `上次报送：${shortMoment(last.at)}（${last.percent}%）`
      : '尚未报送进展';
    return `本事项办理周期较长，请报送本周进展。${previous}`;
  }
  if (a.state === 'awaiting_signoff') {
    return viewer === 'head' ? '反馈已提交，请您尽快审签。' : '反馈已提交，待第一责任人审签。';
  }

  return '请在时限前办结并提交反馈；确有困难的，请及时申请延期。';
}
