/**
 * Driving the 督查室 side end to end through a test bot: type a command the way Feishu delivers
 * it (signed, encrypted POST /feishu/events), and read the answers the fake Open API holds.
 */
import type { Person } from './feishu-events.js';
import { buildMessageEvent, privateChatId } from './feishu-events.js';
import type { FakeMessage } from '../../src/sandbox/fake-open-api.js';
import type { Card } from '../../cards/card.js';
import { cardText } from './card-inspect.js';
import type { TestBot } from './test-bot.js';

/** The 督查室 chat of config/directory.example.yaml. */
export const officeChat = 'oc_0a1b2c3d4e5f60718293a4b5c6d7e8f9';

/** A group chat where people @督办助手. */
export const groupChat = 'oc_test_group';

export interface SayOptions {
  /** In a group (@督办助手) instead of the private chat. */
  inGroup?: boolean;
  /** Other people mentioned before the text (after the bot's own mention in a group). */
  mentions?: Array<{ openId: string; name: string }>;
}

/**
 * Types `text` to the bot and waits until every answer it queued has been sent. Returns the
 * messages the bot sent in that chat (and to the person privately) in answer, oldest first.
 */
export async function say(
  bot: TestBot,
  person: Person,
  text: string,
  options: SayOptions = {},
): Promise<FakeMessage[]> {
  const before = new Set(bot.fake.allMessages().map((m) => m.messageId));
  const chatId = options.inGroup ? groupChat : privateChatId(person);
  const event = buildMessageEvent({
    sender: person,
    text,
    chatType: options.inGroup ? 'group' : 'p2p',
    chatId,
    mentions: options.mentions,
  });
  const response = await bot.postEvent(event);
  if (response.status !== 200) throw new Error(`delivery answered ${response.status}`);
  await bot.waitForOutbox();

  const openId = typeof person === 'string' ? person : person.openId;
  return bot.fake
    .allMessages()
    .filter((m) => !before.has(m.messageId))
    .filter((m) => m.chatId === chatId || m.receiver.id === openId || m.receiver.id === chatId);
}

/** What a message shows: its text, its card's text, or 「[file]」. */
export function shown(message: FakeMessage): string {
  if (message.msgType === 'text') return (message.content as { text: string }).text;
  if (message.msgType === 'file') return '[file]';

  return cardText(message.content as Card);
}

/** The single answer's text, failing when there is not exactly one. */
export function onlyText(messages: FakeMessage[]): string {
  if (messages.length !== 1) {
    throw new Error(
      `expected one answer, got ${messages.length}: ${messages.map(shown).join(' | ')}`,
    );
  }

  return shown(messages[0]!);
}

/** The card of a message (throws for a text). */
export function cardIn(message: FakeMessage | undefined): Card {
  if (!message || message.msgType !== 'interactive') throw new Error('not a card');

  return message.content as Card;
}
