/**
 * The process's working calendar: the official schedule with the policy file's dates on top.
 * A year without a schedule is counted Monday to Friday; cards say so, and the log says so once
 * per year, so an operator learns to add the year before anyone misses a holiday.
 */
import { createChineseCalendar, type WorkingCalendar } from '../domain/calendar.js';
import type { Policy } from '../domain/policy.js';
import type { Logger } from '../logging/logger.js';

/** The calendar for `policy`, warning in `logger` the first time each uncovered year is used. */
export function workingCalendarFor(policy: Policy, logger: Logger): WorkingCalendar {
  return createChineseCalendar(policy.calendar, {
    onFallback: (year) =>
      logger.warn(
        { year },
        'no holiday schedule for this year: counting Monday to Friday (add it under calendar in POLICY_FILE)',
      ),
  });
}
