/**
 * What Feishu would post to the bot when a sandbox user clicks or types: schema 2.0
 * `card.action.trigger` and `im.message.receive_v1` envelopes (FEISHU.md "Events and
 * callbacks"), encrypted and signed with the sandbox's keys, posted to POST /feishu/events.
 */
import { randomBytes } from 'node:crypto';
import { signedRequest } from '../feishu/sign-delivery.js';
import type { EventEnvelope } from '../feishu/verify-delivery.js';
import type { SandboxCredentials } from './sandbox-env.js';

/** The sandbox's tenant: every person belongs to it. */
const tenantKey = 'sandbox_tenant';

function envelope(
  appId: string,
  eventType: string,
  event: Record<string, unknown>,
  now: Date,
): EventEnvelope {
  return {
    schema: '2.0',
    header: {
      event_id: `ev_${randomBytes(16).toString('hex')}`,
      event_type: eventType,
      create_time: String(now.getTime()),
      app_id: appId,
      tenant_key: tenantKey,
    },
    event,
  };
}

/** A click or form submission on a card the bot sent. */
export interface ClickInput {
  operatorOpenId: string;
  /** The card-update token Feishu gives the click (the fake maps it to the message). */
  token: string;
  /** The button's `behaviors[0].value`. */
  value: unknown;
  /** The clicked component's name (a form's submit button). */
  name?: string;
  /** A form's fields by name. */
  formValue?: Record<string, unknown>;
  messageId: string;
  chatId: string;
}

export function clickEnvelope(appId: string, input: ClickInput, now: Date): EventEnvelope {
  const operator = { tenant_key: tenantKey, open_id: input.operatorOpenId, union_id: '' };
  const action = {
    tag: 'button',
    value: input.value,
    ...(input.name ? { name: input.name } : {}),
    ...(input.formValue ? { form_value: input.formValue } : {}),
  };
  const context = { open_message_id: input.messageId, open_chat_id: input.chatId };

  return envelope(
    appId,
    'card.action.trigger',
    { operator, token: input.token, action, host: 'im_message', context },
    now,
  );
}

/** A text a person typed; in a group it @mentions the bot first, as Feishu requires. */
export interface TypedMessage {
  messageId: string;
  senderOpenId: string;
  chatId: string;
  chatType: 'p2p' | 'group';
  text: string;
  bot: { openId: string; name: string };
}

export function messageEnvelope(appId: string, input: TypedMessage, now: Date): EventEnvelope {
  const mentions =
    input.chatType === 'group'
      ? [{ key: '@_user_1', id: { open_id: input.bot.openId }, name: input.bot.name }]
      : [];
  const text = [...mentions.map((m) => m.key), input.text].join(' ');
  const sender = {
    sender_id: { open_id: input.senderOpenId, union_id: '', user_id: '' },
    sender_type: 'user',
    tenant_key: tenantKey,
  };
  const message = {
    message_id: input.messageId,
    create_time: String(now.getTime()),
    chat_id: input.chatId,
    chat_type: input.chatType,
    message_type: 'text',
    content: JSON.stringify({ text }),
    ...(mentions.length > 0 ? { mentions } : {}),
  };

  return envelope(appId, 'im.message.receive_v1', { sender, message }, now);
}

/** The bot's answer to a delivery: HTTP status and the JSON body (a toast, a card, or {}). */
export interface DeliveryAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** Encrypts, signs (timed by `now`, the sandbox's clock) and posts the envelope. */
export async function postDelivery(
  eventsUrl: string,
  credentials: SandboxCredentials,
  delivery: EventEnvelope,
  now: Date,
): Promise<DeliveryAnswer> {
  const { headers, body } = signedRequest(delivery, {
    encryptKey: credentials.encryptKey,
    verificationToken: credentials.verificationToken,
    now,
  });
  const response = await fetch(eventsUrl, { method: 'POST', headers, body });
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;

  return { status: response.status, body: answer };
}
