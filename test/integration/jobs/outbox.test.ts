import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outboxQueueName } from '../../../jobs/outbox.job.js';
import { cardMessagesOf } from '../../../src/store/card-message.repo.js';
import { DeadLetterModel } from '../../../src/store/dead-letter.model.js';
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
