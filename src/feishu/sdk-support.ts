import * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from '../logging/logger.js';

/**
 * The SDK's logger, routed to pino. The SDK logs whole axios errors, whose request config holds
 * the app secret (token fetch) or the tenant token: only strings and error messages pass, at
 * debug, since every failure that matters is reported by our own code with its context.
 */
export function sdkLogger(logger: Logger): lark.Logger {
  const write =
    (level: 'debug' | 'trace') =>
    (...parts: unknown[]): void => {
      const text = parts.flat().map(describe).filter(Boolean).join(' ');
      if (text) logger[level]({ source: 'feishu-sdk' }, text);
    };

  return {
    error: write('debug'),
    warn: write('debug'),
    info: write('trace'),
    debug: write('trace'),
    trace: write('trace'),
  };
}

function describe(part: unknown): string {
  if (typeof part === 'string') return part;
  if (part instanceof Error) return part.message;

  return '';
}

/**
 * The SDK's HTTP instance with a timeout on every request: the default has none, and a call
 * that never answers would hold an outbox job until its lock expires.
 */
export function httpWithTimeout(timeoutMs: number): lark.HttpInstance {
  const base = lark.defaultHttpInstance;
  const withTimeout = <T>(options?: T): T => ({ timeout: timeoutMs, ...(options ?? {}) }) as T;

  return {
    request: (options) => base.request(withTimeout(options)),
    get: (url, options) => base.get(url, withTimeout(options)),
    delete: (url, options) => base.delete(url, withTimeout(options)),
    head: (url, options) => base.head(url, withTimeout(options)),
    options: (url, options) => base.options(url, withTimeout(options)),
    post: (url, data, options) => base.post(url, data, withTimeout(options)),
    put: (url, data, options) => base.put(url, data, withTimeout(options)),
    patch: (url, data, options) => base.patch(url, data, withTimeout(options)),
  } as lark.HttpInstance;
}
