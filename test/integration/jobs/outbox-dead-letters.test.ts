import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Card } from '../../../cards/card.js';
import { DeadLetterModel } from '../../../src/store/dead-letter.model.js';
import { buildCardActionEvent } from '../../support/feishu-events.js';
import { people } from '../../support/fixtures.js';
import { startTestBot, type TestBot } from '../../support/test-bot.js';
import { cardSaying } from '../../support/test-card.js';

/** Chats of config/directory.example.yaml, which the test bot loads. */
const officeChat = 'oc_0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const chengtouChat = 'oc_1a1b2c3d4e5f60718293a4b5c6d7e8f9';

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

describe('a message that cannot be delivered', () => {
  async function deadLetterToChengtouChat() {
    bot.fake.failNext(1, {
      status: 400,
      code: 230002,
      msg: 'Bot is not in the chat',
      path: '/im/v1/messages',
    });
    await bot.context.outbox.enqueue({
      kind: 'send',
      to: { type: 'chat_id', id: chengtouChat },
      card: cardSaying('督办通知单'),
      uuid: `dead-${run}`,
    });
    await bot.waitForOutbox();
  }
  const alertCards = () => bot.fake.cardsTo(officeChat) as Card[];
  type Button = { behaviors: Array<{ value: { a: string; dl: string } }> };
  const retryValue = (card: Card) =>
    (card.body.elements.find((e) => e.tag === 'button') as unknown as Button).behaviors[0]!.value;

  it('is not retried after 230002, becomes a dead letter, and the 督查室 is told with 重试', async () => {
    await deadLetterToChengtouChat();

    expect(sendsTo(chengtouChat)).toHaveLength(1);
    const letter = await DeadLetterModel.findOne({ 'message.uuid': `dead-${run}` }).lean();
    expect(letter).toMatchObject({
      attempts: 1,
      alert: false,
      error: { code: 230002, status: 400 },
    });
    const [alert] = alertCards();
    expect(JSON.stringify(alert)).toContain('发送失败：城投群（机器人不在群内 230002）');
    expect(retryValue(alert!)).toEqual({ a: 'retryDeadLetter', dl: letter?._id });
  });

  it('is sent again when a supervisor presses 重试, once, and only by the 督查室', async () => {
    await deadLetterToChengtouChat();
    const value = retryValue(alertCards()[0]!);

    const stranger = await bot.postEvent(buildCardActionEvent({ operator: people.liaison, value }));
    const pressed = await bot.postEvent(
      buildCardActionEvent({ operator: people.supervisor, value }),
    );
    const again = await bot.postEvent(buildCardActionEvent({ operator: people.supervisor, value }));
    await bot.waitForOutbox();

    expect(await stranger.json()).toEqual({
      toast: { type: 'error', content: '无权操作：此操作由督查室办理' },
    });
    const answer = (await pressed.json()) as { toast: unknown; card: { data: Card } };
    expect(answer.toast).toEqual({ type: 'success', content: '已重新发送' });
    expect(JSON.stringify(answer.card.data)).toContain('已由 王督查 于');
    expect(JSON.stringify(answer.card.data)).not.toContain('retryDeadLetter');
    expect(await again.json()).toMatchObject({
      toast: { type: 'info', content: '已由 王督查 重新发送' },
    });
    expect(bot.fake.messagesTo(chengtouChat)).toMatchObject([
      { content: cardSaying('督办通知单') },
    ]);
  });

  it('raises no alert about an alert that could not be delivered', async () => {
    bot.fake.failNext(2, { status: 400, code: 230002, path: '/im/v1/messages' });
    await bot.context.outbox.enqueue({
      kind: 'send',
      to: { type: 'chat_id', id: chengtouChat },
      card: cardSaying('通知'),
      uuid: `loop-${run}`,
    });
    await bot.waitForOutbox();

    const original = await DeadLetterModel.findOne({ 'message.uuid': `loop-${run}` }).lean();
    const alerts = await DeadLetterModel.find({ alert: true }).lean();
    const aboutIt = alerts.filter((l) => JSON.stringify(l.message).includes(String(original?._id)));
    expect(original).toMatchObject({ alert: false });
    expect(aboutIt).toHaveLength(1);
    expect(bot.fake.calls.filter((c) => c.path === '/open-apis/im/v1/messages')).toHaveLength(2);
  });
});
