import { describe, expect, it } from 'vitest';
import { isWithin, parsePeriod, singleYearOf, type Period } from '../../../src/domain/period.js';
import type { Refusal } from '../../../src/domain/refusal.js';
import { at } from '../../support/fixtures.js';

const now = at('2025-06-30 10:00');

function period(text: string | undefined): Period {
  const parsed = parsePeriod(text, now);
  if ('ok' in parsed) throw new Error(parsed.message);

  return parsed;
}

describe('parsePeriod', () => {
  it.each([
    [undefined, 'year', '2025年', '2025', '2025-01-01', '2025-12-31'],
    ['', 'year', '2025年', '2025', '2025-01-01', '2025-12-31'],
    ['2024', 'year', '2024年', '2024', '2024-01-01', '2024-12-31'],
    ['2024年', 'year', '2024年', '2024', '2024-01-01', '2024-12-31'],
    ['2024年度', 'year', '2024年', '2024', '2024-01-01', '2024-12-31'],
    ['今年', 'year', '2025年', '2025', '2025-01-01', '2025-12-31'],
    ['去年', 'year', '2024年', '2024', '2024-01-01', '2024-12-31'],
    ['本月', 'month', '2025年6月', '2025-06', '2025-06-01', '2025-06-30'],
    ['上月', 'month', '2025年5月', '2025-05', '2025-05-01', '2025-05-31'],
    ['3月', 'month', '2025年3月', '2025-03', '2025-03-01', '2025-03-31'],
    ['2025-Q1', 'quarter', '2025年第一季度', '2025-Q1', '2025-01-01', '2025-03-31'],
    ['2025q2', 'quarter', '2025年第二季度', '2025-Q2', '2025-04-01', '2025-06-30'],
    ['2025年第三季度', 'quarter', '2025年第三季度', '2025-Q3', '2025-07-01', '2025-09-30'],
    ['2025年4季度', 'quarter', '2025年第四季度', '2025-Q4', '2025-10-01', '2025-12-31'],
    ['2025-05', 'month', '2025年5月', '2025-05', '2025-05-01', '2025-05-31'],
    ['2024-2', 'month', '2024年2月', '2024-02', '2024-02-01', '2024-02-29'],
    ['2025年12月', 'month', '2025年12月', '2025-12', '2025-12-01', '2025-12-31'],
    ['2025/6', 'month', '2025年6月', '2025-06', '2025-06-01', '2025-06-30'],
    [
      '2025-05-01~2025-06-15',
      'range',
      '2025-05-01至2025-06-15',
      '2025-05-01_2025-06-15',
      '2025-05-01',
      '2025-06-15',
    ],
    [
      '2025/5/1至2025/5/1',
      'range',
      '2025-05-01至2025-05-01',
      '2025-05-01_2025-05-01',
      '2025-05-01',
      '2025-05-01',
    ],
    [
      '2024-12-20～2025-01-10',
      'range',
      '2024-12-20至2025-01-10',
      '2024-12-20_2025-01-10',
      '2024-12-20',
      '2025-01-10',
    ],
  ])('reads %j as a %s: %s', (text, kind, label, key, fromDay, toDay) => {
    expect(period(text)).toMatchObject({ kind, label, key, fromDay, toDay });
  });

  it('bounds the period by whole Shanghai days, the end exclusive', () => {
    const may = period('2025-05');

    expect(may.start.toISOString()).toBe('2025-04-30T16:00:00.000Z');
    expect(may.end.toISOString()).toBe('2025-05-31T16:00:00.000Z');
    expect(isWithin(may, at('2025-05-31 23:59'))).toBe(true);
    expect(isWithin(may, at('2025-06-01 00:00'))).toBe(false);
    expect(isWithin(may, at('2025-05-01 00:00'))).toBe(true);
  });

  it.each([
    ['2025-13', '没有 13 月'],
    ['2025-02-30~2025-03-01', '「2025-02-30」不是有效日期'],
    ['2025-06-01~2025-05-01', '结束日期不能早于开始日期'],
    ['1999', '年份 1999 超出范围'],
    ['上个月', '没有看懂统计期间「上个月」'],
    ['2025-Q5', '没有看懂统计期间'],
  ])('refuses %j with a reason and an example', (text, message) => {
    const refusal = parsePeriod(text, now) as Refusal;

    expect(refusal).toMatchObject({ ok: false, code: 'invalidInput', field: 'period' });
    expect(refusal.message).toContain(message);
  });

  it.each(['2025', '2025-Q2', '2025-05', '2024-12-20_2025-01-10'])(
    'reads its own key %j back as the same period (cards carry it to 导出)',
    (key) => {
      expect(period(key).key).toBe(key);
    },
  );

  it('names the single assessment year, or none for a range across years', () => {
    expect(singleYearOf(period('2025-Q2'))).toBe(2025);
    expect(singleYearOf(period('2024-12-20~2025-01-10'))).toBeNull();
  });
});
