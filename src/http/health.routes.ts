import { Router } from 'express';
import type { Registry } from 'prom-client';

/** One dependency readiness depends on, e.g. `mongodb` or `redis`. */
export interface ReadinessCheck {
  name: string;
  /** Resolves true when the dependency answers; must settle within about a second. */
  isUp: () => Promise<boolean>;
}

/** `/healthz` (process alive), `/readyz` (every dependency answers) and `/metrics`. */
export function createHealthRouter(checks: ReadinessCheck[], registry: Registry): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      checks.map(async (check) => [check.name, await check.isUp()]),
    );
    const down = results.filter(([, up]) => !up).map(([name]) => name);
    const status = Object.fromEntries(results.map(([name, up]) => [name, up ? 'up' : 'down']));
    if (down.length === 0) {
      res.json({ status: 'ready', checks: status });
      return;
    }
    res.status(503).json({ status: 'unavailable', down, checks: status });
  });

  router.get('/metrics', async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  });

  return router;
}
