import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outboxQueueName } from '../../../jobs/outbox.job.js';
import { people } from '../../support/fixtures.js';
import { startTestBot, type TestBot } from '../../support/test-bot.js';
import { cardSaying } from '../../support/test-card.js';

const liaison = { type: 'open_id', id: people.liaison.openId } as const;

let bot: TestBot;
let run = 0;

beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot?.stop();
});
beforeEach(() => {
  bot.fake.reset();
  run += 1;
});

const sendsTo = (id: string) =>
  bot.fake.calls.filter(
    (c) =>
      c.path === '/open-apis/im/v1/messages' &&
      (c.body as { receive_id?: string }).receive_id === id,
  );

describe('patches', () => {
  async function sentCard(): Promise<string> {
    await bot.context.outbox.enqueue({
      kind: 'send',
      to: liaison,
      card: cardSaying('待签收'),
      uuid: `patch-${run}`,
    });
    await bot.waitForOutbox();

    return bot.fake.messagesTo(liaison.id)[0]!.messageId;
  }
  const patches = () => bot.fake.calls.filter((c) => c.method === 'PATCH');

  it('applies only the newest of several patches queued for one card', async () => {
    const messageId = await sentCard();
    const queue = bot.context.queues.queue(outboxQueueName);
    await queue.pause();
    await bot.context.outbox.enqueue({ kind: 'patch', messageId, card: cardSaying('已签收') });
    await bot.context.outbox.enqueue({ kind: 'patch', messageId, card: cardSaying('办理中') });
    await queue.resume();
    await bot.waitForOutbox();

    expect(patches()).toHaveLength(1);
    expect(bot.fake.messages.get(messageId)?.content).toEqual(cardSaying('办理中'));
  });

  it('collapses identical patches, yet applies one again after the card changed in between', async () => {
    const messageId = await sentCard();
    const patch = (text: string) =>
      bot.context.outbox.enqueue({ kind: 'patch', messageId, card: cardSaying(text) });
    await Promise.all([patch('已签收'), patch('已签收')]);
    await bot.waitForOutbox();
    await patch('办理中');
    await bot.waitForOutbox();
    await patch('已签收');
    await bot.waitForOutbox();

    expect(patches()).toHaveLength(3);
    expect(bot.fake.messages.get(messageId)?.content).toEqual(cardSaying('已签收'));
  });
});

describe('pace', () => {
  it("stays within Feishu's 5 calls a second to one person, whatever the queue holds", async () => {
    const person = { type: 'open_id', id: people.otherHead.openId } as const;
    await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        bot.context.outbox.enqueue({
          kind: 'text',
          to: person,
          text: `第${i}条`,
          uuid: `pace-${run}-${i}`,
        }),
      ),
    );
    await bot.waitForOutbox(20_000);

    const times = sendsTo(person.id).map((c) => c.at.getTime());
    expect(times).toHaveLength(9);
    const busiest = Math.max(
      ...times.map((t) => times.filter((u) => u >= t && u < t + 1_000).length),
    );
    // The limiter lets 4 go in any second by Redis time, so the 9th goes 2 s after the 1st.
    // Arrival at the fake adds jitter (up to a second on a loaded machine), so one window may
    // hold a few more than 4; without a limiter all 9 arrive within a fraction of a second.
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(1_000);
    expect(busiest).toBeLessThanOrEqual(6);
  });
});
