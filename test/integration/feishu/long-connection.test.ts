import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCardActionEvent, buildMessageEvent } from '../../support/feishu-events.js';
import { people } from '../../support/fixtures.js';
import { pollUntil } from '../../support/poll.js';
import { startTestBot, type TestBot } from '../../support/test-bot.js';

let bot: TestBot;

beforeAll(async () => {
  bot = await startTestBot({ env: { FEISHU_EVENT_MODE: 'ws' } });
});
afterAll(async () => {
  await bot?.stop();
});

/**
 * The long connection itself needs Feishu. What it does with a delivery is
 * `dispatcher.invoke(data, {needCheck: false})` with the plain envelope, its return being the
 * callback's answer: exactly what these tests do with the runtime's dispatcher.
 */
describe('FEISHU_EVENT_MODE=ws', () => {
  it('serves no webhook route', async () => {
    const res = await fetch(`${bot.url}/feishu/events`, { method: 'POST', body: '{}' });

    expect(res.status).toBe(404);
  });

  it('answers a card action delivered as the long connection delivers it', async () => {
    bot.context.handlers.cardActions.set('acknowledge', async ({ operatorOpenId }) => ({
      toast: { type: 'success', content: `已签收：${operatorOpenId.slice(-4)}` },
    }));
    const envelope = buildCardActionEvent({
      operator: people.liaison,
      value: { a: 'acknowledge' },
    });
    const answer: unknown = await bot.runtime.edge?.dispatcher.invoke(envelope, {
      needCheck: false,
    });

    expect(answer).toEqual({ toast: { type: 'success', content: '已签收：0002' } });
  });

  it('deduplicates and hands messages to onMessage the same way', async () => {
    const texts: string[] = [];
    bot.context.handlers.onMessage = async ({ text }) => {
      texts.push(text);
    };
    const envelope = buildMessageEvent({ sender: people.supervisor, text: '帮助' });
    const dispatcher = bot.runtime.edge?.dispatcher;
    await dispatcher?.invoke(envelope, { needCheck: false });
    await dispatcher?.invoke(envelope, { needCheck: false });

    await pollUntil(
      async () => texts.length,
      (n) => n >= 1,
    );
    expect(texts).toEqual(['帮助']);
  });
});
