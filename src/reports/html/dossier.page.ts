/**
 * The dossier as a readable, printable page: the cover (档号, 年度, 保管期限) and every part of
 * the record, the audit timeline last.
 */
import { completionLabels } from '../../../cards/labels.js';
import { actionLabel } from '../../../cards/timeline-labels.js';
import type { Dossier } from '../../domain/dossier.js';
import { fullMoment } from '../../domain/format.js';
import { formatPoints } from '../../domain/ledger.js';
import type { ReminderKind } from '../../domain/reminder-plan.js';
import type { AssignmentState } from '../../domain/types.js';
import { stateLabels } from '../report-labels.js';
import { escapeHtml, fieldRow, page } from './page.js';

/** The dossier page; `printable notice` is a separate file in the zip. */
export function dossierPage(dossier: Dossier): string {
  const a = dossier.assignment;
  const body = [
    `<h1>督办事项档案</h1>`,
    '<table>',
    fieldRow([
      ['档号', dossier.archiveNumber],
      ['年度', String(dossier.year)],
    ]),
    fieldRow([
      ['保管期限', dossier.retention],
      ['归档时间', fullMoment(dossier.archivedAt)],
    ]),
    fieldRow([
      ['通知单编号', a.noticeNumber],
      ['归档人', dossier.archivedBy.name],
    ]),
    fieldRow([
      ['承办单位', a.enterpriseName],
      ['立卷单位', dossier.office.supervisionUnit],
    ]),
    fieldRow([
      ['事项', a.title],
      ['交办日期', fullMoment(a.issuedAt)],
    ]),
    '</table>',
    section('承办措施', planRows(dossier)),
    section(
      '阶段性进展',
      lines(a.progress, (p) => `${p.percent}% ${p.text}（${p.by.name}）`),
    ),
    section('办理结果', feedbackRows(dossier)),
    section('审签', lines(a.signOffs, signOffText)),
    section('审核', lines(a.reviews, reviewText)),
    section(
      '延期',
      lines(a.extensions, extensionText, (e) => e.requestedAt),
    ),
    section(
      '提醒记录',
      lines(dossier.reminders, reminderText, (r) => r.dueAt),
    ),
    section(
      '积分记录',
      lines(dossier.ledger, (l) => `${formatPoints(l.milliPoints)} ${l.reason}`),
    ),
    section('办理过程', lines(dossier.timeline, timelineText)),
  ];

  return page(`${dossier.archiveNumber} 督办事项档案`, body.join('\n'), { printButton: true });
}

const reviewLabel = { complete: '通过办结', return: '退回重办', perfunctory: '认定敷衍' } as const;
const extensionLabel = {
  pending: '待审批',
  approved: '批准延至',
  rejected: '不批准',
  lapsed: '未审批，督办已结束',
} as const;

type Assignment = Dossier['assignment'];

/** One row per record: its time, then what it says. */
function lines<T>(
  records: T[],
  text: (record: T) => string,
  when: (record: T) => Date = (record) => (record as { at: Date }).at,
): string[] {
  return records.map((record) => fieldRow([[fullMoment(when(record)), text(record)]]));
}

function signOffText(s: Assignment['signOffs'][number]): string {
  const verdict = s.decision === 'approved' ? '同意报送' : '退回修改';

  return `${s.by.name}：${verdict}${s.comment ? `，${s.comment}` : ''}`;
}

function reviewText(r: Assignment['reviews'][number]): string {
  const quality = r.onTimeHighQuality ? '（按时高质量）' : '';

  return `${r.by.name}：${reviewLabel[r.decision]}${quality}${r.reason ? `，${r.reason}` : ''}`;
}

function extensionText(e: Assignment['extensions'][number]): string {
  const granted = e.decidedDay ? ` ${e.decidedDay}` : '';
  if (e.direct) return `第 ${e.seq} 次，督查室直接延至${granted}（${e.reason}）`;

  return `第 ${e.seq} 次，申请延至 ${e.requestedDay}（${e.reason}）：${extensionLabel[e.status]}${granted}`;
}

/** What each reminder was, in the words of its card (cards/reminder.card.ts, overdue.card.ts). */
const reminderLabels: Record<ReminderKind, string> = {
  ackChase: '请尽快签收',
  ackEscalation: '请尽快签收（升级至第一责任人）',
  beforeDeadline: '到期前提醒',
  overdueRecord: '逾期记录',
  overdue: '逾期通知',
  overdueRepeat: '逾期每日提醒',
  weeklyProgress: '阶段性进展提醒',
};

function reminderText(r: Dossier['reminders'][number]): string {
  const kind = reminderLabels[r.kind as ReminderKind] ?? r.kind;

  return `${kind}（${r.status === 'sent' ? '已发送' : '已登记'}）`;
}

function section(title: string, rows: string[]): string {
  const content = rows.length > 0 ? rows.join('\n') : '<tr><td>无</td></tr>';

  return `<h2>${escapeHtml(title)}</h2><table>${content}</table>`;
}

function planRows({ assignment: a }: Dossier): string[] {
  const plan = a.plan;
  if (!plan) return [];

  return [
    fieldRow([
      ['责任领导', plan.leader.name],
      ['责任部门', plan.department],
    ]),
    fieldRow([
      ['责任人', plan.owner.name],
      ['计划完成', plan.plannedDay],
    ]),
    fieldRow([['工作措施', plan.measures]]),
  ];
}

function feedbackRows({ assignment: a }: Dossier): string[] {
  const feedback = a.feedback;
  if (!feedback) return [];

  return [
    fieldRow([['办理结果', feedback.result]]),
    fieldRow([['完成情况', completionText(feedback)]]),
    fieldRow([['报送人', `${feedback.by.name} ${fullMoment(feedback.at)}`]]),
  ];
}

function completionText(feedback: NonNullable<Assignment['feedback']>): string {
  const reason = feedback.completionReason ? `（${feedback.completionReason}）` : '';

  return `${completionLabels[feedback.completion]}${reason}`;
}

/** 「城投张总 第一责任人审签同意（待审签→审核中）」: the labels of 查看 and of the reports. */
function timelineText(t: Dossier['timeline'][number]): string {
  const state = (s: string) => stateLabels[s as AssignmentState] ?? s;
  const change =
    t.before && t.after && t.before !== t.after ? `（${state(t.before)}→${state(t.after)}）` : '';
  const refused = t.refusal ? `（未执行：${t.refusal.message}）` : '';
  const reason = t.reason ? `：${t.reason}` : '';

  return `${t.actor.name} ${actionLabel(t.action, t.outcome)}${change}${reason}${refused}`;
}
