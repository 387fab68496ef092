import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { workingCalendarFor } from '../../../src/app/working-calendar.js';
import { computeDeadline } from '../../../src/domain/deadlines.js';
import { defaultPolicy } from '../../../src/domain/policy.js';

/** A logger whose lines are kept, parsed. */
function collectingLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });

  return { logger: pino({ level: 'info' }, stream), lines };
}

const issuedAt = new Date('2026-12-30T10:00:00+08:00');

describe('the process working calendar', () => {
  it('warns once per year in the log when a deadline reaches a year without a schedule', () => {
    const { logger, lines } = collectingLogger();
    const calendar = workingCalendarFor(defaultPolicy, logger);

    computeDeadline({ issuedAt, level: 'routine' }, defaultPolicy, calendar);
    computeDeadline({ issuedAt, level: 'important' }, defaultPolicy, calendar);

    expect(lines.map((line) => [line.level, line.year, line.msg])).toEqual([
      [
        40,
        2027,
        'no holiday schedule for this year: counting Monday to Friday (add it under calendar in POLICY_FILE)',
      ],
    ]);
  });

  it('says nothing once the policy lists the year as covered', () => {
    const { logger, lines } = collectingLogger();
    const calendar = { holidays: ['2027-01-01'], workdays: [], coveredYears: [2027] };
    const covered = workingCalendarFor({ ...defaultPolicy, calendar }, logger);

    const result = computeDeadline({ issuedAt, level: 'routine' }, defaultPolicy, covered);

    expect(result).toMatchObject({ day: '2027-01-07', fallback: false });
    expect(lines).toEqual([]);
  });
});
