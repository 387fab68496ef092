/**
 * Card-callback throughput and latency, run by hand: `npm run bench:callback [-- seconds rates]`
 * e.g. `npm run bench:callback -- 10 50,100,200`.
 *
 * Signed, encrypted `card.action.trigger` requests go at fixed rates through the real app (a
 * web runtime on the real MongoDB-compatible store and Redis): signature, decryption, token
 * check, dedup (Redis SET NX and a unique insert), then a handler. Two handlers: one that loads
 * an assignment from the store (`store read`), one that does nothing (`edge only`, to show
 * what the edge itself costs). In the same run and process, the same rates go to a plain
 * express route of the same app (same middleware, no Feishu work): the baseline. Reports
 * throughput, p50 and p99 from each request's scheduled start, and the ratios to the baseline.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { Router } from 'express';
import mongoose from 'mongoose';
import { Redis } from 'ioredis';
import { silentLogger } from '../src/logging/logger.js';
import { startRuntime, type Runtime } from '../src/runtime.js';
import { startFakeOpenApi } from '../src/sandbox/fake-open-api.js';
import { insertAssignments, loadAssignment } from '../src/store/assignment.repo.js';
import { buildCardActionEvent, signedRequest } from '../test/support/feishu-events.js';
import { buildAssignment, people } from '../test/support/fixtures.js';
import { testEnv, testRedisUrl, uniqueName } from '../test/support/test-env.js';
import { runPhase, type PhaseResult, type PreparedRequest } from './open-loop.js';

const [secondsArg = '10', ratesArg = '50,100,200'] = process.argv.slice(2);
const seconds = Number(secondsArg);
const rates = ratesArg.split(',').map(Number);
const write = (line = '') => process.stdout.write(`${line}\n`);
const loadBefore = loadavg();

const fake = await startFakeOpenApi();
const env = testEnv({ FEISHU_BASE_URL: fake.url, QUEUE_PREFIX: uniqueName('bench') });
const runtime = await startBenchRuntime();
const base = `http://127.0.0.1:${runtime.port}`;
const assignment = buildAssignment();
await insertAssignments([assignment]);

/** The variants, each a way of building `count` pre-signed requests. */
const variants: Array<[string, (count: number) => PreparedRequest[]]> = [
  ['plain (baseline)', plain],
  ['callback, edge only', (count) => callbacks(count, 'benchNothing')],
  ['callback, store read', (count) => callbacks(count, 'benchOpen')],
];

try {
  for (const [, build] of variants) await runPhase('warm-up', 50, build(100));
  const rows: PhaseResult[][] = [];
  for (const rate of rates) {
    const row: PhaseResult[] = [];
    for (const [label, build] of variants)
      row.push(await runPhase(label, rate, build(rate * seconds)));
    rows.push(row);
  }
  await report(rows);
} finally {
  await cleanUp();
}

/** Clicks on a notice's button, each a fresh event (no duplicates), signed before the run. */
function callbacks(count: number, action: string): PreparedRequest[] {
  const keys = {
    encryptKey: env.FEISHU_ENCRYPT_KEY,
    verificationToken: env.FEISHU_VERIFICATION_TOKEN,
  };
  return Array.from({ length: count }, () => {
    const value = { a: action, id: assignment.id, v: assignment.version };
    const envelope = buildCardActionEvent({ operator: people.liaison, value });
    return { url: `${base}/feishu/events`, ...signedRequest(envelope, keys) };
  });
}

function plain(count: number): PreparedRequest[] {
  const body = JSON.stringify({ a: 'benchOpen', id: assignment.id });
  const headers = { 'content-type': 'application/json' };
  return Array.from({ length: count }, () => ({ url: `${base}/bench/plain`, headers, body }));
}

async function startBenchRuntime(): Promise<Runtime> {
  const baseline = Router();
  baseline.post('/plain', (req, res) => {
    res.json({ toast: { type: 'info', content: String((req.body as { id?: string }).id) } });
  });
  const started = await startRuntime(env, silentLogger(), {
    role: 'web',
    dbName: uniqueName('bench'),
    extraRouters: [{ path: '/bench', router: baseline }],
  });
  const { cardActions } = started.context.handlers;
  // A real read per click: the assignment and its pending transitions (loadAssignment).
  cardActions.set('benchOpen', async ({ value }) => {
    const found = await loadAssignment(String(value.id));
    return { toast: { type: 'info', content: found?.noticeNumber ?? '未找到' } };
  });
  cardActions.set('benchNothing', async () => ({ toast: { type: 'info', content: '已收到' } }));
  return started;
}

async function report(rows: PhaseResult[][]): Promise<void> {
  const info = await mongoose.connection.db?.admin().buildInfo();
  const store = info?.ferretdbVersion
    ? `FerretDB ${String(info.ferretdbVersion)}`
    : `MongoDB ${String(info?.version)}`;
  write(`card-callback benchmark: ${seconds} s per rate; ${cpus().length}× ${cpus()[0]?.model}`);
  write(`${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${store}; Redis`);
  write(`load average before the run: ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`);
  write();
  write('rate/s | route                | throughput/s | p50 ms | p99 ms | failed');
  for (const r of rows.flat()) {
    write(
      `${String(r.targetRate).padStart(6)} | ${r.label.padEnd(20)} | ` +
        `${r.throughput.toFixed(1).padStart(12)} | ${r.p50Ms.toFixed(1).padStart(6)} | ` +
        `${r.p99Ms.toFixed(1).padStart(6)} | ${r.failed}${describeFailures(r.failures)}`,
    );
  }
  write();
  for (const [baseline, ...callbacks] of rows) {
    for (const c of callbacks) {
      write(
        `${c.targetRate}/s ${c.label} ÷ baseline: throughput ${ratio(c.throughput, baseline!.throughput)}, ` +
          `p50 ${ratio(c.p50Ms, baseline!.p50Ms)}, p99 ${ratio(c.p99Ms, baseline!.p99Ms)}`,
      );
    }
  }
}

function describeFailures(failures: Record<string, number>): string {
  const parts = Object.entries(failures).map(([reason, n]) => `${reason} ×${n}`);

  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}×`;
}

async function cleanUp(): Promise<void> {
  await mongoose.connection.db?.dropDatabase();
  await runtime.stop();
  await fake.stop();
  const redis = new Redis(testRedisUrl);
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${env.QUEUE_PREFIX}:*`, 'COUNT', 500);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
  await redis.quit();
}
