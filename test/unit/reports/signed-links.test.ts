import { describe, expect, it } from 'vitest';
import { redactUrlSecrets } from '../../../src/http/admin-auth.js';
import {
  createReportLinks,
  noticeLinkTtlDays,
  noticePath,
  scorePath,
} from '../../../src/reports/signed-links.js';
import { at } from '../../support/fixtures.js';

const env = {
  ADMIN_TOKEN: 'test-admin-token-0123456789',
  PUBLIC_BASE_URL: 'https://duban.example.cn',
  PORT: 3000,
};
const links = createReportLinks(env);
const now = at('2025-05-21 10:00');

function parts(url: string) {
  const parsed = new URL(url);

  return {
    path: parsed.pathname,
    exp: parsed.searchParams.get('exp') ?? undefined,
    sig: parsed.searchParams.get('sig') ?? undefined,
  };
}

describe('signed report links', () => {
  it('point at the public base URL and are accepted until they expire', () => {
    const url = links.printableNoticeUrl('2025-12', now);
    const { path, exp, sig } = parts(url);
    const lastMoment = new Date(now.getTime() + noticeLinkTtlDays * 86_400_000 - 1000);

    expect(url.startsWith('https://duban.example.cn/print/notice/2025-12?exp=')).toBe(true);
    expect(path).toBe(noticePath('2025-12'));
    expect(links.verify(path, exp, sig, now)).toBe('valid');
    expect(links.verify(path, exp, sig, lastMoment)).toBe('valid');
    expect(links.verify(path, exp, sig, new Date(lastMoment.getTime() + 1000))).toBe('expired');
  });

  it.each([
    [
      'another assignment',
      (p: ReturnType<typeof parts>) => ({ ...p, path: noticePath('2025-13') }),
    ],
    [
      'a later expiry',
      (p: ReturnType<typeof parts>) => ({ ...p, exp: String(Number(p.exp) + 86_400) }),
    ],
    [
      'a changed signature',
      (p: ReturnType<typeof parts>) => ({ ...p, sig: `${p.sig?.slice(0, -2)}xx` }),
    ],
    ['no signature', (p: ReturnType<typeof parts>) => ({ ...p, sig: undefined })],
    ['no expiry', (p: ReturnType<typeof parts>) => ({ ...p, exp: undefined })],
    ['an expiry that is not a number', (p: ReturnType<typeof parts>) => ({ ...p, exp: '1e12' })],
  ])('refuses a link with %s as invalid', (_case, tamper) => {
    const { path, exp, sig } = tamper(parts(links.printableNoticeUrl('2025-12', now)));

    expect(links.verify(path, exp, sig, now)).toBe('invalid');
  });

  it('refuses a link signed under another ADMIN_TOKEN', () => {
    const other = createReportLinks({ ...env, ADMIN_TOKEN: 'another-admin-token-987654' });
    const { path, exp, sig } = parts(other.scoreReportUrl('chengtou', 2025, now));

    expect(links.verify(path, exp, sig, now)).toBe('invalid');
    expect(path).toBe(scorePath('chengtou', 2025));
  });

  it('falls back to http://localhost:PORT without PUBLIC_BASE_URL', () => {
    const local = createReportLinks({ ADMIN_TOKEN: env.ADMIN_TOKEN, PORT: 8080 });

    expect(local.scoreReportUrl('wenlv', 2025, now)).toMatch(
      /^http:\/\/localhost:8080\/reports\/score\/wenlv\/2025\?exp=\d+&sig=/,
    );
  });
});

describe('redactUrlSecrets', () => {
  it.each([
    ['/admin/?token=abc', '/admin/?token=[redacted]'],
    [
      '/admin/reports/statistics.xlsx?period=2025&token=abc',
      '/admin/reports/statistics.xlsx?period=2025&token=[redacted]',
    ],
    ['/print/notice/2025-1?exp=1&sig=abc-_', '/print/notice/2025-1?exp=1&sig=[redacted]'],
    ['/healthz', '/healthz'],
  ])('masks credentials in %s', (url, shown) => {
    expect(redactUrlSecrets(url)).toBe(shown);
  });
});
