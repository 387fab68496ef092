import type * as lark from '@larksuiteoapi/node-sdk';
import type { Router } from 'express';
import type { RuntimeContext } from '../runtime.js';
import { BotIdentity } from './bot-identity.js';
import { EventDeduplicator } from './dedup.js';
import { createEventDispatcher } from './event-dispatcher.js';
import { createFeishuRouter } from './events.routes.js';
import { startLongConnection, type LongConnection } from './long-connection.js';

export interface FeishuEdgeOptions {
  /** How long a handler may run before Feishu is answered without it, in ms. Default 2 500. */
  answerWithinMs?: number;
}

/** The web role's Feishu side: one dispatcher, reached by HTTP routes or the long connection. */
export interface FeishuEdge {
  dispatcher: lark.EventDispatcher;
  /** POST /events and POST /card, mounted at /feishu in webhook mode. */
  router?: Router;
  stop(): void;
}

/**
 * Builds the dispatcher over the registered handlers and, by FEISHU_EVENT_MODE, either the
 * webhook routes or the long connection.
 */
export function startFeishuEdge(
  context: RuntimeContext,
  options: FeishuEdgeOptions = {},
): FeishuEdge {
  const { env, logger } = context;
  const dispatcher = createEventDispatcher({
    handlers: context.handlers,
    dedup: new EventDeduplicator(context.fastRedis, env.QUEUE_PREFIX, logger, context.clock),
    bot: new BotIdentity(context.feishu, logger),
    outbox: context.outbox,
    logger,
    answerWithinMs: options.answerWithinMs,
  });

  if (env.FEISHU_EVENT_MODE === 'ws') {
    const connection: LongConnection = startLongConnection({
      appId: env.FEISHU_APP_ID,
      appSecret: env.FEISHU_APP_SECRET,
      baseUrl: env.FEISHU_BASE_URL,
      dispatcher,
      logger,
    });
    return { dispatcher, stop: () => connection.stop() };
  }

  const router = createFeishuRouter({
    dispatcher,
    clock: context.clock,
    settings: {
      encryptKey: env.FEISHU_ENCRYPT_KEY,
      verificationToken: env.FEISHU_VERIFICATION_TOKEN,
    },
  });
  return { dispatcher, router, stop: () => undefined };
}
