import { parseNoticeNumber } from '../../domain/notice-number.js';
import { dayOf } from '../../domain/dates.js';

/**
 * A notice number at the start of the text, as people type it: 珠国资督〔2025〕12号 (any
 * brackets, 第12号, a space after the prefix), 2025-12, 2025年12号, or 12号 / 第12号 alone.
 */
const numberShapes =
  /^(\S*?\s?[〔[(（]\s*\d{4}\s*[〕\])）]\s*第?\s*\d+\s*号?|\d{4}\s*年\s*第?\s*\d+\s*号|第?\s*\d+\s*号|\d{4}-\d+)/;

/** A number ending in 号 may be followed by anything (12号加急); others by a space or mark. */
const separator = /^[\s,:]*/;

/**
 * Reads the notice number the text starts with. A number without its year (12号, 第12号) is
 * this year's, in Shanghai: it is returned as 〔2025〕12号, so whoever reads it back sees the
 * year it was taken for. Returns the number and the text after it, or null.
 */
export function leadingNumber(text: string, now: Date): { number: string; rest: string } | null {
  const match = numberShapes.exec(text);
  if (!match?.[1]) return null;
  const after = text.slice(match[0].length);
  if (!match[1].endsWith('号') && after && !/^[\s,:]/.test(after)) return null;

  const number = withYear(match[1].replace(/\s+/g, ''), now);
  if (!parseNoticeNumber(number)) return null;

  return { number, rest: after.replace(separator, '').trim() };
}

/**
 * A whole number with no 号 where a notice number should be (查看 12). It is not read as one:
 * after 列表 a number is a page, after 延期 it could be a day, after 统计 a year or month, so
 * one rule everywhere: a number needs its 号, its year or its brackets.
 */
export function bareInteger(text: string): string | null {
  return /^(\d{1,5})(?:[\s,:]|$)/.exec(text)?.[1] ?? null;
}

function withYear(number: string, now: Date): string {
  const yearFirst = /^(\d{4})年第?(\d+)号$/.exec(number);
  if (yearFirst) return `〔${yearFirst[1]}〕${yearFirst[2]}号`;
  const alone = /^第?(\d+)号$/.exec(number);
  if (alone) return `〔${dayOf(now).slice(0, 4)}〕${alone[1]}号`;

  return number;
}
