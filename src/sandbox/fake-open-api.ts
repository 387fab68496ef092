import { createHash, randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type RequestHandler, type Response } from 'express';
import { FakeOpenApiState } from './fake-open-api-state.js';
import { messageRoutes } from './fake-open-api-messages.js';

export type { FakeCall, FakeMessage, FailureRule } from './fake-open-api-state.js';

export interface FakeOpenApiOptions {
  /** Port to listen on (127.0.0.1). Default 0: any free port. */
  port?: number;
  /** When set, the token endpoint refuses other credentials (code 10014). */
  appId?: string;
  appSecret?: string;
  /** The bot's open_id, answered by GET /open-apis/bot/v3/info. */
  botOpenId?: string;
  /** The fake's clock (uuid window, message times). Default: the system clock. */
  now?: () => Date;
}

/** A running fake: its URL, what it recorded, failure injection, and stop. */
export type FakeOpenApi = FakeOpenApiState & {
  /** Base URL without a trailing slash: set FEISHU_BASE_URL to it. */
  url: string;
  botOpenId: string;
  /** A card-update token for a sent card, as Feishu puts in a click's callback. */
  tokenFor(messageId: string): string;
  stop(): Promise<void>;
};

/**
 * A real local HTTP server on Feishu's Open API paths and payload shapes (the ones
 * `@larksuiteoapi/node-sdk` 1.74 calls): tenant token, send, reply, patch, urgent pushes,
 * delayed card update, file upload and bot info. It honours `uuid`, applies patches, and can
 * be told to fail the next calls (`failNext`). Tests, the benchmark and the sandbox use it.
 */
export async function startFakeOpenApi(options: FakeOpenApiOptions = {}): Promise<FakeOpenApi> {
  const state = new FakeOpenApiState(options.now ?? (() => new Date()));
  const tokens = new Set<string>();
  const cardTokens = new Map<string, string>();
  const botOpenId = options.botOpenId ?? `ou_bot${randomBytes(13).toString('hex')}`;

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '1mb', type: ['application/json', 'application/*+json'] }));
  app.use(express.raw({ limit: '30mb', type: 'multipart/form-data' }));
  app.post('/open-apis/auth/v3/tenant_access_token/internal', issueToken(state, options, tokens));
  app.use('/open-apis', recordAndInject(state, tokens));
  app.get('/open-apis/bot/v3/info', (_req, res) => {
    res.json({ code: 0, msg: 'ok', bot: botAnswer(botOpenId) });
  });
  app.use('/open-apis', messageRoutes(state, cardTokens));
  app.use((req, res) => {
    res.status(404).json({ code: 404, msg: `404 page not found: ${req.method} ${req.path}` });
  });

  const server = await listen(app, options.port ?? 0);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return Object.assign(state, {
    url,
    botOpenId,
    tokenFor(messageId: string): string {
      const token = `c-${createHash('sha256').update(messageId).digest('hex').slice(0, 32)}`;
      cardTokens.set(token, messageId);
      return token;
    },
    stop: () => close(server),
  });
}

function issueToken(
  state: FakeOpenApiState,
  options: FakeOpenApiOptions,
  tokens: Set<string>,
): RequestHandler {
  return (req, res) => {
    const { app_id: appId, app_secret: appSecret } = (req.body ?? {}) as Record<string, string>;
    // The secret is not kept, even in a fake.
    state.record({ method: req.method, path: req.path, query: {}, body: { app_id: appId } });
    const wrongId = options.appId !== undefined && options.appId !== appId;
    const wrongSecret = options.appSecret !== undefined && options.appSecret !== appSecret;
    if (!appId || !appSecret || wrongId || wrongSecret) {
      res.json({ code: 10014, msg: 'app secret invalid' });
      return;
    }

    const token = `t-${randomBytes(16).toString('hex')}`;
    tokens.add(token);
    res.json({ code: 0, msg: 'ok', tenant_access_token: token, expire: 7200 });
  };
}

/** Records every call, checks the tenant token, then applies any failure rule that matches. */
function recordAndInject(state: FakeOpenApiState, tokens: Set<string>): RequestHandler {
  return async (req, res, next) => {
    const path = `/open-apis${req.path}`;
    state.record({ method: req.method, path, query: { ...req.query }, body: recordedBody(req) });

    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (!bearer || !tokens.has(bearer)) {
      res.status(401).json({ code: 99991661, msg: 'Missing access token for authorization' });
      return;
    }

    const failure = state.takeFailure(req.method, path);
    if (!failure) return next();
    if (failure.delayMs) await new Promise((resolve) => setTimeout(resolve, failure.delayMs));
    if (!failure.afterHandling) return answerFailure(res, failure);

    // Let the route do its work, then replace its answer with the failure.
    const answer = res.json.bind(res);
    res.json = ((_body: unknown) => {
      res.json = answer;
      answerFailure(res, failure);
      return res;
    }) as Response['json'];
    next();
  };
}

function answerFailure(
  res: Response,
  failure: NonNullable<ReturnType<FakeOpenApiState['takeFailure']>>,
) {
  const status = failure.status ?? 200;
  const code = failure.code ?? (status === 429 ? 99991400 : 1);
  if (res.headersSent || res.destroyed) return;
  res.status(status).set(failure.headers ?? {});
  res.json({ code, msg: failure.msg ?? `injected failure ${code}` });
}

function recordedBody(req: Request): unknown {
  return Buffer.isBuffer(req.body) ? { multipartBytes: req.body.length } : req.body;
}

function botAnswer(openId: string) {
  return {
    activate_status: 2,
    app_name: '督办助手',
    avatar_url: '',
    ip_white_list: [],
    open_id: openId,
  };
}

function listen(app: express.Express, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, '127.0.0.1', (error?: Error) =>
      error ? reject(error) : resolve(server),
    );
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
