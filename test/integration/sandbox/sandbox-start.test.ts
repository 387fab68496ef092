/**
 * Where the sandbox can be reached: `npm run dev` prints the page's address and the operations
 * pages' address with the sandbox's ADMIN_TOKEN, and both open; the sandbox listens on this
 * machine only (127.0.0.1) unless SANDBOX_HOST opens it up.
 */
import { createServer, type AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/logging/logger.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox.js';
import { pollUntil } from '../../support/poll.js';
import { deleteKeys } from '../../support/services.js';
import { spawnScript, type SpawnedBot } from '../../support/spawn-bot.js';
import { dropDatabase, testMongoUri, testRedisUrl, uniqueName } from '../../support/test-env.js';

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));

  return port;
}

/** Empties what a sandbox left in the stores. */
async function removeStores(dbName: string, prefix: string): Promise<void> {
  await dropDatabase(dbName);
  const redis = new Redis(testRedisUrl);
  await deleteKeys(redis, `${prefix}:*`);
  await redis.quit();
}

/** Node's fetch may try ::1 for localhost where the sandbox listens on 127.0.0.1 only. */
const ipv4 = (url: string) => url.replace('//localhost:', '//127.0.0.1:');

describe('npm run dev', () => {
  let dev: SpawnedBot | undefined;
  let port = 0;

  afterEach(async () => {
    if (!dev) return;
    dev.child.kill('SIGTERM');
    await dev.exited;
    await removeStores(`dubanzhushou_sandbox_${port}`, `sandbox-${port}`);
  });

  it('prints the page and the operations pages with their token, and both open', async () => {
    port = await freePort();
    // HOME: scripts/local-services.sh, which dev.ts runs first, looks for FerretDB under it.
    const env = { PORT: String(port), MONGODB_URI: testMongoUri, REDIS_URL: testRedisUrl };
    const started = spawnScript('scripts/dev.ts', { ...env, HOME: process.env.HOME });
    dev = started;
    let ended = false;
    void started.exited.then(() => (ended = true));

    const out = await pollUntil(
      () => Promise.resolve(started.stdout()),
      (text) => ended || text.includes('Ctrl-C'),
      60_000,
      100,
    );

    expect(started.stderr()).toBe('');
    const [pageLine, adminLine, ...rest] = out.trimEnd().split('\n');
    expect(pageLine).toBe(
      `督办助手 sandbox: open http://localhost:${port}/sandbox  (Ctrl-C stops it)`,
    );
    const adminUrl = `http://localhost:${port}/admin/?token=`;
    expect(adminLine).toMatch(/^运行管理（统计表、积分、档案）：http:\/\/\S+$/);
    expect(adminLine).toContain(adminUrl);
    expect(rest).toEqual([]);
    const admin = await fetch(ipv4(adminLine!.slice(adminLine!.indexOf('http'))));
    expect(admin.status).toBe(200);
    expect(await admin.text()).toContain('督办助手 · 运行管理');
    expect((await fetch(ipv4(adminUrl))).status).toBe(401);
    expect((await fetch(ipv4(`http://localhost:${port}/sandbox/`))).status).toBe(200);
  }, 90_000);
});

describe('startSandbox', () => {
  let sandbox: Sandbox | undefined;
  const dbName = uniqueName('sandboxhost');
  const queuePrefix = uniqueName('sandboxhost');

  afterEach(async () => {
    await sandbox?.stop();
    sandbox = undefined;
    await removeStores(dbName, queuePrefix);
  });

  async function start(settings: Record<string, string>): Promise<Sandbox> {
    const source = { MONGODB_URI: testMongoUri, REDIS_URL: testRedisUrl, PORT: '0', ...settings };
    sandbox = await startSandbox({ source, logger: () => silentLogger(), dbName, queuePrefix });

    return sandbox;
  }

  it('listens on 127.0.0.1 only: nobody else on the network can act as anyone', async () => {
    const { runtime } = await start({});

    expect(runtime.server?.address()).toMatchObject({ address: '127.0.0.1' });
  });

  it('listens where SANDBOX_HOST says, and still answers its own events', async () => {
    const { runtime, pageUrl, service } = await start({ SANDBOX_HOST: '0.0.0.0' });

    expect(runtime.server?.address()).toMatchObject({ address: '0.0.0.0' });
    expect((await fetch(ipv4(pageUrl))).status).toBe(200);
    const wangMin = 'ou_cefa1f9659fdbccc2ea34ca891c933f4';
    const [privateChat] = (await service.overview(wangMin)).chats;
    expect(await service.say(wangMin, privateChat!.chatId, '帮助')).toEqual({ status: 200 });
  });
});
