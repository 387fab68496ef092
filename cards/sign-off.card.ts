/**
 * 反馈审签: sent to the enterprise head when the liaison submits the result. Shows the result
 * whole, with 同意报送 / 退回修改 while it awaits the head; afterwards, what the head decided.
 */
import type { Assignment } from '../src/domain/assignment.js';
import { shortMoment } from '../src/domain/format.js';
import type { Card, CardElement } from './card.js';
import {
  buildCard,
  buttonRow,
  escapeText,
  fieldLines,
  gap,
  hr,
  markdown,
  panel,
} from './elements.js';
import { completionLabels, headerTagsOf, headerTemplateOf } from './labels.js';
import { actionsFor, type CardAction } from './notice-actions.js';
import { deadlineLine, isLate, planLine, stateLine, type DeadlineStatus } from './notice-lines.js';

/** `ActionValue.k` of this card's buttons. */
export const signOffCardKind = 's';

export interface SignOffCardData {
  assignment: Assignment;
  deadline: DeadlineStatus;
}

export function signOffCard(data: SignOffCardData): Card {
  const { assignment: a } = data;
  const elements: CardElement[] = [
    fieldLines([
      ['事项', escapeText(a.title)],
      ['时限', deadlineLine(a, data.deadline)],
      ['承办措施', planLine(a) ?? '—'],
    ]),
    ...feedbackElements(a),
    hr(),
    ...decisionElements(a),
  ];
  const overdue = isLate(data.deadline);

  return buildCard('督办反馈审签', headerTemplateOf(a, overdue), elements, {
    subtitle: a.noticeNumber,
    tags: headerTagsOf(a),
  });
}

function feedbackElements(a: Assignment): CardElement[] {
  const feedback = a.feedback;
  if (!feedback) return [markdown('尚无反馈')];
  const lines: Array<[string, string]> = [
    ['完成情况', completionLabels[feedback.completion]],
    ['提交人', `${feedback.by.name} ${shortMoment(feedback.at)}`],
  ];
  if (feedback.completionReason)
    lines.splice(1, 0, ['原因', escapeText(feedback.completionReason)]);
  if (feedback.links.length > 0) {
    const links = feedback.links.map((url, index) => `[附件 ${index + 1}](${url})`);
    lines.push(['附件', links.join(gap)]);
  }

  return [panel('办理结果', escapeText(feedback.result), true), fieldLines(lines)];
}

/** The head's buttons while it awaits sign-off; the decision taken once it does not. */
function decisionElements(a: Assignment): CardElement[] {
  if (a.state === 'awaiting_signoff') return buttonRow(actionsFor(a, 'head').map(fromSignOffCard));
  const last = a.signOffs.at(-1);
  if (!last) return [fieldLines([['状态', stateLine(a)]])];
  const who = `${last.by.name} ${shortMoment(last.at)}`;
  const decided =
    last.decision === 'approved'
      ? `已同意报送督查室（${who}）`
      : `已退回修改（${who}）：${escapeText(last.comment)}`;

  return [
    fieldLines([
      ['审签', decided],
      ['状态', stateLine(a)],
    ]),
  ];
}

/** Marks a button as this card's, so the answer to its click is this card again. */
function fromSignOffCard(action: CardAction): CardAction {
  return { ...action, value: { ...action.value, k: signOffCardKind } };
}
