/**
 * The sandbox's settings and clock control: what it refuses, which settings a developer keeps,
 * and where each clock move leads (Asia/Shanghai, official working days).
 */
import { describe, expect, it } from 'vitest';
import { loadEnv } from '../../../src/config/env.js';
import { createChineseCalendar } from '../../../src/domain/calendar.js';
import {
  browserOrigin,
  isOpenedUp,
  sandboxHost,
  selfOrigin,
} from '../../../src/sandbox/sandbox-address.js';
import { clockTarget, clockText, type ClockMove } from '../../../src/sandbox/sandbox-clock.js';
import {
  generateCredentials,
  sandboxEnvSource,
  sandboxRefusal,
} from '../../../src/sandbox/sandbox-env.js';
import { at } from '../../support/fixtures.js';

const credentials = generateCredentials();
const wiring = { credentials, fakeUrl: 'http://127.0.0.1:45678', queuePrefix: 'sandbox' };

describe('sandboxRefusal', () => {
  it.each([
    ['nothing set', {}, null],
    ['development', { NODE_ENV: 'development' }, null],
    ['its own app id', { FEISHU_APP_ID: credentials.appId }, null],
    ['production', { NODE_ENV: 'production' }, 'NODE_ENV=production'],
    ['another app id', { FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718' }, 'FEISHU_APP_ID is set'],
    ['an empty app id', { FEISHU_APP_ID: '' }, 'FEISHU_APP_ID is set'],
  ])('with %s: %s', (_case, source, refusal) => {
    const answer = sandboxRefusal(source, credentials);

    if (refusal === null) expect(answer).toBeNull();
    else expect(answer).toContain(refusal);
  });
});

describe('sandboxEnvSource', () => {
  it('passes validation with nothing set, wired to the fake with its own credentials', () => {
    const env = loadEnv(sandboxEnvSource({}, wiring));

    expect(env).toMatchObject({
      NODE_ENV: 'development',
      FEISHU_APP_ID: credentials.appId,
      FEISHU_ENCRYPT_KEY: credentials.encryptKey,
      FEISHU_BASE_URL: wiring.fakeUrl,
      FEISHU_EVENT_MODE: 'webhook',
      PORT: 3000,
      QUEUE_PREFIX: 'sandbox',
      APP_ROLE: 'all',
    });
    expect(env.DIRECTORY_FILE).toMatch(/config\/directory\.sandbox\.yaml$/);
    expect(env.POLICY_FILE).toMatch(/config\/policy\.example\.yaml$/);
    expect(credentials.appId).toMatch(/^cli_[0-9a-f]{16}$/);
  });

  it('keeps what a developer set, except the Feishu wiring and the queue prefix', () => {
    const source = {
      PORT: '3456',
      REDIS_URL: 'redis://127.0.0.1:6390',
      LOG_LEVEL: 'debug',
      FEISHU_BASE_URL: 'https://open.feishu.cn',
      FEISHU_EVENT_MODE: 'ws',
      QUEUE_PREFIX: 'dbzs',
    };

    const env = loadEnv(sandboxEnvSource(source, wiring));

    expect(env).toMatchObject({ PORT: 3456, REDIS_URL: source.REDIS_URL, LOG_LEVEL: 'debug' });
    expect(env).toMatchObject({
      FEISHU_BASE_URL: wiring.fakeUrl,
      FEISHU_EVENT_MODE: 'webhook',
      QUEUE_PREFIX: 'sandbox',
    });
  });
});

describe('where the sandbox listens', () => {
  it('keeps to this machine unless SANDBOX_HOST says otherwise', () => {
    expect(sandboxHost({})).toBe('127.0.0.1');
    expect(sandboxHost({ SANDBOX_HOST: '0.0.0.0' })).toBe('0.0.0.0');
    expect(() => sandboxHost({ SANDBOX_HOST: 'http://0.0.0.0/' })).toThrow(
      'SANDBOX_HOST "http://0.0.0.0/" is not an address',
    );
  });

  it.each([
    ['127.0.0.1', false, 'http://localhost:3000', 'http://127.0.0.1:3000'],
    ['localhost', false, 'http://localhost:3000', 'http://localhost:3000'],
    ['0.0.0.0', true, 'http://localhost:3000', 'http://127.0.0.1:3000'],
    ['::', true, 'http://localhost:3000', 'http://127.0.0.1:3000'],
    ['192.168.1.20', true, 'http://192.168.1.20:3000', 'http://192.168.1.20:3000'],
    ['fd00::20', true, 'http://[fd00::20]:3000', 'http://[fd00::20]:3000'],
  ])('on %s: opened up %s, opened at %s, posts its own events to %s', (host, open, page, self) => {
    expect(isOpenedUp(host)).toBe(open);
    expect(browserOrigin(host, 3000)).toBe(page);
    expect(selfOrigin(host, 3000)).toBe(self);
  });
});

describe('clockTarget', () => {
  const calendar = createChineseCalendar({ holidays: [], workdays: [] });
  // Tuesday 2025-09-30 is the last working day before the National Day holiday.
  const now = at('2025-09-30 10:15');
  const hours = { start: '09:00', end: '17:30' };

  it.each<[string, ClockMove, string]>([
    ['an hour', { step: 'hour' }, '2025-09-30 11:15'],
    ['a working day, over the National Day holiday', { step: 'workday' }, '2025-10-09 10:15'],
    ['a date and time', { to: '2025-10-10T09:00' }, '2025-10-10 09:00'],
  ])('moves %s forward', (_case, move, local) => {
    expect(clockTarget(move, now, calendar, hours)).toEqual({ at: at(local) });
  });

  it.each([
    ['before working hours', '2025-09-29 04:24', '2025-09-30 09:00'],
    ['after working hours', '2025-09-29 20:00', '2025-09-30 09:00'],
  ])('moves a working day from %s to the start of the next one', (_case, from, to) => {
    expect(clockTarget({ step: 'workday' }, at(from), calendar, hours)).toEqual({ at: at(to) });
  });

  it.each<[string, ClockMove, string]>([
    ['a time in the past', { to: '2025-09-30T10:00' }, '时间只能向后调整'],
    [
      'a day that does not exist',
      { to: '2025-02-30T09:00' },
      '「2025-02-30T09:00」不是有效的日期时间',
    ],
    [
      'an hour that does not exist',
      { to: '2025-10-10T24:00' },
      '「2025-10-10T24:00」不是有效的日期时间',
    ],
  ])('refuses %s', (_case, move, problem) => {
    expect(clockTarget(move, now, calendar, hours)).toEqual({ problem });
  });

  it.each([
    ['2025-09-30 10:15', '2025-09-30 周二 10:15 · 工作日'],
    ['2025-09-30 17:30', '2025-09-30 周二 17:30 · 工作日 · 非工作时间'],
    ['2025-10-01 09:00', '2025-10-01 周三 09:00 · 休息日'],
  ])('shows %s with its weekday and whether reminders go out then', (local, text) => {
    expect(clockText(at(local), calendar, hours)).toBe(text);
  });
});
