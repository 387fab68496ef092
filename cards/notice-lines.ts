/**
 * The lines of an assignment's cards that describe where it stands: deadline, state, plan,
 * progress, feedback, extension, score rules. Plain functions from data to markdown.
 */
import { pendingExtension, type Assignment } from '../src/domain/assignment.js';
import { fullMoment, shortMoment } from '../src/domain/format.js';
import type { Policy } from '../src/domain/policy.js';
import { clip, escapeText, red } from './elements.js';
import { completionLabels, stateLabels } from './labels.js';

/**
 * Where the deadline stands, computed by the caller with src/domain/deadlines.ts and
 * src/domain/overdue.ts: while the enterprise owes the result, `left` until the deadline has
 * passed (working days after today, 0 on the day), then `overdue` (whole calendar days late,
 * 0 on the evening of the deadline day); `submitted` once the head has signed it off and the
 * 督查室 reviews it (calendar days late at the sign-off, 0 when on time); `closed` when the
 * matter no longer runs against it.
 */
export type DeadlineStatus =
  | { kind: 'left'; workingDays: number }
  | { kind: 'overdue'; days: number }
  | { kind: 'submitted'; daysLate: number }
  | { kind: 'closed' };

/** Shown as late (carmine header, red text): overdue, or under review after a late sign-off. */
export function isLate(status: DeadlineStatus): boolean {
  return status.kind === 'overdue' || (status.kind === 'submitted' && status.daysLate > 0);
}

/** 「按时报送」 or 「逾期 2 天报送」 (red) for a result under review. */
export function submittedText(daysLate: number): string {
  return daysLate > 0 ? red(`逾期 ${daysLate} 天报送`) : '按时报送';
}

/** How much of a long text the face of a card shows (the sign-off card shows it whole). */
const excerptChars = 300;

/** 「2025-05-28 17:30（剩余 3 个工作日）」, red once overdue; 「（按时报送）」 under review. */
export function deadlineLine(a: Assignment, status: DeadlineStatus, fallback = false): string {
  const when = fullMoment(a.deadline);
  const note = fallback ? '\n（该年节假日安排未公布，按周一至周五计算）' : '';
  if (status.kind === 'closed') return `${when}${note}`;
  if (status.kind === 'submitted') return `${when}（${submittedText(status.daysLate)}）${note}`;
  if (status.kind === 'overdue') {
    const late = status.days > 0 ? `已逾期 ${status.days} 天` : '已超过时限';
    return `${when}（${red(late)}）${note}`;
  }
  const left = status.workingDays > 0 ? `剩余 ${status.workingDays} 个工作日` : '今日到期';

  return `${when}（${left}）${note}`;
}

/** The 状态 line: what the state means for the person looking, with who and when. */
export function stateLine(a: Assignment): string {
  switch (a.state) {
    case 'acknowledged':
      return a.acknowledgedBy && a.acknowledgedAt
        ? `已签收：${a.acknowledgedBy.name} ${shortMoment(a.acknowledgedAt)}`
        : stateLabels.acknowledged;
    case 'completed':
      return completedText(a);
    case 'archived':
      return a.completedAt ? `${completedText(a)}，已归档` : stateLabels.archived;
    case 'refused':
      return a.refusal ? `已认定拒不办理：${escapeText(a.refusal.reason)}` : stateLabels.refused;
    case 'withdrawn':
      return a.withdrawal ? `已撤销：${escapeText(a.withdrawal.reason)}` : stateLabels.withdrawn;
    default:
      return stateLabels[a.state];
  }
}

function completedText(a: Assignment): string {
  const late = a.completedDaysLate ?? 0;

  return late > 0 ? `已办结（逾期 ${late} 天）` : '已办结（按时）';
}

/** Why a submitted result came back, while it is being reworked (in progress with feedback). */
export function returnedLine(a: Assignment): string | null {
  if (a.state !== 'in_progress' || !a.feedback) return null;
  const rejection = a.signOffs.filter((s) => s.decision === 'rejected').at(-1);
  const sentBack = a.reviews.filter((r) => r.decision !== 'complete').at(-1);
  const latestIsReview = sentBack && (!rejection || sentBack.at > rejection.at);
  if (latestIsReview) {
    const verdict = sentBack.decision === 'perfunctory' ? '认定敷衍，退回重办' : '督查室退回重办';
    return red(`${verdict}：${escapeText(sentBack.reason)}（${sentBack.by.name}）`);
  }
  if (!rejection) return null;

  return red(`第一责任人退回修改：${escapeText(rejection.comment)}（${rejection.by.name}）`);
}

/** 「责任领导 张总 · 工程部 · 责任人 李工 · 计划 05-27 完成」. */
export function planLine(a: Assignment): string | null {
  const plan = a.plan;
  if (!plan) return null;
  const planned = plan.plannedDay.slice(5);

  return [
    `责任领导 ${plan.leader.name}`,
    escapeText(plan.department),
    `责任人 ${plan.owner.name}`,
    `计划 ${planned} 完成`,
  ].join(' · ');
}

/** The plan's measures, the latest progress and the feedback, each cut to an excerpt. */
export function workExcerpts(a: Assignment): Array<[string, string]> {
  const parts: Array<[string, string]> = [];
  if (a.plan) parts.push(['工作措施', clip(a.plan.measures, excerptChars)]);
  const progress = a.progress.at(-1);
  if (progress) {
    const head = `${progress.percent}%（${shortMoment(progress.at)} ${progress.by.name}）`;
    parts.push([`最新进展 ${head}`, clip(progress.text, excerptChars)]);
  }
  if (a.feedback) {
    const head = `${completionLabels[a.feedback.completion]}（${shortMoment(a.feedback.at)}）`;
    parts.push([`办理结果 ${head}`, clip(a.feedback.result, excerptChars)]);
  }

  return parts;
}

/** The extension in play: pending, or the latest decision. */
export function extensionLine(a: Assignment): string | null {
  const pending = pendingExtension(a);
  if (pending) {
    const who = `${pending.requestedBy.name} ${shortMoment(pending.requestedAt)}`;
    return `申请延至 ${pending.requestedDay}，待审批（${who}）`;
  }
  const last = a.extensions.at(-1);
  if (!last) return null;
  if (last.status === 'approved') {
    const how = last.direct ? '督查室延至' : '已批准延至';
    return `${how} ${last.decidedDay}（原时限 ${last.previousDay}）`;
  }
  if (last.status === 'lapsed') return `申请延至 ${last.requestedDay} 未经审批，督办已结束`;
  const reason = last.decisionReason ? `：${escapeText(last.decisionReason)}` : '';

  return `申请延至 ${last.requestedDay} 未获批准${reason}`;
}

/** 「收到本通知单扣 0.5 分；按时高质量办结可抵扣 0.2 分；…」 from the policy's points. */
export function scoringLine(scoring: Policy['scoring']): string {
  const points = (value: number) => String(Math.abs(value));
  const { noticeReceived, onTimeHighQuality, overdue, perfunctory, refusal } = scoring;
  const late =
    overdue === perfunctory
      ? `逾期或敷衍加扣 ${points(overdue)} 分`
      : `逾期加扣 ${points(overdue)} 分；敷衍加扣 ${points(perfunctory)} 分`;

  return [
    `收到本通知单扣 ${points(noticeReceived)} 分`,
    `按时高质量办结可抵扣 ${points(onTimeHighQuality)} 分`,
    late,
    `无正当理由拒不办理扣 ${points(refusal)} 分。`,
  ].join('；');
}
