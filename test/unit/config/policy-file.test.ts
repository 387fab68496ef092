import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/config/config-error.js';
import { loadPolicyFile } from '../../../src/config/policy-file.js';
import { defaultPolicy } from '../../../src/domain/policy.js';
import { projectRoot } from '../../support/test-env.js';

const dir = mkdtempSync(join(tmpdir(), 'policy-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let written = 0;

/** Writes the YAML to a fresh file and loads it. */
function loadText(yaml: string): { file: string; load: () => ReturnType<typeof loadPolicyFile> } {
  written += 1;
  const file = join(dir, `policy-${written}.yaml`);
  writeFileSync(file, yaml);

  return { file, load: () => loadPolicyFile(file) };
}

/** The ConfigError a file gets, or a failure if it loads. */
function errorFor(yaml: string): { file: string; error: ConfigError } {
  const { file, load } = loadText(yaml);
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return { file, error };
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadPolicyFile', () => {
  it('loads config/policy.example.yaml as exactly the defaults', () => {
    expect(loadPolicyFile(`${projectRoot}config/policy.example.yaml`)).toEqual(defaultPolicy);
  });

  it('gives the defaults for an empty file', () => {
    expect(loadText('# nothing set\n').load()).toEqual(defaultPolicy);
  });

  it('fills omitted keys of a section from the defaults', () => {
    const policy = loadText('deadlines:\n  dayCounting: calendar\n').load();

    expect(policy.deadlines).toEqual({ ...defaultPolicy.deadlines, dayCounting: 'calendar' });
    expect(policy.reminders).toEqual(defaultPolicy.reminders);
  });

  it('takes the years an override covers, and a year the package covers as it is', () => {
    const policy = loadText(
      'calendar:\n  holidays: [2027-01-01]\n  workdays: [2027-02-06]\n  coveredYears: [2027, 2026]\n',
    ).load();

    expect(policy.calendar).toEqual({
      holidays: ['2027-01-01'],
      workdays: ['2027-02-06'],
      coveredYears: [2027, 2026],
    });
  });

  it('accepts reminder offsets in any order and keeps that order', () => {
    const policy = loadText('reminders:\n  beforeDeadline:\n    routine: [0, 3, 1]\n').load();

    expect(policy.reminders.beforeDeadline.routine).toEqual([0, 3, 1]);
    expect(policy.reminders.beforeDeadline.critical).toEqual([7, 3, 1, 0]);
  });

  it('hands out copies of the default lists, never defaultPolicy itself', () => {
    const policy = loadText('').load();
    policy.escalation.push({ step: 'office', urgent: ['sms'] });
    policy.reminders.beforeDeadline.routine.push(9);

    expect(defaultPolicy.escalation).toHaveLength(3);
    expect(defaultPolicy.reminders.beforeDeadline.routine).toEqual([2, 1, 0]);
  });

  it('names an unreadable file', () => {
    expect(() => loadPolicyFile(join(dir, 'missing.yaml'))).toThrow(
      `POLICY_FILE: ${join(dir, 'missing.yaml')}: cannot be read (ENOENT)`,
    );
  });

  it.each([
    [
      'an unknown key',
      'deadlines:\n  dayCounting: working\n  levelDay: 3\n',
      '3: deadlines.levelDay is not a known key; known keys are dayCounting, levelDays, maxDaysFromIssue, endOfDay',
    ],
    [
      'an unknown section',
      'noticeNumber:\n  prefix: 珠国资督\nreminder: {}\n',
      '3: reminder is not a known key; known keys are noticeNumber, deadlines, workingHours, calendar, reminders, escalation, scoring, extensions, limits, archive, digest',
    ],
    [
      'levelDays out of range',
      'deadlines:\n  levelDays:\n    routine: 0\n',
      '3: deadlines.levelDays.routine must be a whole number from 1 to 30 (found 0)',
    ],
    [
      'levelDays not whole',
      'deadlines:\n  levelDays:\n    important: 7.5\n',
      '3: deadlines.levelDays.important must be a whole number from 1 to 30 (found 7.5)',
    ],
    [
      'levelDays as text',
      'deadlines:\n  levelDays:\n    critical: ten\n',
      "3: deadlines.levelDays.critical must be a whole number from 1 to 30 (found 'ten')",
    ],
    [
      'an unknown day counting',
      'deadlines:\n  dayCounting: weekdays\n',
      "2: deadlines.dayCounting must be one of working, calendar (found 'weekdays')",
    ],
    [
      'a time without a leading zero',
      'digest:\n  time: 8:30\n',
      "2: digest.time must be a time written 'HH:mm' (found '8:30')",
    ],
    [
      'an hour that does not exist',
      "deadlines:\n  endOfDay: '24:00'\n",
      "2: deadlines.endOfDay must be a time written 'HH:mm' (found '24:00')",
    ],
    [
      'working hours ending before they start',
      "workingHours:\n  start: '09:00'\n  end: '08:30'\n",
      "3: workingHours.end must be after workingHours.start 09:00 (found '08:30')",
    ],
    [
      'a reminder offset listed twice',
      'reminders:\n  beforeDeadline:\n    important:\n      - 3\n      - 1\n      - 3\n',
      '6: reminders.beforeDeadline.important[2] is listed twice',
    ],
    [
      'a reminder offset beyond 30 days',
      'reminders:\n  beforeDeadline:\n    critical: [31, 1]\n',
      '3: reminders.beforeDeadline.critical[0] must be a whole number from 0 to 30 (found 31)',
    ],
    [
      'a weekday 8',
      'reminders:\n  weeklyProgressWeekday: 8\n',
      '2: reminders.weeklyProgressWeekday must be a whole number from 1 to 7 (found 8)',
    ],
    [
      'an unknown escalation step',
      'escalation:\n  - step: liaison\n  - step: boss\n    urgent: [app]\n',
      "3: escalation[1].step must be one of liaison, head, office (found 'boss')",
    ],
    [
      'an unknown urgent kind',
      'escalation:\n  - step: head\n    urgent: [app, fax]\n',
      "3: escalation[0].urgent[1] must be one of app, sms, phone (found 'fax')",
    ],
    [
      'an urgent push to the 督查室, told by a line in its chat',
      'escalation:\n  - step: liaison\n  - step: office\n    urgent: [sms]\n',
      '4: escalation[1].urgent must be empty for the office step: the 督查室 is told by a line in ' +
        'its chat or to each supervisor, never urgently; put urgent on liaison or head (found [sms])',
    ],
    ['an empty escalation ladder', 'escalation: []\n', '1: escalation must not be empty'],
    [
      'an infinite score',
      'scoring:\n  overdue: -.inf\n',
      '2: scoring.overdue must be a number (found -Infinity)',
    ],
    [
      'a score as text',
      'scoring:\n  refusal: 一分\n',
      "2: scoring.refusal must be a number (found '一分')",
    ],
    [
      'a zero limit',
      'limits:\n  title: 0\n',
      '2: limits.title must be a whole number from 1 to 100000 (found 0)',
    ],
    [
      'an unknown retention',
      'archive:\n  retention: 5年\n',
      "2: archive.retention must be one of 永久, 30年, 10年 (found '5年')",
    ],
    [
      'an unknown decider',
      'extensions:\n  deciders:\n    critical: director\n',
      "3: extensions.deciders.critical must be one of supervisor, leader (found 'director')",
    ],
    [
      'a holiday that does not exist',
      'calendar:\n  holidays:\n    - 2027-01-01\n    - 2027-02-30\n',
      "4: calendar.holidays[1] must be a date written YYYY-MM-DD (found '2027-02-30')",
    ],
    [
      'a day both holiday and working day',
      'calendar:\n  holidays: [2027-02-06]\n  workdays: [2027-02-06]\n',
      '3: calendar.workdays[0] 2027-02-06 is also listed under calendar.holidays',
    ],
    [
      'a covered year that is not a year',
      'calendar:\n  coveredYears: [27]\n',
      '2: calendar.coveredYears[0] must be a whole number from 2000 to 2100 (found 27)',
    ],
    [
      'a covered year without any of its holidays',
      'calendar:\n  holidays: [2027-01-01]\n  coveredYears: [2027, 2028]\n',
      '3: calendar.coveredYears[1] 2028 is listed as covered but calendar.holidays names no day of 2028: add its holidays and make-up working days first',
    ],
    [
      'a covered year listed twice',
      'calendar:\n  holidays: [2027-01-01]\n  coveredYears: [2027, 2027]\n',
      '3: calendar.coveredYears[1] is listed twice',
    ],
    [
      'an empty prefix',
      "noticeNumber:\n  prefix: ''\n",
      '2: noticeNumber.prefix must not be empty',
    ],
    [
      'a section that is not a mapping',
      'deadlines: 5\n',
      '1: deadlines must be a mapping (key: value) (found 5)',
    ],
    [
      'a file that is a list',
      '- routine\n',
      '1: the document must be a mapping (key: value) (found a list)',
    ],
    ['a duplicate key', 'digest:\n  weekday: 1\n  weekday: 2\n', '3: Map keys must be unique'],
    [
      'the earliest of several problems',
      'digest:\n  weekday: 9\nlimits:\n  title: 0\n',
      '2: digest.weekday must be a whole number from 1 to 7 (found 9)',
    ],
  ])('refuses %s with the line and what is wrong', (_case, yaml, expected) => {
    const { file, error } = errorFor(yaml);

    expect(error.setting).toBe('POLICY_FILE');
    expect(error.message).toBe(`POLICY_FILE: ${file}:${expected}`);
    expect(error.message).not.toContain('\n');
  });
});
