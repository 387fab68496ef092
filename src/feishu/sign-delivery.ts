import { randomBytes } from 'node:crypto';
import { encryptEvent, eventSignature } from './event-crypto.js';
import type { EventEnvelope } from './verify-delivery.js';

export interface SigningOptions {
  encryptKey: string;
  verificationToken: string;
  /** Signature timestamp. Default: now. */
  now?: Date;
  /** Encrypt the body as `{"encrypt": …}`. Default true. */
  encrypt?: boolean;
}

/** A delivery as Feishu posts it: body (encrypted unless told) and signature headers. */
export interface SignedRequest {
  headers: Record<string, string>;
  body: string;
}

/**
 * Signs (and encrypts) an envelope exactly as Feishu does, for the local sandbox, tests and
 * benchmarks. `header.token` is set to the verification token unless the envelope already has
 * one (tests of a wrong token).
 */
export function signedRequest(
  delivery: EventEnvelope | Record<string, unknown>,
  options: SigningOptions,
): SignedRequest {
  const withToken = withVerificationToken(delivery, options.verificationToken);
  const plain = JSON.stringify(withToken);
  const body =
    options.encrypt === false
      ? plain
      : JSON.stringify({ encrypt: encryptEvent(plain, options.encryptKey) });
  const timestamp = String(Math.floor((options.now ?? new Date()).getTime() / 1000));
  const nonce = randomBytes(8).toString('hex');

  return {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-lark-request-timestamp': timestamp,
      'x-lark-request-nonce': nonce,
      'x-lark-signature': eventSignature(timestamp, nonce, options.encryptKey, body),
    },
    body,
  };
}

function withVerificationToken(delivery: Record<string, unknown> | EventEnvelope, token: string) {
  const header = (delivery as { header?: Record<string, unknown> }).header;
  if (!header || header.token !== undefined) return delivery;

  return { ...delivery, header: { ...header, token } };
}
