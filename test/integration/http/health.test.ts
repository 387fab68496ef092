import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logging/logger.js';
import { startRuntime, type Runtime } from '../../../src/runtime.js';
import { pollUntil } from '../../support/poll.js';
import { freePort, PrivateRedis } from '../../support/private-redis.js';
import { testEnv, uniqueName } from '../../support/test-env.js';

describe('health, readiness and metrics', () => {
  let runtime: Runtime;
  let redis: PrivateRedis;
  let base: string;

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    const env = testEnv({ REDIS_URL: redis.url, QUEUE_PREFIX: uniqueName('health') });
    runtime = await startRuntime(env, silentLogger(), {
      role: 'web',
      dbName: uniqueName('health'),
    });
    base = `http://127.0.0.1:${runtime.port}`;
  });

  afterAll(async () => {
    await mongoose.connection.db?.dropDatabase();
    await runtime.stop();
    await redis.stop();
  });

  const readiness = async () => {
    const res = await fetch(`${base}/readyz`);

    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('GET /healthz answers 200 while the process is alive', async () => {
    const res = await fetch(`${base}/healthz`);

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 when MongoDB and Redis both answer', async () => {
    expect(await readiness()).toEqual({
      status: 200,
      body: { status: 'ready', checks: { mongodb: 'up', redis: 'up' } },
    });
  });

  describe('when Redis stops', () => {
    it('turns 503 naming Redis within 5 s, and back to 200 when it returns', async () => {
      await redis.stop();
      const stopped = Date.now();
      const down = await pollUntil(readiness, (r) => r.status === 503, 5_000);

      expect(Date.now() - stopped).toBeLessThan(5_000);
      expect(down.body).toEqual({
        status: 'unavailable',
        down: ['redis'],
        checks: { mongodb: 'up', redis: 'down' },
      });

      await redis.start();
      const up = await pollUntil(readiness, (r) => r.status === 200, 10_000);
      expect(up.body.status).toBe('ready');
    });
  });

  it('GET /metrics exposes default metrics and request durations by route and status', async () => {
    await fetch(`${base}/healthz`);
    const text = await (await fetch(`${base}/metrics`)).text();

    expect(text).toContain('process_cpu_seconds_total');
    expect(text).toMatch(/http_request_duration_seconds_count\{[^}]*route="\/healthz"[^}]*\} \d+/);
    expect(text).toMatch(/status="200"/);
  });

  it('answers unknown routes 404 in JSON', async () => {
    const res = await fetch(`${base}/nowhere`);

    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });

  it('answers malformed JSON 400 and an oversized body 413, without a stack trace', async () => {
    const post = (body: string) =>
      fetch(`${base}/healthz`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
    const malformed = await post('{"broken":');
    const oversized = await post(JSON.stringify({ text: 'x'.repeat(600 * 1024) }));

    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: 'malformed_json' });
    expect(oversized.status).toBe(413);
    expect(await oversized.text()).not.toMatch(/at .*\.js/);
  });
});
