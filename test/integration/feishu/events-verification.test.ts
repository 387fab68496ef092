import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encryptEvent } from '../../../src/feishu/event-crypto.js';
import type { CardActionContext } from '../../../src/feishu/handlers.js';
import { ProcessedEventModel } from '../../../src/store/processed-event.model.js';
import { buildCardActionEvent, signedRequest } from '../../support/feishu-events.js';
import { people } from '../../support/fixtures.js';
import { startTestBot, type TestBot } from '../../support/test-bot.js';
import { cardSaying } from '../../support/test-card.js';
import { testEnv } from '../../support/test-env.js';

const keys = {
  encryptKey: testEnv().FEISHU_ENCRYPT_KEY,
  verificationToken: testEnv().FEISHU_VERIFICATION_TOKEN,
};
const card = cardSaying('已签收');

let bot: TestBot;
let clicks: CardActionContext[];

beforeAll(async () => {
  bot = await startTestBot();
});
afterAll(async () => {
  await bot?.stop();
});
afterEach(() => {
  bot.context.handlers.cardActions.clear();
});

/** Registers `ping`, which records the click and answers a toast and a card. */
function registerPing(): void {
  clicks = [];
  bot.context.handlers.cardActions.set('ping', async (context) => {
    clicks.push(context);
    return { toast: { type: 'success', content: '已签收' }, card };
  });
}

function post(headers: Record<string, string>, body: string): Promise<Response> {
  return fetch(`${bot.url}/feishu/events`, { method: 'POST', headers, body });
}

const click = (overrides: Partial<Parameters<typeof buildCardActionEvent>[0]> = {}) =>
  buildCardActionEvent({
    operator: people.liaison,
    value: { a: 'ping', id: '2025-12', v: 1 },
    ...overrides,
  });

describe('POST /feishu/events', () => {
  describe('url_verification', () => {
    const challenge = {
      challenge: 'c-123',
      token: keys.verificationToken,
      type: 'url_verification',
    };

    it('answers the challenge of a plain request', async () => {
      const res = await post({ 'content-type': 'application/json' }, JSON.stringify(challenge));

      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ challenge: 'c-123' });
    });

    it('answers the challenge of an encrypted request', async () => {
      const body = JSON.stringify({
        encrypt: encryptEvent(JSON.stringify(challenge), keys.encryptKey),
      });
      const res = await post({ 'content-type': 'application/json' }, body);

      expect(await res.json()).toEqual({ challenge: 'c-123' });
    });

    it('refuses a challenge carrying another verification token', async () => {
      const res = await post(
        { 'content-type': 'application/json' },
        JSON.stringify({ ...challenge, token: 'someone-else' }),
      );

      expect(res.status).toBe(401);
    });
  });

  describe('when the request cannot be trusted', () => {
    const refusedCases: Array<[string, () => Promise<Response>, string]> = [
      [
        'the signature is wrong',
        () => {
          const signed = signedRequest(click(), keys);
          return post({ ...signed.headers, 'x-lark-signature': 'f'.repeat(64) }, signed.body);
        },
        'bad_signature',
      ],
      [
        'the body was changed after signing',
        () => {
          const signed = signedRequest(click(), { ...keys, encrypt: false });
          return post(signed.headers, signed.body.replace('ping', 'pong'));
        },
        'bad_signature',
      ],
      [
        'it is not signed',
        () => {
          const { body } = signedRequest(click(), keys);
          return post({ 'content-type': 'application/json' }, body);
        },
        'missing_signature',
      ],
      [
        'it is older than 5 minutes',
        () => {
          const signed = signedRequest(click(), {
            ...keys,
            now: new Date(Date.now() - 6 * 60_000),
          });
          return post(signed.headers, signed.body);
        },
        'stale_request',
      ],
      [
        'the verification token is wrong',
        () => {
          const envelope = click();
          const forged = { ...envelope, header: { ...envelope.header, token: 'wrong' } };
          const signed = signedRequest(forged, keys);
          return post(signed.headers, signed.body);
        },
        'bad_token',
      ],
    ];

    it.each(refusedCases)(
      'answers 401 when %s, calls no handler and stores nothing',
      async (_label, send, error) => {
        registerPing();
        const before = await ProcessedEventModel.countDocuments();
        const res = await send();

        expect(res.status).toBe(401);
        expect(await res.json()).toMatchObject({ error });
        expect(clicks).toHaveLength(0);
        expect(await ProcessedEventModel.countDocuments()).toBe(before);
      },
    );

    it('answers 400 to a body that is not a Feishu event', async () => {
      const signed = signedRequest({ hello: 'world' }, { ...keys, encrypt: false });
      const res = await post(signed.headers, signed.body);

      expect(res.status).toBe(400);
    });
  });
});
