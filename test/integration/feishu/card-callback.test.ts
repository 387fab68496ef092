import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CardActionContext } from '../../../src/feishu/handlers.js';
import {
  buildCardActionEvent,
  buildLegacyCardCallback,
  signedLegacyCardRequest,
  signedRequest,
} from '../../support/feishu-events.js';
import { people } from '../../support/fixtures.js';
import { startTestBot, type TestBot } from '../../support/test-bot.js';
import { testEnv } from '../../support/test-env.js';
import { cardSaying } from '../../support/test-card.js';

const { FEISHU_VERIFICATION_TOKEN: verificationToken, FEISHU_ENCRYPT_KEY: encryptKey } = testEnv();

const planCard = cardSaying('承办措施');

let bot: TestBot;
const clicks: CardActionContext[] = [];

beforeAll(async () => {
  bot = await startTestBot();
  bot.context.handlers.cardActions.set('acknowledge', async (context) => {
    clicks.push(context);
    return { toast: { type: 'success', content: '已签收' } };
  });
  bot.context.handlers.cardActions.set('openPlanForm', async (context) => {
    clicks.push(context);
    return { toast: { type: 'info', content: '请填写承办措施' }, card: planCard };
  });
});
afterAll(async () => {
  await bot?.stop();
});

function post(headers: Record<string, string>, body: string): Promise<Response> {
  return fetch(`${bot.url}/feishu/card`, { method: 'POST', headers, body });
}

describe('POST /feishu/card (the older card request URL)', () => {
  it('answers the url_verification challenge', async () => {
    const body = JSON.stringify({
      challenge: 'c-9',
      token: verificationToken,
      type: 'url_verification',
    });
    const res = await post({ 'content-type': 'application/json' }, body);

    expect(await res.json()).toEqual({ challenge: 'c-9' });
  });

  it('hands a signed click to the same handler as a card.action.trigger', async () => {
    const callback = buildLegacyCardCallback({
      operator: people.head,
      value: { a: 'acknowledge', id: '2025-12', v: 1 },
      messageId: 'om_old',
      chatId: 'oc_old',
      token: 'c-legacy-token',
    });
    const signed = signedLegacyCardRequest(callback, { verificationToken });
    const res = await post(signed.headers, signed.body);

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ toast: { type: 'success', content: '已签收' } });
    expect(clicks.at(-1)).toMatchObject({
      operatorOpenId: people.head.openId,
      value: { a: 'acknowledge', id: '2025-12', v: 1 },
      messageId: 'om_old',
      chatId: 'oc_old',
      token: 'c-legacy-token',
    });
  });

  it('answers a repeated click once with its effect and then as a duplicate', async () => {
    const callback = buildLegacyCardCallback({
      operator: people.head,
      value: { a: 'acknowledge' },
    });
    const before = clicks.length;
    const first = signedLegacyCardRequest(callback, { verificationToken });
    const second = signedLegacyCardRequest(callback, { verificationToken });
    await post(first.headers, first.body);
    const again = await post(second.headers, second.body);

    expect(clicks.length - before).toBe(1);
    expect(await again.json()).toEqual({
      toast: { type: 'info', content: '操作已收到，请勿重复点击' },
    });
  });

  it.each([
    [
      'a wrong signature',
      (s: { headers: Record<string, string> }) => ({
        ...s.headers,
        'x-lark-signature': '0'.repeat(40),
      }),
    ],
    ['no signature', () => ({ 'content-type': 'application/json' })],
  ])('answers 401 to %s and calls no handler', async (_label, headersOf) => {
    const callback = buildLegacyCardCallback({
      operator: people.head,
      value: { a: 'acknowledge' },
    });
    const signed = signedLegacyCardRequest(callback, { verificationToken });
    const before = clicks.length;
    const res = await post(headersOf(signed), signed.body);

    expect(res.status).toBe(401);
    expect(clicks.length).toBe(before);
  });

  it('also takes a new-style encrypted callback posted to this URL', async () => {
    const envelope = buildCardActionEvent({
      operator: people.liaison,
      value: { a: 'acknowledge' },
    });
    const signed = signedRequest(envelope, { encryptKey, verificationToken });
    const res = await post(signed.headers, signed.body);

    expect(await res.json()).toEqual({ toast: { type: 'success', content: '已签收' } });
    expect(clicks.at(-1)?.eventId).toBe(envelope.header.event_id);
  });

  describe('a legacy-shaped body sent encrypted (an app with an Encrypt Key)', () => {
    const callback = () =>
      buildLegacyCardCallback({
        operator: people.liaison,
        value: { a: 'acknowledge', id: '2025-12', v: 1 },
        messageId: 'om_old_encrypted',
        token: 'c-legacy-encrypted',
      });

    it.each([
      [
        'signed with the encrypt key (sha256), as the Node SDK checks it',
        () => signedRequest(callback(), { encryptKey, verificationToken }),
      ],
      [
        'signed with the verification token (sha1), as the Go SDK checks it',
        () => signedLegacyCardRequest(callback(), { verificationToken, encryptKey }),
      ],
    ])('is decrypted and handled when %s', async (_label, sign) => {
      const before = clicks.length;
      const signed = sign();
      const res = await post(signed.headers, signed.body);

      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ toast: { type: 'success', content: '已签收' } });
      expect(clicks.length - before).toBe(1);
      expect(clicks.at(-1)).toMatchObject({
        operatorOpenId: people.liaison.openId,
        messageId: 'om_old_encrypted',
        token: 'c-legacy-encrypted',
      });
    });

    it('answers 401 to a wrong signature and calls no handler', async () => {
      const signed = signedRequest(callback(), { encryptKey, verificationToken });
      const before = clicks.length;
      const res = await post(
        { ...signed.headers, 'x-lark-signature': '0'.repeat(64) },
        signed.body,
      );

      expect(res.status).toBe(401);
      expect(clicks.length).toBe(before);
    });
  });

  describe('the answer in the older callback shape', () => {
    it('is the new card itself, which replaces the clicked one', async () => {
      const callback = buildLegacyCardCallback({
        operator: people.liaison,
        value: { a: 'openPlanForm', id: '2025-12', v: 1 },
      });
      const signed = signedLegacyCardRequest(callback, { verificationToken });
      const res = await post(signed.headers, signed.body);

      expect(await res.json()).toEqual(planCard);
    });

    it('keeps the new shape for a schema 2.0 click posted to this URL', async () => {
      const envelope = buildCardActionEvent({
        operator: people.liaison,
        value: { a: 'openPlanForm', id: '2025-12', v: 1 },
      });
      const signed = signedRequest(envelope, { encryptKey, verificationToken });
      const res = await post(signed.headers, signed.body);

      expect(await res.json()).toEqual({
        toast: { type: 'info', content: '请填写承办措施' },
        card: { type: 'raw', data: planCard },
      });
    });
  });
});
