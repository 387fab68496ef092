/** Tells the enterprise an extension was asked for, and who decides it. */
import { pendingExtension, type Assignment } from '../src/domain/assignment.js';
import { shortMoment } from '../src/domain/format.js';
import type { Card } from './card.js';
import { buildCard, escapeText, fieldLines } from './elements.js';
import { headerTagsOf, headerTemplateOf } from './labels.js';

export interface ExtensionSubmittedCardData {
  assignment: Assignment;
  /** Who decides, per the policy (`extensions.deciders`). */
  decider: 'supervisor' | 'leader';
}

export function extensionSubmittedCard(data: ExtensionSubmittedCardData): Card {
  const { assignment: a } = data;
  const request = pendingExtension(a) ?? a.extensions.at(-1);
  const lines: Array<[string, string]> = [
    ['事项', escapeText(a.title)],
    ['当前时限', a.deadlineDay],
  ];
  if (request) {
    lines.push(['申请延至', request.requestedDay]);
    lines.push(['原因', escapeText(request.reason)]);
    lines.push(['申请人', `${request.requestedBy.name} ${shortMoment(request.requestedAt)}`]);
  }
  lines.push(['状态', data.decider === 'leader' ? '待局主要领导审批' : '待督查室审批']);

  return buildCard('延期申请已提交', headerTemplateOf(a, false), [fieldLines(lines)], {
    subtitle: a.noticeNumber,
    tags: headerTagsOf(a),
  });
}
