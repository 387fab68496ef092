/**
 * POST /feishu/events while the store misbehaves: the bot reaches the real MongoDB-compatible
 * server through a proxy that can hold or drop the insert into processed_events (the durable
 * half of deduplication), the way a slow or failing network would.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CardActionContext } from '../../../src/feishu/handlers.js';
import { buildCardActionEvent } from '../../support/feishu-events.js';
import { people } from '../../support/fixtures.js';
import { pollUntil } from '../../support/poll.js';
import { startStoreProxy, type StoreProxy } from '../../support/store-proxy.js';
import { startTestBot, type TestBot } from '../../support/test-bot.js';
import { cardSaying } from '../../support/test-card.js';

const card = cardSaying('已签收');
const claimInsert = ['insert', 'processed_events'];

let proxy: StoreProxy;
let bot: TestBot;
let clicks: CardActionContext[];

beforeAll(async () => {
  proxy = await startStoreProxy();
  bot = await startTestBot({ env: { MONGODB_URI: proxy.uri }, answerWithinMs: 300 });
});
afterAll(async () => {
  await bot?.stop();
  await proxy?.stop();
});
afterEach(() => {
  proxy.clear();
  bot.context.handlers.cardActions.clear();
});

function registerPing(): void {
  clicks = [];
  bot.context.handlers.cardActions.set('ping', async (context) => {
    clicks.push(context);
    return { toast: { type: 'success', content: '已签收' }, card };
  });
}

const click = () =>
  buildCardActionEvent({ operator: people.liaison, value: { a: 'ping', id: '2025-12', v: 1 } });

async function answerTo(envelope: ReturnType<typeof click>): Promise<unknown> {
  const res = await bot.postEvent(envelope);
  expect(res.status).toBe(200);

  return res.json();
}

describe('POST /feishu/events when the store misbehaves', () => {
  describe('when recording the delivery in MongoDB fails after the Redis claim', () => {
    it('answers 「操作失败」, and the redelivery is handled instead of taken for a duplicate', async () => {
      registerPing();
      const envelope = click();
      // Two, in case the driver retries the write once on a new connection.
      proxy.dropNext(claimInsert, 2);
      const first = await answerTo(envelope);
      proxy.clear();
      const again = await answerTo(envelope);

      expect(first).toEqual({ toast: { type: 'error', content: '操作失败，请稍后重试' } });
      expect(again).toEqual({
        toast: { type: 'success', content: '已签收' },
        card: { type: 'raw', data: card },
      });
      expect(clicks).toHaveLength(1);
    });
  });

  describe('when the store is slow to record the delivery', () => {
    it('still answers within the deadline, counted from the request, and updates the card later', async () => {
      registerPing();
      const envelope = click();
      proxy.delayNext(claimInsert, 1, 1_500);
      const answer = await answerTo(envelope);

      expect(answer).toEqual({ toast: { type: 'info', content: '正在处理，请稍候' } });
      const update = await pollUntil(
        async () => bot.fake.delayedUpdates.find((u) => u.token === envelope.event.token),
        (found) => found !== undefined,
      );
      expect(update?.card).toEqual(card);
      expect(clicks).toHaveLength(1);
    });
  });
});
