import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FeishuCardAnswer } from './card-answer.js';
import {
  decryptEvent,
  eventSignature,
  legacyCardSignature,
  sameDigest,
  type SignatureHeaders,
} from './event-crypto.js';
import {
  signatureHeaders,
  verifyDelivery,
  type Delivery,
  type DeliverySettings,
  type EventEnvelope,
} from './verify-delivery.js';

/** The older message-card callback's body (消息卡片回传交互（旧）). */
interface LegacyCardBody {
  encrypt?: unknown;
  schema?: unknown;
  type?: string;
  challenge?: string;
  token?: string;
  open_id?: string;
  user_id?: string;
  open_message_id?: string;
  open_chat_id?: string;
  tenant_key?: string;
  action?: Record<string, unknown>;
}

const maxAgeMs = 5 * 60_000;

/** What POST /feishu/card received, and whether it must be answered in the older shape. */
export interface CardCallback {
  delivery: Delivery;
  /** A 消息卡片回传交互（旧） body: its answer is the new card itself (`toLegacyAnswer`). */
  legacy: boolean;
}

/**
 * Checks a delivery to POST /feishu/card (apps still configured with the older card request
 * URL) and turns it into the schema 2.0 `card.action.trigger` envelope the dispatcher handles.
 * Decrypted first when encrypted, then routed by whether it has a `schema`, as the SDK's
 * CardActionHandler does: schema 2.0 is checked as on /feishu/events, anything else is the older
 * callback (消息卡片回传交互（旧）: open_id, user_id, open_message_id, token, action).
 */
export function verifyCardCallback(
  headers: IncomingHttpHeaders,
  rawBody: Buffer | undefined,
  settings: DeliverySettings,
  now: Date,
): CardCallback {
  const outer = readBody(rawBody);
  if (outer && typeof outer.encrypt === 'string') {
    return verifyEncrypted(headers, rawBody, outer.encrypt, settings, now);
  }
  if (outer && 'schema' in outer) {
    return { delivery: verifyDelivery(headers, rawBody, settings, now), legacy: false };
  }

  return { delivery: verifyPlainLegacy(headers, rawBody, outer, settings, now), legacy: true };
}

/**
 * A plain older callback: signed with sha1 over timestamp + nonce + verification token + raw
 * body. It has no event id: the body's hash stands in (each click carries its own card token,
 * so two clicks never share one).
 */
function verifyPlainLegacy(
  headers: IncomingHttpHeaders,
  rawBody: Buffer | undefined,
  body: LegacyCardBody | null,
  settings: DeliverySettings,
  now: Date,
): Delivery {
  if (!body) return refused(400, 'malformed_body', 'the body is not a card callback');
  if (body.type === 'url_verification') return challengeOf(body, settings);

  const signed = signatureHeaders(headers);
  if (!signed) return refused(401, 'missing_signature', 'the request is not signed');
  if (!legacySignatureMatches(signed, rawBody, settings)) {
    return refused(401, 'bad_signature', 'the request signature does not match');
  }

  return legacyEnvelope(signed, body, rawBody, settings, now);
}

/**
 * An encrypted body. The signature is checked before anything is decrypted; an older callback
 * may carry either scheme (the Node SDK checks sha256 with the encrypt key, the Go SDK sha1
 * with the verification token), both secrets Feishu shares only with us.
 */
function verifyEncrypted(
  headers: IncomingHttpHeaders,
  rawBody: Buffer | undefined,
  encrypted: string,
  settings: DeliverySettings,
  now: Date,
): CardCallback {
  const signed = signatureHeaders(headers);
  const signatureOk =
    signed &&
    (eventSignatureMatches(signed, rawBody, settings) ||
      legacySignatureMatches(signed, rawBody, settings));
  if (signed && !signatureOk) {
    const delivery = refused(401, 'bad_signature', 'the request signature does not match');
    return { delivery, legacy: false };
  }

  const inner = decryptBody(encrypted, settings.encryptKey);
  if (!inner) {
    return { delivery: refused(400, 'malformed_body', 'the body does not decrypt'), legacy: false };
  }
  if ('schema' in inner || inner.type === 'url_verification') {
    return { delivery: verifyDelivery(headers, rawBody, settings, now), legacy: false };
  }
  if (!signed) {
    const delivery = refused(401, 'missing_signature', 'the request is not signed');
    return { delivery, legacy: true };
  }

  return { delivery: legacyEnvelope(signed, inner, rawBody, settings, now), legacy: true };
}

function legacyEnvelope(
  signed: SignatureHeaders,
  body: LegacyCardBody,
  rawBody: Buffer | undefined,
  settings: DeliverySettings,
  now: Date,
): Delivery {
  if (!(Math.abs(now.getTime() - Number(signed.timestamp) * 1000) <= maxAgeMs)) {
    return refused(401, 'stale_request', 'the request timestamp is too old or too far ahead');
  }

  return { kind: 'envelope', envelope: toEnvelope(body, rawBody ?? Buffer.alloc(0), settings) };
}

function legacySignatureMatches(
  signed: SignatureHeaders,
  rawBody: Buffer | undefined,
  settings: DeliverySettings,
): boolean {
  const { timestamp, nonce, signature } = signed;
  const expected = legacyCardSignature(timestamp, nonce, settings.verificationToken, rawBody ?? '');

  return sameDigest(expected, signature);
}

function eventSignatureMatches(
  signed: SignatureHeaders,
  rawBody: Buffer | undefined,
  settings: DeliverySettings,
): boolean {
  const { timestamp, nonce, signature } = signed;

  return sameDigest(
    eventSignature(timestamp, nonce, settings.encryptKey, rawBody ?? ''),
    signature,
  );
}

function challengeOf(body: LegacyCardBody, settings: DeliverySettings): Delivery {
  if (body.token !== settings.verificationToken || typeof body.challenge !== 'string') {
    return refused(401, 'bad_token', 'the verification token does not match');
  }

  return { kind: 'challenge', challenge: body.challenge };
}

/**
 * The answer in the older callback's shape: the new card itself when there is one (it replaces
 * the clicked card; a toast beside it is not shown), else `{toast}`, else `{}`.
 */
export function toLegacyAnswer(answer: unknown): unknown {
  const { toast, card } = (answer ?? {}) as FeishuCardAnswer;
  if (card) return card.data;

  return toast ? { toast } : {};
}

function toEnvelope(
  body: LegacyCardBody,
  rawBody: Buffer,
  settings: DeliverySettings,
): EventEnvelope {
  const digest = createHash('sha256').update(rawBody).digest('hex').slice(0, 32);

  return {
    schema: '2.0',
    header: {
      event_id: `legacy-card-${digest}`,
      event_type: 'card.action.trigger',
      token: settings.verificationToken,
      tenant_key: body.tenant_key,
    },
    event: {
      operator: { open_id: body.open_id, user_id: body.user_id },
      token: body.token,
      action: body.action ?? {},
      context: { open_message_id: body.open_message_id, open_chat_id: body.open_chat_id },
    },
  };
}

function readBody(rawBody: Buffer | undefined): LegacyCardBody | null {
  try {
    const body = JSON.parse(rawBody?.toString('utf8') ?? '') as unknown;
    return typeof body === 'object' && body !== null ? (body as LegacyCardBody) : null;
  } catch {
    return null;
  }
}

function decryptBody(encrypted: string, encryptKey: string): LegacyCardBody | null {
  try {
    const body = JSON.parse(decryptEvent(encrypted, encryptKey)) as unknown;
    return typeof body === 'object' && body !== null ? (body as LegacyCardBody) : null;
  } catch {
    return null;
  }
}

function refused(status: 400 | 401, error: string, message: string): Delivery {
  return { kind: 'refused', status, error, message };
}
