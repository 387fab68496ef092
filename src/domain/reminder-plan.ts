/**
 * The reminder plan (DESIGN.md §5): which pushes an assignment should have, when, and to whom.
 * Pure: the assignment, the policy, the calendar and `now` in, a list out. The scheduler turns
 * the list into delayed jobs; the processor asks the same question again when a job fires and
 * sends only if the answer still contains that reminder. Rules chosen where the design was
 * silent are in docs/decisions.md («Reminders»).
 */
import type { Assignment } from './assignment.js';
import type { WorkingCalendar } from './calendar.js';
import type { EscalationStep, Policy, UrgentKind } from './policy.js';
import {
  acknowledgementSeries,
  deadlineSeries,
  overdueNoticeSeries,
  overdueRecordSeries,
  overdueRepeatSeries,
  weeklyProgressSeries,
} from './reminder-series.js';

/**
 * - `ackChase`: 请尽快签收, to the liaison, some working hours after issue.
 * - `ackEscalation`: still not acknowledged a working day later: the whole ladder.
 * - `beforeDeadline`: D−n at the reminder time; each one climbs the ladder a step.
 * - `overdueRecord`: the deadline passed while open: flag it and record −0.2. Pushes nothing.
 * - `overdue`: the first overdue notice, to the whole ladder; owed until sent.
 * - `overdueRepeat`: every working day after that while overdue, to the enterprise.
 * - `weeklyProgress`: a long matter with no news for a week: 请报送阶段性进展.
 */
export const reminderKinds = [
  'ackChase',
  'ackEscalation',
  'beforeDeadline',
  'overdueRecord',
  'overdue',
  'overdueRepeat',
  'weeklyProgress',
] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/** One step of the escalation ladder that receives a reminder, with its urgent pushes. */
export interface ReminderRecipient {
  step: EscalationStep;
  urgent: UrgentKind[];
}

export interface PlannedReminder {
  kind: ReminderKind;
  /** When it goes out: already moved out of quiet hours and off non-working days. */
  dueAt: Date;
  /** Who is told, in ladder order; empty for `overdueRecord`. */
  recipients: ReminderRecipient[];
  /** `beforeDeadline` only: working days before the deadline day (0 = the day itself). */
  daysBefore?: number;
}

/** What the series builders are given besides the assignment. */
export interface PlanContext {
  policy: Policy;
  calendar: WorkingCalendar;
  now: Date;
}

/**
 * The reminders `assignment` should have at `now`: every future one, plus, per series, the
 * latest one already due, which is still owed until the next one of its series is due (a job
 * fires a little after its time, a process was down, Redis was lost). Whether an owed one was
 * already sent is for the store to say. Sorted by time. Nothing for a closed assignment.
 */
export function planReminders(
  assignment: Assignment,
  policy: Policy,
  calendar: WorkingCalendar,
  now: Date,
): PlannedReminder[] {
  const context: PlanContext = { policy, calendar, now };
  const series = [
    acknowledgementSeries(assignment, context),
    deadlineSeries(assignment, context),
    overdueRecordSeries(assignment, context),
    overdueNoticeSeries(assignment, context),
    overdueRepeatSeries(assignment, context),
    weeklyProgressSeries(assignment, context),
  ];

  const plan = series.flatMap((occurrences) => owedOrComing(occurrences, now));
  const byKey = new Map(plan.map((r) => [reminderKey(assignment.id, r.kind, r.dueAt), r]));

  // Distinct days can map to one moment (a reminder time outside working hours): send once.
  return [...byKey.values()].sort(
    (a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.kind.localeCompare(b.kind),
  );
}

/**
 * A reminder's identity: assignment, kind and due time. Its job id, its row in the sent
 * record and its message uuids all derive from it, so planning or sending twice acts once.
 * No colon: BullMQ refuses custom job ids that contain one.
 */
export function reminderKey(assignmentId: string, kind: ReminderKind, dueAt: Date): string {
  return `${assignmentId}.${kind}.${dueAt.getTime()}`;
}

/** The parts of a reminder key, or null when `key` is not one. */
export function parseReminderKey(
  key: string,
): { assignmentId: string; kind: ReminderKind; dueAt: Date } | null {
  const [assignmentId, kind, ms, ...rest] = key.split('.');
  const known = (reminderKinds as readonly string[]).includes(kind ?? '');
  if (!assignmentId || !known || !/^\d+$/.test(ms ?? '') || rest.length > 0) return null;

  return { assignmentId, kind: kind as ReminderKind, dueAt: new Date(Number(ms)) };
}

/** The planned reminder with this kind and due time, if the plan still has it. */
export function findPlanned(
  plan: PlannedReminder[],
  kind: ReminderKind,
  dueAt: Date,
): PlannedReminder | undefined {
  return plan.find((r) => r.kind === kind && r.dueAt.getTime() === dueAt.getTime());
}

/** True for reminders that push a message (all but the overdue record). */
export function isPush(kind: ReminderKind): boolean {
  return kind !== 'overdueRecord';
}

/** The latest occurrence due at or before `now`, and all later ones (occurrences sorted). */
function owedOrComing(occurrences: PlannedReminder[], now: Date): PlannedReminder[] {
  const firstComing = occurrences.findIndex((o) => o.dueAt.getTime() > now.getTime());
  if (firstComing === -1) return occurrences.slice(-1);

  return occurrences.slice(Math.max(0, firstComing - 1));
}
