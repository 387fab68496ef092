import type { ErrorRequestHandler, RequestHandler } from 'express';

/** Unknown routes answer 404 in JSON, never an HTML page. */
export const handleNotFound: RequestHandler = (req, res) => {
  res.status(404).json({ error: 'not_found', message: `no route for ${req.method} ${req.path}` });
};

interface HttpishError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
  message?: string;
}

/**
 * Last handler: client errors (bad JSON, too large) keep their status; everything else is a 500
 * whose details go to the log only. Stack traces never reach the client.
 */
export function handleErrors(production: boolean): ErrorRequestHandler {
  return (error: HttpishError, req, res, _next) => {
    const status = error.status ?? error.statusCode ?? 500;
    if (status < 500) {
      res.status(status).json({ error: clientErrorCode(status, error.type) });
      return;
    }

    req.log.error({ err: error }, 'request failed');
    const body: Record<string, string> = { error: 'internal_error' };
    if (!production && error.message) body.message = error.message;
    res.status(500).json(body);
  };
}

function clientErrorCode(status: number, type: string | undefined): string {
  if (status === 413) return 'body_too_large';
  if (type === 'entity.parse.failed') return 'malformed_json';

  return 'bad_request';
}
