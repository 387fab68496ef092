import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { messagePage } from '../reports/html/page.js';

/**
 * Guards the operations pages with ADMIN_TOKEN: `Authorization: Bearer <token>`, or
 * `?token=<token>` for a browser. Compared in constant time (over SHA-256 digests, so the
 * token's length does not show either). Anything else is answered 401 with a page in Chinese.
 */
export function requireAdminToken(adminToken: string): RequestHandler {
  const expected = digestOf(adminToken);

  return (req, res, next) => {
    const header = req.headers.authorization ?? '';
    const bearer = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
    const query = typeof req.query.token === 'string' ? req.query.token : undefined;
    const given = bearer ?? query;
    if (given !== undefined && timingSafeEqual(digestOf(given), expected)) {
      next();
      return;
    }

    res
      .status(401)
      .set('WWW-Authenticate', 'Bearer realm="dubanzhushou"')
      .type('html')
      .send(
        messagePage(
          '需要管理口令',
          '请在地址后加上 ?token=管理口令，或以 Authorization: Bearer 方式访问。',
        ),
      );
  };
}

function digestOf(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * The URL as logs may show it: the admin token and link signatures are credentials, so their
 * values are masked (`?token=[redacted]`).
 */
export function redactUrlSecrets(url: string): string {
  return url.replace(/([?&](?:token|sig)=)[^&#]*/gi, '$1[redacted]');
}
