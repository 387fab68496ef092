import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CardActionContext, MessageContext } from '../../../src/feishu/handlers.js';
import {
  buildBotAddedEvent,
  buildCardActionEvent,
  buildMessageEvent,
  type EventEnvelope,
} from '../../support/feishu-events.js';
import { people } from '../../support/fixtures.js';
import { pollUntil } from '../../support/poll.js';
import { startTestBot, type TestBot } from '../../support/test-bot.js';
import { cardSaying } from '../../support/test-card.js';

const card = cardSaying('已签收');

let bot: TestBot;
let clicks: CardActionContext[];
let messages: MessageContext[];

beforeAll(async () => {
  bot = await startTestBot({ answerWithinMs: 300 });
});
afterAll(async () => {
  await bot?.stop();
});
afterEach(() => {
  bot.context.handlers.cardActions.clear();
  bot.context.handlers.onMessage = undefined;
  bot.context.handlers.onChatMembership = undefined;
});

/** Registers `ping`, which records the click and answers a toast and a card. */
function registerPing(): void {
  clicks = [];
  bot.context.handlers.cardActions.set('ping', async (context) => {
    clicks.push(context);
    return { toast: { type: 'success', content: '已签收' }, card };
  });
}

const click = (overrides: Partial<Parameters<typeof buildCardActionEvent>[0]> = {}) =>
  buildCardActionEvent({
    operator: people.liaison,
    value: { a: 'ping', id: '2025-12', v: 1 },
    ...overrides,
  });

describe('POST /feishu/events', () => {
  describe('a card action', () => {
    it("reaches its handler and answers with the handler's toast and card in Feishu's shape", async () => {
      registerPing();
      const envelope = click({
        formValue: { measures: '倒排工期' },
        name: 'submit',
        messageId: 'om_card',
        chatId: 'oc_chat',
      });
      const res = await bot.postEvent(envelope);

      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        toast: { type: 'success', content: '已签收' },
        card: { type: 'raw', data: card },
      });
      expect(clicks).toHaveLength(1);
      expect(clicks[0]).toMatchObject({
        eventId: envelope.header.event_id,
        operatorOpenId: people.liaison.openId,
        value: { a: 'ping', id: '2025-12', v: 1 },
        formValue: { measures: '倒排工期' },
        actionName: 'submit',
        messageId: 'om_card',
        chatId: 'oc_chat',
      });
      expect(clicks[0]?.token).toBe(envelope.event.token);
      expect(clicks[0]?.log.bindings()).toMatchObject({ eventId: envelope.header.event_id });
    });

    it('answers a button whose action nobody handles with 「该操作已失效，请刷新卡片」', async () => {
      const res = await bot.postEvent(click({ value: { a: 'vanished' } }));

      expect(await res.json()).toEqual({
        toast: { type: 'warning', content: '该操作已失效，请刷新卡片' },
      });
    });

    it('still answers when the handler throws', async () => {
      bot.context.handlers.cardActions.set('ping', async () => {
        throw new Error('boom');
      });
      const res = await bot.postEvent(click());

      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        toast: { type: 'error', content: '操作失败，请稍后重试' },
      });
    });

    it('answers a slow handler in time, then updates the card with the click token', async () => {
      bot.context.handlers.cardActions.set('ping', async () => {
        await new Promise((resolve) => setTimeout(resolve, 700));
        return { card };
      });
      const envelope = click();
      const res = await bot.postEvent(envelope);

      expect(await res.json()).toEqual({ toast: { type: 'info', content: '正在处理，请稍候' } });
      await pollUntil(
        async () => bot.fake.delayedUpdates.length,
        (n) => n > 0,
      );
      expect(bot.fake.delayedUpdates.at(-1)).toMatchObject({ token: envelope.event.token, card });
    });

    it.each([
      ['a refusal toast', { toast: { type: 'error', content: '无权操作：此事项由城投承办' } }],
      [
        'a refusal toast and the current card',
        { toast: { type: 'warning', content: '卡片已更新，请在最新卡片上操作' }, card },
      ],
    ] as const)(
      'tells the clicker privately how a slow click ended with %s',
      async (_label, response) => {
        bot.context.handlers.cardActions.set('ping', async () => {
          await new Promise((resolve) => setTimeout(resolve, 700));
          return response;
        });
        const envelope = click({ operator: people.head });
        const res = await bot.postEvent(envelope);

        expect(await res.json()).toEqual({ toast: { type: 'info', content: '正在处理，请稍候' } });
        const texts = await pollUntil(
          async () =>
            bot.fake
              .messagesTo(people.head.openId)
              .filter((m) => m.msgType === 'text')
              .map((m) => m.content),
          (found) => found.some((t) => JSON.stringify(t).includes(response.toast.content)),
        );
        expect(texts.at(-1)).toEqual({ text: `您刚才的操作：${response.toast.content}` });
      },
    );
  });

  describe('the same delivery more than once', () => {
    it('has one effect when delivered 5 times at once, and answers every copy 200', async () => {
      clicks = [];
      bot.context.handlers.cardActions.set('ping', async (context) => {
        clicks.push(context);
        await bot.context.outbox.enqueue({
          kind: 'text',
          to: { type: 'open_id', id: context.operatorOpenId },
          text: '已签收',
          uuid: `effect-${clicks.length}-${Date.now()}`,
        });
        return { toast: { type: 'success', content: '已签收' } };
      });
      const envelope = click({ operator: people.otherLiaison });
      const answers = await Promise.all(
        Array.from({ length: 5 }, () =>
          bot.postEvent(envelope).then(async (r) => [r.status, await r.json()]),
        ),
      );
      await bot.waitForOutbox();

      expect(clicks).toHaveLength(1);
      expect(bot.fake.messagesTo(people.otherLiaison.openId)).toHaveLength(1);
      expect(answers.map(([status]) => status)).toEqual([200, 200, 200, 200, 200]);
      const toasts = answers.map(
        ([, body]) => (body as { toast: { content: string } }).toast.content,
      );
      expect(toasts.filter((t) => t === '已签收')).toHaveLength(1);
      expect(toasts.filter((t) => t === '操作已收到，请勿重复点击')).toHaveLength(4);
    });

    it('still recognises a redelivery after Redis lost its key', async () => {
      registerPing();
      const envelope = click();
      await bot.postEvent(envelope);
      const prefix = bot.context.env.QUEUE_PREFIX;
      await bot.context.redis.del(`${prefix}:feishu:seen:event:${envelope.header.event_id}`);
      const again = await bot.postEvent(envelope);

      expect(clicks).toHaveLength(1);
      expect(await again.json()).toEqual({
        toast: { type: 'info', content: '操作已收到，请勿重复点击' },
      });
    });
  });

  describe('a message to the bot', () => {
    function recordMessages(): void {
      messages = [];
      bot.context.handlers.onMessage = async (context) => {
        messages.push(context);
      };
    }

    it('reaches onMessage with the mentions stripped', async () => {
      recordMessages();
      const envelope = buildMessageEvent({
        sender: people.supervisor,
        text: '催办 12号',
        chatType: 'group',
        chatId: 'oc_office',
        mentions: [{ openId: people.liaison.openId, name: '城投联络员' }],
      });
      const res = await bot.postEvent(envelope);

      expect(res.status).toBe(200);
      await pollUntil(
        async () => messages.length,
        (n) => n === 1,
      );
      expect(messages[0]).toMatchObject({
        eventId: envelope.header.event_id,
        senderOpenId: people.supervisor.openId,
        chatId: 'oc_office',
        chatType: 'group',
        // Mentions the message starts with address it: the command follows them.
        text: '催办 12号',
      });
    });

    it('ignores a group message that does not mention the bot', async () => {
      recordMessages();
      const envelope = buildMessageEvent({
        sender: people.liaison,
        text: '大家好',
        chatType: 'group',
        mentionBot: false,
      });
      await bot.postEvent(envelope);
      await bot.postEvent(buildMessageEvent({ sender: people.liaison, text: '列表' }));

      await pollUntil(
        async () => messages.length,
        (n) => n === 1,
      );
      expect(messages.map((m) => m.text)).toEqual(['列表']);
    });

    it('handles a message once even when it comes again under another event id', async () => {
      recordMessages();
      const first = buildMessageEvent({
        sender: people.liaison,
        text: '我的督办',
        messageId: 'om_same',
      });
      const second = buildMessageEvent({
        sender: people.liaison,
        text: '我的督办',
        messageId: 'om_same',
      });
      await bot.postEvent(first);
      await bot.postEvent(second);

      await pollUntil(
        async () => messages.length,
        (n) => n >= 1,
      );
      expect(messages).toHaveLength(1);
    });
  });

  it('tells onChatMembership when the bot is added to or removed from a chat', async () => {
    const seen: Array<[string, boolean, string | undefined]> = [];
    bot.context.handlers.onChatMembership = async (context) => {
      seen.push([context.chatId, context.added, context.operatorOpenId]);
    };
    await bot.postEvent(buildBotAddedEvent({ chatId: 'oc_new', operator: people.supervisor }));
    await bot.postEvent(buildBotAddedEvent({ chatId: 'oc_new', removed: true }) as EventEnvelope);

    await pollUntil(
      async () => seen.length,
      (n) => n === 2,
    );
    expect(seen).toEqual([
      ['oc_new', true, people.supervisor.openId],
      ['oc_new', false, undefined],
    ]);
  });
});
