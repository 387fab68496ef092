import { describe, expect, it } from 'vitest';

import { createChineseCalendar } from '../../../src/domain/calendar.js';
import {
  addWorkingHours,
  chosenDeadlineDay,
  computeDeadline,
  DeadlineError,
  daysLate,
  deadlineCap,
  movedDayNote,
  nextWorkingMoment,
  placeChosenDay,
  validateDeadlineOverride,
  workingDaysLeft,
} from '../../../src/domain/deadlines.js';
import { defaultPolicy, type Policy } from '../../../src/domain/policy.js';
import type { Level } from '../../../src/domain/types.js';

const calendar = createChineseCalendar({ holidays: [], workdays: [] });

type Counting = Policy['deadlines']['dayCounting'];

function policyWith(
  deadlines: Partial<Policy['deadlines']>,
  hours?: Partial<Policy['workingHours']>,
): Policy {
  return {
    ...defaultPolicy,
    deadlines: { ...defaultPolicy.deadlines, ...deadlines },
    workingHours: { ...defaultPolicy.workingHours, ...hours },
  };
}

const calendarDays = policyWith({ dayCounting: 'calendar' });

/** 10:00 in Shanghai on `day`: an ordinary moment of issue. */
function tenOClockOn(day: string): Date {
  return new Date(`${day}T10:00:00+08:00`);
}

describe('computeDeadline', () => {
  describe('in working days (the default)', () => {
    it.each<[string, string, Level, string]>([
      // Spring Festival 2025: off 01-28 … 02-04, make-up Sun 01-26 and Sat 02-08.
      ['2025-01-24', 'Fri before the holiday', 'routine', '2025-02-07'],
      ['2025-01-24', 'Fri before the holiday', 'important', '2025-02-13'],
      ['2025-01-24', 'Fri before the holiday', 'critical', '2025-02-13'],
      ['2025-01-26', 'the make-up Sunday', 'routine', '2025-02-08'],
      ['2025-01-30', 'inside the holiday', 'routine', '2025-02-10'],
      ['2025-01-30', 'inside the holiday', 'important', '2025-02-17'],
      ['2025-02-05', 'the first day back', 'routine', '2025-02-11'],
      ['2025-02-05', 'the first day back', 'important', '2025-02-18'],
      ['2025-02-05', 'the first day back', 'critical', '2025-02-18'],
      // Spring Festival 2026: off 02-15 … 02-23, make-up Sat 02-14 and Sat 02-28.
      ['2026-02-12', 'Thu before the holiday', 'routine', '2026-02-26'],
      ['2026-02-12', 'Thu before the holiday', 'important', '2026-03-04'],
      ['2026-02-18', 'inside the holiday', 'routine', '2026-02-28'],
      ['2026-02-18', 'inside the holiday', 'important', '2026-03-06'],
      ['2026-02-24', 'the first day back', 'routine', '2026-03-02'],
      ['2026-02-24', 'the first day back', 'critical', '2026-03-09'],
      // National Day 2025: off 10-01 … 10-08, make-up Sun 09-28 and Sat 10-11.
      ['2025-09-26', 'Fri before the holiday', 'routine', '2025-10-10'],
      ['2025-09-26', 'Fri before the holiday', 'important', '2025-10-16'],
      ['2025-09-29', 'Mon before the holiday', 'routine', '2025-10-13'],
      ['2025-10-03', 'inside the holiday', 'routine', '2025-10-14'],
      ['2025-10-03', 'inside the holiday', 'important', '2025-10-21'],
      ['2025-10-09', 'the first day back', 'routine', '2025-10-15'],
      ['2025-10-09', 'the first day back', 'important', '2025-10-22'],
      // National Day 2026: off 10-01 … 10-07, make-up Sun 09-20 and Sat 10-10;
      // Mid-Autumn off 09-25 … 09-27.
      ['2026-09-18', 'Fri before the make-up Sunday', 'routine', '2026-09-24'],
      ['2026-09-18', 'Fri before the make-up Sunday', 'important', '2026-10-09'],
      ['2026-09-24', 'Thu before Mid-Autumn', 'routine', '2026-10-09'],
      ['2026-09-24', 'Thu before Mid-Autumn', 'important', '2026-10-15'],
      ['2026-09-29', 'Tue before the holiday', 'routine', '2026-10-12'],
      ['2026-10-05', 'inside the holiday', 'routine', '2026-10-13'],
      ['2026-10-05', 'inside the holiday', 'important', '2026-10-20'],
      ['2026-10-08', 'the first day back', 'routine', '2026-10-14'],
      ['2026-10-08', 'the first day back', 'critical', '2026-10-21'],
      // An ordinary weekend.
      ['2025-06-13', 'a Friday', 'routine', '2025-06-20'],
      ['2025-06-14', 'a Saturday', 'routine', '2025-06-20'],
      ['2025-06-15', 'a Sunday', 'routine', '2025-06-20'],
      ['2025-06-14', 'a Saturday', 'important', '2025-06-27'],
    ])('issued %s (%s), %s ends %s at 17:30', (issueDay, _label, level, day) => {
      const result = computeDeadline(
        { issuedAt: tenOClockOn(issueDay), level },
        defaultPolicy,
        calendar,
      );

      expect(result.day).toBe(day);
      expect(result.deadline.toISOString()).toBe(`${day}T09:30:00.000Z`);
      expect(result.fallback).toBe(false);
    });
  });

  describe('in calendar days', () => {
    it.each<[string, string, Level, string]>([
      ['2025-01-24', 'ends on holiday 01-29', 'routine', '2025-02-05'],
      ['2025-01-24', 'ends on holiday 02-03', 'important', '2025-02-05'],
      ['2025-01-20', 'ends on Sat 01-25, next is the make-up Sunday', 'routine', '2025-01-26'],
      ['2025-01-20', 'ends on holiday 01-30', 'important', '2025-02-05'],
      ['2025-02-03', 'issued on a holiday, ends on the make-up Saturday', 'routine', '2025-02-08'],
      ['2025-02-03', 'issued on a holiday', 'important', '2025-02-13'],
      ['2025-02-05', 'ends on a working Monday', 'routine', '2025-02-10'],
      ['2025-02-05', 'ends on Sat 02-15', 'important', '2025-02-17'],
      ['2026-02-10', 'ends on holiday 02-15', 'routine', '2026-02-24'],
      ['2026-02-10', 'ends on holiday 02-20', 'important', '2026-02-24'],
      ['2026-02-09', 'ends on the make-up Saturday', 'routine', '2026-02-14'],
      ['2026-02-23', 'issued on a holiday, ends on the make-up Saturday', 'routine', '2026-02-28'],
      ['2026-02-23', 'issued on a holiday', 'important', '2026-03-05'],
      ['2025-09-26', 'ends on holiday 10-01', 'routine', '2025-10-09'],
      ['2025-09-26', 'ends on holiday 10-06', 'important', '2025-10-09'],
      ['2025-09-23', 'ends on the make-up Sunday', 'routine', '2025-09-28'],
      ['2025-10-03', 'issued on a holiday, ends on holiday 10-08', 'routine', '2025-10-09'],
      ['2025-10-03', 'issued on a holiday', 'important', '2025-10-13'],
      ['2025-10-06', 'issued on a holiday, ends on the make-up Saturday', 'routine', '2025-10-11'],
      ['2026-09-26', 'ends on holiday 10-01', 'routine', '2026-10-08'],
      ['2026-09-26', 'ends on holiday 10-06', 'important', '2026-10-08'],
      ['2026-10-05', 'ends on the make-up Saturday', 'routine', '2026-10-10'],
      ['2026-10-05', 'issued on a holiday', 'important', '2026-10-15'],
      ['2026-09-15', 'ends on the make-up Sunday', 'routine', '2026-09-20'],
      ['2026-09-15', 'ends on Mid-Autumn 09-25', 'critical', '2026-09-28'],
    ])('issued %s (%s), %s ends %s', (issueDay, _label, level, day) => {
      const result = computeDeadline(
        { issuedAt: tenOClockOn(issueDay), level },
        calendarDays,
        calendar,
      );

      expect(result.day).toBe(day);
      expect(result.deadline.toISOString()).toBe(`${day}T09:30:00.000Z`);
    });
  });

  describe('the day of issue is the day in Shanghai', () => {
    it.each([
      ['2025-06-19T23:30:00+08:00', 'Thu night', '2025-06-26', '2025-06-26T09:30:00.000Z'],
      ['2025-06-19T16:30:00Z', 'Fri 00:30 in Shanghai', '2025-06-27', '2025-06-27T09:30:00.000Z'],
    ])('issued at %s (%s) ends %s', (issuedAt, _label, day, deadline) => {
      const result = computeDeadline(
        { issuedAt: new Date(issuedAt), level: 'routine' },
        defaultPolicy,
        calendar,
      );

      expect(result.day).toBe(day);
      expect(result.deadline.toISOString()).toBe(deadline);
    });
  });

  describe('the rule shown on the card', () => {
    it.each<[Counting, Level, string]>([
      ['working', 'routine', '一般事项 5 个工作日'],
      ['working', 'important', '重要事项 10 个工作日'],
      ['working', 'critical', '特别重大事项 10 个工作日'],
      ['calendar', 'routine', '一般事项 5 日'],
      ['calendar', 'important', '重要事项 10 日'],
    ])('counting %s days, %s reads %s', (dayCounting, level, rule) => {
      const request = { issuedAt: tenOClockOn('2025-06-13'), level };

      expect(computeDeadline(request, policyWith({ dayCounting }), calendar).rule).toBe(rule);
    });

    it('names the days the policy sets', () => {
      const policy = policyWith({ levelDays: { routine: 3, important: 7, critical: 15 } });
      const request = { issuedAt: tenOClockOn('2025-06-13'), level: 'critical' as const };

      expect(computeDeadline(request, policy, calendar).rule).toBe('特别重大事项 15 个工作日');
    });
  });

  describe('for a fixed item', () => {
    it('ends on the given day when it is a working day', () => {
      const result = computeDeadline(
        { issuedAt: tenOClockOn('2025-06-10'), level: 'fixed', fixedDay: '2025-08-29' },
        defaultPolicy,
        calendar,
      );

      expect(result).toEqual({
        day: '2025-08-29',
        deadline: new Date('2025-08-29T09:30:00.000Z'),
        rule: '按文件规定时限',
        fallback: false,
      });
    });

    it('moves a Sunday or a holiday to the next working day, and says so (Civil Code art. 203)', () => {
      const sunday = computeDeadline(
        { issuedAt: tenOClockOn('2025-06-10'), level: 'fixed', fixedDay: '2025-08-31' },
        defaultPolicy,
        calendar,
      );
      const nationalDay = computeDeadline(
        { issuedAt: tenOClockOn('2025-09-01'), level: 'fixed', fixedDay: '2025-10-01' },
        defaultPolicy,
        calendar,
      );

      expect(sunday).toEqual({
        day: '2025-09-01',
        deadline: new Date('2025-09-01T09:30:00.000Z'),
        rule: '按文件规定时限；8月31日为休息日，时限顺延至9月1日',
        fallback: false,
        movedFrom: '2025-08-31',
      });
      expect(nationalDay).toMatchObject({ day: '2025-10-09', movedFrom: '2025-10-01' });
    });

    it('says when the fixed day is in a year without a schedule', () => {
      const result = computeDeadline(
        { issuedAt: tenOClockOn('2026-12-01'), level: 'fixed', fixedDay: '2027-03-31' },
        defaultPolicy,
        calendar,
      );

      expect(result.fallback).toBe(true);
    });

    it.each([
      [undefined, 'fixedDayMissing'],
      ['2025-02-30', 'fixedDayInvalid'],
      ['2025-6-30', 'fixedDayInvalid'],
      ['2025-06-10', 'fixedDayNotAfterIssue'],
      ['2025-06-01', 'fixedDayNotAfterIssue'],
    ])('throws a DeadlineError for fixedDay %j: %s', (fixedDay, code) => {
      const request = { issuedAt: tenOClockOn('2025-06-10'), level: 'fixed' as const, fixedDay };

      expect(() => computeDeadline(request, defaultPolicy, calendar)).toThrow(DeadlineError);
      expect(() => computeDeadline(request, defaultPolicy, calendar)).toThrow(
        expect.objectContaining({ code }),
      );
    });

    it('is not read for other levels', () => {
      const request = {
        issuedAt: tenOClockOn('2025-06-13'),
        level: 'routine' as const,
        fixedDay: '2025-07-01',
      };

      expect(computeDeadline(request, defaultPolicy, calendar).day).toBe('2025-06-20');
    });
  });

  describe('in a year the package does not cover (2027)', () => {
    const with2027 = createChineseCalendar({
      holidays: ['2027-01-01'],
      workdays: [],
      coveredYears: [2027],
    });
    const newYearOnly = createChineseCalendar({ holidays: ['2027-01-01'], workdays: [] });

    it.each<[string, Counting, string, boolean]>([
      ['2026-12-18', 'working', '2026-12-25', false],
      ['2026-12-30', 'working', '2027-01-06', true],
      ['2027-03-01', 'working', '2027-03-08', true],
      ['2026-12-27', 'calendar', '2027-01-01', true],
    ])(
      'falls back to Monday–Friday: issued %s, %s days, ends %s',
      (issueDay, dayCounting, day, fallback) => {
        const request = { issuedAt: tenOClockOn(issueDay), level: 'routine' as const };
        const result = computeDeadline(request, policyWith({ dayCounting }), calendar);

        expect(result.day).toBe(day);
        expect(result.fallback).toBe(fallback);
      },
    );

    it.each<[string, Counting, string]>([
      ['2026-12-30', 'working', '2027-01-07'],
      ['2026-12-27', 'calendar', '2027-01-04'],
    ])(
      'uses override dates when given: issued %s, %s days, ends %s',
      (issueDay, dayCounting, day) => {
        const request = { issuedAt: tenOClockOn(issueDay), level: 'routine' as const };
        const result = computeDeadline(request, policyWith({ dayCounting }), with2027);

        expect(result.day).toBe(day);
        expect(result.fallback).toBe(false);
      },
    );

    it('still says so when an override names a date of the year but the year is not listed', () => {
      const request = { issuedAt: tenOClockOn('2026-12-30'), level: 'routine' as const };
      const result = computeDeadline(request, defaultPolicy, newYearOnly);

      expect(result).toMatchObject({ day: '2027-01-07', fallback: true });
    });
  });
});

describe('deadlineCap', () => {
  it.each<[string, Level, string, number, string]>([
    ['2025-05-21T10:00:00+08:00', 'routine', '2025-05-28', 30, '2025-06-20'],
    ['2025-01-24T10:00:00+08:00', 'critical', '2025-02-13', 30, '2025-02-23'],
    ['2025-05-21T23:30:00+08:00', 'critical', '2025-06-04', 30, '2025-06-20'],
    ['2025-05-21T16:30:00Z', 'routine', '2025-05-29', 30, '2025-06-21'],
    ['2025-05-21T10:00:00+08:00', 'fixed', '2025-08-31', 30, '2025-08-31'],
    ['2025-05-21T10:00:00+08:00', 'fixed', '2025-06-01', 30, '2025-06-20'],
    ['2025-05-21T10:00:00+08:00', 'routine', '2025-05-28', 60, '2025-07-20'],
  ])(
    'issued %s, %s with original %s, at most %i days: %s',
    (issuedAt, level, original, maxDays, cap) => {
      const policy = policyWith({ maxDaysFromIssue: maxDays });

      expect(deadlineCap(new Date(issuedAt), level, original, policy)).toBe(cap);
    },
  );

  it('refuses a fixed item whose original day is not a day', () => {
    expect(() =>
      deadlineCap(tenOClockOn('2025-05-21'), 'fixed', '2025-02-30', defaultPolicy),
    ).toThrow(RangeError);
  });
});

describe('validateDeadlineOverride', () => {
  const issuedAt = tenOClockOn('2025-05-21');

  it.each<[Level, string]>([
    ['routine', '2025-05-22'],
    ['routine', '2025-06-20'],
    ['critical', '2025-06-20'],
    ['fixed', '2025-09-30'],
  ])('accepts %s on %s', (level, day) => {
    expect(validateDeadlineOverride(issuedAt, level, day, defaultPolicy)).toEqual({ ok: true });
  });

  it.each<[Level, string, string]>([
    ['routine', '2025-06-21', '时限不能晚于 2025-06-20（交办之日起 30 日）'],
    ['critical', '2025-07-01', '时限不能晚于 2025-06-20（交办之日起 30 日）'],
    ['routine', '2025-05-21', '时限须晚于交办日期（2025-05-21）'],
    ['routine', '2025-05-01', '时限须晚于交办日期（2025-05-21）'],
    ['fixed', '2025-05-20', '时限须晚于交办日期（2025-05-21）'],
    ['routine', '2025-02-30', '「2025-02-30」不是有效日期，请按 YYYY-MM-DD 填写，如 2025-06-20'],
    ['routine', '2025-6-1', '「2025-6-1」不是有效日期，请按 YYYY-MM-DD 填写，如 2025-06-20'],
  ])('refuses %s on %s', (level, day, message) => {
    expect(validateDeadlineOverride(issuedAt, level, day, defaultPolicy)).toEqual({
      ok: false,
      message,
    });
  });
});

describe('a deadline day chosen by a person', () => {
  it.each([
    ['2025-06-13', 'Fri', { day: '2025-06-13' }],
    ['2025-06-14', 'Sat', { day: '2025-06-16', movedFrom: '2025-06-14' }],
    ['2025-10-01', 'National Day', { day: '2025-10-09', movedFrom: '2025-10-01' }],
    ['2026-02-14', 'Sat, make-up working day', { day: '2026-02-14' }],
  ])('%s (%s) stands as %j', (day, _label, expected) => {
    expect(chosenDeadlineDay(day, calendar)).toEqual(expected);
  });

  it('is explained in the words cards and answers use', () => {
    expect(movedDayNote({ day: '2025-06-16', movedFrom: '2025-06-14' })).toBe(
      '6月14日为休息日，时限顺延至6月16日',
    );
    expect(movedDayNote({ day: '2025-06-13' })).toBe('');
  });

  describe('placed under the cap', () => {
    // Issued Thu 2025-05-22: the cap, 30 days on, is Saturday 2025-06-21.
    const issuedAt = tenOClockOn('2025-05-22');
    const place = (day: string) =>
      placeChosenDay(
        day,
        deadlineCap(issuedAt, 'routine', day, defaultPolicy),
        defaultPolicy,
        calendar,
      );

    it('keeps a working day and moves a rest day that still lands within the cap', () => {
      expect(place('2025-06-20')).toEqual({ ok: true, day: '2025-06-20' });
      expect(place('2025-06-15')).toEqual({ ok: true, day: '2025-06-16', movedFrom: '2025-06-15' });
    });

    it('refuses a rest day on the cap whose next working day is past it, naming the last day allowed', () => {
      expect(place('2025-06-21')).toEqual({
        ok: false,
        message:
          '6月21日为休息日，时限顺延至6月23日，超过最长时限 2025-06-21（交办之日起 30 日）；请选择 2025-06-20 或更早的日期',
      });
    });
  });
});

describe('workingDaysLeft', () => {
  it.each([
    // Deadline Fri 2025-02-07, the day before the make-up Saturday.
    ['2025-02-07T09:30:00Z', '2025-01-24T10:00:00+08:00', 5],
    ['2025-02-07T09:30:00Z', '2025-01-28T10:00:00+08:00', 3],
    ['2025-02-07T09:30:00Z', '2025-02-06T10:00:00+08:00', 1],
    ['2025-02-07T09:30:00Z', '2025-02-07T09:00:00+08:00', 0],
    ['2025-02-07T09:30:00Z', '2025-02-07T18:00:00+08:00', 0],
    ['2025-02-07T09:30:00Z', '2025-02-08T10:00:00+08:00', -1],
    ['2025-02-07T09:30:00Z', '2025-02-09T10:00:00+08:00', -2],
    ['2025-02-07T09:30:00Z', '2025-02-10T10:00:00+08:00', -2],
    ['2025-02-07T09:30:00Z', '2025-02-11T10:00:00+08:00', -3],
    // Deadline Fri 2025-06-20 before an ordinary weekend.
    ['2025-06-20T09:30:00Z', '2025-06-13T10:00:00+08:00', 5],
    ['2025-06-20T09:30:00Z', '2025-06-14T10:00:00+08:00', 5],
    ['2025-06-20T09:30:00Z', '2025-06-19T10:00:00+08:00', 1],
    ['2025-06-20T09:30:00Z', '2025-06-20T16:30:00Z', -1],
    ['2025-06-20T09:30:00Z', '2025-06-21T10:00:00+08:00', -1],
    ['2025-06-20T09:30:00Z', '2025-06-22T10:00:00+08:00', -1],
    ['2025-06-20T09:30:00Z', '2025-06-23T10:00:00+08:00', -1],
    ['2025-06-20T09:30:00Z', '2025-06-24T10:00:00+08:00', -2],
    // Deadline Mon 2025-06-23, seen on the Saturday before.
    ['2025-06-23T09:30:00Z', '2025-06-21T10:00:00+08:00', 1],
    // Across National Day 2025.
    ['2025-10-10T09:30:00Z', '2025-09-30T10:00:00+08:00', 2],
  ])('deadline %s, now %s: %i', (deadline, now, left) => {
    expect(workingDaysLeft(new Date(now), new Date(deadline), calendar)).toBe(left);
  });
});

describe('daysLate', () => {
  it.each([
    ['2025-06-20T09:30:00Z', '2025-06-19T15:00:00+08:00', 0],
    ['2025-06-20T09:30:00Z', '2025-06-20T17:00:00+08:00', 0],
    ['2025-06-20T09:30:00Z', '2025-06-20T18:00:00+08:00', 0],
    ['2025-06-20T09:30:00Z', '2025-06-21T08:00:00+08:00', 1],
    ['2025-06-20T09:30:00Z', '2025-06-20T16:30:00Z', 1],
    ['2025-06-20T09:30:00Z', '2025-06-22T23:59:00+08:00', 2],
    ['2025-06-20T09:30:00Z', '2025-06-23T10:00:00+08:00', 3],
    ['2025-01-27T09:30:00Z', '2025-02-05T10:00:00+08:00', 9],
  ])('deadline %s, done %s: %i days late', (deadline, at, late) => {
    expect(daysLate(new Date(deadline), new Date(at))).toBe(late);
  });
});

describe('nextWorkingMoment', () => {
  it.each([
    ['2025-06-20T08:00:00+08:00', 'Fri before opening', '2025-06-20T01:00:00.000Z'],
    ['2025-06-20T09:00:00+08:00', 'Fri at opening', '2025-06-20T01:00:00.000Z'],
    ['2025-06-20T12:00:00+08:00', 'Fri noon', '2025-06-20T04:00:00.000Z'],
    ['2025-06-20T17:29:00+08:00', 'Fri just before closing', '2025-06-20T09:29:00.000Z'],
    ['2025-06-20T17:30:00+08:00', 'Fri at closing', '2025-06-23T01:00:00.000Z'],
    ['2025-06-20T18:00:00+08:00', 'Fri evening', '2025-06-23T01:00:00.000Z'],
    ['2025-06-21T10:00:00+08:00', 'Sat', '2025-06-23T01:00:00.000Z'],
    ['2025-09-30T12:00:00+08:00', 'noon on the eve of National Day', '2025-09-30T04:00:00.000Z'],
    ['2025-09-30T18:00:00+08:00', 'evening on the eve of National Day', '2025-10-09T01:00:00.000Z'],
    ['2025-10-03T10:00:00+08:00', 'inside National Day', '2025-10-09T01:00:00.000Z'],
    [
      '2025-02-07T18:00:00+08:00',
      'Fri evening before a make-up Saturday',
      '2025-02-08T01:00:00.000Z',
    ],
    [
      '2026-02-14T20:00:00+08:00',
      'the make-up Saturday before Spring Festival',
      '2026-02-24T01:00:00.000Z',
    ],
  ])('%s (%s) → %s', (at, _label, expected) => {
    expect(nextWorkingMoment(new Date(at), defaultPolicy, calendar).toISOString()).toBe(expected);
  });

  it('leaves any moment alone when the policy allows pushes outside hours', () => {
    const policy = policyWith({}, { allowOutsideHours: true });
    const friday = new Date('2025-06-20T18:00:00+08:00');

    expect(nextWorkingMoment(friday, policy, calendar).toISOString()).toBe(
      '2025-06-20T10:00:00.000Z',
    );
  });
});

describe('addWorkingHours', () => {
  it.each([
    ['2025-06-20T10:00:00+08:00', 2, 'inside the day', '2025-06-20T04:00:00.000Z'],
    ['2025-06-20T07:00:00+08:00', 2, 'from before opening', '2025-06-20T03:00:00.000Z'],
    ['2025-06-20T16:30:00+08:00', 2, 'across the evening and weekend', '2025-06-23T02:00:00.000Z'],
    ['2025-06-20T19:00:00+08:00', 2, 'from a Friday evening', '2025-06-23T03:00:00.000Z'],
    ['2025-09-30T15:30:00+08:00', 2, 'exactly to closing', '2025-09-30T09:30:00.000Z'],
    ['2025-09-30T17:00:00+08:00', 2, 'across National Day', '2025-10-09T02:30:00.000Z'],
    ['2025-01-28T10:00:00+08:00', 2, 'from inside Spring Festival', '2025-02-05T03:00:00.000Z'],
    ['2025-01-27T17:00:00+08:00', 2, 'across Spring Festival', '2025-02-05T02:30:00.000Z'],
    ['2025-06-23T09:00:00+08:00', 8.5, 'a whole working day', '2025-06-23T09:30:00.000Z'],
    ['2025-06-23T09:00:00+08:00', 9, 'a little more', '2025-06-24T01:30:00.000Z'],
    ['2025-06-20T12:00:00+08:00', 0.25, 'a quarter hour', '2025-06-20T04:15:00.000Z'],
    ['2025-06-20T10:00:00+08:00', 0, 'nothing', '2025-06-20T02:00:00.000Z'],
  ])('%s plus %d h (%s) → %s', (at, hours, _label, expected) => {
    expect(addWorkingHours(new Date(at), hours, defaultPolicy, calendar).toISOString()).toBe(
      expected,
    );
  });

  it('counts working hours even when pushes are allowed outside them', () => {
    const policy = policyWith({}, { allowOutsideHours: true });
    const at = new Date('2025-06-20T16:30:00+08:00');

    expect(addWorkingHours(at, 2, policy, calendar).toISOString()).toBe('2025-06-23T02:00:00.000Z');
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d hours', (hours) => {
    expect(() =>
      addWorkingHours(tenOClockOn('2025-06-20'), hours, defaultPolicy, calendar),
    ).toThrow(RangeError);
  });

  it('refuses working hours that end before they start', () => {
    const policy = policyWith({}, { start: '18:00', end: '09:00' });

    expect(() => addWorkingHours(tenOClockOn('2025-06-20'), 2, policy, calendar)).toThrow(
      RangeError,
    );
  });
});
