import { describe, expect, it } from 'vitest';
import { createChineseCalendar } from '../../../src/domain/calendar.js';
import { assignmentsFor, prepareIssue, type IssueDraft } from '../../../src/domain/issue.js';
import { at, directory, people, policy } from '../../support/fixtures.js';

const calendar = createChineseCalendar({ holidays: [], workdays: [] });
const now = at('2025-05-21 10:00');
const context = { now, policy, calendar, directory };
const draft: IssueDraft = {
  title: '关于推进老城区改造项目的督办',
  content: '请报送项目推进情况。',
  category: 'districtInstruction',
  level: 'routine',
  enterpriseIds: ['chengtou', 'wenlv'],
};

describe('prepareIssue', () => {
  it.each([
    ['a missing title', { title: '  ' }, '请填写事项标题', 'title'],
    ['a title that is too long', { title: '长'.repeat(81) }, '事项标题不能超过 80 字', 'title'],
    ['missing content', { content: undefined }, '请填写内容与要求', 'content'],
    ['no category', { category: undefined }, '请选择督办类别', 'category'],
    ['no enterprise', { enterpriseIds: [] }, '请选择承办单位', 'enterpriseIds'],
    [
      'an unknown enterprise',
      { enterpriseIds: ['chengtou', 'nowhere'] },
      '未找到承办单位：nowhere',
      'enterpriseIds',
    ],
    [
      'the same enterprise twice',
      { enterpriseIds: ['wenlv', 'wenlv'] },
      '承办单位有重复',
      'enterpriseIds',
    ],
    [
      'a date that does not exist',
      { deadlineDay: '2025-02-30' },
      '「2025-02-30」不是有效日期，请按 YYYY-MM-DD 填写，如 2025-06-20',
      'deadlineDay',
    ],
    [
      'a deadline beyond the policy',
      { deadlineDay: '2025-06-21' },
      '时限不能晚于 2025-06-20（交办之日起 30 日）',
      'deadlineDay',
    ],
    [
      'a deadline before issue',
      { deadlineDay: '2025-05-20' },
      '时限须晚于交办日期（2025-05-21）',
      'deadlineDay',
    ],
    [
      'a fixed item without a date',
      { level: 'fixed' as const },
      '按期事项请填写时限',
      'deadlineDay',
    ],
    [
      'a fixed item with a bad date',
      { level: 'fixed' as const, deadlineDay: '2025-13-01' },
      '「2025-13-01」不是有效日期，请按 YYYY-MM-DD 填写，如 2025-06-20',
      'deadlineDay',
    ],
  ])('refuses %s', (_name, overrides, message, field) => {
    expect(prepareIssue({ ...draft, ...overrides }, people.supervisor, context)).toMatchObject({
      ok: false,
      code: 'invalidInput',
      message,
      field,
    });
  });

  it.each([
    ['the discipline group', people.discipline, '纪检监察组仅可查阅，不能办理'],
    ['a liaison', people.liaison, '无权操作：此操作由督查室办理'],
  ])('refuses %s', (_name, actor, message) => {
    expect(prepareIssue(draft, actor, context)).toMatchObject({
      ok: false,
      code: 'notAllowed',
      message,
    });
  });

  it('computes the deadline from the level and says how', () => {
    expect(prepareIssue(draft, people.supervisor, context)).toMatchObject({
      deadlineDay: '2025-05-28',
      deadline: at('2025-05-28 17:30'),
      rule: '一般事项 5 个工作日',
      calendarFallback: false,
      confidential: false,
      form: 'written',
    });
  });

  it('takes a fixed date as the document names it, beyond 30 days', () => {
    const prepared = prepareIssue(
      { ...draft, level: 'fixed', deadlineDay: '2025-09-30' },
      people.leader,
      context,
    );

    expect(prepared).toMatchObject({ deadlineDay: '2025-09-30', rule: '按文件规定时限' });
  });

  it('accepts an override within the policy and flags a year the calendar lacks', () => {
    const late = at('2026-12-20 10:00');
    const prepared = prepareIssue({ ...draft, deadlineDay: '2027-01-08' }, people.supervisor, {
      ...context,
      now: late,
    });

    expect(prepared).toMatchObject({
      deadlineDay: '2027-01-08',
      rule: '督查室指定时限',
      calendarFallback: true,
    });
  });

  it('moves a date the 督查室 chose on a rest day to the next working day, and says so', () => {
    const saturday = prepareIssue(
      { ...draft, deadlineDay: '2025-06-14' },
      people.supervisor,
      context,
    );

    expect(saturday).toMatchObject({
      deadlineDay: '2025-06-16',
      deadline: at('2025-06-16 17:30'),
      rule: '督查室指定时限；6月14日为休息日，时限顺延至6月16日',
    });
  });

  it('refuses a rest day on the cap whose next working day is past it', () => {
    // Issued Thu 2025-05-22: the cap is Saturday 2025-06-21.
    const prepared = prepareIssue({ ...draft, deadlineDay: '2025-06-21' }, people.supervisor, {
      ...context,
      now: at('2025-05-22 10:00'),
    });

    expect(prepared).toMatchObject({
      ok: false,
      code: 'invalidInput',
      field: 'deadlineDay',
      message:
        '6月21日为休息日，时限顺延至6月23日，超过最长时限 2025-06-21（交办之日起 30 日）；请选择 2025-06-20 或更早的日期',
    });
  });

  it('moves a fixed date on a rest day too, beyond 30 days', () => {
    const prepared = prepareIssue(
      { ...draft, level: 'fixed', deadlineDay: '2025-10-01' },
      people.leader,
      context,
    );

    expect(prepared).toMatchObject({
      deadlineDay: '2025-10-09',
      rule: '按文件规定时限；10月1日为休息日，时限顺延至10月9日',
    });
  });

  it('numbers the assignments in the order the enterprises were given', () => {
    const prepared = prepareIssue(draft, people.supervisor, context);
    if ('ok' in prepared) throw new Error(prepared.message);
    const assignments = assignmentsFor(prepared, { id: 'item-9', firstSeq: 12 }, policy);

    expect(
      assignments.map((a) => [a.id, a.noticeNumber, a.enterpriseShortName, a.state, a.version]),
    ).toEqual([
      ['2025-12', '珠国资督〔2025〕12号', '城投', 'issued', 1],
      ['2025-13', '珠国资督〔2025〕13号', '文旅', 'issued', 1],
    ]);
  });
});
