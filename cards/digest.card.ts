/**
 * 督办周报: the weekly digest to a leader, with the 阅示 form; once the leader has written
 * remarks, the same card shows them instead of the form. And the card that shows the 督查室 a
 * leader's remarks.
 */
import { fullMoment, shortMoment } from '../src/domain/format.js';
import type { DigestFigures } from '../src/domain/digest.js';
import { formatPoints } from '../src/domain/ledger.js';
import type { Card, CardElement } from './card.js';
import { buildCard, escapeText, gap, hr, markdown, plain } from './elements.js';

/** The action of the 阅示 form's submit button; its value carries the report id as `r`. */
export const submitRemarksAction = 'submitRemarks';
/** The name of the remarks textarea in the form. */
export const remarksField = 'remarks';

export interface DigestCardData {
  reportId: string;
  figures: DigestFigures;
  /** This leader's remarks, when written: shown instead of the form. */
  remark?: { text: string; at: Date };
  /** Shown beside the field after a refused submission. */
  error?: string;
  /** Longest remarks accepted, in characters. */
  maxLength: number;
}

/** The digest card for a leader. */
export function digestCard(data: DigestCardData): Card {
  const elements = [...figureElements(data.figures), hr(), ...remarkElements(data)];

  return buildCard('督办工作周报', 'turquoise', elements, { subtitle: weekLabel(data.figures) });
}

/** The card telling the 督查室 what a leader wrote. */
export function remarksNoticeCard(
  figures: DigestFigures,
  remark: { by: string; text: string; at: Date },
): Card {
  return buildCard(
    `领导阅示 · ${remark.by}`,
    'turquoise',
    [
      markdown(`**${escapeText(remark.by)}** ${fullMoment(remark.at)} 阅示：`),
      markdown(escapeText(remark.text)),
      hr(),
      markdown(summaryLine(figures)),
    ],
    { subtitle: `督办工作周报 · ${weekLabel(figures)}` },
  );
}

function weekLabel(f: DigestFigures): string {
  return `${f.week.fromDay} 至 ${f.week.toDay}（${f.week.id}）`;
}

function summaryLine(f: DigestFigures): string {
  return `上周交办 ${f.issued} 件 · 办结 ${f.closed} 件 · 当前逾期 ${f.overdue} 件 · 本周到期 ${f.atRisk} 件`;
}

function figureElements(f: DigestFigures): CardElement[] {
  const overdue = f.overdueItems.map(
    (i) =>
      `· ${escapeText(i.enterprise)} ${escapeText(i.noticeNumber)} ${escapeText(i.title)}（逾期 ${i.daysLate} 天）`,
  );
  const atRisk = f.atRiskItems.map(
    (i) =>
      `· ${escapeText(i.enterprise)} ${escapeText(i.noticeNumber)} ${escapeText(i.title)}（${i.deadlineDay} 到期）`,
  );
  const standing = (list: DigestFigures['best']) =>
    list.map((e) => `${escapeText(e.enterprise)} ${formatPoints(e.milliPoints)}`).join('、') || '—';

  return [
    markdown(`**${summaryLine(f)}**`),
    ...(overdue.length > 0
      ? [markdown(`<font color='red'>逾期未结</font>\n${overdue.join('\n')}`)]
      : []),
    ...(atRisk.length > 0 ? [markdown(`**本周到期**\n${atRisk.join('\n')}`)] : []),
    markdown(
      `**${f.year}年度积分**${gap}靠前：${standing(f.best)}\n${gap.repeat(4)}靠后：${standing(f.worst)}`,
    ),
  ];
}

function remarkElements(data: DigestCardData): CardElement[] {
  if (data.remark) {
    return [
      markdown(`**阅示意见**（${shortMoment(data.remark.at)}）\n${escapeText(data.remark.text)}`),
    ];
  }
  const error = data.error ? [markdown(`<font color='red'>${escapeText(data.error)}</font>`)] : [];

  return [
    {
      tag: 'form',
      name: 'remarks_form',
      elements: [
        {
          tag: 'input',
          name: remarksField,
          input_type: 'multiline_text',
          rows: 3,
          max_length: data.maxLength,
          required: true,
          placeholder: plain('请填写阅示意见'),
        },
        ...error,
        {
          tag: 'button',
          name: 'submit_remarks',
          text: plain('提交阅示'),
          type: 'primary_filled',
          form_action_type: 'submit',
          behaviors: [{ type: 'callback', value: { a: submitRemarksAction, r: data.reportId } }],
        },
      ],
    },
  ];
}
