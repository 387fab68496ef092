import { describe, expect, it } from 'vitest';

import {
  addDays,
  atTime,
  calendarDaysBetween,
  dayOf,
  isoWeekday,
  parseDay,
  yearOf,
} from '../../../src/domain/dates.js';

describe('dayOf', () => {
  it.each([
    ['2025-06-01T15:59:59Z', '2025-06-01'],
    ['2025-06-01T16:00:00Z', '2025-06-02'],
    ['2024-12-31T16:30:00Z', '2025-01-01'],
    ['2025-06-02T00:30:00+08:00', '2025-06-02'],
  ])('puts %s on %s in Shanghai', (instant, day) => {
    expect(dayOf(new Date(instant))).toBe(day);
  });

  it('refuses an invalid Date', () => {
    expect(() => dayOf(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('parseDay', () => {
  it.each([
    ['2025-06-01', '2025-06-01'],
    ['2024-02-29', '2024-02-29'],
    ['2025-02-29', null],
    ['2025-02-30', null],
    ['2025-13-01', null],
    ['2025-6-1', null],
    ['20250601', null],
    ['2025-06-01T00:00', null],
    [' 2025-06-01', null],
    ['2025/06/01', null],
    ['', null],
  ])('reads %j as %j', (text, day) => {
    expect(parseDay(text)).toBe(day);
  });
});

describe('atTime', () => {
  it.each([
    ['2025-06-20', '17:30', '2025-06-20T09:30:00.000Z'],
    ['2025-06-20', '09:00', '2025-06-20T01:00:00.000Z'],
    ['2025-06-20', '00:00', '2025-06-19T16:00:00.000Z'],
    ['2025-06-20', '23:59', '2025-06-20T15:59:00.000Z'],
  ])('puts %s %s at %s', (day, time, instant) => {
    expect(atTime(day, time).toISOString()).toBe(instant);
  });

  it.each([
    ['2025-06-20', '9:00'],
    ['2025-06-20', '24:00'],
    ['2025-06-20', '17:60'],
    ['2025-02-30', '09:00'],
  ])('refuses %s %s', (day, time) => {
    expect(() => atTime(day, time)).toThrow(RangeError);
  });
});

describe('day arithmetic', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2025-05-21', 30, '2025-06-20'],
    ['2025-03-01', -1, '2025-02-28'],
    ['2025-06-20', 0, '2025-06-20'],
  ])('adds to %s %i days: %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });

  it('refuses a fraction of a day', () => {
    expect(() => addDays('2025-06-20', 0.5)).toThrow(RangeError);
  });

  it.each([
    ['2025-06-16', 1],
    ['2025-06-20', 5],
    ['2025-06-21', 6],
    ['2025-06-22', 7],
    ['2027-01-01', 5],
  ])('gives %s ISO weekday %i', (day, weekday) => {
    expect(isoWeekday(day)).toBe(weekday);
  });

  it.each([
    ['2025-06-20', '2025-06-20', 0],
    ['2025-06-20', '2025-06-21', 1],
    ['2025-06-21', '2025-06-20', -1],
    ['2025-02-01', '2025-03-01', 28],
    ['2024-12-31', '2025-12-31', 365],
  ])('counts from %s to %s %i days', (a, b, days) => {
    expect(calendarDaysBetween(a, b)).toBe(days);
  });

  it('reads the year of a day', () => {
    expect(yearOf('2027-01-01')).toBe(2027);
  });
});
