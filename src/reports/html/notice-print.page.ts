/**
 * The printable 督办通知单 (policy attachment 1): the written form the policy prefers
 * (以书面为主), on one A4 page: the notice (with its category, policy §二, and form, §三), then
 * the boxes the enterprise and the 督查室 fill in (notice-print.boxes.ts). A confidential item
 * prints in full: only a signed link reaches this page.
 */
import { categoryLabels, levelLabels } from '../../../cards/labels.js';
import { scoringLine } from '../../../cards/notice-lines.js';
import type { Assignment } from '../../domain/assignment.js';
import { dayOf } from '../../domain/dates.js';
import { fullMoment } from '../../domain/format.js';
import type { Policy } from '../../domain/policy.js';
import type { Office } from '../../domain/types.js';
import { planRows, resultRow, reviewRow, signOffRow } from './notice-print.boxes.js';
import { escapeHtml, fieldRow, page, wideRow } from './page.js';

export interface PrintableNotice {
  assignment: Assignment;
  office: Office;
  policy: Policy;
}

/**
 * Tighter than the other pages, so that a notice of ordinary length with every box (blank or
 * filled in) prints on one A4 page (checked in Chromium by notice-print-a4.test.ts).
 */
const onePageStyle = `
  h1 { font-size: 18pt; margin-bottom: 2mm; }
  table { font-size: 10.5pt; line-height: 1.4; }
  th, td { padding: 1.2mm 2.5mm; }
`;

/** The notice as an HTML page with A4 print styles. */
export function printableNoticePage({ assignment: a, office, policy }: PrintableNotice): string {
  // On the line under the title, so that the mark costs the page no line of its own.
  const secret = a.confidential
    ? '<span><span class="secret">涉密</span> 注意保管，不得外传</span>'
    : '';
  const body = [
    `<h1>${escapeHtml(office.name)}督办通知单</h1>`,
    `<div class="meta"><span>${escapeHtml(office.supervisionUnit)}</span>${secret}`,
    `<span>${escapeHtml(a.noticeNumber)}</span></div>`,
    '<table>',
    wideRow('事项', a.title),
    fieldRow([
      ['类别', categoryLabels[a.category]],
      ['形式', a.form === 'oral' ? '口头' : '书面'],
    ]),
    fieldRow([
      ['级别', `${levelLabels[a.level]}事项`],
      ['督办人', `${a.issuedBy.name}（督查室）`],
    ]),
    wideRow('承办单位', a.enterpriseName),
    fieldRow([
      ['交办日期', dayOf(a.issuedAt)],
      ['办理时限', deadlineText(a, policy)],
    ]),
    wideRow('内容与要求', a.content, { pre: true }),
    wideRow('考核说明', scoringLine(policy.scoring)),
    fieldRow([
      ['签收人', a.acknowledgedBy?.name ?? ''],
      ['签收时间', a.acknowledgedAt ? fullMoment(a.acknowledgedAt) : ''],
    ]),
    ...planRows(a),
    resultRow(a),
    signOffRow(a),
    reviewRow(a),
    '</table>',
    '<p class="note">请承办单位按要求和时限认真办理，办理结果经单位第一责任人审签后书面报送督查室。</p>',
  ].join('\n');

  return page(`${a.noticeNumber} 督办通知单`, body, { printButton: true, style: onePageStyle });
}

/** The current deadline, and the original one when an extension moved it. */
function deadlineText(a: Assignment, policy: Policy): string {
  const current = `${a.deadlineDay} ${policy.deadlines.endOfDay} 前`;

  return a.deadlineDay === a.originalDeadlineDay
    ? current
    : `${current}（原时限 ${a.originalDeadlineDay}，经批准延期）`;
}
