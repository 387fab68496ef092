/**
 * What the durable outbox costs, run by hand: `npx tsx bench/outbox.bench.ts [messages lanes]`,
 * default 1000 10.
 *
 * On a redis-server of its own and a fresh database on the MongoDB-compatible store, `messages`
 * reminder-sized cards are enqueued `lanes` at a time:
 * 1. Baseline: the same jobs added straight to BullMQ (what the outbox did before it recorded
 *    anything in MongoDB).
 * 2. `Outbox.enqueue`: the `outbox_messages` insert, then the same BullMQ add.
 * 3. The worker's extra write per delivered message (`delivered`, payload dropped), one at a
 *    time, against the 66 ms each message has under the outbox's 15 a second. FerretDB on
 *    SQLite reads the whole collection for an update by `_id` (a find by `_id` and an insert
 *    do not), so this step grows with the collection: `messages` rows here.
 */
import { cpus, loadavg } from 'node:os';
import type { Card } from '../cards/card.js';
import {
  createOutbox,
  defaultOutboxSettings,
  outboxJobId,
  outboxLimiter,
  outboxQueueName,
  type OutboxJobData,
} from '../jobs/outbox.job.js';
import { systemClock } from '../src/clock.js';
import type { Outbound } from '../src/feishu/outbound.js';
import { settleOutboxMessage } from '../src/store/outbox-message.repo.js';
import { percentile } from './open-loop.js';
import { openPrivateStores } from './private-stores.js';

const [countArg = '1000', lanesArg = '10'] = process.argv.slice(2);
const [count, lanes] = [Number(countArg), Number(lanesArg)];
const write = (line = '') => process.stdout.write(`${line}\n`);
const loadBefore = loadavg();

const { redis, queues, close } = await openPrivateStores('benchOutbox');

try {
  write(`outbox benchmark: ${count} messages, ${lanes} at a time; ${cpus().length}× CPU`);
  write(`load average before the run: ${loadBefore.map((l) => l.toFixed(2)).join(' ')}`);
  await run();
} finally {
  await close();
}

async function run(): Promise<void> {
  const queue = queues.queue<OutboxJobData>(outboxQueueName);
  const plainAdd = (message: Outbound) =>
    queue.add(message.kind, { message }, { jobId: outboxJobId(message), attempts: 8 });
  const outbox = createOutbox({ queues, clock: systemClock }, defaultOutboxSettings);

  const plain = await timedEach(messages('plain'), plainAdd);
  await redis.flushall();
  const durable = await timedEach(messages('durable'), (m) => outbox.enqueue(m));
  const ids = messages('durable').map(outboxJobId);
  const settle = await timedEach(ids, (id) => settleOutboxMessage(id, 'delivered', new Date()), 1);

  write();
  write('step                                   |  total | p50 each | p99 each | ratio');
  row('plain BullMQ add (baseline)', plain, plain);
  row('Outbox.enqueue (insert, then add)', durable, plain);
  row('worker: mark delivered, one at a time', settle, plain);
  const slotMs = outboxLimiter.duration / outboxLimiter.max;
  write();
  write(
    `marking delivered takes ${ms(settle.p50)} of the ${ms(slotMs)} each message has at ` +
      `${outboxLimiter.max}/s (p50)`,
  );
}

/** Reminder-sized cards with their own uuids. */
function messages(tag: string): Outbound[] {
  const card: Card = {
    schema: '2.0',
    config: { update_multi: true },
    header: {
      title: { tag: 'plain_text', content: '督办提醒 · 距时限还有 2 个工作日' },
      template: 'yellow',
    },
    body: { elements: [{ tag: 'markdown', content: '督办事项'.repeat(120) }] },
  };

  return Array.from({ length: count }, (_, i) => ({
    kind: 'send',
    to: { type: 'open_id', id: `ou_${String(i).padStart(32, '0')}` },
    card,
    uuid: `${tag}-${i}`,
  }));
}

interface Timing {
  totalMs: number;
  p50: number;
  p99: number;
}

/** Runs `work` on every item, `width` at a time: the whole time and each call's. */
async function timedEach<T>(
  items: T[],
  work: (item: T) => Promise<unknown>,
  width = lanes,
): Promise<Timing> {
  const each: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      const started = performance.now();
      await work(item);
      each.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: width }, lane));
  const totalMs = performance.now() - started;
  each.sort((a, b) => a - b);

  return { totalMs, p50: percentile(each, 0.5), p99: percentile(each, 0.99) };
}

function row(label: string, t: Timing, baseline: Timing): void {
  const ratio = `${(t.totalMs / baseline.totalMs).toFixed(1)}×`;
  write(
    `${label.padEnd(38)} | ${ms(t.totalMs).padStart(6)} | ${ms(t.p50).padStart(8)} | ` +
      `${ms(t.p99).padStart(8)} | ${ratio.padStart(5)}`,
  );
}

function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${value.toFixed(1)} ms`;
}
