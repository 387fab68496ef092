import type { ActionValue } from '../../cards/card.js';

/**
 * Events as the SDK's dispatcher hands them over: schema 2.0 flattened into
 * `{...header, ...event}` (FEISHU.md). In `card.action.trigger` the flattened `token` is the
 * card-update token, not the verification token. The SDK's typings have no entry for it.
 */
interface FlatHeader {
  event_id: string;
  event_type: string;
  create_time?: string;
}

export interface FlatMessageEvent extends FlatHeader {
  sender?: { sender_id?: { open_id?: string }; sender_type?: string };
  message?: {
    message_id?: string;
    chat_id?: string;
    chat_type?: string;
    message_type?: string;
    content?: string;
    mentions?: Array<{ key?: string; id?: { open_id?: string }; name?: string }>;
  };
}

export interface FlatCardAction extends FlatHeader {
  token?: string;
  operator?: { open_id?: string };
  action?: {
    value?: unknown;
    tag?: string;
    name?: string;
    form_value?: Record<string, unknown>;
    option?: string;
  };
  context?: { open_message_id?: string; open_chat_id?: string };
}

/**
 * `im.chat.member.bot.added_v1` / `…deleted_v1`: the chat, who added or removed the bot, the
 * chat's name at that moment, and whether the chat is external (other tenants in it).
 */
export interface FlatChatMembership extends FlatHeader {
  chat_id?: string;
  operator_id?: { open_id?: string; user_id?: string; union_id?: string };
  name?: string;
  external?: boolean;
}

/** A text message worth handing to the command handler, or null for one to ignore. */
export interface ParsedMessage {
  messageId: string;
  senderOpenId: string;
  chatId: string;
  chatType: 'p2p' | 'group';
  text: string;
}

/**
 * A person's text message, mentions resolved: those it starts with and the bot's own removed,
 * other people's inside the text shown as `@name`. Group messages count only when they mention
 * the bot (`botOpenId`; when unknown, any mention, since Feishu delivers only @bot group
 * messages to this app). Messages from bots and non-text messages are ignored.
 */
export function parseMessage(data: FlatMessageEvent, botOpenId?: string): ParsedMessage | null {
  const { message, sender } = data;
  const senderOpenId = sender?.sender_id?.open_id;
  if (!message?.message_id || !message.chat_id || !senderOpenId) return null;
  if (sender?.sender_type === 'app' || message.message_type !== 'text') return null;

  const chatType = message.chat_type === 'p2p' ? 'p2p' : 'group';
  const mentions = message.mentions ?? [];
  const isBot = (openId?: string) => (botOpenId ? openId === botOpenId : true);
  if (chatType === 'group' && !mentions.some((m) => isBot(m.id?.open_id))) return null;

  const text = resolveMentions(readText(message.content), mentions, isBot);

  return {
    messageId: message.message_id,
    senderOpenId,
    chatId: message.chat_id,
    chatType,
    // Runs of spaces become one; line breaks stay, so a 督办 line's 内容 keeps its paragraphs.
    text: tidySpaces(text),
  };
}

/** One space for any run of spaces in a line, lines trimmed, at most one blank line between. */
function tidySpaces(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

type Mention = NonNullable<NonNullable<FlatMessageEvent['message']>['mentions']>[number];

/**
 * Mentions by their keys (`@_user_1`), never by the names shown: a name may hold a space
 * (@Zhang San). Those the message starts with only address it (the bot, a colleague) and go;
 * the bot's elsewhere goes too; anyone else's inside the text stays as `@name`. A longer key
 * is replaced first, so `@_user_1` never eats the start of `@_user_12`.
 */
function resolveMentions(
  text: string,
  mentions: Mention[],
  isBot: (openId?: string) => boolean,
): string {
  const keyed = mentions
    .filter((m): m is Mention & { key: string } => Boolean(m.key))
    .sort((a, b) => b.key.length - a.key.length);
  let rest = text.trimStart();
  for (let lead = leadingKey(rest, keyed); lead; lead = leadingKey(rest, keyed)) {
    rest = rest.slice(lead.length).trimStart();
  }
  for (const mention of keyed) {
    const shown = isBot(mention.id?.open_id) ? '' : `@${mention.name ?? ''}`;
    rest = rest.split(mention.key).join(shown);
  }

  return rest;
}

/** The key the text starts with, as a whole key (`@_user_1` is not the start of `@_user_12`). */
function leadingKey(text: string, keyed: Array<{ key: string }>): string | undefined {
  return keyed.find((m) => text.startsWith(m.key) && !/^\w/.test(text.slice(m.key.length)))?.key;
}

function readText(content: string | undefined): string {
  try {
    const parsed = JSON.parse(content ?? '') as { text?: unknown };
    return typeof parsed.text === 'string' ? parsed.text : '';
  } catch {
    return '';
  }
}

/** The button value, when it is ours: an object naming its action in `a`. */
export function actionValueOf(data: FlatCardAction): ActionValue | null {
  const value = data.action?.value;
  if (typeof value !== 'object' || value === null) return null;
  const a = (value as { a?: unknown }).a;

  return typeof a === 'string' && a ? (value as ActionValue) : null;
}
