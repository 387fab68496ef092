/**
 * Reminders end to end: a whole bot (web, outbox, workers) on a fixed clock, Feishu faked at
 * the HTTP level. What the liaison, the head and the 督查室 chat hold is read from the fake.
 */
import { describe, expect, it } from 'vitest';
import type { Card } from '../../../cards/card.js';
import { createReminderScheduler } from '../../../jobs/reminder-workers.js';
import { FixedClock } from '../../../src/clock.js';
import type { FakeMessage } from '../../../src/sandbox/fake-open-api.js';
import { entriesOf } from '../../../src/store/ledger.repo.js';
import { remindersOf } from '../../../src/store/reminder-sent.repo.js';
import { buttonsOf, cardText } from '../../support/card-inspect.js';
import { cardOf, clickAs, issueNotice, stored } from '../../support/enterprise-bot.js';
import { at, people } from '../../support/fixtures.js';
import { pollUntil } from '../../support/poll.js';
import { useTestBot } from '../../support/use-test-bot.js';

/** The 督查室 chat of config/directory.example.yaml. */
const officeChat = 'oc_0a1b2c3d4e5f60718293a4b5c6d7e8f9';

const clock = new FixedClock(at('2025-05-21 10:00'));
const bot = useTestBot({ clock });

/** Sets the clock, promotes the reminders now due, and waits until they are sent. */
async function reachTime(when: Date): Promise<void> {
  clock.set(when);
  const scheduler = createReminderScheduler(bot.context);
  await scheduler.promoteDueReminders(when);
  const runnable = () => scheduler.queue.getJobCountByTypes('waiting', 'active', 'prioritized');
  await pollUntil(runnable, (n) => n === 0);
  await bot.waitForOutbox();
}

/** Cards of this notice a receiver holds with this header title. */
function held(receiverId: string, noticeNumber: string, title: string): FakeMessage[] {
  return bot.fake.messagesTo(receiverId).filter((m) => {
    const header = cardOf(m).header;
    return header?.title.content === title && header.subtitle?.content === noticeNumber;
  });
}

describe('reminders through the bot', () => {
  it('chases the liaison, whose 签收 on the reminder acknowledges and ends the chase', async () => {
    clock.set(at('2025-05-21 10:00'));
    const a = await issueNotice(bot);
    await reachTime(at('2025-05-21 12:00'));
    const [chase] = held(people.liaison.openId, a.noticeNumber, '督办提醒 · 请尽快签收');
    const sign = buttonsOf(cardOf(chase!)).find((b) => b.label === '签收')!;

    const answer = await clickAs(bot, people.liaison, sign.value, { on: chase });
    await reachTime(at('2025-05-22 10:00')); // when the escalation would have gone

    expect(answer.toast?.content).toBe('已签收');
    expect((await stored(a.id)).state).toBe('acknowledged');
    expect((await remindersOf(a.id)).map((r) => r.kind)).toEqual(['ackChase']);
    expect(held(people.head.openId, a.noticeNumber, '督办提醒 · 请尽快签收')).toEqual([]);
  });

  it('records −0.2 once when the deadline passes, and tells liaison, head and 督查室', async () => {
    clock.set(at('2025-05-21 10:00'));
    const a = await issueNotice(bot);
    await clickAs(bot, people.liaison, { a: 'acknowledge', id: a.id, v: a.version });
    await reachTime(new Date(at('2025-05-28 17:30').getTime() + 1_000));
    expect((await stored(a.id)).overdueAt).toBeDefined();

    await reachTime(at('2025-05-29 09:00'));
    await reachTime(at('2025-05-29 09:05'));

    const title = '已逾期 1 天 · 已按规定加扣 0.2 分';
    const [toLiaison, ...moreToLiaison] = held(people.liaison.openId, a.noticeNumber, title);
    const [toHead] = held(people.head.openId, a.noticeNumber, title);
    expect(moreToLiaison).toEqual([]);
    expect(toLiaison!.urgent).toEqual([]);
    expect(toHead!.urgent).toEqual([{ kind: 'app', openIds: [people.head.openId] }]);
    expect(cardOf(toHead!).header?.template).toBe('carmine');
    expect(officeLines(a.noticeNumber)).toEqual([
      expect.stringContaining('已逾期 1 天（时限 2025-05-28 17:30），已加扣 0.2 分'),
    ]);
    const overdue = (await entriesOf(a.id)).filter((e) => e.kind === 'overdue');
    expect(overdue.map((e) => e.milliPoints)).toEqual([-200]);
  });
});

/** The 督查室 chat's headerless lines about this notice. */
function officeLines(noticeNumber: string): string[] {
  return bot.fake
    .messagesTo(officeChat)
    .map((m) => cardOf(m) as Card)
    .filter((card) => !card.header && cardText(card).includes(noticeNumber))
    .map((card) => cardText(card));
}
