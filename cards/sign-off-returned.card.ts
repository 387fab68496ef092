/** Tells the liaison the head sent the result back, with the head's comment and the next steps. */
import type { Assignment } from '../src/domain/assignment.js';
import { shortMoment } from '../src/domain/format.js';
import type { Card } from './card.js';
import { buildCard, buttonRow, escapeText, fieldLines, hr } from './elements.js';
import { headerTagsOf } from './labels.js';
import { actionsFor } from './notice-actions.js';
import { deadlineLine, type DeadlineStatus } from './notice-lines.js';

export interface SignOffReturnedCardData {
  assignment: Assignment;
  deadline: DeadlineStatus;
}

export function signOffReturnedCard(data: SignOffReturnedCardData): Card {
  const { assignment: a } = data;
  const rejection = a.signOffs.filter((s) => s.decision === 'rejected').at(-1);
  const lines: Array<[string, string]> = [
    ['事项', escapeText(a.title)],
    ['时限', deadlineLine(a, data.deadline)],
  ];
  if (rejection) {
    lines.push(['退回意见', escapeText(rejection.comment)]);
    lines.push(['审签人', `${rejection.by.name} ${shortMoment(rejection.at)}`]);
  }
  const actions = actionsFor(a, 'liaison');
  const buttons = actions.length > 0 ? [hr(), ...buttonRow(actions)] : [];

  return buildCard('反馈被退回修改', 'orange', [fieldLines(lines), ...buttons], {
    subtitle: a.noticeNumber,
    tags: headerTagsOf(a),
  });
}
