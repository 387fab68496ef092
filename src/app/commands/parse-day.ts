import { DateTime } from 'luxon';
import { dayOf, zone } from '../../domain/dates.js';

/**
 * Reads a date as people type it: 2025-06-10, 2025/6/10, 2025.6.10, 2025年6月10日, 6月10日 or
 * 6/10 (this year, or next year if that day is more than half a year past). Returns 'YYYY-MM-DD', or an error
 * message when the text is a date that does not exist (2025-02-30) or not a date at all.
 */
export function parseTypedDay(text: string, now: Date): { day: string } | { error: string } {
  const cleaned = text.trim().replace(/日$/, '').replace(/号$/, '');
  const full = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})$/.exec(cleaned);
  const short = /^(\d{1,2})\s*[-/.月]\s*(\d{1,2})$/.exec(cleaned);
  if (!full && !short) return { error: `「${text}」不是日期，请写成 2025-06-10 或 6月10日` };

  const today = dayOf(now);
  const thisYear = Number(today.slice(0, 4));
  const [year, month, day] = full
    ? [Number(full[1]), Number(full[2]), Number(full[3])]
    : [thisYear, Number(short?.[1]), Number(short?.[2])];
  const date = DateTime.fromObject({ year, month, day }, { zone });
  if (!date.isValid) return { error: `${year}年${month}月${day}日 不存在，请检查日期` };

  // 1月5日 typed in December means next January; 6月1日 typed on 6月3日 is a day just past,
  // kept in this year so that the caller can say it has passed.
  const iso = date.toISODate() as string;
  const halfYearAgo = DateTime.fromISO(today, { zone }).minus({ months: 6 }).toISODate() as string;
  if (!full && iso < halfYearAgo) {
    return { day: date.plus({ years: 1 }).toISODate() as string };
  }

  return { day: iso };
}
