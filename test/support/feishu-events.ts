/**
 * Feishu deliveries as Feishu sends them, for tests and benchmarks: schema 2.0 envelopes for
 * messages, card clicks and chat membership, and `signedRequest` to encrypt and sign one
 * (FEISHU.md "Events and callbacks"). Every builder gives a fresh event_id and the current
 * create_time unless told otherwise.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ActionValue } from '../../cards/card.js';
import { encryptEvent, legacyCardSignature } from '../../src/feishu/event-crypto.js';
import type { SignedRequest } from '../../src/feishu/sign-delivery.js';
import type { EventEnvelope } from '../../src/feishu/verify-delivery.js';

export {
  signedRequest,
  type SignedRequest,
  type SigningOptions,
} from '../../src/feishu/sign-delivery.js';

export type { EventEnvelope } from '../../src/feishu/verify-delivery.js';

/** The bot's open_id in tests: the test bot's fake Open API answers it from /bot/v3/info. */
export const testBotOpenId = 'ou_b0700000000000000000000000000b07';

/** Someone who acts: an open_id, or anything with one (the fixtures' people). */
export type Person = string | { openId: string; name?: string };

export interface EnvelopeOptions {
  eventId?: string;
  /** Default: now. */
  createTime?: Date;
}

function openIdOf(person: Person): string {
  return typeof person === 'string' ? person : person.openId;
}

function envelope(eventType: string, event: Record<string, unknown>, options: EnvelopeOptions) {
  return {
    schema: '2.0',
    header: {
      event_id: options.eventId ?? `ev_${randomBytes(16).toString('hex')}`,
      event_type: eventType,
      create_time: String((options.createTime ?? new Date()).getTime()),
      app_id: 'cli_a1b2c3d4e5f60718',
      tenant_key: 'tenant_test',
    },
    event,
  } satisfies EventEnvelope;
}

/** A person's private chat with the bot: a chat id of its own. */
export function privateChatId(person: Person): string {
  return `oc_${createHash('sha256').update(openIdOf(person)).digest('hex').slice(0, 32)}`;
}

export interface MessageEventOptions extends EnvelopeOptions {
  sender: Person;
  /** What the person typed, without the mentions. */
  text: string;
  /** Default `p2p`. */
  chatType?: 'p2p' | 'group';
  /** Default: the sender's private chat, or `oc_test_group` in a group. */
  chatId?: string;
  /**
   * People mentioned, written before the text as `@_user_1 @_user_2 …` the way Feishu keys
   * them. In a group the bot is mentioned first unless `mentionBot` is false.
   */
  mentions?: Array<{ openId: string; name: string }>;
  mentionBot?: boolean;
  messageId?: string;
}

/** `im.message.receive_v1`: a text message to the bot. */
export function buildMessageEvent(options: MessageEventOptions): EventEnvelope {
  const chatType = options.chatType ?? 'p2p';
  const bot = { openId: testBotOpenId, name: '督办助手' };
  const mentionBot = options.mentionBot ?? chatType === 'group';
  const people = [...(mentionBot ? [bot] : []), ...(options.mentions ?? [])];
  const mentions = people.map((p, i) => ({
    key: `@_user_${i + 1}`,
    id: { open_id: p.openId, union_id: `on_${p.openId.slice(3)}`, user_id: '' },
    name: p.name,
    tenant_key: 'tenant_test',
  }));
  const text = [...mentions.map((m) => m.key), options.text].join(' ');
  const defaultChat = chatType === 'p2p' ? privateChatId(options.sender) : 'oc_test_group';

  return envelope(
    'im.message.receive_v1',
    {
      sender: {
        sender_id: { open_id: openIdOf(options.sender), union_id: '', user_id: '' },
        sender_type: 'user',
        tenant_key: 'tenant_test',
      },
      message: {
        message_id: options.messageId ?? `om_${randomBytes(16).toString('hex')}`,
        create_time: String(Date.now()),
        chat_id: options.chatId ?? defaultChat,
        chat_type: chatType,
        message_type: 'text',
        content: JSON.stringify({ text }),
        mentions: mentions.length > 0 ? mentions : undefined,
      },
    },
    options,
  );
}

export interface CardActionEventOptions extends EnvelopeOptions {
  operator: Person;
  value: ActionValue;
  /** A form's fields by name (a submit button's click). */
  formValue?: Record<string, unknown>;
  /** The clicked component's name. */
  name?: string;
  option?: string;
  messageId?: string;
  chatId?: string;
  /** The card-update token of the click. Default: a fresh `c-…`. */
  token?: string;
}

/** `card.action.trigger`: a click or a form submission on a card. */
export function buildCardActionEvent(options: CardActionEventOptions): EventEnvelope {
  const openId = openIdOf(options.operator);

  return envelope(
    'card.action.trigger',
    {
      operator: { tenant_key: 'tenant_test', open_id: openId, union_id: '', user_id: '' },
      token: options.token ?? `c-${randomBytes(16).toString('hex')}`,
      action: {
        tag: 'button',
        value: options.value,
        name: options.name,
        form_value: options.formValue,
        option: options.option,
      },
      host: 'im_message',
      context: {
        open_message_id: options.messageId ?? `om_${randomBytes(16).toString('hex')}`,
        open_chat_id: options.chatId ?? privateChatId(openId),
      },
    },
    options,
  );
}

export interface BotMembershipOptions extends EnvelopeOptions {
  chatId: string;
  operator?: Person;
  /** The bot was removed instead of added. */
  removed?: boolean;
  /** The chat's name. Default 测试群. */
  name?: string;
}

/** `im.chat.member.bot.added_v1` (or `…deleted_v1`). */
export function buildBotAddedEvent(options: BotMembershipOptions): EventEnvelope {
  const type = options.removed ? 'deleted' : 'added';

  return envelope(
    `im.chat.member.bot.${type}_v1`,
    {
      chat_id: options.chatId,
      operator_id: { open_id: options.operator ? openIdOf(options.operator) : undefined },
      external: false,
      operator_tenant_key: 'tenant_test',
      name: options.name ?? '测试群',
      i18n_names: { zh_cn: options.name ?? '测试群' },
    },
    options,
  );
}

/** The older card callback's body (消息卡片回传交互（旧）), for POST /feishu/card. */
export function buildLegacyCardCallback(options: {
  operator: Person;
  value: ActionValue;
  formValue?: Record<string, unknown>;
  messageId?: string;
  chatId?: string;
  token?: string;
}): Record<string, unknown> {
  return {
    open_id: openIdOf(options.operator),
    user_id: '',
    open_message_id: options.messageId ?? `om_${randomBytes(16).toString('hex')}`,
    open_chat_id: options.chatId ?? privateChatId(options.operator),
    tenant_key: 'tenant_test',
    token: options.token ?? `c-${randomBytes(16).toString('hex')}`,
    action: { tag: 'button', value: options.value, form_value: options.formValue },
  };
}

/**
 * Signs an older card callback: sha1 over timestamp, nonce, verification token and body. With
 * `encryptKey` the body is first encrypted as `{"encrypt": …}` and the sha1 is over that, as
 * the Go SDK's card handler checks it.
 */
export function signedLegacyCardRequest(
  body: Record<string, unknown>,
  options: { verificationToken: string; now?: Date; encryptKey?: string },
): SignedRequest {
  const plain = JSON.stringify(body);
  const text = options.encryptKey
    ? JSON.stringify({ encrypt: encryptEvent(plain, options.encryptKey) })
    : plain;
  const timestamp = String(Math.floor((options.now ?? new Date()).getTime() / 1000));
  const nonce = randomBytes(8).toString('hex');

  return {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-lark-request-timestamp': timestamp,
      'x-lark-request-nonce': nonce,
      'x-lark-signature': legacyCardSignature(timestamp, nonce, options.verificationToken, text),
    },
    body: text,
  };
}
