/**
 * The printable 督办通知单 (policy attachment 1): the written form the policy prefers
 * (以书面为主), on one A4 page, with lines for the head's signature. A confidential item prints
 * in full: only a signed link reaches this page.
 */
import { levelLabels } from '../../../cards/labels.js';
import { scoringLine } from '../../../cards/notice-lines.js';
import type { Assignment } from '../../domain/assignment.js';
import { dayOf } from '../../domain/dates.js';
import { fullMoment } from '../../domain/format.js';
import type { Policy } from '../../domain/policy.js';
import type { Office } from '../../domain/types.js';
import { escapeHtml, fieldRow, page } from './page.js';

export interface PrintableNotice {
  assignment: Assignment;
  office: Office;
  policy: Policy;
}

/** The notice as an HTML page with A4 print styles. */
export function printableNoticePage({ assignment: a, office, policy }: PrintableNotice): string {
  const secret = a.confidential ? '<p><span class="secret">涉密</span> 注意保管，不得外传</p>' : '';
  const body = [
    secret,
    `<h1>${escapeHtml(office.name)}督办通知单</h1>`,
    `<div class="meta"><span>${escapeHtml(office.supervisionUnit)}</span>`,
    `<span>${escapeHtml(a.noticeNumber)}</span></div>`,
    '<table>',
    wideRow('事项', a.title),
    wideRow('内容与要求', a.content, 'pre'),
    wideRow('承办单位', a.enterpriseName),
    fieldRow([
      ['交办日期', dayOf(a.issuedAt)],
      ['办理时限', deadlineText(a, policy)],
    ]),
    fieldRow([
      ['级别', `${levelLabels[a.level]}事项`],
      ['督办人', `${a.issuedBy.name}（督查室）`],
    ]),
    wideRow('考核说明', scoringLine(policy.scoring)),
    fieldRow([
      ['签收人', a.acknowledgedBy?.name ?? ''],
      ['签收时间', a.acknowledgedAt ? fullMoment(a.acknowledgedAt) : ''],
    ]),
    signatureRow(),
    '</table>',
    '<p class="note">请承办单位按要求和时限认真办理，办理结果经单位第一责任人审签后书面报送督查室。</p>',
  ].join('\n');

  return page(`${a.noticeNumber} 督办通知单`, body, { printButton: true });
}

/** The current deadline, and the original one when an extension moved it. */
function deadlineText(a: Assignment, policy: Policy): string {
  const current = `${a.deadlineDay} ${policy.deadlines.endOfDay} 前`;

  return a.deadlineDay === a.originalDeadlineDay
    ? current
    : `${current}（原时限 ${a.originalDeadlineDay}，经批准延期）`;
}

function wideRow(label: string, value: string, cls?: string): string {
  const attr = cls ? ` class="${cls}"` : '';

  return `<tr><th>${escapeHtml(label)}</th><td colspan="3"${attr}>${escapeHtml(value)}</td></tr>`;
}

/** Blank lines for the signature and date, written by hand on paper. */
function signatureRow(): string {
  const blank = '<td style="height: 16mm"></td>';

  return `<tr><th>第一责任人签字</th>${blank}<th>日期</th><td>&emsp;&emsp;年&emsp;&emsp;月&emsp;&emsp;日</td></tr>`;
}
