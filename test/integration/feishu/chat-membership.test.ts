/**
 * The bot added to or removed from a group chat (im.chat.member.bot.added_v1 / deleted_v1),
 * posted signed and encrypted to POST /feishu/events; Feishu's Open API is the fake server.
 * The directory is config/directory.example.yaml: the 督查室 chat and 城投's chat are known.
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeMessage } from '../../../src/sandbox/fake-open-api.js';
import { cardText } from '../../support/card-inspect.js';
import { buildBotAddedEvent } from '../../support/feishu-events.js';
import { people } from '../../support/fixtures.js';
import { pollUntil } from '../../support/poll.js';
import { startTestBot, type TestBot } from '../../support/test-bot.js';
import type { Card } from '../../../cards/card.js';

const officeChat = 'oc_0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const chengtouChat = 'oc_1a1b2c3d4e5f60718293a4b5c6d7e8f9';
const supervisors = ['ou_10000000000000000000000000000002', 'ou_10000000000000000000000000000003'];

let bot: TestBot;
const logLines: string[] = [];

beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  bot = await startTestBot({ logger: pino({ level: 'info' }, sink) });
});
afterAll(async () => {
  await bot?.stop();
});

const textOf = (m: FakeMessage) => (m.content as { text?: string }).text ?? '';

async function messagesTo(receiver: string, count = 1): Promise<FakeMessage[]> {
  return pollUntil(
    async () => bot.fake.messagesTo(receiver),
    (found) => found.length >= count,
  );
}

describe('the bot removed from a chat', () => {
  it('tells the 督查室 chat when it was an enterprise chat, and nothing goes to that chat', async () => {
    const envelope = buildBotAddedEvent({
      chatId: chengtouChat,
      removed: true,
      operator: people.head,
      name: '城投督办群',
    });
    const res = await bot.postEvent(envelope);

    expect(res.status).toBe(200);
    const [alert] = await messagesTo(officeChat);
    expect(textOf(alert!)).toContain(
      '督办助手已被移出「城投督办群」，该群将收不到督办通知，请重新拉入或更新名录',
    );
    expect(textOf(alert!)).toContain('城投');
    expect(textOf(alert!)).toContain(chengtouChat);
    expect(bot.fake.messagesTo(chengtouChat)).toEqual([]);
  });

  it('tells each supervisor privately when it was the 督查室 chat itself', async () => {
    await bot.postEvent(
      buildBotAddedEvent({ chatId: officeChat, removed: true, name: '督查室工作群' }),
    );

    for (const supervisor of supervisors) {
      const [alert] = await messagesTo(supervisor);
      expect(textOf(alert!)).toContain(
        '督办助手已被移出「督查室工作群」，该群将收不到督办通知，请重新拉入或更新名录',
      );
    }
  });

  it('tells once when Feishu delivers the event twice', async () => {
    const envelope = buildBotAddedEvent({ chatId: chengtouChat, removed: true, name: '城投二群' });
    await bot.postEvent(envelope);
    await bot.postEvent(envelope);
    await bot.waitForOutbox();

    const alerts = bot.fake.messagesTo(officeChat).filter((m) => textOf(m).includes('城投二群'));
    expect(alerts).toHaveLength(1);
  });

  it('says nothing for a chat the directory does not know, and logs its chat_id', async () => {
    const before = bot.fake.allMessages().length;
    await bot.postEvent(buildBotAddedEvent({ chatId: 'oc_unknown_removed', removed: true }));

    await pollUntil(
      async () => logLines.filter((l) => l.includes('oc_unknown_removed')),
      (lines) => lines.length > 0,
    );
    await bot.waitForOutbox();
    expect(bot.fake.allMessages()).toHaveLength(before);
  });
});

describe('the bot added to a chat', () => {
  it('welcomes a chat the directory does not know with its chat_id and name to register it', async () => {
    await bot.postEvent(
      buildBotAddedEvent({
        chatId: 'oc_new_group',
        operator: people.supervisor,
        name: '文旅督办群',
      }),
    );

    const [welcome] = await messagesTo('oc_new_group');
    const text = cardText(welcome!.content as Card);
    expect(text).toContain('督办助手');
    expect(text).toContain('尚未登记');
    expect(text).toContain('chatId: oc_new_group # 文旅督办群');
    expect(logLines.some((l) => l.includes('oc_new_group'))).toBe(true);
  });

  it('welcomes an enterprise chat it knows, naming the enterprise, without the registration lines', async () => {
    await bot.postEvent(buildBotAddedEvent({ chatId: chengtouChat, name: '城投督办群' }));

    const [welcome] = await messagesTo(chengtouChat);
    const text = cardText(welcome!.content as Card);
    expect(text).toContain('珠山区城市建设投资有限公司');
    expect(text).not.toContain('尚未登记');
  });
});
