/**
 * Signed, expiring links to pages outside the chat: the printable 督办通知单 and an
 * enterprise's score report. The link itself is the permission, so it carries an expiry and an
 * HMAC-SHA256 over (path, expiry) under a key derived from ADMIN_TOKEN; a changed path or
 * expiry, or a link past its time, is refused.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Env } from '../config/env.js';

/**
 * How long a printable notice link works: the longest deadline (30 days) and then some.
 *
 * Limitation: a notice card left unchanged for longer keeps an expired link (the page then
 * says so); the link is fresh again whenever the card is rebuilt or opened anew with 查看.
 */
export const noticeLinkTtlDays = 45;
/** How long a score report link from the 积分 card works. */
export const scoreLinkTtlDays = 7;

const msPerDay = 86_400_000;

export type LinkCheck = 'valid' | 'expired' | 'invalid';

export interface ReportLinks {
  /** The printable 督办通知单 of an assignment, valid `noticeLinkTtlDays` from `now`. */
  printableNoticeUrl(assignmentId: string, now: Date): string;
  /** An enterprise's score report for a year, valid `scoreLinkTtlDays` from `now`. */
  scoreReportUrl(enterpriseId: string, year: number, now: Date): string;
  /** Whether `exp` and `sig` from a request's query sign `path` and have not expired. */
  verify(path: string, exp: unknown, sig: unknown, now: Date): LinkCheck;
}

/** The path of an assignment's printable notice. */
export function noticePath(assignmentId: string): string {
  return `/print/notice/${encodeURIComponent(assignmentId)}`;
}

/** The path of an enterprise's score report for a year. */
export function scorePath(enterpriseId: string, year: number): string {
  return `/reports/score/${encodeURIComponent(enterpriseId)}/${year}`;
}

/**
 * Links under PUBLIC_BASE_URL, or http://localhost:PORT when it is not set (a development
 * machine). Rotating ADMIN_TOKEN invalidates every link given out.
 */
export function createReportLinks(env: Pick<Env, 'ADMIN_TOKEN' | 'PUBLIC_BASE_URL' | 'PORT'>) {
  const key = createHmac('sha256', env.ADMIN_TOKEN).update('dubanzhushou signed links v1').digest();
  const base = env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`;
  const signature = (path: string, exp: number) =>
    createHmac('sha256', key).update(`${path}\n${exp}`).digest('base64url');
  const signed = (path: string, now: Date, ttlDays: number) => {
    const exp = Math.floor((now.getTime() + ttlDays * msPerDay) / 1000);
    return `${base}${path}?exp=${exp}&sig=${signature(path, exp)}`;
  };

  const links: ReportLinks = {
    printableNoticeUrl: (id, now) => signed(noticePath(id), now, noticeLinkTtlDays),
    scoreReportUrl: (id, year, now) => signed(scorePath(id, year), now, scoreLinkTtlDays),
    verify: (path, exp, sig, now) => {
      if (typeof exp !== 'string' || !/^\d{1,12}$/.test(exp) || typeof sig !== 'string') {
        return 'invalid';
      }
      if (!sameText(sig, signature(path, Number(exp)))) return 'invalid';

      return Number(exp) * 1000 <= now.getTime() ? 'expired' : 'valid';
    },
  };

  return links;
}

/** Constant-time comparison of two strings (different lengths are simply unequal). */
export function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);

  return a.length === b.length && timingSafeEqual(a, b);
}
