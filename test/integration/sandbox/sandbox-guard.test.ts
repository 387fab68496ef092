/**
 * The sandbox is never reachable in production: `npm run dev` refuses to start in production
 * or beside a real FEISHU_APP_ID (exit 1, one line), the sandbox router refuses to be built for
 * production, and a normally started bot has no /sandbox at all.
 */
import { spawn } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MongoClient } from 'mongodb';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logging/logger.js';
import { createSandboxRouter } from '../../../src/sandbox/sandbox.routes.js';
import type { SandboxService } from '../../../src/sandbox/sandbox-service.js';
import { startSandbox } from '../../../src/sandbox/start-sandbox.js';
import { startTestBot, type TestBot } from '../../support/test-bot.js';
import { projectRoot, testMongoUri, testRedisUrl, uniqueName } from '../../support/test-env.js';

/** Runs scripts/dev.ts with only these settings; resolves with its exit code and output. */
function runDev(env: Record<string, string>) {
  const loader = pathToFileURL(join(projectRoot, 'node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', loader, join(projectRoot, 'scripts/dev.ts')], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));

  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
}

describe('npm run dev', () => {
  it.each([
    [
      'NODE_ENV=production',
      { NODE_ENV: 'production' },
      'sandbox: refused: NODE_ENV=production: the sandbox is for development only; use npm start\n',
    ],
    [
      'a real FEISHU_APP_ID',
      { FEISHU_APP_ID: 'cli_a1b2c3d4e5f60718' },
      'sandbox: refused: FEISHU_APP_ID is set (real Feishu credentials?): unset it for the sandbox, or use npm start\n',
    ],
  ])('refuses to start with %s: exit 1 and one line', async (_case, env, line) => {
    const run = await runDev(env);

    expect(run).toEqual({ code: 1, stdout: '', stderr: line });
  });

  it('refuses in process too, before anything starts', async () => {
    const start = startSandbox({
      source: { NODE_ENV: 'production' },
      logger: () => silentLogger(),
    });

    await expect(start).rejects.toThrow('NODE_ENV=production');
  });

  it('stops at a port in use before it empties any store', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    const port = (taken.address() as AddressInfo).port;
    const dbName = uniqueName('sandboxport');
    const mongo = new MongoClient(testMongoUri);
    await mongo.db(dbName).collection('marks').insertOne({ mark: 'kept' });

    const start = startSandbox({
      source: { MONGODB_URI: testMongoUri, REDIS_URL: testRedisUrl, PORT: String(port) },
      logger: () => silentLogger(),
      dbName,
    });

    await expect(start).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect(await mongo.db(dbName).collection('marks').countDocuments()).toBe(1);
    await mongo.db(dbName).dropDatabase();
    await mongo.close();
    await new Promise((resolve) => taken.close(resolve));
  });

  it('builds no sandbox routes for production', () => {
    expect(() => createSandboxRouter({} as SandboxService, true)).toThrow(
      'the sandbox is never mounted in production',
    );
  });
});

describe('a normally started bot', () => {
  let bot: TestBot;

  beforeAll(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
    bot = await startTestBot();
  });

  afterAll(async () => {
    await bot?.stop();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it('listens on every interface, as a deployment needs (the sandbox keeps to 127.0.0.1)', () => {
    expect(bot.runtime.server?.address()).toMatchObject({
      address: expect.stringMatching(/^(::|0\.0\.0\.0)$/),
    });
  });

  it.each(['/sandbox', '/sandbox/', '/sandbox/app.js', '/sandbox/api/overview'])(
    'answers 404 at %s',
    async (path) => {
      const response = await fetch(`${bot.url}${path}`);

      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: 'not_found' });
    },
  );
});
