import type { Logger } from '../logging/logger.js';
import type { FeishuClient } from './client.js';

/** After a failed look-up, ask Feishu again no sooner than this (ms). */
const retryAfterMs = 60_000;

/**
 * The bot's own open_id (GET /open-apis/bot/v3/info), fetched on first need and kept for the
 * life of the process. While unknown, group messages count when they mention anyone.
 */
export class BotIdentity {
  private openId?: string;
  private failedAtMs = 0;
  private pending?: Promise<string | undefined>;

  constructor(
    private readonly client: FeishuClient,
    private readonly logger: Logger,
  ) {}

  /** The bot's open_id, or undefined while Feishu cannot be asked. */
  async current(): Promise<string | undefined> {
    if (this.openId) return this.openId;
    if (Date.now() - this.failedAtMs < retryAfterMs) return undefined;
    this.pending ??= this.fetch().finally(() => (this.pending = undefined));

    return this.pending;
  }

  private async fetch(): Promise<string | undefined> {
    try {
      this.openId = (await this.client.botInfo()).openId;
      return this.openId;
    } catch (error) {
      this.failedAtMs = Date.now();
      this.logger.warn({ err: (error as Error).message }, 'bot identity unavailable');
      return undefined;
    }
  }
}
