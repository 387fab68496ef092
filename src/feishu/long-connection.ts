import * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from '../logging/logger.js';
import { sdkLogger } from './sdk-support.js';

export interface LongConnectionOptions {
  appId: string;
  appSecret: string;
  /** Open API base URL (the long connection's endpoint is found through it). */
  baseUrl: string;
  dispatcher: lark.EventDispatcher;
  logger: Logger;
}

/** A running long connection; `stop` closes it. */
export interface LongConnection {
  stop(): void;
}

/**
 * FEISHU_EVENT_MODE=ws: receives events and card callbacks over the SDK's long connection, for
 * offices without a public URL. The SDK hands each delivery to the same dispatcher the webhook
 * route uses (`invoke(data, {needCheck: false})`: the connection itself is authenticated), and
 * the dispatcher's answer goes back as the callback's answer. The SDK reconnects on its own.
 */
export function startLongConnection(options: LongConnectionOptions): LongConnection {
  const client = new lark.WSClient({
    appId: options.appId,
    appSecret: options.appSecret,
    domain: options.baseUrl,
    logger: sdkLogger(options.logger),
    loggerLevel: lark.LoggerLevel.warn,
    onReady: () => options.logger.info('feishu long connection ready'),
    onReconnected: () => options.logger.info('feishu long connection restored'),
    onError: (error) =>
      options.logger.error({ err: error.message }, 'feishu long connection gave up'),
  });
  client.start({ eventDispatcher: options.dispatcher }).catch((error: unknown) => {
    options.logger.error({ err: (error as Error).message }, 'feishu long connection failed');
  });

  return { stop: () => client.close({ force: true }) };
}
