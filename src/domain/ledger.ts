import type { Assignment } from './assignment.js';
import type { Policy } from './policy.js';

/** Why points moved (policy §六(三)); `reversal` cancels an earlier entry. */
export type LedgerKind =
  'noticeReceived' | 'onTimeHighQuality' | 'overdue' | 'perfunctory' | 'refusal' | 'reversal';

/**
 * One score entry. Entries are never edited: a correction is a counter-entry (`reversal`)
 * naming the entry it cancels. Points are kept in thousandths so sums stay exact.
 */
export interface LedgerEntry {
  /** Unique: recording the same entry twice keeps one. */
  key: string;
  kind: LedgerKind;
  enterpriseId: string;
  assignmentId: string;
  noticeNumber: string;
  /** The assessment year: the year of issue. */
  year: number;
  milliPoints: number;
  reason: string;
  at: Date;
  byOpenId: string;
  /** For a reversal, the key of the entry it cancels. */
  reverses?: string;
}

/** Points as stored: thousandths of a point. */
export function toMilliPoints(points: number): number {
  return Math.round(points * 1000);
}

/** Points for display: −0.5, 0.2, −1. */
export function fromMilliPoints(milliPoints: number): number {
  return milliPoints / 1000;
}

/** 「-0.5」「+0.2」 as shown on cards and reports. */
export function formatPoints(milliPoints: number): string {
  const points = fromMilliPoints(milliPoints);

  return points > 0 ? `+${points}` : String(points);
}

type ScoredKind = Exclude<LedgerKind, 'reversal'>;

/** The reason written on an entry, in the policy's words. */
const reasons: Record<ScoredKind, string> = {
  noticeReceived: '收到督办通知单',
  onTimeHighQuality: '按时高质量办结（酌情抵扣）',
  overdue: '办理逾期',
  perfunctory: '敷衍办理',
  refusal: '无正当理由拒不办理',
};

/**
 * A new entry for an assignment. `occurrence` distinguishes events that may happen more than
 * once (each perfunctory review is its own entry).
 */
export function scoreEntry(
  assignment: Assignment,
  kind: ScoredKind,
  policy: Policy,
  context: { at: Date; byOpenId: string; occurrence?: number; note?: string },
): LedgerEntry {
  const suffix = context.occurrence ? `:${context.occurrence}` : '';

  return {
    key: `${assignment.id}:${kind}${suffix}`,
    kind,
    enterpriseId: assignment.enterpriseId,
    assignmentId: assignment.id,
    noticeNumber: assignment.noticeNumber,
    year: assignment.year,
    milliPoints: toMilliPoints(policy.scoring[kind]),
    reason: context.note ? `${reasons[kind]}：${context.note}` : reasons[kind],
    at: context.at,
    byOpenId: context.byOpenId,
  };
}

/** A counter-entry cancelling `entry`, with the reason for the correction. */
export function reversalOf(
  entry: LedgerEntry,
  context: { at: Date; byOpenId: string; reason: string },
): LedgerEntry {
  return {
    key: `${entry.key}:reversal`,
    kind: 'reversal',
    enterpriseId: entry.enterpriseId,
    assignmentId: entry.assignmentId,
    noticeNumber: entry.noticeNumber,
    year: entry.year,
    milliPoints: -entry.milliPoints,
    reason: `冲销「${entry.reason}」：${context.reason}`,
    at: context.at,
    byOpenId: context.byOpenId,
    reverses: entry.key,
  };
}

/** Sum of entries per enterprise, in thousandths of a point. */
export function totalsByEnterprise(entries: LedgerEntry[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const entry of entries) {
    totals.set(entry.enterpriseId, (totals.get(entry.enterpriseId) ?? 0) + entry.milliPoints);
  }

  return totals;
}
