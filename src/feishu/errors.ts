/**
 * What a failed Open API call means for the job that made it. The class decides the job's fate:
 * a retryable error is tried again with backoff, a permanent one is not (FEISHU.md "Limits and
 * errors"). Every error carries Feishu's `code` (or a name for transport failures).
 */
export class FeishuError extends Error {
  override readonly name: string = 'FeishuError';

  constructor(
    message: string,
    /** Feishu's numeric `code`, or `timeout` / `network` / `http_<status>` / `token`. */
    readonly code: number | string,
    /** HTTP status of the answer, when there was one. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Worth trying again: 5xx, timeouts, network failures, frequency limits. */
export class FeishuRetryableError extends FeishuError {
  override readonly name: string = 'FeishuRetryableError';

  constructor(
    message: string,
    code: number | string,
    status?: number,
    /** How long to wait before the next try, when Feishu said so (ms). */
    readonly retryAfterMs?: number,
  ) {
    super(message, code, status);
  }
}

/**
 * The app-wide limit (HTTP 429 / 99991400): every call waits `retryAfterMs`, taken from the
 * `x-ogw-ratelimit-reset` header (seconds).
 */
export class FeishuRateLimitError extends FeishuRetryableError {
  override readonly name: string = 'FeishuRateLimitError';
}

/** Trying again cannot help: bot not in the chat, user outside the app, a bad request. */
export class FeishuPermanentError extends FeishuError {
  override readonly name: string = 'FeishuPermanentError';
}

/** Codes named in FEISHU.md. */
export const feishuCodes = {
  rateLimited: 99991400,
  frequencyLimited: 230020,
  botNotInChat: 230002,
  outsideAvailability: 230013,
} as const;

/** Wait after a per-user or per-chat frequency limit (230020), which gives no reset header. */
const frequencyLimitWaitMs = 1_000;

/** Wait when a 429 comes without a usable reset header. */
const defaultRateLimitWaitMs = 1_000;

/** Feishu's error for an answer that had HTTP status `status`, body code `code`. */
export function errorForAnswer(
  status: number,
  code: number | undefined,
  msg: string,
  resetSeconds?: string,
): FeishuError {
  const message = `feishu ${code ?? status}: ${msg}`;
  if (status === 429 || code === feishuCodes.rateLimited) {
    const seconds = Number(resetSeconds);
    const waitMs =
      Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : defaultRateLimitWaitMs;
    return new FeishuRateLimitError(message, code ?? status, status, waitMs);
  }
  if (code === feishuCodes.frequencyLimited) {
    return new FeishuRetryableError(message, code, status, frequencyLimitWaitMs);
  }
  if (status >= 500) return new FeishuRetryableError(message, code ?? `http_${status}`, status);

  return new FeishuPermanentError(message, code ?? `http_${status}`, status);
}

/** Transport-level failure codes (axios / Node) that mean the call timed out. */
const timeoutCodes = new Set(['ECONNABORTED', 'ETIMEDOUT']);

/**
 * Turns whatever a call threw into a FeishuError: an HTTP answer keeps its status and code, a
 * timeout or connection failure is retryable, a failed token fetch is retryable (the token
 * endpoint has its own hiccups; a wrong secret shows up as repeated failures and a dead letter).
 */
export function toFeishuError(error: unknown): FeishuError {
  if (error instanceof FeishuError) return error;
  const shaped = error as {
    message?: string;
    code?: string;
    response?: { status: number; data?: unknown; headers?: Record<string, unknown> };
  };
  const message = shaped?.message ?? String(error);

  if (shaped?.response) {
    const { status, data, headers } = shaped.response;
    const body = (typeof data === 'object' && data !== null ? data : {}) as {
      code?: number;
      msg?: string;
    };
    const reset = headers?.['x-ogw-ratelimit-reset'];
    return errorForAnswer(status, body.code, body.msg ?? message, reset as string | undefined);
  }
  if (shaped?.code && timeoutCodes.has(shaped.code)) {
    return new FeishuRetryableError(`feishu timeout: ${message}`, 'timeout');
  }
  if (/failed to get tenant_access_token/.test(message)) {
    return new FeishuRetryableError(message, 'token');
  }

  return new FeishuRetryableError(`feishu unreachable: ${message}`, 'network');
}
