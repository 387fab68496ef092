/**
 * Reporting periods as people type them after 统计 or 导出: a year, a quarter, a month or a
 * custom range of days. Bounds are whole days in Asia/Shanghai. Pure: `now` is an argument.
 */
import { addDays, atTime, dayOf, parseDay } from './dates.js';
import { invalidInput, type Refusal } from './refusal.js';

export type PeriodKind = 'year' | 'quarter' | 'month' | 'range';

export interface Period {
  kind: PeriodKind;
  /** For headers and file titles: 2025年, 2025年第二季度, 2025年5月, 2025-05-01至2025-06-30. */
  label: string;
  /** Stable and ASCII, for file names and ids: 2025, 2025-Q2, 2025-05, 2025-05-01_2025-06-30. */
  key: string;
  /** First day, 'YYYY-MM-DD', inclusive. */
  fromDay: string;
  /** Last day, 'YYYY-MM-DD', inclusive. */
  toDay: string;
  /** 00:00 of `fromDay` in Shanghai. */
  start: Date;
  /** 00:00 of the day after `toDay` in Shanghai: the period is [start, end). */
  end: Date;
}

const quarterNames = ['一', '二', '三', '四'];
const chineseDigits: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

const yearShape = /^(\d{4})\s*(?:年度?)?$/;
/** 6月 or 12月: a month of the current year. */
const bareMonthShape = /^(\d{1,2})\s*月(?:份)?$/;
const quarterShape = /^(\d{4})\s*(?:年|-)?\s*(?:[Qq]\s*([1-4])|第?([1-4一二三四])\s*季度?)$/;
const monthShape = /^(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*月?$/;
const rangeShape =
  /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})\s*(?:~|～|_|至|到|—|--?)\s*(\d{4}[-/.]\d{1,2}[-/.]\d{1,2})$/;

/** The help line shown when a period cannot be read. */
export const periodHelp =
  '统计期间可写：2025（年）、2025-Q2（季度）、2025-05 或 5月（月）、本月，或 2025-05-01~2025-06-30';

/**
 * Reads the period typed after 统计 or 导出. Empty means the current year (Shanghai).
 * Answers a Refusal with an example when the text is not a period or names impossible days.
 */
export function parsePeriod(text: string | undefined, now: Date): Period | Refusal {
  const typed = (text ?? '').trim();
  const today = dayOf(now);
  const thisYear = Number(today.slice(0, 4));
  if (!typed || /^(本年|今年|本年度)$/.test(typed)) return yearPeriod(thisYear);
  if (/^(去年|上年|上年度)$/.test(typed)) return yearPeriod(thisYear - 1);
  if (typed === '本月') return monthPeriod(thisYear, Number(today.slice(5, 7)));
  if (typed === '上月') {
    const month = Number(today.slice(5, 7));
    return month === 1 ? monthPeriod(thisYear - 1, 12) : monthPeriod(thisYear, month - 1);
  }
  const bareMonth = bareMonthShape.exec(typed);
  if (bareMonth) return readMonth(thisYear, Number(bareMonth[1]));

  const year = yearShape.exec(typed);
  if (year) return checkedYear(Number(year[1])) ?? yearPeriod(Number(year[1]));

  const quarter = quarterShape.exec(typed);
  if (quarter) {
    const digit = quarter[2] ?? quarter[3] ?? '1';
    const number = chineseDigits[digit] ?? Number(digit);
    return checkedYear(Number(quarter[1])) ?? quarterPeriod(Number(quarter[1]), number);
  }

  const month = monthShape.exec(typed);
  if (month) return readMonth(Number(month[1]), Number(month[2]));

  const range = rangeShape.exec(typed);
  if (range) return readRange(range[1] ?? '', range[2] ?? '');

  return invalidInput(`没有看懂统计期间「${typed.slice(0, 30)}」。${periodHelp}`, 'period');
}

/** The calendar year `year` as a period (the assessment year of notices issued in it). */
export function yearPeriod(year: number): Period {
  return build('year', `${year}年`, String(year), `${year}-01-01`, `${year}-12-31`);
}

/** Quarter 1–4 of `year`. */
export function quarterPeriod(year: number, quarter: number): Period {
  const firstMonth = (quarter - 1) * 3 + 1;
  const fromDay = `${year}-${pad(firstMonth)}-01`;
  const toDay = lastDayOfMonth(`${year}-${pad(firstMonth + 2)}-01`);
  const label = `${year}年第${quarterNames[quarter - 1]}季度`;

  return build('quarter', label, `${year}-Q${quarter}`, fromDay, toDay);
}

/** Month 1–12 of `year`. */
export function monthPeriod(year: number, month: number): Period {
  const fromDay = `${year}-${pad(month)}-01`;

  return build(
    'month',
    `${year}年${month}月`,
    `${year}-${pad(month)}`,
    fromDay,
    lastDayOfMonth(fromDay),
  );
}

/** Whether an instant falls within the period. */
export function isWithin(period: Period, at: Date): boolean {
  return at.getTime() >= period.start.getTime() && at.getTime() < period.end.getTime();
}

/** The single assessment year the period lies in, or null when it spans two or more. */
export function singleYearOf(period: Period): number | null {
  const first = Number(period.fromDay.slice(0, 4));

  return first === Number(period.toDay.slice(0, 4)) ? first : null;
}

function readMonth(year: number, month: number): Period | Refusal {
  if (month < 1 || month > 12) return invalidInput(`没有 ${month} 月。${periodHelp}`, 'period');

  return checkedYear(year) ?? monthPeriod(year, month);
}

function readRange(fromText: string, toText: string): Period | Refusal {
  const fromDay = parseDay(normalizeDay(fromText));
  const toDay = parseDay(normalizeDay(toText));
  if (!fromDay) return invalidInput(`「${fromText}」不是有效日期。${periodHelp}`, 'period');
  if (!toDay) return invalidInput(`「${toText}」不是有效日期。${periodHelp}`, 'period');
  if (toDay < fromDay) return invalidInput('结束日期不能早于开始日期', 'period');
  const outOfRange =
    checkedYear(Number(fromDay.slice(0, 4))) ?? checkedYear(Number(toDay.slice(0, 4)));
  if (outOfRange) return outOfRange;

  return build('range', `${fromDay}至${toDay}`, `${fromDay}_${toDay}`, fromDay, toDay);
}

/** Years outside 2000–2100 are typing mistakes, as for notice numbers. */
function checkedYear(year: number): Refusal | null {
  if (year >= 2000 && year <= 2100) return null;

  return invalidInput(`年份 ${year} 超出范围（2000–2100）`, 'period');
}

function build(
  kind: PeriodKind,
  label: string,
  key: string,
  fromDay: string,
  toDay: string,
): Period {
  return {
    kind,
    label,
    key,
    fromDay,
    toDay,
    start: atTime(fromDay, '00:00'),
    end: atTime(addDays(toDay, 1), '00:00'),
  };
}

/** '2025/5/1' or '2025.5.1' → '2025-05-01' (parseDay then checks that the day exists). */
function normalizeDay(text: string): string {
  const [year, month, day] = text.split(/[-/.]/);

  return `${year}-${pad(Number(month))}-${pad(Number(day))}`;
}

/** The last day of the month `firstDay` ('YYYY-MM-01') starts. */
function lastDayOfMonth(firstDay: string): string {
  const [year, month] = firstDay.split('-').map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;

  return addDays(next, -1);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
