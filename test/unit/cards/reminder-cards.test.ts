import { describe, expect, it } from 'vitest';
import { nudgeCard } from '../../../cards/nudge.card.js';
import { officeAlertCard, type OfficeAlert } from '../../../cards/office-alert.card.js';
import { overdueCard } from '../../../cards/overdue.card.js';
import { reminderCard, type ReminderCardKind } from '../../../cards/reminder.card.js';
import type { Assignment } from '../../../src/domain/assignment.js';
import { buttonLabels, cardBytes, cardText } from '../../support/card-inspect.js';
import { at, buildAssignment } from '../../support/fixtures.js';
import { inState } from '../../support/states.js';

const secret = '涉密的具体办理要求';
const left = (workingDays: number) => ({ kind: 'left' as const, workingDays });

describe('reminder card', () => {
  it.each<[ReminderCardKind, number, string, string]>([
    ['deadline', 2, '督办提醒 · 距时限还有 2 个工作日', 'yellow'],
    ['deadline', 0, '督办提醒 · 今日到期', 'yellow'],
    ['acknowledge', 5, '督办提醒 · 请尽快签收', 'yellow'],
    ['acknowledgeEscalated', 4, '督办提醒 · 请尽快签收', 'orange'],
    ['progress', 12, '督办提醒 · 请报送阶段性进展', 'yellow'],
  ])('%s with %i working days left: 「%s」, %s', (reminder, left, title, template) => {
    const card = reminderCard({
      assignment: inState.issued(),
      viewer: 'liaison',
      reminder,
      deadline: { kind: 'left', workingDays: left },
    });

    expect(card.header?.title.content).toBe(title);
    expect(card.header?.template).toBe(template);
    expect(card.header?.subtitle?.content).toBe('珠国资督〔2025〕12号');
  });

  // The escalated 签收 chase can go after the deadline, beside the overdue card.
  it.each<[ReminderCardKind, number, string]>([
    ['acknowledgeEscalated', 1, "2025-05-28 17:30（<font color='red'>已逾期 1 天</font>）"],
    ['acknowledge', 0, "2025-05-28 17:30（<font color='red'>已超过时限</font>）"],
    ['deadline', 2, "2025-05-28 17:30（<font color='red'>已逾期 2 天</font>）"],
  ])('%s after the deadline: 时限 %i days late, never 今日到期', (reminder, days, line) => {
    const card = reminderCard({
      assignment: inState.issued(),
      viewer: 'liaison',
      reminder,
      deadline: { kind: 'overdue', days },
    });

    expect(cardText(card)).toContain(line);
    expect(cardText(card)).not.toContain('今日到期');
  });

  it('shows number, title, deadline and state, never the content, even when confidential', () => {
    const assignment = buildAssignment({ confidential: true, content: secret });
    const card = reminderCard({
      assignment,
      viewer: 'liaison',
      reminder: 'deadline',
      deadline: { kind: 'left', workingDays: 2 },
    });
    const text = cardText(card);

    expect(text).toContain('关于推进老城区改造项目的督办');
    expect(text).toContain('2025-05-28 17:30（剩余 2 个工作日）');
    expect(text).toContain('待签收');
    expect(text).toContain('涉密');
    expect(JSON.stringify(card)).not.toContain(secret);
  });

  it.each<[string, Assignment, 'liaison' | 'head', string[], string]>([
    ['issued', inState.issued(), 'liaison', ['签收', '申请延期'], '请在时限前办结'],
    [
      'in progress',
      inState.inProgress(),
      'liaison',
      ['提交反馈', '报送进展', '申请延期'],
      '请在时限前办结',
    ],
    [
      'awaiting sign-off, to the head',
      inState.awaitingSignoff(),
      'head',
      ['同意报送', '退回修改'],
      '请您尽快审签',
    ],
    [
      'awaiting sign-off, to the liaison',
      inState.awaitingSignoff(),
      'liaison',
      [],
      '待第一责任人审签',
    ],
  ])(
    '%s: the buttons of the state and what is expected now',
    (_name, assignment, viewer, buttons, hint) => {
      const card = reminderCard({ assignment, viewer, reminder: 'deadline', deadline: left(1) });

      expect(buttonLabels(card)).toEqual(buttons);
      expect(cardText(card)).toContain(hint);
    },
  );

  it('asks for progress with the date of the last report', () => {
    const assignment = {
      ...inState.inProgress(),
      progress: [
        {
          text: '推进中',
          percent: 40,
          problems: '',
          nextSteps: '',
          at: at('2025-06-02 15:00'),
          by: { openId: 'x', name: '城投联络员' },
        },
      ],
    };
    const text = cardText(
      reminderCard({ assignment, viewer: 'liaison', reminder: 'progress', deadline: left(8) }),
    );

    expect(text).toContain('上次报送：06-02 15:00（40%）');
  });
});

describe('overdue card', () => {
  it.each([
    [1, -0.2, '已逾期 1 天 · 已按规定加扣 0.2 分'],
    [3, -0.2, '已逾期 3 天 · 已按规定加扣 0.2 分'],
    [0, -0.2, '已逾期 · 已按规定加扣 0.2 分'],
    [2, 0, '已逾期 2 天'],
  ])('%i days late, %d points: 「%s」 in carmine', (daysLate, overduePoints, title) => {
    const card = overdueCard({
      assignment: inState.acknowledged(),
      viewer: 'liaison',
      daysLate,
      overduePoints,
    });

    expect(card.header?.title.content).toBe(title);
    expect(card.header?.template).toBe('carmine');
    expect(buttonLabels(card)).toEqual(['填报承办措施', '申请延期']);
  });

  it('never shows a confidential content', () => {
    const assignment = buildAssignment({ confidential: true, content: secret });
    const card = overdueCard({ assignment, viewer: 'head', daysLate: 1, overduePoints: -0.2 });

    expect(JSON.stringify(card)).not.toContain(secret);
    expect(cardText(card)).toContain('已逾期 1 天');
  });
});

describe('nudge card', () => {
  const nudge = (words: string) =>
    nudgeCard({
      assignment: inState.inProgress(),
      viewer: 'liaison',
      from: { name: '王督查', unit: '督查室' },
      words,
      at: at('2025-05-26 15:20'),
      deadline: { kind: 'left', workingDays: 2 },
    });

  it('says who nudges in an orange header and carries their words, escaped', () => {
    const card = nudge('请今天下班前报送进展 <at id=all></at>');

    expect(card.header?.title.content).toBe('催办 · 督查室 王督查');
    expect(card.header?.template).toBe('orange');
    expect(cardText(card)).toContain('请今天下班前报送进展 &lt;at id=all&gt;&lt;/at&gt;');
    expect(cardText(card)).toContain('催办（05-26 15:20）');
    expect(buttonLabels(card)).toEqual(['提交反馈', '报送进展', '申请延期']);
  });

  it('has a plain request when the words are empty, and stays small with long words', () => {
    expect(cardText(nudge('  '))).toContain('请抓紧办理，按时反馈。');
    expect(cardBytes(nudge('催'.repeat(500)))).toBeLessThan(30_000);
  });
});

describe('督查室 line', () => {
  it.each<[OfficeAlert, string]>([
    [
      { kind: 'unacknowledged' },
      '【未签收】 城投 珠国资督〔2025〕12号《关于推进老城区改造项目的督办》于 2025-05-21 10:00 交办，至今未签收',
    ],
    [
      { kind: 'dueSoon', workingDaysLeft: 0 },
      '【临近时限】 城投 珠国资督〔2025〕12号《关于推进老城区改造项目的督办》今日 17:30 到期，尚未办结',
    ],
    [
      { kind: 'dueSoon', workingDaysLeft: 1 },
      '距时限还有 1 个工作日（2025-05-28 17:30），尚未办结',
    ],
    [
      { kind: 'overdue', daysLate: 2, overduePoints: -0.2 },
      '已逾期 2 天（时限 2025-05-28 17:30），已加扣 0.2 分',
    ],
  ])('%j reads 「%s」', (alert, expected) => {
    const card = officeAlertCard({
      assignment: inState.issued(),
      alert,
      told: [{ name: '城投联络员', urgent: false }],
    });
    const line = cardText(card)
      .replace(/<[^>]+>/g, '')
      .replace(/\*\*/g, '');

    expect(card.header).toBeUndefined();
    expect(line).toContain(expected);
    expect(line).toContain('；已提醒 城投联络员');
  });

  it('names who was pushed urgently, or says nobody is registered', () => {
    const told = [
      { name: '城投联络员', urgent: false },
      { name: '城投张总', urgent: true },
    ];
    const alert: OfficeAlert = { kind: 'unacknowledged' };

    expect(cardText(officeAlertCard({ assignment: inState.issued(), alert, told }))).toContain(
      '已提醒 城投联络员、城投张总（加急）',
    );
    expect(cardText(officeAlertCard({ assignment: inState.issued(), alert, told: [] }))).toContain(
      '承办单位未登记联系人，请电话督促',
    );
  });
});
