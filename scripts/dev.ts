/**
 * `npm run dev`: the whole bot without a Feishu app. Refuses production and real credentials,
 * makes sure MongoDB and Redis answer (scripts/local-services.sh), starts the fake Feishu Open
 * API and the bot in this process, and prints the sandbox page's URL and the operations pages'
 * URL with the ADMIN_TOKEN made up for this start. `.env` is not read: the sandbox never picks
 * up a real app's credentials from it.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createLogger } from '../src/logging/logger.js';
import { isOpenedUp } from '../src/sandbox/sandbox-address.js';
import { generateCredentials, sandboxRefusal } from '../src/sandbox/sandbox-env.js';
import { startSandbox, type Sandbox } from '../src/sandbox/start-sandbox.js';

const root = fileURLToPath(new URL('..', import.meta.url));

function fail(message: string): never {
  process.stderr.write(`sandbox: ${message}\n`);
  process.exit(1);
}

/** The local services script, told the same store addresses the sandbox will use. */
function ensureServices(): void {
  const env = {
    ...process.env,
    MONGODB_URI: process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/dubanzhushou',
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
  const run = spawnSync('bash', [`${root}scripts/local-services.sh`], { env, stdio: 'inherit' });
  if (run.status !== 0) fail('MongoDB or Redis is not available (see the line above)');
}

async function main(): Promise<void> {
  const credentials = generateCredentials();
  const refusal = sandboxRefusal(process.env, credentials);
  if (refusal) fail(`refused: ${refusal}`);

  ensureServices();
  const sandbox = await startSandbox({
    source: process.env,
    credentials,
    logger: (level, pretty) => createLogger({ level, pretty }),
  }).catch((error: unknown) => fail(startFailure(error)));
  process.stdout.write(startLines(sandbox));

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void stopSandbox(sandbox);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** Where to go: the page, the operations pages (token included), and a word when opened up. */
function startLines(sandbox: Sandbox): string {
  const lines = [
    `督办助手 sandbox: open ${sandbox.pageUrl}  (Ctrl-C stops it)`,
    `运行管理（统计表、积分、档案）：${sandbox.adminUrl}`,
  ];
  if (isOpenedUp(sandbox.host)) {
    lines.push(
      `注意：沙盒监听 ${sandbox.host}（SANDBOX_HOST），能访问本机的人都能以任何人的身份操作`,
    );
  }

  return lines.map((line) => `${line}\n`).join('');
}

async function stopSandbox(sandbox: Sandbox): Promise<void> {
  const deadline = setTimeout(() => process.exit(1), 9_000);
  deadline.unref();
  await sandbox.stop();
  process.exit(0);
}

function startFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if ((error as { code?: string }).code === 'EADDRINUSE') {
    return `the port is in use (${message}); try PORT=3001 npm run dev`;
  }

  return `could not start: ${message}`;
}

main().catch((error: unknown) => fail(startFailure(error)));
