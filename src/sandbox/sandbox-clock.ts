/**
 * The sandbox's clock control: where a move (+1 hour, +1 working day, a date and time) takes
 * the clock, and how the time is shown. The clock only moves forward, as reminders already
 * sent cannot be unsent.
 */
import { DateTime } from 'luxon';
import { addWorkingDays, type WorkingCalendar } from '../domain/calendar.js';
import { atTime, dayOf, parseDay, zone } from '../domain/dates.js';

/** What the page asks for. */
export type ClockMove = { step: 'hour' } | { step: 'workday' } | { to: string };

const weekdays = ['一', '二', '三', '四', '五', '六', '日'];

/** The policy's working hours ('HH:mm'): reminders are pushed only inside them. */
export interface WorkingHours {
  start: string;
  end: string;
}

/**
 * The instant a move leads to, or the reason it cannot be made (in Chinese, for the page).
 * 'workday' is the next working day at the same time of day, or at the opening of its working
 * hours when now is outside them (so reminders held back for quiet hours go out). 'to' is
 * 'YYYY-MM-DDTHH:mm' in Asia/Shanghai and must be later than now.
 */
export function clockTarget(
  move: ClockMove,
  now: Date,
  calendar: WorkingCalendar,
  hours: WorkingHours,
): { at: Date } | { problem: string } {
  if ('step' in move && move.step === 'hour') return { at: new Date(now.getTime() + 3_600_000) };
  if ('step' in move && move.step === 'workday') {
    return { at: nextWorkingDay(now, calendar, hours) };
  }
  if (!('to' in move)) return { problem: '不认识的时间调整' };

  const match = /^(\d{4}-\d{2}-\d{2})T((?:[01]\d|2[0-3]):[0-5]\d)$/.exec(move.to);
  const day = match ? parseDay(match[1]!) : null;
  if (!match || !day) return { problem: `「${move.to}」不是有效的日期时间` };
  const at = atTime(day, match[2]!);
  if (at.getTime() <= now.getTime()) return { problem: '时间只能向后调整' };

  return { at };
}

function nextWorkingDay(now: Date, calendar: WorkingCalendar, hours: WorkingHours): Date {
  const day = addWorkingDays(dayOf(now), 1, calendar);
  const time = DateTime.fromJSDate(now, { zone }).toFormat('HH:mm');
  // 'HH:mm' strings order as times do; working hours end exclusive, as reminders count them.
  const inside = time >= hours.start && time < hours.end;

  return atTime(day, inside ? time : hours.start);
}

/** 「2025-05-21 周三 10:32 · 工作日」 in Asia/Shanghai; outside working hours it says so. */
export function clockText(now: Date, calendar: WorkingCalendar, hours: WorkingHours): string {
  const local = DateTime.fromJSDate(now, { zone });
  const day = dayOf(now);
  const time = local.toFormat('HH:mm');
  const working = calendar.isWorkingDay(day);
  const inHours = working && time >= hours.start && time < hours.end;
  const kind = !working ? '休息日' : inHours ? '工作日' : '工作日 · 非工作时间';

  return `${day} 周${weekdays[local.weekday - 1]} ${time} · ${kind}`;
}

/** 'YYYY-MM-DDTHH:mm' of `now` in Asia/Shanghai: the date input's starting value. */
export function clockInputValue(now: Date): string {
  return DateTime.fromJSDate(now, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
}
