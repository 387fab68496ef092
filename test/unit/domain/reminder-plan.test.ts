import { describe, expect, it } from 'vitest';

import { fullMoment } from '../../../src/domain/format.js';
import type { Policy } from '../../../src/domain/policy.js';
import { planReminders } from '../../../src/domain/reminder-plan.js';
import type { Level } from '../../../src/domain/types.js';
import { at, policy } from '../../support/fixtures.js';
import { calendar, issued, lines, policyWith } from '../../support/plan-lines.js';
import { inState } from '../../support/states.js';

const acknowledged = { state: 'acknowledged' as const, version: 2 };

describe('planReminders', () => {
  describe('before the deadline, per level (issued Wed 2025-05-21, acknowledged)', () => {
    it.each<[Level, string, string[]]>([
      [
        'routine',
        '2025-05-28',
        [
          'beforeDeadline 2025-05-26 09:00 liaison',
          'beforeDeadline 2025-05-27 09:00 liaison+head(app)',
          'beforeDeadline 2025-05-28 09:00 liaison+head(app)+office',
        ],
      ],
      [
        // 10 working days across the Dragon Boat Festival (05-31 … 06-02).
        'important',
        '2025-06-05',
        [
          'beforeDeadline 2025-05-30 09:00 liaison',
          'beforeDeadline 2025-06-04 09:00 liaison+head(app)',
          'beforeDeadline 2025-06-05 09:00 liaison+head(app)+office',
        ],
      ],
      [
        'critical',
        '2025-06-05',
        [
          'beforeDeadline 2025-05-26 09:00 liaison',
          'beforeDeadline 2025-05-30 09:00 liaison+head(app)',
          'beforeDeadline 2025-06-04 09:00 liaison+head(app)+office',
          'beforeDeadline 2025-06-05 09:00 liaison+head(app)+office',
        ],
      ],
      [
        // A fixed date on a Saturday: no D-day push fits before it, the overdue notice follows.
        'fixed',
        '2025-06-07',
        [
          'beforeDeadline 2025-06-04 09:00 liaison',
          'beforeDeadline 2025-06-06 09:00 liaison+head(app)',
        ],
      ],
    ])('%s, due %s: D−n at 09:00, each one a step up the ladder', (level, day, expected) => {
      const assignment = issued('2025-05-21 10:00', day, { ...acknowledged, level });
      const plan = planReminders(assignment, policy, calendar, at('2025-05-21 10:00'));

      expect(lines(plan.filter((r) => r.kind === 'beforeDeadline'))).toEqual(expected);
    });
  });

  describe('across holidays and make-up working days', () => {
    it.each<[string, string, string, string[]]>([
      [
        'National Day: D−2 on the make-up Sunday, overdue after the holiday',
        '2025-09-24 10:00',
        '2025-09-30',
        [
          'beforeDeadline 2025-09-28 09:00 liaison',
          'beforeDeadline 2025-09-29 09:00 liaison+head(app)',
          'beforeDeadline 2025-09-30 09:00 liaison+head(app)+office',
          'overdueRecord 2025-09-30 17:30',
          'overdue 2025-10-09 09:00 liaison+head(app)+office',
          'overdueRepeat 2025-10-10 09:00 liaison+head(app)',
        ],
      ],
      [
        'Spring Festival: overdue notice on the make-up Saturday 02-08',
        '2025-01-24 10:00',
        '2025-02-07',
        [
          'beforeDeadline 2025-02-05 09:00 liaison',
          'beforeDeadline 2025-02-06 09:00 liaison+head(app)',
          'beforeDeadline 2025-02-07 09:00 liaison+head(app)+office',
          'overdueRecord 2025-02-07 17:30',
          'overdue 2025-02-08 09:00 liaison+head(app)+office',
          'overdueRepeat 2025-02-10 09:00 liaison+head(app)',
        ],
      ],
      [
        'National Day: D−2 on the make-up Saturday 10-11',
        '2025-09-30 16:00',
        '2025-10-14',
        [
          'beforeDeadline 2025-10-11 09:00 liaison',
          'beforeDeadline 2025-10-13 09:00 liaison+head(app)',
          'beforeDeadline 2025-10-14 09:00 liaison+head(app)+office',
          'overdueRecord 2025-10-14 17:30',
          'overdue 2025-10-15 09:00 liaison+head(app)+office',
          'overdueRepeat 2025-10-16 09:00 liaison+head(app)',
        ],
      ],
    ])('%s', (_name, issuedLocal, day, expected) => {
      const assignment = issued(issuedLocal, day, acknowledged);

      expect(lines(planReminders(assignment, policy, calendar, at(issuedLocal)))).toEqual(expected);
    });
  });

  describe('until acknowledged', () => {
    it.each<[string, string, string, string[]]>([
      [
        'issued mid-morning: chase at +2 working hours, escalate a working day later',
        '2025-05-21 10:00',
        '2025-05-28',
        ['ackChase 2025-05-21 12:00 liaison', 'ackEscalation 2025-05-22 10:00 ' + 'all'],
      ],
      [
        'issued late on Friday: both the next Monday',
        '2025-05-23 17:00',
        '2025-05-30',
        ['ackChase 2025-05-26 10:30 liaison', 'ackEscalation 2025-05-26 17:00 all'],
      ],
      [
        'issued on the eve of National Day: counted on after the holiday',
        '2025-09-30 16:00',
        '2025-10-14',
        ['ackChase 2025-10-09 09:30 liaison', 'ackEscalation 2025-10-09 16:00 all'],
      ],
      [
        'issued on a make-up Saturday: it is a working day',
        '2025-10-11 10:00',
        '2025-10-17',
        ['ackChase 2025-10-11 12:00 liaison', 'ackEscalation 2025-10-13 10:00 all'],
      ],
      [
        'issued at night: counted from the next opening; a full day ends at the close',
        '2025-05-21 20:00',
        '2025-05-28',
        ['ackChase 2025-05-22 11:00 liaison', 'ackEscalation 2025-05-23 09:00 all'],
      ],
    ])('%s', (_name, issuedLocal, day, expected) => {
      const plan = planReminders(issued(issuedLocal, day), policy, calendar, at(issuedLocal));
      const chasers = plan.filter((r) => r.kind.startsWith('ack'));

      expect(lines(chasers)).toEqual(
        expected.map((line) => line.replace(/ all$/, ' liaison+head(app)+office')),
      );
    });

    // Past the deadline the overdue notice says it all; a 请尽快签收 beside it would read as due today.
    it.each<[string, string, string[]]>([
      [
        'still owes an unsent escalation before the deadline',
        '2025-05-28 17:00',
        ['ackEscalation'],
      ],
      ['stops once the overdue notice is due', '2025-05-29 09:00', []],
      ['stays stopped while overdue', '2025-06-05 10:00', []],
    ])('%s (issued 05-21, due 05-28, never acknowledged)', (_name, nowLocal, expected) => {
      const assignment = issued('2025-05-21 10:00', '2025-05-28');
      const plan = planReminders(assignment, policy, calendar, at(nowLocal));

      expect(plan.filter((r) => r.kind.startsWith('ack')).map((r) => r.kind)).toEqual(expected);
    });

    it('stops chasing once acknowledged', () => {
      const plan = planReminders(inState.acknowledged(), policy, calendar, at('2025-05-21 11:00'));

      expect(plan.map((r) => r.kind)).not.toContain('ackChase');
      expect(plan.map((r) => r.kind)).not.toContain('ackEscalation');
    });
  });

  describe('quiet hours', () => {
    it.each<[string, Policy, string[]]>([
      [
        'a reminder time before opening moves to the opening',
        policyWith({ time: '07:30' }),
        ['2025-05-26 09:00', '2025-05-27 09:00', '2025-05-28 09:00'],
      ],
      [
        'a reminder time after closing moves to the next working morning; D falls away',
        policyWith({ time: '18:00' }),
        ['2025-05-27 09:00', '2025-05-28 09:00'],
      ],
      [
        'a policy that allows pushes outside hours keeps the time',
        policyWith({ time: '07:30' }, { allowOutsideHours: true }),
        ['2025-05-26 07:30', '2025-05-27 07:30', '2025-05-28 07:30'],
      ],
    ])('%s', (_name, rules, expected) => {
      const assignment = issued('2025-05-21 10:00', '2025-05-28', acknowledged);
      const plan = planReminders(assignment, rules, calendar, at('2025-05-21 10:00'));

      expect(
        plan.filter((r) => r.kind === 'beforeDeadline').map((r) => fullMoment(r.dueAt)),
      ).toEqual(expected);
    });

    it('sends the overdue notice at the next working morning, not at 17:30', () => {
      const friday = issued('2025-05-23 10:00', '2025-05-30', acknowledged);
      const plan = planReminders(friday, policy, calendar, at('2025-05-23 10:00'));

      // 05-31 … 06-02 is the Dragon Boat Festival.
      expect(lines(plan.filter((r) => r.kind.startsWith('overdue')))).toEqual([
        'overdueRecord 2025-05-30 17:30',
        'overdue 2025-06-03 09:00 liaison+head(app)+office',
        'overdueRepeat 2025-06-04 09:00 liaison+head(app)',
      ]);
    });
  });
});
