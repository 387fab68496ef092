import { createHash } from 'node:crypto';
import * as lark from '@larksuiteoapi/node-sdk';
import type { Card } from '../../cards/card.js';
import type { UrgentKind } from '../domain/policy.js';
import type { Logger } from '../logging/logger.js';
import { errorForAnswer, FeishuPermanentError, toFeishuError } from './errors.js';
import type { Receiver } from './outbound.js';
import { httpWithTimeout, sdkLogger } from './sdk-support.js';

export interface FeishuClientOptions {
  appId: string;
  appSecret: string;
  /** Open API base URL without a trailing slash: Feishu, Lark or a local fake. */
  baseUrl: string;
  logger: Logger;
  /** Longest wait for one Open API answer, in ms. Default 10 000. */
  timeoutMs?: number;
}

/** The body every Open API call answers with; HTTP 200 with `code != 0` is still a failure. */
interface Answer<T> {
  code?: number;
  msg?: string;
  data?: T;
}

/** Feishu accepts a `uuid` of at most 50 characters. */
const maxUuidLength = 50;

/**
 * The uuid sent to Feishu: the caller's own when it fits, else a stable hash of it, so a long
 * derived key still deduplicates.
 */
export function feishuUuid(uuid: string): string {
  if (uuid.length <= maxUuidLength) return uuid;

  return `h${createHash('sha256').update(uuid).digest('hex').slice(0, 40)}`;
}

/**
 * The one wrapper around `@larksuiteoapi/node-sdk`. Each instance has its own token cache (the
 * SDK's default is process-wide, FEISHU.md). Every method checks `code` and throws a
 * FeishuError whose class says whether to retry (src/feishu/errors.ts).
 */
export class FeishuClient {
  private readonly sdk: lark.Client;

  constructor(private readonly options: FeishuClientOptions) {
    this.sdk = new lark.Client({
      appId: options.appId,
      appSecret: options.appSecret,
      domain: options.baseUrl,
      cache: new lark.DefaultCache(),
      httpInstance: httpWithTimeout(options.timeoutMs ?? 10_000),
      logger: sdkLogger(options.logger),
      loggerLevel: lark.LoggerLevel.warn,
    });
  }

  /** Sends a card (Card JSON 2.0) to a person or chat. The same uuid within an hour sends once. */
  async sendCard(to: Receiver, card: Card, uuid: string): Promise<{ messageId: string }> {
    return this.createMessage(to, 'interactive', JSON.stringify(card), uuid);
  }

  /** Sends plain text. */
  async sendText(to: Receiver, text: string, uuid: string): Promise<{ messageId: string }> {
    return this.createMessage(to, 'text', JSON.stringify({ text }), uuid);
  }

  /** Sends a file uploaded with `uploadFile`. */
  async sendFile(to: Receiver, fileKey: string, uuid: string): Promise<{ messageId: string }> {
    return this.createMessage(to, 'file', JSON.stringify({ file_key: fileKey }), uuid);
  }

  /** Replies to a message with a card. */
  async reply(messageId: string, card: Card, uuid: string): Promise<{ messageId: string }> {
    const data = await this.call('reply', () =>
      this.sdk.im.message.reply({
        path: { message_id: messageId },
        data: { msg_type: 'interactive', content: JSON.stringify(card), uuid: feishuUuid(uuid) },
      }),
    );

    return { messageId: requireField(data?.message_id, 'message_id') };
  }

  /** Replaces a sent card for everyone who holds it (shared cards, within 14 days). */
  async patch(messageId: string, card: Card): Promise<void> {
    await this.call('patch', () =>
      this.sdk.im.message.patch({
        path: { message_id: messageId },
        data: { content: JSON.stringify(card) },
      }),
    );
  }

  /** Updates the card a person clicked, after the click was answered (token: 30 min, twice). */
  async delayedUpdate(token: string, card: Card): Promise<void> {
    await this.call('delayedUpdate', () =>
      this.sdk.request<Answer<unknown>>({
        method: 'POST',
        url: '/open-apis/interactive/v1/card/update',
        data: { token, card },
      }),
    );
  }

  /** Urgent push (加急) of a message the bot sent; answers the open_ids Feishu refused. */
  async urgent(
    messageId: string,
    kind: UrgentKind,
    openIds: string[],
  ): Promise<{ invalidOpenIds: string[] }> {
    const payload = {
      path: { message_id: messageId },
      params: { user_id_type: 'open_id' as const },
      data: { user_id_list: openIds },
    };
    const message = this.sdk.im.message;
    const push = { app: message.urgentApp, sms: message.urgentSms, phone: message.urgentPhone }[
      kind
    ];
    const data = await this.call(`urgent_${kind}`, () => push(payload));

    return { invalidOpenIds: data?.invalid_user_id_list ?? [] };
  }

  /**
   * Uploads a file for a file message; `fileType` is Feishu's (`xls`, `pdf`, `stream`, …).
   * Goes through `request` because the SDK's own method drops the answer's `code`.
   */
  async uploadFile(
    fileName: string,
    fileType: string,
    content: Buffer,
  ): Promise<{ fileKey: string }> {
    const form = new FormData();
    form.append('file_type', fileType);
    form.append('file_name', fileName);
    form.append('file', new Blob([content]), fileName);
    const data = await this.call('uploadFile', () =>
      this.sdk.request<Answer<{ file_key?: string }>>({
        method: 'POST',
        url: '/open-apis/im/v1/files',
        // `request` copies `data` into a plain object; hand axios the form itself instead.
        transformRequest: [() => form],
      }),
    );

    return { fileKey: requireField(data?.file_key, 'file_key') };
  }

  /** The bot's own identity; its open_id is how the bot recognises mentions of itself. */
  async botInfo(): Promise<{ openId: string; name: string }> {
    type BotAnswer = Answer<never> & { bot?: { open_id?: string; app_name?: string } };
    const { bot } = await this.answer('botInfo', () =>
      this.sdk.request<BotAnswer>({ method: 'GET', url: '/open-apis/bot/v3/info' }),
    );

    return { openId: requireField(bot?.open_id, 'bot.open_id'), name: bot?.app_name ?? '' };
  }

  private async createMessage(
    to: Receiver,
    msgType: string,
    content: string,
    uuid: string,
  ): Promise<{ messageId: string }> {
    const data = await this.call('send', () =>
      this.sdk.im.message.create({
        params: { receive_id_type: to.type },
        data: { receive_id: to.id, msg_type: msgType, content, uuid: feishuUuid(uuid) },
      }),
    );

    return { messageId: requireField(data?.message_id, 'message_id') };
  }

  /** Runs one call and answers its `data`. */
  private async call<T>(operation: string, run: () => Promise<Answer<T>>): Promise<T | undefined> {
    return (await this.answer(operation, run)).data;
  }

  /** Runs one call; a thrown error or a `code != 0` answer becomes a FeishuError. */
  private async answer<A extends Answer<unknown>>(
    operation: string,
    run: () => Promise<A>,
  ): Promise<A> {
    let answer: A;
    try {
      answer = await run();
    } catch (error) {
      throw toFeishuError(error);
    }

    if (answer?.code !== 0) {
      throw errorForAnswer(200, answer?.code, answer?.msg ?? `${operation} failed`);
    }
    this.options.logger.debug({ operation }, 'feishu call succeeded');
    return answer;
  }
}

function requireField(value: string | undefined, name: string): string {
  if (!value) throw new FeishuPermanentError(`feishu answer without ${name}`, 'malformed');

  return value;
}
