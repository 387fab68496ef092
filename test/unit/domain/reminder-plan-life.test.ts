import { describe, expect, it } from 'vitest';

import type { Assignment } from '../../../src/domain/assignment.js';
import { fullMoment } from '../../../src/domain/format.js';
import type { Policy } from '../../../src/domain/policy.js';
import { planReminders, reminderKey } from '../../../src/domain/reminder-plan.js';
import { at, policy } from '../../support/fixtures.js';
import { calendar, lines, policyWith } from '../../support/plan-lines.js';
import { inState } from '../../support/states.js';

describe("planReminders over an assignment's life", () => {
  describe('as time passes', () => {
    const assignment = inState.acknowledged(); // routine, due 2025-05-28 17:30

    it.each<[string, string, string[]]>([
      [
        'a reminder just due is still owed (the job fires a moment late)',
        '2025-05-26 09:00',
        [
          'beforeDeadline 2025-05-26 09:00',
          'beforeDeadline 2025-05-27 09:00',
          'beforeDeadline 2025-05-28 09:00',
        ],
      ],
      [
        'the next one of the series replaces an unsent earlier one',
        '2025-05-27 10:00',
        ['beforeDeadline 2025-05-27 09:00', 'beforeDeadline 2025-05-28 09:00'],
      ],
      ['after the deadline no D−n reminder is owed', '2025-05-28 17:31', []],
    ])('%s', (_name, nowLocal, expected) => {
      const plan = planReminders(
        assignment,
        policy,
        calendar,
        new Date(at(nowLocal).getTime() + 50),
      );
      const beforeDeadline = plan.filter((r) => r.kind === 'beforeDeadline');

      expect(beforeDeadline.map((r) => `${r.kind} ${fullMoment(r.dueAt)}`)).toEqual(expected);
    });

    it('while overdue, owes the latest daily repeat and plans only the next one', () => {
      const plan = planReminders(assignment, policy, calendar, at('2025-06-10 12:00'));

      // The first notice stays in the plan; the store says whether it went (see below).
      expect(lines(plan)).toEqual([
        'overdueRecord 2025-05-28 17:30',
        'overdue 2025-05-29 09:00 liaison+head(app)+office',
        'overdueRepeat 2025-06-10 09:00 liaison+head(app)',
        'overdueRepeat 2025-06-11 09:00 liaison+head(app)',
      ]);
    });

    // The first notice is the only one to the 督查室: a due repeat must not replace it.
    it.each<[string, Assignment, string]>([
      ['on its morning', assignment, '2025-05-29 09:05'],
      ['a week later (the workers were down)', assignment, '2025-06-05 10:00'],
      [
        'once −0.2 is recorded',
        { ...assignment, overdueAt: at('2025-05-28 17:30') },
        '2025-06-05 10:00',
      ],
      [
        'when returned from review after the deadline',
        { ...inState.inProgress(), reviews: [returned('2025-06-05 09:30')] },
        '2025-06-05 10:00',
      ],
    ])('owes the first overdue notice, to the 督查室 too, until sent: %s', (_name, a, nowLocal) => {
      const plan = planReminders(a, policy, calendar, at(nowLocal));

      expect(lines(plan.filter((r) => r.kind === 'overdue'))).toEqual([
        'overdue 2025-05-29 09:00 liaison+head(app)+office',
      ]);
    });

    it('records overdue only once: not again when already recorded', () => {
      const recorded = { ...assignment, overdueAt: at('2025-05-28 17:30') };
      const plan = planReminders(recorded, policy, calendar, at('2025-05-29 08:00'));

      expect(plan.map((r) => r.kind)).toEqual(['overdue', 'overdueRepeat']);
    });

    it('repeats nothing when the policy turns daily repeats off', () => {
      const rules = policyWith({ overdueRepeatDaily: false });
      const plan = planReminders(assignment, rules, calendar, at('2025-06-10 12:00'));

      expect(lines(plan)).toEqual([
        'overdueRecord 2025-05-28 17:30',
        'overdue 2025-05-29 09:00 liaison+head(app)+office',
      ]);
    });

    it('moves every D−n reminder with an approved extension', () => {
      const extended = {
        ...assignment,
        deadlineDay: '2025-06-04',
        deadline: at('2025-06-04 17:30'),
      };
      const plan = planReminders(extended, policy, calendar, at('2025-05-23 10:00'));

      expect(
        plan.filter((r) => r.kind === 'beforeDeadline').map((r) => fullMoment(r.dueAt)),
      ).toEqual(['2025-05-30 09:00', '2025-06-03 09:00', '2025-06-04 09:00']);
    });
  });

  describe('by state', () => {
    it.each([
      ['under review (the enterprise has delivered)', inState.underReview()],
      ['completed', inState.completed()],
      ['withdrawn', inState.withdrawn()],
      ['refused', inState.refused()],
      ['archived', inState.archived()],
    ])('plans nothing %s', (_name, assignment) => {
      expect(planReminders(assignment, policy, calendar, at('2025-05-26 08:00'))).toEqual([]);
    });

    it('awaiting sign-off, reminds the head from the first D−n on', () => {
      const plan = planReminders(
        inState.awaitingSignoff(),
        policy,
        calendar,
        at('2025-05-26 08:00'),
      );

      expect(lines(plan)[0]).toBe('beforeDeadline 2025-05-26 09:00 liaison+head');
    });
  });

  describe('weekly progress requests', () => {
    // Critical, extended to 2025-06-20: 21 working days, a long matter.
    const long = inState.inProgress();
    const longMatter = {
      ...long,
      level: 'critical' as const,
      deadlineDay: '2025-06-20',
      deadline: at('2025-06-20 17:30'),
    };
    const weekly = (a: Assignment, now = at('2025-05-21 16:00')) =>
      lines(planReminders(a, policy, calendar, now).filter((r) => r.kind === 'weeklyProgress'));

    it('asks on Mondays (a holiday Monday moves to Tuesday) until the D−n reminders begin', () => {
      // Plan filed Wed 05-21; Mon 05-26 is within a week of it; Mon 06-02 is a holiday.
      expect(weekly(longMatter)).toEqual([
        'weeklyProgress 2025-06-03 09:00 liaison',
        'weeklyProgress 2025-06-09 09:00 liaison',
      ]);
    });

    it('skips a week in which progress was reported', () => {
      const reported = {
        ...longMatter,
        progress: [{ ...progressReport(), at: at('2025-05-28 15:00') }],
      };

      expect(weekly(reported, at('2025-05-29 10:00'))).toEqual([
        'weeklyProgress 2025-06-09 09:00 liaison',
      ]);
    });

    it('asks nothing of a matter of ten working days or fewer', () => {
      expect(
        weekly({ ...longMatter, deadlineDay: '2025-06-05', deadline: at('2025-06-05 17:30') }),
      ).toEqual([]);
    });
  });

  describe('escalation ladder from the policy', () => {
    it('climbs only the steps the policy has, with its urgent pushes', () => {
      const rules: Policy = {
        ...policy,
        escalation: [
          { step: 'liaison', urgent: [] },
          { step: 'head', urgent: ['app', 'sms'] },
        ],
      };
      const plan = planReminders(inState.acknowledged(), rules, calendar, at('2025-05-21 11:00'));

      expect(lines(plan.filter((r) => r.kind === 'beforeDeadline'))).toEqual([
        'beforeDeadline 2025-05-26 09:00 liaison',
        'beforeDeadline 2025-05-27 09:00 liaison+head(app,sms)',
        'beforeDeadline 2025-05-28 09:00 liaison+head(app,sms)',
      ]);
    });
  });
});

describe('reminderKey', () => {
  it('names assignment, kind and due time, without a colon (BullMQ job ids)', () => {
    const key = reminderKey('2025-12', 'beforeDeadline', at('2025-05-26 09:00'));

    expect(key).toBe(`2025-12.beforeDeadline.${at('2025-05-26 09:00').getTime()}`);
    expect(key).not.toContain(':');
  });
});

function returned(local: string): Assignment['reviews'][number] {
  const by = { openId: 'ou_s', name: '王督查' };
  return {
    decision: 'return',
    reason: '缺少数据支撑',
    onTimeHighQuality: false,
    at: at(local),
    by,
  };
}

function progressReport() {
  const by = { openId: 'ou_x', name: '城投联络员' };
  return { text: '推进中', percent: 50, problems: '', nextSteps: '', at: new Date(0), by };
}
