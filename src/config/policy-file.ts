import { DateTime } from 'luxon';
import { z } from 'zod';
import { isPublishedYear } from '../domain/calendar.js';
import { defaultPolicy as d, type Policy } from '../domain/policy.js';
import { levels } from '../domain/types.js';
import {
  configErrorFor,
  issueText,
  parseYamlSource,
  problemsOf,
  readConfigText,
  show,
} from './yaml-source.js';

const setting = 'POLICY_FILE';

/** A whole number in [min, max]; one message for every way of missing it. */
function wholeNumber(min: number, max: number) {
  const error = (issue: { input?: unknown }) =>
    issue.input === undefined
      ? undefined
      : `must be a whole number from ${min} to ${max} (found ${show(issue.input)})`;

  return z.number({ error }).int({ error }).min(min, { error }).max(max, { error });
}

/** "HH:mm", 00:00 to 23:59. */
const clockTime = z
  .string({ error: (issue) => `must be a time written 'HH:mm' (found ${show(issue.input)})` })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
    error: (issue) => `must be a time written 'HH:mm' (found ${show(issue.input)})`,
  });

/** An ISO day that exists ('2027-02-30' does not). */
const isoDay = z.string().refine((text) => DateTime.fromFormat(text, 'yyyy-MM-dd').isValid, {
  error: (issue) => `must be a date written YYYY-MM-DD (found ${show(issue.input)})`,
});

/** Days before a deadline: 0 (the deadline day) to 30, any order, each once. */
const offsets = z.array(wholeNumber(0, 30)).superRefine((days, ctx) => {
  const twice = days.findIndex((day, i) => days.indexOf(day) !== i);
  if (twice >= 0) ctx.addIssue({ code: 'custom', path: [twice], message: 'is listed twice' });
});

const levelDays = wholeNumber(1, 30);
const weekday = wholeNumber(1, 7);
const decider = z.enum(['supervisor', 'leader']);
const finite = z.number();
const limit = wholeNumber(1, 100_000);

const deadlines = z
  .strictObject({
    /** `working` (official calendar) or `calendar` days. Default `working`. */
    dayCounting: z.enum(['working', 'calendar']).default(d.deadlines.dayCounting),
    /** Days per level, 1–30. Defaults 5, 10, 10. */
    levelDays: z
      .strictObject({
        routine: levelDays.default(d.deadlines.levelDays.routine),
        important: levelDays.default(d.deadlines.levelDays.important),
        critical: levelDays.default(d.deadlines.levelDays.critical),
      })
      .prefault({}),
    /** Calendar days after issue that no deadline may pass, 1–366. Default 30. */
    maxDaysFromIssue: wholeNumber(1, 366).default(d.deadlines.maxDaysFromIssue),
    /** The time of day a deadline falls due. Default 17:30. */
    endOfDay: clockTime.default(d.deadlines.endOfDay),
  })
  .prefault({});

const workingHours = z
  .strictObject({
    /** Start of the working day. Default 09:00. */
    start: clockTime.default(d.workingHours.start),
    /** End of the working day, after `start`. Default 17:30. */
    end: clockTime.default(d.workingHours.end),
    /** Push reminders outside working hours too. Default false. */
    allowOutsideHours: z.boolean().default(d.workingHours.allowOutsideHours),
  })
  .prefault({})
  .superRefine((hours, ctx) => {
    if (hours.end > hours.start) return;
    const message = `must be after workingHours.start ${hours.start} (found '${hours.end}')`;
    ctx.addIssue({ code: 'custom', path: ['end'], message });
  });

/** Years, each once. */
const years = z.array(wholeNumber(2000, 2100)).superRefine((list, ctx) => {
  const twice = list.findIndex((year, i) => list.indexOf(year) !== i);
  if (twice >= 0) ctx.addIssue({ code: 'custom', path: [twice], message: 'is listed twice' });
});

const calendar = z
  .strictObject({
    /** Extra holidays, YYYY-MM-DD. Default none. */
    holidays: z.array(isoDay).default(() => [...d.calendar.holidays]),
    /** Extra make-up working days (调休上班), YYYY-MM-DD. Default none. */
    workdays: z.array(isoDay).default(() => [...d.calendar.workdays]),
    /** Years whose whole schedule the two lists above give. Default none. */
    coveredYears: years.default(() => [...d.calendar.coveredYears]),
  })
  .prefault({})
  .superRefine((days, ctx) => {
    const both = days.workdays.findIndex((day) => days.holidays.includes(day));
    if (both < 0) return;
    const message = `${days.workdays[both]} is also listed under calendar.holidays`;
    ctx.addIssue({ code: 'custom', path: ['workdays', both], message });
  })
  .superRefine((days, ctx) => {
    // A year said to be covered with none of its holidays given is a schedule forgotten.
    const bare = days.coveredYears.findIndex(
      (year) => !isPublishedYear(year) && !days.holidays.some((day) => day.startsWith(`${year}-`)),
    );
    if (bare < 0) return;
    const year = days.coveredYears[bare];
    const message =
      `${year} is listed as covered but calendar.holidays names no day of ${year}: ` +
      'add its holidays and make-up working days first';
    ctx.addIssue({ code: 'custom', path: ['coveredYears', bare], message });
  });

const beforeDeadline = z
  .strictObject(
    Object.fromEntries(
      levels.map((level) => [level, offsets.default(() => [...d.reminders.beforeDeadline[level]])]),
    ) as Record<(typeof levels)[number], z.ZodDefault<typeof offsets>>,
  )
  .prefault({});

const reminders = z
  .strictObject({
    /** Time of day reminders go out. Default 09:00. */
    time: clockTime.default(d.reminders.time),
    acknowledgement: z
      .strictObject({
        /** Working hours without 签收 before the first reminder, 1–24. Default 2. */
        firstAfterWorkingHours: wholeNumber(1, 24).default(
          d.reminders.acknowledgement.firstAfterWorkingHours,
        ),
        /** Working days without 签收 before escalation, 1–10. Default 1. */
        escalateAfterWorkingDays: wholeNumber(1, 10).default(
          d.reminders.acknowledgement.escalateAfterWorkingDays,
        ),
      })
      .prefault({}),
    /** Days before the deadline, per level, each 0–30 and listed once. */
    beforeDeadline,
    /** Repeat the overdue notice every working day. Default true. */
    overdueRepeatDaily: z.boolean().default(d.reminders.overdueRepeatDaily),
    /** Periods longer than this many days get weekly progress requests, 1–366. Default 10. */
    weeklyProgressOverDays: wholeNumber(1, 366).default(d.reminders.weeklyProgressOverDays),
    /** ISO weekday of the progress request, 1 (Monday) – 7. Default 1. */
    weeklyProgressWeekday: weekday.default(d.reminders.weeklyProgressWeekday),
  })
  .prefault({});

/**
 * The ladder: who is told at each step, and which urgent pushes (加急) are used. The office
 * step takes none: the 督查室 is told by a line in its chat (or to each supervisor), and an
 * urgent push goes to a person, so it would be accepted and silently ignored.
 */
const escalation = z
  .array(
    z
      .strictObject({
        step: z.enum(['liaison', 'head', 'office']),
        urgent: z.array(z.enum(['app', 'sms', 'phone'])).default(() => []),
      })
      .superRefine(({ step, urgent }, ctx) => {
        if (step !== 'office' || urgent.length === 0) return;
        const message =
          'must be empty for the office step: the 督查室 is told by a line in its chat or to ' +
          `each supervisor, never urgently; put urgent on liaison or head (found [${urgent}])`;
        ctx.addIssue({ code: 'custom', path: ['urgent'], message });
      }),
  )
  .min(1)
  .default(() => structuredClone(d.escalation));

const policySchema = z.strictObject({
  /** Prefix of notice numbers. Default 珠国资督. */
  noticeNumber: z
    .strictObject({ prefix: z.string().trim().min(1).default(d.noticeNumber.prefix) })
    .prefault({}),
  deadlines,
  workingHours,
  calendar,
  reminders,
  escalation,
  /** Points per event (negative deducts); any finite number. */
  scoring: z
    .strictObject({
      noticeReceived: finite.default(d.scoring.noticeReceived),
      onTimeHighQuality: finite.default(d.scoring.onTimeHighQuality),
      overdue: finite.default(d.scoring.overdue),
      perfunctory: finite.default(d.scoring.perfunctory),
      refusal: finite.default(d.scoring.refusal),
    })
    .prefault({}),
  /** Who decides an extension request, per level. */
  extensions: z
    .strictObject({
      deciders: z
        .strictObject({
          routine: decider.default(d.extensions.deciders.routine),
          important: decider.default(d.extensions.deciders.important),
          critical: decider.default(d.extensions.deciders.critical),
          fixed: decider.default(d.extensions.deciders.fixed),
        })
        .prefault({}),
    })
    .prefault({}),
  /** Longest accepted form texts, in characters, 1–100000. */
  limits: z
    .strictObject({
      title: limit.default(d.limits.title),
      content: limit.default(d.limits.content),
      feedback: limit.default(d.limits.feedback),
      reason: limit.default(d.limits.reason),
      comment: limit.default(d.limits.comment),
    })
    .prefault({}),
  archive: z
    .strictObject({
      /** Days after completion before automatic archiving, 0 (by hand only) – 3650. Default 30. */
      autoArchiveAfterDays: wholeNumber(0, 3650).default(d.archive.autoArchiveAfterDays),
      /** 保管期限 on the dossier. Default 30年 (a test keeps it equal to defaultPolicy's). */
      retention: z.enum(['永久', '30年', '10年']).default('30年'),
    })
    .prefault({}),
  /** The weekly summary for leaders. Defaults Monday 08:30. */
  digest: z
    .strictObject({
      weekday: weekday.default(d.digest.weekday),
      time: clockTime.default(d.digest.time),
    })
    .prefault({}),
});

/** Validates policy YAML text; `file` only names it in messages. An empty file is all defaults. */
export function parsePolicy(text: string, file: string): Policy {
  const source = parseYamlSource(file, text, setting);
  const result = policySchema.safeParse(source.data ?? {}, { error: issueText });
  if (!result.success) throw configErrorFor(source, setting, problemsOf(result.error));

  return result.data;
}

/**
 * Reads and validates POLICY_FILE. Omitted sections and keys take `defaultPolicy`'s values.
 * Throws a ConfigError('POLICY_FILE', '<file>:<line>: <what is wrong>') on the first problem.
 */
export function loadPolicyFile(file: string): Policy {
  return parsePolicy(readConfigText(file, setting), file);
}
