import { describe, expect, it } from 'vitest';

import {
  addWorkingDays,
  createChineseCalendar,
  subtractWorkingDays,
  workingDayOnOrAfter,
} from '../../../src/domain/calendar.js';

const calendar = createChineseCalendar({ holidays: [], workdays: [] });

describe('createChineseCalendar', () => {
  describe('with the published schedule', () => {
    it.each([
      // Spring Festival 2025: off 01-28 … 02-04, make-up working days Sun 01-26 and Sat 02-08.
      ['2025-01-24', 'Fri', true],
      ['2025-01-25', 'Sat', false],
      ['2025-01-26', 'Sun, make-up', true],
      ['2025-01-27', 'Mon', true],
      ['2025-01-28', 'Tue, holiday', false],
      ['2025-01-29', 'Wed, holiday', false],
      ['2025-01-31', 'Fri, holiday', false],
      ['2025-02-01', 'Sat, holiday', false],
      ['2025-02-03', 'Mon, holiday', false],
      ['2025-02-04', 'Tue, holiday', false],
      ['2025-02-05', 'Wed', true],
      ['2025-02-08', 'Sat, make-up', true],
      ['2025-02-09', 'Sun', false],
      // Spring Festival 2026: off 02-15 … 02-23, make-up Sat 02-14 and Sat 02-28.
      ['2026-02-13', 'Fri', true],
      ['2026-02-14', 'Sat, make-up', true],
      ['2026-02-15', 'Sun, holiday', false],
      ['2026-02-16', 'Mon, holiday', false],
      ['2026-02-20', 'Fri, holiday', false],
      ['2026-02-23', 'Mon, holiday', false],
      ['2026-02-24', 'Tue', true],
      ['2026-02-28', 'Sat, make-up', true],
      ['2026-03-01', 'Sun', false],
      // National Day 2025: off 10-01 … 10-08, make-up Sun 09-28 and Sat 10-11.
      ['2025-09-27', 'Sat', false],
      ['2025-09-28', 'Sun, make-up', true],
      ['2025-09-30', 'Tue', true],
      ['2025-10-01', 'Wed, holiday', false],
      ['2025-10-06', 'Mon, holiday', false],
      ['2025-10-08', 'Wed, holiday', false],
      ['2025-10-09', 'Thu', true],
      ['2025-10-11', 'Sat, make-up', true],
      ['2025-10-12', 'Sun', false],
      // National Day 2026: off 10-01 … 10-07, make-up Sun 09-20 and Sat 10-10.
      ['2026-09-19', 'Sat', false],
      ['2026-09-20', 'Sun, make-up', true],
      ['2026-09-30', 'Wed', true],
      ['2026-10-01', 'Thu, holiday', false],
      ['2026-10-05', 'Mon, holiday', false],
      ['2026-10-07', 'Wed, holiday', false],
      ['2026-10-08', 'Thu', true],
      ['2026-10-10', 'Sat, make-up', true],
      ['2026-10-11', 'Sun', false],
      // An ordinary week.
      ['2025-06-20', 'Fri', true],
      ['2025-06-21', 'Sat', false],
      ['2025-06-22', 'Sun', false],
    ])('%s (%s) is a working day: %s', (day, _label, working) => {
      expect(calendar.isWorkingDay(day)).toBe(working);
    });

    it('refuses a malformed day', () => {
      expect(() => calendar.isWorkingDay('2025-02-30')).toThrow(RangeError);
    });
  });

  describe('in a year the package does not cover', () => {
    it.each([
      ['2027-01-01', 'Fri (New Year, unknown yet)', true],
      ['2027-01-02', 'Sat', false],
      ['2027-01-03', 'Sun', false],
      ['2027-01-04', 'Mon', true],
      ['2027-02-08', 'Mon', true],
    ])('falls back to Monday–Friday: %s (%s) working %s', (day, _label, working) => {
      expect(calendar.isWorkingDay(day)).toBe(working);
    });

    it.each([
      [2003, false],
      [2004, true],
      [2025, true],
      [2026, true],
      [2027, false],
    ])('covers %i: %s', (year, covered) => {
      expect(calendar.covers(year)).toBe(covered);
    });

    it.each([
      ['2025-01-01', '2025-12-31', []],
      ['2026-12-30', '2027-01-06', [2027]],
      ['2027-01-06', '2026-12-30', [2027]],
      ['2026-06-01', '2028-01-05', [2027, 2028]],
    ])('lists the uncovered years from %s to %s: %j', (from, to, years) => {
      expect(calendar.uncoveredYears(from, to)).toEqual(years);
    });
  });

  describe('with overrides', () => {
    const overridden = createChineseCalendar({
      holidays: ['2027-01-01', '2025-02-08'],
      workdays: ['2027-01-09', '2025-10-08'],
      coveredYears: [2027],
    });

    it.each([
      ['2027-01-01', 'override holiday in a new year', false],
      ['2027-01-09', 'override make-up Saturday', true],
      ['2027-01-10', 'Sun, not named', false],
      ['2025-02-08', 'override holiday on a published make-up day', false],
      ['2025-10-08', 'override workday on a published holiday', true],
      ['2025-10-07', 'published holiday, not named', false],
    ])('%s (%s) is a working day: %s', (day, _label, working) => {
      expect(overridden.isWorkingDay(day)).toBe(working);
    });

    it('covers a year listed as covered', () => {
      expect(overridden.covers(2027)).toBe(true);
      expect(overridden.uncoveredYears('2026-12-30', '2028-01-05')).toEqual([2028]);
    });

    it('does not take one date of a year for the whole year’s schedule', () => {
      const newYearOnly = createChineseCalendar({ holidays: ['2027-01-01'], workdays: [] });

      expect(newYearOnly.isWorkingDay('2027-01-01')).toBe(false);
      expect(newYearOnly.covers(2027)).toBe(false);
      expect(newYearOnly.uncoveredYears('2026-12-30', '2027-01-06')).toEqual([2027]);
    });

    it.each([
      [{ holidays: ['2027-02-30'], workdays: [] }, 'not a day'],
      [{ holidays: [], workdays: ['2027-1-9'] }, 'not a day'],
      [{ holidays: ['2027-01-09'], workdays: ['2027-01-09'] }, 'both kinds: 2027-01-09'],
    ])('refuses %j', (overrides, problem) => {
      expect(() => createChineseCalendar(overrides)).toThrow(problem);
    });
  });
});

describe('falling back to Monday–Friday', () => {
  it('reports each uncovered year once, when a day of it is first counted that way', () => {
    const years: number[] = [];
    const watched = createChineseCalendar(
      { holidays: ['2028-01-03'], workdays: [] },
      { onFallback: (year) => years.push(year) },
    );

    watched.isWorkingDay('2026-06-01');
    watched.isWorkingDay('2028-01-03');
    expect(years).toEqual([]);

    ['2027-03-01', '2027-03-02', '2028-01-04', '2027-10-01'].forEach((day) =>
      watched.isWorkingDay(day),
    );
    expect(years).toEqual([2027, 2028]);
  });

  it('reports nothing for a year listed as covered', () => {
    const years: number[] = [];
    const covered = createChineseCalendar(
      { holidays: ['2027-01-01'], workdays: [], coveredYears: [2027] },
      { onFallback: (year) => years.push(year) },
    );

    covered.isWorkingDay('2027-03-01');
    expect(years).toEqual([]);
  });
});

describe('working-day stepping', () => {
  it.each([
    ['2025-06-20', '2025-06-20'],
    ['2025-06-21', '2025-06-23'],
    ['2025-10-01', '2025-10-09'],
    ['2025-10-09', '2025-10-09'],
    ['2025-02-08', '2025-02-08'],
    ['2026-02-15', '2026-02-24'],
  ])('the working day on or after %s is %s', (day, expected) => {
    expect(workingDayOnOrAfter(day, calendar)).toBe(expected);
  });

  it.each([
    ['2025-06-20', 0, '2025-06-20'],
    ['2025-06-20', 1, '2025-06-23'],
    ['2025-01-24', 2, '2025-01-27'],
    ['2025-01-27', 1, '2025-02-05'],
    ['2025-09-30', 1, '2025-10-09'],
    ['2026-02-13', 1, '2026-02-14'],
    ['2026-02-14', 1, '2026-02-24'],
  ])('%s plus %i working days is %s', (day, n, expected) => {
    expect(addWorkingDays(day, n, calendar)).toBe(expected);
  });

  it.each([
    ['2025-06-23', 0, '2025-06-23'],
    ['2025-06-23', 1, '2025-06-20'],
    ['2025-10-09', 1, '2025-09-30'],
    ['2025-10-13', 2, '2025-10-10'],
    ['2025-02-10', 2, '2025-02-07'],
    // Critical D−7 for a deadline of 2025-10-16: back across National Day.
    ['2025-10-16', 7, '2025-09-30'],
    ['2026-02-24', 1, '2026-02-14'],
  ])('%s minus %i working days is %s', (day, n, expected) => {
    expect(subtractWorkingDays(day, n, calendar)).toBe(expected);
  });

  it.each([-1, 1.5])('refuses %d working days', (n) => {
    expect(() => addWorkingDays('2025-06-20', n, calendar)).toThrow(RangeError);
  });

  it('gives up on a calendar without working days', () => {
    const never = { isWorkingDay: () => false, covers: () => true, uncoveredYears: () => [] };

    expect(() => workingDayOnOrAfter('2025-06-21', never)).toThrow('no working day within 366');
  });
});
