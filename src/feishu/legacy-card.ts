import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { legacyCardSignature, sameDigest } from './event-crypto.js';
import type { Delivery, DeliverySettings, EventEnvelope } from './verify-delivery.js';
import { signatureHeaders } from './verify-delivery.js';

/** The older message-card callback's body (消息卡片回传交互（旧）). */
interface LegacyCardBody {
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

/**
 * Checks a plain callback to POST /feishu/card (apps still configured with the older card
 * request URL) and turns it into the schema 2.0 `card.action.trigger` envelope the dispatcher
 * handles. Its signature is sha1 over timestamp + nonce + verification token + raw body, the
 * scheme the SDK's CardActionHandler applies to such bodies. It has no event id: the body's
 * hash stands in (each click carries its own card token, so two clicks never share one).
 */
export function verifyLegacyCard(
  headers: IncomingHttpHeaders,
  rawBody: Buffer | undefined,
  settings: DeliverySettings,
  now: Date,
): Delivery {
  const body = readBody(rawBody);
  if (!body) return refused(400, 'malformed_body', 'the body is not a card callback');
  if (body.type === 'url_verification') {
    if (body.token !== settings.verificationToken || typeof body.challenge !== 'string') {
      return refused(401, 'bad_token', 'the verification token does not match');
    }
    return { kind: 'challenge', challenge: body.challenge };
  }

  const signed = signatureHeaders(headers);
  if (!signed) return refused(401, 'missing_signature', 'the request is not signed');
  const expected = legacyCardSignature(
    signed.timestamp,
    signed.nonce,
    settings.verificationToken,
    rawBody ?? '',
  );
  if (!sameDigest(expected, signed.signature)) {
    return refused(401, 'bad_signature', 'the request signature does not match');
  }
  if (!(Math.abs(now.getTime() - Number(signed.timestamp) * 1000) <= maxAgeMs)) {
    return refused(401, 'stale_request', 'the request timestamp is too old or too far ahead');
  }

  return { kind: 'envelope', envelope: toEnvelope(body, rawBody ?? Buffer.alloc(0), settings) };
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

function refused(status: 400 | 401, error: string, message: string): Delivery {
  return { kind: 'refused', status, error, message };
}

/** True when a body posted to the old card URL is really a new-style (schema 2.0) delivery. */
export function isNewStyleDelivery(rawBody: Buffer | undefined): boolean {
  const body = readBody(rawBody) as Record<string, unknown> | null;

  return body !== null && ('encrypt' in body || 'schema' in body);
}
