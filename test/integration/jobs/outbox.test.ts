import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Card } from '../../../cards/card.js';
import { outboxQueueName } from '../../../jobs/outbox.job.js';
import { cardMessagesOf } from '../../../src/store/card-message.repo.js';
import { DeadLetterModel } from '../../../src/store/dead-letter.model.js';
import { buildCardActionEvent } from '../../support/feishu-events.js';
import { people } from '../../support/fixtures.js';
import { startTestBot, type TestBot } from '../../support/test-bot.js';

/** Chats of config/directory.example.yaml, which the test bot loads. */
const officeChat = 'oc_0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const chengtouChat = 'oc_1a1b2c3d4e5f60718293a4b5c6d7e8f9';
const liaison = { type: 'open_id', id: people.liaison.openId } as const;

function cardSaying(text: string): Card {
  return {
    schema: '2.0',
    config: { update_multi: true },
    body: { elements: [{ tag: 'markdown', content: text }] },
  };
}

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

describe('the outbox', () => {
  it('sends a card to the right receiver with its content and uuid', async () => {
    await bot.context.outbox.enqueue({
      kind: 'send',
      to: liaison,
      card: cardSaying('督办通知单'),
      uuid: `notice-${run}`,
    });
    await bot.waitForOutbox();

    expect(bot.fake.messagesTo(liaison.id)).toMatchObject([
      {
        receiver: liaison,
        msgType: 'interactive',
        content: cardSaying('督办通知单'),
        uuid: `notice-${run}`,
      },
    ]);
  });

  it('queues a message once however often it is enqueued', async () => {
    const message = {
      kind: 'text',
      to: liaison,
      text: '请尽快签收',
      uuid: `twice-${run}`,
    } as const;
    await Promise.all([bot.context.outbox.enqueue(message), bot.context.outbox.enqueue(message)]);
    await bot.waitForOutbox();

    expect(sendsTo(liaison.id)).toHaveLength(1);
  });

  it('retries after a 500 and still sends once: Feishu had sent it, the uuid says so', async () => {
    bot.fake.failNext(1, { status: 500, afterHandling: true, path: '/im/v1/messages' });
    await bot.context.outbox.enqueue({
      kind: 'send',
      to: liaison,
      card: cardSaying('催办'),
      uuid: `retry-${run}`,
    });
    await bot.waitForOutbox();

    expect(sendsTo(liaison.id)).toHaveLength(2);
    expect(bot.fake.messagesTo(liaison.id)).toHaveLength(1);
  });

  it('waits as long as x-ogw-ratelimit-reset says after a 429', async () => {
    bot.fake.failNext(1, {
      status: 429,
      headers: { 'x-ogw-ratelimit-reset': '1' },
      path: '/im/v1/messages',
    });
    await bot.context.outbox.enqueue({
      kind: 'text',
      to: liaison,
      text: '提醒',
      uuid: `limited-${run}`,
    });
    await bot.waitForOutbox();

    const [limited, sent] = sendsTo(liaison.id);
    expect(sent!.at.getTime() - limited!.at.getTime()).toBeGreaterThanOrEqual(950);
    expect(bot.fake.messagesTo(liaison.id)).toHaveLength(1);
  });

  it('makes a message that keeps failing a dead letter after the last attempt', async () => {
    bot.fake.failNext(3, { status: 503, path: '/im/v1/messages' });
    await bot.context.outbox.enqueue({
      kind: 'text',
      to: liaison,
      text: '逾期',
      uuid: `down-${run}`,
    });
    await bot.waitForOutbox();

    const letters = await DeadLetterModel.find({ 'message.uuid': `down-${run}` }).lean();
    expect(sendsTo(liaison.id)).toHaveLength(3);
    expect(letters).toMatchObject([{ attempts: 3, error: { status: 503 } }]);
  });

  it('records tracked sends, so every copy of an assignment card can be found', async () => {
    const id = `2025-${run}`;
    const head = { type: 'open_id', id: people.head.openId } as const;
    await bot.context.outbox.enqueue({
      kind: 'send',
      to: liaison,
      card: cardSaying('通知单'),
      uuid: `${id}-l`,
      track: { assignmentId: id, purpose: 'notice' },
    });
    await bot.context.outbox.enqueue({
      kind: 'send',
      to: head,
      card: cardSaying('通知单'),
      uuid: `${id}-h`,
      track: { assignmentId: id, purpose: 'notice' },
    });
    await bot.context.outbox.enqueue({
      kind: 'send',
      to: head,
      card: cardSaying('审签'),
      uuid: `${id}-s`,
      track: { assignmentId: id, purpose: 'signOff' },
    });
    await bot.waitForOutbox();

    const notices = await cardMessagesOf(id, 'notice');
    expect(notices.map((m) => m.receiver).sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      head,
      liaison,
    ]);
    expect(notices.map((m) => m.messageId).every((m) => bot.fake.messages.has(m))).toBe(true);
    expect((await cardMessagesOf(id)).map((m) => m.purpose).sort()).toEqual([
      'notice',
      'notice',
      'signOff',
    ]);
  });

  it('pushes the urgent kinds after the send, and a retried push job pushes once', async () => {
    bot.fake.failNext(1, { status: 502, path: 'urgent_sms' });
    await bot.context.outbox.enqueue({
      kind: 'send',
      to: liaison,
      card: cardSaying('已逾期'),
      uuid: `urgent-${run}`,
      urgent: { kinds: ['app', 'sms'], openIds: [people.liaison.openId, people.head.openId] },
    });
    await bot.waitForOutbox();

    const [message] = bot.fake.messagesTo(liaison.id);
    const kinds = () => message!.urgent.map((p) => p.kind).sort();
    expect(kinds()).toEqual(['app', 'sms']);
    expect(message!.urgent[0]?.openIds).toEqual([people.liaison.openId, people.head.openId]);

    // Running the finished SMS push again (a worker crash after the push) pushes nothing.
    const queue = bot.context.queues.queue(outboxQueueName);
    await (await queue.getJob(`urgent.${message!.messageId}.sms`))!.retry('completed');
    await bot.waitForOutbox();
    expect(kinds()).toEqual(['app', 'sms']);
  });

  it('sends a reply, a delayed update and a file', async () => {
    await bot.context.outbox.enqueue({
      kind: 'send',
      to: liaison,
      card: cardSaying('原卡片'),
      uuid: `orig-${run}`,
    });
    await bot.waitForOutbox();
    const [original] = bot.fake.messagesTo(liaison.id);
    const token = bot.fake.tokenFor(original!.messageId);

    await bot.context.outbox.enqueue({
      kind: 'reply',
      messageId: original!.messageId,
      card: cardSaying('回复'),
      uuid: `reply-${run}`,
    });
    await bot.context.outbox.enqueue({ kind: 'delayedUpdate', token, card: cardSaying('已更新') });
    await bot.context.outbox.enqueue({
      kind: 'file',
      to: liaison,
      fileName: '统计.xlsx',
      fileType: 'xls',
      contentBase64: Buffer.from('xlsx').toString('base64'),
      uuid: `file-${run}`,
    });
    await bot.waitForOutbox();

    const sent = bot.fake.messagesTo(liaison.id);
    expect(sent.find((m) => m.parentId === original!.messageId)?.content).toEqual(
      cardSaying('回复'),
    );
    expect(original?.content).toEqual(cardSaying('已更新'));
    expect(sent.find((m) => m.msgType === 'file')?.content).toEqual({
      file_key: bot.fake.files[0]?.fileKey,
    });
    expect(bot.fake.files[0]).toMatchObject({ fileName: '统计.xlsx', fileType: 'xls', size: 4 });
  });
});

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
    // The limiter lets 4 a second go (by Redis time); arrival jitter may bunch one more.
    expect(busiest).toBeLessThanOrEqual(5);
  });
});

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
