import { describe, expect, it } from 'vitest';
import {
  errorForAnswer,
  FeishuPermanentError,
  FeishuRateLimitError,
  FeishuRetryableError,
  toFeishuError,
} from '../../../src/feishu/errors.js';

describe('what a failed Open API answer means for the job', () => {
  it.each([
    ['429 with a reset of 3 s', 429, undefined, '3', FeishuRateLimitError, 3_000],
    ['99991400 in a 400 answer', 400, 99991400, undefined, FeishuRateLimitError, 1_000],
    ['230020 frequency limit', 400, 230020, undefined, FeishuRetryableError, 1_000],
    ['a 502', 502, undefined, undefined, FeishuRetryableError, undefined],
    ['230002 bot not in chat', 400, 230002, undefined, FeishuPermanentError, undefined],
    ['230013 outside availability', 200, 230013, undefined, FeishuPermanentError, undefined],
    ['another 4xx', 400, 99992402, undefined, FeishuPermanentError, undefined],
  ])('%s', (_label, status, code, reset, kind, retryAfterMs) => {
    const error = errorForAnswer(status, code, 'msg', reset);

    expect(error).toBeInstanceOf(kind);
    expect(error.code).toBe(code ?? (status === 429 ? 429 : `http_${status}`));
    expect((error as FeishuRetryableError).retryAfterMs).toBe(retryAfterMs);
  });

  it.each([
    ['a timeout', { code: 'ECONNABORTED', message: 'timeout of 10ms exceeded' }, 'timeout'],
    ['a refused connection', { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, 'network'],
    ['a failed token fetch', new Error('failed to get tenant_access_token, code: 1'), 'token'],
  ])('retries %s', (_label, thrown, code) => {
    const error = toFeishuError(thrown);

    expect(error).toBeInstanceOf(FeishuRetryableError);
    expect(error.code).toBe(code);
  });

  it('reads status, code and reset header from an HTTP error', () => {
    const thrown = {
      message: 'Request failed with status code 429',
      response: {
        status: 429,
        data: { code: 99991400, msg: 'limited' },
        headers: { 'x-ogw-ratelimit-reset': '2' },
      },
    };
    const error = toFeishuError(thrown) as FeishuRateLimitError;

    expect(error).toBeInstanceOf(FeishuRateLimitError);
    expect([error.code, error.status, error.retryAfterMs]).toEqual([99991400, 429, 2_000]);
  });
});
