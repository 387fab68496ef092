/**
 * The series of reminders an assignment can have, each in time order. Within a series a later
 * reminder replaces an earlier one that was never sent (see `planReminders`). Every push is
 * moved out of quiet hours and off non-working days (`nextWorkingMoment`, remembered by
 * plan-calendar.ts).
 */
import type { Assignment } from './assignment.js';
import { addDays, calendarDaysBetween, isoWeekday } from './dates.js';
import { overdueSince } from './deadlines.js';
import { planCalendarFor, type PlanCalendar } from './plan-calendar.js';
import type { Policy } from './policy.js';
import type { PlanContext, PlannedReminder, ReminderRecipient } from './reminder-plan.js';
import type { AssignmentState } from './types.js';

/** States in which the enterprise still owes the result (under review it has delivered). */
export const owingStates: readonly AssignmentState[] = [
  'issued',
  'acknowledged',
  'in_progress',
  'awaiting_signoff',
];

/** True while the enterprise owes the result: reminders and overdue apply. */
export function enterpriseOwes(state: AssignmentState): boolean {
  return owingStates.includes(state);
}

/**
 * 请尽快签收 after some working hours, then the whole ladder after some working days. None once
 * the overdue notice is due: it tells the same people more, and a chase beside it would read as
 * if the matter were still running.
 */
export function acknowledgementSeries(a: Assignment, context: PlanContext): PlannedReminder[] {
  if (a.state !== 'issued' || context.now >= firstOverdueNoticeAt(a, context)) return [];
  const { policy } = context;
  const { firstAfterWorkingHours, escalateAfterWorkingDays } = policy.reminders.acknowledgement;
  const after = (hours: number) => times(context).pushAfterWorkingHours(a.issuedAt, hours);

  const chase: PlannedReminder = {
    kind: 'ackChase',
    dueAt: after(firstAfterWorkingHours),
    recipients: ladderUpTo(policy, 0),
  };
  const escalation: PlannedReminder = {
    kind: 'ackEscalation',
    dueAt: after(escalateAfterWorkingDays * workingDayHours(policy)),
    recipients: wholeLadder(a, policy),
  };

  // A chase that would not come before the escalation adds nothing.
  const series = chase.dueAt < escalation.dueAt ? [chase, escalation] : [escalation];
  return series.filter((o) => o.dueAt < a.deadline);
}

/** D−n at the reminder time for each n of the level; the k-th climbs k steps of the ladder. */
export function deadlineSeries(a: Assignment, context: PlanContext): PlannedReminder[] {
  const { policy, now } = context;
  if (!enterpriseOwes(a.state) || now >= a.deadline) return [];
  const clock = times(context);

  const offsets = [...new Set(policy.reminders.beforeDeadline[a.level])].sort((x, y) => y - x);
  const occurrences = offsets.map((daysBefore, index) => {
    const day = clock.stepWorkingDays(a.deadlineDay, -daysBefore);
    const dueAt = clock.pushAt(day, policy.reminders.time);
    const recipients = forState(a, ladderUpTo(policy, index));

    return { kind: 'beforeDeadline' as const, dueAt, recipients, daysBefore };
  });

  // A fixed deadline on a weekend has no D-day push inside working hours; overdue covers it.
  return occurrences.filter((o) => o.dueAt > a.issuedAt && o.dueAt < a.deadline);
}

/** Flag the assignment and record −0.2 once, just after the deadline, whatever the hour. */
export function overdueRecordSeries(a: Assignment, _context: PlanContext): PlannedReminder[] {
  if (!enterpriseOwes(a.state) || a.overdueAt) return [];
  const dueAt = overdueSince(a.deadline);

  return [{ kind: 'overdueRecord', dueAt, recipients: [] }];
}

/**
 * The first overdue notice, to the whole ladder (the only one the 督查室 gets), at the first
 * working moment after the deadline. A series of its own, so it stays owed until sent: a
 * daily repeat coming due after downtime, or after a return from review past the deadline,
 * does not replace it.
 */
export function overdueNoticeSeries(a: Assignment, context: PlanContext): PlannedReminder[] {
  if (!enterpriseOwes(a.state)) return [];
  const dueAt = firstOverdueNoticeAt(a, context);

  return [{ kind: 'overdue', dueAt, recipients: wholeLadder(a, context.policy) }];
}

/**
 * After the first notice, one to the enterprise every working day at the reminder time.
 * Open-ended: only the repeats up to the first after `now`.
 */
export function overdueRepeatSeries(a: Assignment, context: PlanContext): PlannedReminder[] {
  const { policy, now } = context;
  if (!enterpriseOwes(a.state) || !policy.reminders.overdueRepeatDaily) return [];
  const clock = times(context);
  const firstAt = firstOverdueNoticeAt(a, context);

  // Only the latest repeat due by now matters, so start counting shortly before today.
  const recentDay = clock.stepWorkingDays(clock.dayOf(now), -2);
  let day = clock.dayOf(firstAt) > recentDay ? clock.dayOf(firstAt) : recentDay;
  const recipients = forState(a, enterpriseLadder(policy));
  const repeats: PlannedReminder[] = [];
  let dueAt: Date;
  do {
    day = clock.stepWorkingDays(day, 1);
    dueAt = clock.pushAt(day, policy.reminders.time);
    repeats.push({ kind: 'overdueRepeat', dueAt, recipients });
  } while (dueAt <= now);

  return repeats.filter((r) => r.dueAt > firstAt);
}

/** The first working moment after the deadline: when the first overdue notice goes. */
function firstOverdueNoticeAt(a: Assignment, context: PlanContext): Date {
  return times(context).push(overdueSince(a.deadline));
}

/**
 * 请报送阶段性进展 on the policy's weekday, for long matters in progress, when nothing was
 * heard from the enterprise for a week; they stop when the D−n reminders begin.
 */
export function weeklyProgressSeries(a: Assignment, context: PlanContext): PlannedReminder[] {
  const { policy } = context;
  if (a.state !== 'in_progress' || !isLongMatter(a, context)) return [];
  const clock = times(context);
  const { weeklyProgressWeekday, time, beforeDeadline } = policy.reminders;
  const stopDay = clock.stepWorkingDays(a.deadlineDay, -Math.max(0, ...beforeDeadline[a.level]));
  // A request goes only when the last news is a week old or more on its day.
  const quietSince = addDays(clock.dayOf(latestNews(a)), 7);

  const occurrences: PlannedReminder[] = [];
  for (let day = addDays(clock.dayOf(a.issuedAt), 1); day < stopDay; day = addDays(day, 1)) {
    if (day < quietSince || isoWeekday(day) !== weeklyProgressWeekday) continue;
    const dueAt = clock.pushAt(day, time);
    if (clock.dayOf(dueAt) >= stopDay) continue;
    occurrences.push({ kind: 'weeklyProgress', dueAt, recipients: ladderUpTo(policy, 0) });
  }

  return occurrences;
}

/** Longer than `weeklyProgressOverDays`, counted as the policy counts deadlines. */
function isLongMatter(a: Assignment, context: PlanContext): boolean {
  const { policy } = context;
  const clock = times(context);
  const issueDay = clock.dayOf(a.issuedAt);
  const days =
    policy.deadlines.dayCounting === 'working'
      ? clock.workingDaysOfPeriod(a.issuedAt, a.deadline)
      : calendarDaysBetween(issueDay, a.deadlineDay);

  return days > policy.reminders.weeklyProgressOverDays;
}

/** The last time the enterprise was heard from or sent back: plan, progress, sign-off, review. */
function latestNews(a: Assignment): Date {
  const moments = [
    a.issuedAt,
    a.plan?.at,
    ...a.progress.map((p) => p.at),
    ...a.signOffs.map((s) => s.at),
    ...a.reviews.map((r) => r.at),
  ].filter((at): at is Date => at instanceof Date);

  return new Date(Math.max(...moments.map((at) => at.getTime())));
}

function times({ calendar, policy }: PlanContext): PlanCalendar {
  return planCalendarFor(calendar, policy);
}

/** The first `index + 1` steps of the ladder. */
function ladderUpTo(policy: Policy, index: number): ReminderRecipient[] {
  return policy.escalation.slice(0, index + 1).map(({ step, urgent }) => ({
    step,
    urgent: [...urgent],
  }));
}

function wholeLadder(a: Assignment, policy: Policy): ReminderRecipient[] {
  return forState(a, ladderUpTo(policy, policy.escalation.length));
}

/** The ladder without the 督查室: repeats go to the enterprise only. */
function enterpriseLadder(policy: Policy): ReminderRecipient[] {
  return ladderUpTo(policy, policy.escalation.length).filter((r) => r.step !== 'office');
}

/** Awaiting sign-off, the head is the one who owes the next step: always tell them. */
function forState(a: Assignment, recipients: ReminderRecipient[]): ReminderRecipient[] {
  if (a.state !== 'awaiting_signoff' || recipients.some((r) => r.step === 'head')) {
    return recipients;
  }

  return [...recipients, { step: 'head', urgent: [] }];
}

/** Length of the working day in hours (09:00–17:30 is 8.5). */
function workingDayHours(policy: Policy): number {
  const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  const { start, end } = policy.workingHours;

  return (minutes(end) - minutes(start)) / 60;
}
