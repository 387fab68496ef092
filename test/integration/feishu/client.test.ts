import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../../cards/card.js';
import { FeishuClient, feishuUuid } from '../../../src/feishu/client.js';
import {
  FeishuPermanentError,
  FeishuRateLimitError,
  FeishuRetryableError,
} from '../../../src/feishu/errors.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { startFakeOpenApi, type FakeOpenApi } from '../../../src/sandbox/fake-open-api.js';

const credentials = { appId: 'cli_a1b2c3d4e5f60718', appSecret: 'client-test-secret' };
const card: Card = {
  schema: '2.0',
  config: { update_multi: true },
  body: { elements: [{ tag: 'markdown', content: '督办通知单' }] },
};
const liaison = { type: 'open_id', id: 'ou_20000000000000000000000000000002' } as const;

let fake: FakeOpenApi;
let client: FeishuClient;

beforeAll(async () => {
  fake = await startFakeOpenApi(credentials);
  client = new FeishuClient({ ...credentials, baseUrl: fake.url, logger: silentLogger() });
});
afterAll(async () => {
  await fake?.stop();
});
afterEach(() => {
  fake.reset();
});

const tokenPath = '/open-apis/auth/v3/tenant_access_token/internal';

/** The calls the client made, without the token fetch. */
function apiCalls() {
  return fake.calls
    .filter((call) => call.path !== tokenPath)
    .map(({ method, path, query, body }) => ({ method, path, query, body }));
}

describe('FeishuClient against the Open API paths', () => {
  it('sends a card: POST /im/v1/messages?receive_id_type=open_id with the JSON card and uuid', async () => {
    const { messageId } = await client.sendCard(liaison, card, 'notice:2025-12');

    expect(apiCalls()).toEqual([
      {
        method: 'POST',
        path: '/open-apis/im/v1/messages',
        query: { receive_id_type: 'open_id' },
        body: {
          receive_id: liaison.id,
          msg_type: 'interactive',
          content: JSON.stringify(card),
          uuid: 'notice:2025-12',
        },
      },
    ]);
    expect(fake.messagesTo(liaison.id)).toMatchObject([
      { messageId, content: card, uuid: 'notice:2025-12' },
    ]);
  });

  it('sends once for one uuid, and hashes a uuid longer than Feishu takes', async () => {
    const long = `notice:2025-12:${'x'.repeat(60)}`;
    const first = await client.sendCard({ type: 'chat_id', id: 'oc_1' }, card, long);
    const second = await client.sendCard({ type: 'chat_id', id: 'oc_1' }, card, long);

    expect(second.messageId).toBe(first.messageId);
    expect(fake.messagesTo('oc_1')).toHaveLength(1);
    expect(feishuUuid(long)).toHaveLength(41);
    expect(fake.messagesTo('oc_1')[0]?.uuid).toBe(feishuUuid(long));
  });

  it('sends text and replies to a message', async () => {
    const { messageId } = await client.sendText(liaison, '已签收', 't-1');
    const reply = await client.reply(messageId, card, 'r-1');

    expect(fake.messagesTo(liaison.id).map((m) => [m.msgType, m.content, m.parentId])).toEqual([
      ['text', { text: '已签收' }, undefined],
      ['interactive', card, messageId],
    ]);
    expect(apiCalls()[1]).toMatchObject({
      method: 'POST',
      path: `/open-apis/im/v1/messages/${messageId}/reply`,
      body: { msg_type: 'interactive', content: JSON.stringify(card), uuid: 'r-1' },
    });
    expect(reply.messageId).not.toBe(messageId);
  });

  it('patches a sent card: PATCH /im/v1/messages/:id with the content only', async () => {
    const { messageId } = await client.sendCard(liaison, card, 'p-1');
    const updated: Card = { ...card, body: { elements: [{ tag: 'markdown', content: '已签收' }] } };
    await client.patch(messageId, updated);

    expect(apiCalls()[1]).toEqual({
      method: 'PATCH',
      path: `/open-apis/im/v1/messages/${messageId}`,
      query: {},
      body: { content: JSON.stringify(updated) },
    });
    expect(fake.messages.get(messageId)?.content).toEqual(updated);
  });

  it('updates a clicked card later: POST /interactive/v1/card/update with token and card', async () => {
    const { messageId } = await client.sendCard(liaison, card, 'd-1');
    const token = fake.tokenFor(messageId);
    await client.delayedUpdate(token, card);

    expect(apiCalls()[1]).toMatchObject({
      method: 'POST',
      path: '/open-apis/interactive/v1/card/update',
      body: { token, card },
    });
  });

  it.each(['app', 'sms', 'phone'] as const)('pushes urgent_%s to open_ids', async (kind) => {
    const { messageId } = await client.sendCard(liaison, card, `u-${kind}`);
    await client.urgent(messageId, kind, [liaison.id]);

    expect(apiCalls()[1]).toEqual({
      method: 'PATCH',
      path: `/open-apis/im/v1/messages/${messageId}/urgent_${kind}`,
      query: { user_id_type: 'open_id' },
      body: { user_id_list: [liaison.id] },
    });
    expect(fake.messages.get(messageId)?.urgent).toEqual([{ kind, openIds: [liaison.id] }]);
  });

  it('uploads a file as multipart and sends it', async () => {
    const { fileKey } = await client.uploadFile(
      '督办情况统计表.xlsx',
      'xls',
      Buffer.from('PK-bytes'),
    );
    await client.sendFile(liaison, fileKey, 'f-1');

    expect(fake.files).toEqual([
      { fileKey, fileName: '督办情况统计表.xlsx', fileType: 'xls', size: 8 },
    ]);
    expect(fake.messagesTo(liaison.id)[0]).toMatchObject({
      msgType: 'file',
      content: { file_key: fileKey },
    });
  });

  it("reads the bot's own open_id from GET /bot/v3/info", async () => {
    expect(await client.botInfo()).toEqual({ openId: fake.botOpenId, name: '督办助手' });
  });
});

describe('FeishuClient failures', () => {
  it.each([
    [
      '429 with x-ogw-ratelimit-reset',
      { status: 429, headers: { 'x-ogw-ratelimit-reset': '2' } },
      FeishuRateLimitError,
      99991400,
    ],
    ['a 503', { status: 503 }, FeishuRetryableError, 1],
    [
      '230020 per-chat frequency limit',
      { status: 400, code: 230020 },
      FeishuRetryableError,
      230020,
    ],
    ['230002 bot not in the chat', { status: 400, code: 230002 }, FeishuPermanentError, 230002],
    ['230013 outside availability, HTTP 200', { code: 230013 }, FeishuPermanentError, 230013],
  ])('turns %s into the error class that decides a retry', async (_label, rule, kind, code) => {
    fake.failNext(1, rule);
    const error = await client.sendCard(liaison, card, `fail-${code}`).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(kind);
    expect((error as { code: number }).code).toBe(code);
  });

  describe('a card over 30 KB', () => {
    /** A card whose JSON is `bytes` long (ASCII, so characters are bytes). */
    const cardOf = (bytes: number): Card => {
      const empty = JSON.stringify({
        ...card,
        body: { elements: [{ tag: 'markdown', content: '' }] },
      });
      const content = 'x'.repeat(bytes - Buffer.byteLength(empty));
      return { ...card, body: { elements: [{ tag: 'markdown', content }] } };
    };
    const oversized = cardOf(30 * 1024 + 1);

    it.each([
      ['sent', () => client.sendCard(liaison, oversized, 'big-send')],
      [
        'sent as a reply',
        async () => {
          const { messageId } = await client.sendCard(liaison, card, 'big-parent');
          return client.reply(messageId, oversized, 'big-reply');
        },
      ],
      [
        'patched in',
        async () => {
          const { messageId } = await client.sendCard(liaison, card, 'big-patch');
          return client.patch(messageId, oversized);
        },
      ],
      [
        'sent as a delayed update',
        async () => {
          const { messageId } = await client.sendCard(liaison, card, 'big-delayed');
          return client.delayedUpdate(fake.tokenFor(messageId), oversized);
        },
      ],
    ])('is refused when %s: 230025, not retried, nothing changes', async (_label, call) => {
      const error = await call().catch((e: unknown) => e);

      expect(error).toBeInstanceOf(FeishuPermanentError);
      expect((error as { code: number }).code).toBe(230025);
      expect(fake.allMessages().map((m) => m.content)).toEqual(fake.allMessages().map(() => card));
      expect(fake.delayedUpdates).toEqual([]);
    });

    it('goes through at exactly 30 KB', async () => {
      const { messageId } = await client.sendCard(liaison, cardOf(30 * 1024), 'big-fits');

      expect(fake.messages.get(messageId)?.content).toEqual(cardOf(30 * 1024));
    });
  });

  it('gives up on a call that does not answer within its timeout', async () => {
    const impatient = new FeishuClient({
      ...credentials,
      baseUrl: fake.url,
      logger: silentLogger(),
      timeoutMs: 100,
    });
    fake.failNext(1, { delayMs: 400, path: '/im/v1/messages' });
    const error = await impatient.sendCard(liaison, card, 'slow').catch((e: unknown) => e);

    expect(error).toMatchObject({ name: 'FeishuRetryableError', code: 'timeout' });
  });

  it('keeps a token cache of its own: one token per client, reused across calls', async () => {
    const other = new FeishuClient({ ...credentials, baseUrl: fake.url, logger: silentLogger() });
    await other.sendText(liaison, 'x', 'cache-1');
    await other.sendText(liaison, 'y', 'cache-2');
    const third = new FeishuClient({ ...credentials, baseUrl: fake.url, logger: silentLogger() });
    await third.sendText(liaison, 'z', 'cache-3');

    expect(fake.calls.filter((c) => c.path === tokenPath)).toEqual([
      expect.objectContaining({ body: { app_id: credentials.appId } }),
      expect.objectContaining({ body: { app_id: credentials.appId } }),
    ]);
  });
});

describe('FeishuClient with the default base URL', () => {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  });
  afterEach(() => {
    nock.cleanAll();
  });
  afterAll(() => {
    nock.enableNetConnect();
  });

  it('calls https://open.feishu.cn with the tenant token it fetched', async () => {
    const feishu = nock('https://open.feishu.cn')
      .post('/open-apis/auth/v3/tenant_access_token/internal', {
        app_id: credentials.appId,
        app_secret: credentials.appSecret,
      })
      .reply(200, { code: 0, msg: 'ok', tenant_access_token: 't-real', expire: 7200 })
      .post('/open-apis/im/v1/messages', (body: Record<string, unknown>) => body.uuid === 'real-1')
      .query({ receive_id_type: 'chat_id' })
      .matchHeader('authorization', 'Bearer t-real')
      .reply(200, { code: 0, msg: 'success', data: { message_id: 'om_real' } });
    const real = new FeishuClient({
      ...credentials,
      baseUrl: 'https://open.feishu.cn',
      logger: silentLogger(),
    });

    expect(await real.sendText({ type: 'chat_id', id: 'oc_x' }, '你好', 'real-1')).toEqual({
      messageId: 'om_real',
    });
    expect(feishu.isDone()).toBe(true);
  });
});
