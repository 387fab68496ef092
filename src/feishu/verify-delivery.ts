import type { IncomingHttpHeaders } from 'node:http';
import { decryptEvent, eventSignature, sameDigest, type SignatureHeaders } from './event-crypto.js';

/** A schema 2.0 event envelope (FEISHU.md "Events and callbacks"). */
export interface EventEnvelope {
  schema: '2.0';
  header: {
    event_id: string;
    event_type: string;
    create_time?: string;
    token?: string;
    app_id?: string;
    tenant_key?: string;
  };
  event: Record<string, unknown>;
}

export interface DeliverySettings {
  encryptKey: string;
  verificationToken: string;
  /** Oldest (or furthest in the future) a signed request may be, in ms. Default 5 minutes. */
  maxAgeMs?: number;
}

/** What to do with a delivery: answer a challenge, dispatch an envelope, or refuse it. */
export type Delivery =
  | { kind: 'challenge'; challenge: string }
  | { kind: 'envelope'; envelope: EventEnvelope }
  | { kind: 'refused'; status: 400 | 401; error: string; message: string };

const defaultMaxAgeMs = 5 * 60_000;

/** The three signature headers, when all are present. */
export function signatureHeaders(headers: IncomingHttpHeaders): SignatureHeaders | null {
  const read = (name: string) => {
    const value = headers[name];
    return typeof value === 'string' && value ? value : undefined;
  };
  const timestamp = read('x-lark-request-timestamp');
  const nonce = read('x-lark-request-nonce');
  const signature = read('x-lark-signature');

  return timestamp && nonce && signature ? { timestamp, nonce, signature } : null;
}

/**
 * Checks a delivery to POST /feishu/events before anything else happens: the signature over
 * the raw body, the body's decryption, the verification token, and the request's age. The
 * url_verification handshake is the one request Feishu sends unsigned; it is answered when it
 * decrypts and carries our verification token.
 */
export function verifyDelivery(
  headers: IncomingHttpHeaders,
  rawBody: Buffer | undefined,
  settings: DeliverySettings,
  now: Date,
): Delivery {
  const signed = signatureHeaders(headers);
  if (signed && !signatureMatches(signed, rawBody, settings.encryptKey)) {
    return refused(401, 'bad_signature', 'the request signature does not match');
  }

  const body = readBody(rawBody, settings.encryptKey);
  if (!body) return refused(400, 'malformed_body', 'the body is not a Feishu event');
  if (body.type === 'url_verification') return challenge(body, settings);

  if (!signed) return refused(401, 'missing_signature', 'the request is not signed');
  const ageMs = Math.abs(now.getTime() - Number(signed.timestamp) * 1000);
  if (!(ageMs <= (settings.maxAgeMs ?? defaultMaxAgeMs))) {
    return refused(401, 'stale_request', 'the request timestamp is too old or too far ahead');
  }

  return envelopeOf(body, settings);
}

function signatureMatches(signed: SignatureHeaders, rawBody: Buffer | undefined, key: string) {
  const expected = eventSignature(signed.timestamp, signed.nonce, key, rawBody ?? '');

  return sameDigest(expected, signed.signature);
}

/** The body as JSON, decrypted when it is `{"encrypt": …}`; null when it is neither. */
function readBody(rawBody: Buffer | undefined, encryptKey: string): Record<string, unknown> | null {
  try {
    const outer = JSON.parse(rawBody?.toString('utf8') ?? '') as Record<string, unknown>;
    const inner =
      typeof outer?.encrypt === 'string'
        ? (JSON.parse(decryptEvent(outer.encrypt, encryptKey)) as unknown)
        : outer;
    return typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function challenge(body: Record<string, unknown>, settings: DeliverySettings): Delivery {
  if (body.token !== settings.verificationToken) {
    return refused(401, 'bad_token', 'the verification token does not match');
  }
  if (typeof body.challenge !== 'string') return refused(400, 'malformed_body', 'no challenge');

  return { kind: 'challenge', challenge: body.challenge };
}

function envelopeOf(body: Record<string, unknown>, settings: DeliverySettings): Delivery {
  const envelope = body as unknown as EventEnvelope;
  const header = envelope.header;
  if (envelope.schema !== '2.0' || typeof header?.event_id !== 'string' || !header.event_type) {
    return refused(400, 'unsupported_schema', 'only schema 2.0 events are accepted');
  }
  if (header.token !== settings.verificationToken) {
    return refused(401, 'bad_token', 'the verification token does not match');
  }

  return { kind: 'envelope', envelope: { ...envelope, event: envelope.event ?? {} } };
}

function refused(status: 400 | 401, error: string, message: string): Delivery {
  return { kind: 'refused', status, error, message };
}
