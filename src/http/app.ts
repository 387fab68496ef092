import { randomUUID } from 'node:crypto';
import express, { type Express, type Router } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logging/logger.js';
import { redactUrlSecrets } from './admin-auth.js';
import { handleErrors, handleNotFound } from './errors.js';
import { createHealthRouter, type ReadinessCheck } from './health.routes.js';
import type { HttpMetrics } from './metrics.js';

declare module 'http' {
  interface IncomingMessage {
    /** The body exactly as received: Feishu signs these bytes. */
    rawBody?: Buffer;
  }
}

/** What a route may leave in `res.locals` for the request log. */
interface ResponseLocals {
  logBindings?: Record<string, unknown>;
}

/** Largest body accepted. Feishu events and card callbacks are a few KB. */
export const bodyLimit = '512kb';

export interface AppDeps {
  logger: Logger;
  metrics: HttpMetrics;
  readiness: ReadinessCheck[];
  /** Feature routers mounted after the health routes, each at its own path. */
  routers?: Array<{ path: string; router: Router }>;
  /** `production` hides error details. */
  production: boolean;
}

/** The HTTP app: health, metrics and the feature routers. Routes hold no business rules. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);

  app.use(deps.metrics.middleware);
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && given.length <= 128 ? given : randomUUID();
        res.setHeader('x-request-id', id);

        return id;
      },
      // Quiet hot path: one line per request at debug, failures at warn and error.
      customLogLevel: (_req, res, error) =>
        error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'debug',
      autoLogging: { ignore: (req) => req.url === '/healthz' || req.url === '/metrics' },
      // Fields a route learns while handling (a Feishu event id) join the request's last line.
      customProps: (_req, res) => (res as { locals?: ResponseLocals }).locals?.logBindings ?? {},
      // The admin token (?token=) and link signatures (?sig=) are credentials: masked in logs.
      serializers: { req: redactRequest },
    }),
  );
  app.use(
    express.json({
      limit: bodyLimit,
      verify: (req, _res, buf) => {
        req.rawBody = buf;
      },
    }),
  );
  app.use(express.urlencoded({ extended: false, limit: bodyLimit }));

  app.use(createHealthRouter(deps.readiness, deps.metrics.registry));
  for (const { path, router } of deps.routers ?? []) app.use(path, router);

  app.use(handleNotFound);
  app.use(handleErrors(deps.production));

  return app;
}

/**
 * The request as logged (pino's serialised form): credentials masked whatever the logger's own
 * redaction says: the admin token (header or ?token=) and link signatures (?sig=).
 */
function redactRequest(req: {
  url?: string;
  query?: Record<string, unknown>;
  headers?: Record<string, unknown>;
}) {
  const query = req.query ? { ...req.query } : undefined;
  if (query?.token !== undefined) query.token = '[redacted]';
  if (query?.sig !== undefined) query.sig = '[redacted]';
  const headers = req.headers ? { ...req.headers } : undefined;
  if (headers?.authorization !== undefined) headers.authorization = '[redacted]';

  return { ...req, url: req.url && redactUrlSecrets(req.url), query, headers };
}
