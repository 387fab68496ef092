/**
 * The outbox when Redis loses everything (FLUSHALL) while it holds a backlog: the messages are
 * recorded in MongoDB, and the redelivery sweep queues again those Redis lost, under the same
 * uuid, so each reaches Feishu once. A redis-server of this file's own may be flushed without
 * touching the shared one.
 */
import type { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Card } from '../../../cards/card.js';
import { redeliverLost } from '../../../jobs/outbox-redeliver.js';
import {
  outboxSweepEveryMs,
  outboxSweepQueueName,
  outboxSweepSchedulerId,
  startOutboxSweep,
} from '../../../jobs/outbox-sweep.job.js';
import {
  outboxJobId,
  outboxQueueName,
  startOutboxWorker,
  type OutboxSettings,
} from '../../../jobs/outbox.job.js';
import { startProcessedEventsCleanup } from '../../../jobs/processed-events-cleanup.job.js';
import { startReminderWorkers } from '../../../jobs/reminder-workers.js';
import { uuidOf } from '../../../src/app/reminder-messages.js';
import { FixedClock } from '../../../src/clock.js';
import { planReminders, reminderKey } from '../../../src/domain/reminder-plan.js';
import type { Outbound, Receiver } from '../../../src/feishu/outbound.js';
import { DeadLetterModel } from '../../../src/store/dead-letter.model.js';
import { OutboxMessageModel } from '../../../src/store/outbox-message.model.js';
import { remindersOf } from '../../../src/store/reminder-sent.repo.js';
import { issueNotice } from '../../support/enterprise-bot.js';
import { buildCardActionEvent } from '../../support/feishu-events.js';
import { at, people } from '../../support/fixtures.js';
import { pollUntil } from '../../support/poll.js';
import { freePort, PrivateRedis } from '../../support/private-redis.js';
import { startTestBot, type TestBot } from '../../support/test-bot.js';
import { cardSaying } from '../../support/test-card.js';

/** Chats of config/directory.example.yaml, which the test bot loads. */
const officeChat = 'oc_0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const chengtouChat = 'oc_1a1b2c3d4e5f60718293a4b5c6d7e8f9';
const liaison: Receiver = { type: 'open_id', id: people.liaison.openId };
const head: Receiver = { type: 'open_id', id: people.head.openId };
const settings: OutboxSettings = { attempts: 3, baseDelayMs: 50, maxDelayMs: 400 };

const clock = new FixedClock(at('2025-05-21 10:00'));
let redisServer: PrivateRedis;
let redis: Redis;
let bot: TestBot;
let outboxWorker: Worker | undefined;
let run = 0;

beforeAll(async () => {
  redisServer = new PrivateRedis(await freePort());
  await redisServer.start();
  redis = new Redis(redisServer.url);
  // The web role runs no worker: each test decides when the outbox works.
  bot = await startTestBot({ clock, role: 'web', env: { REDIS_URL: redisServer.url } });
});

afterAll(async () => {
  await bot?.stop();
  await redis?.quit();
  await redisServer?.stop();
});

beforeEach(() => {
  bot.fake.reset();
  clock.set(at('2025-05-21 10:00'));
  run += 1;
});

afterEach(async () => {
  await outboxWorker?.close();
  outboxWorker = undefined;
});

/** Starts the outbox worker and waits until it has sent everything queued. */
async function drainOutbox(): Promise<void> {
  outboxWorker ??= startOutboxWorker(bot.context, settings);
  await bot.waitForOutbox();
}

async function stopOutbox(): Promise<void> {
  await outboxWorker?.close();
  outboxWorker = undefined;
}

/** Open API calls that carried this uuid (sends, replies, files): Feishu's view of a message. */
function callsWith(uuid: string): number {
  return bot.fake.calls.filter(
    (call) => call.method === 'POST' && (call.body as { uuid?: string } | undefined)?.uuid === uuid,
  ).length;
}

function card(to: Receiver, text: string, extra: Partial<Outbound> = {}): Outbound {
  return { kind: 'send', to, card: cardSaying(text), uuid: `${text}-${run}`, ...extra } as Outbound;
}

async function enqueueAll(messages: Outbound[]): Promise<string[]> {
  for (const message of messages) await bot.context.outbox.enqueue(message);

  return messages.map((m) => ('uuid' in m ? m.uuid : ''));
}

const waitingJobs = () =>
  bot.context.queues.queue(outboxQueueName).getJobCountByTypes('waiting', 'delayed');

describe('the outbox after Redis lost its backlog', () => {
  it('sends each lost message once, with its uuid, and nothing twice that had gone', async () => {
    const gone = await enqueueAll([card(liaison, '已送达'), card(head, '也已送达')]);
    await drainOutbox();
    await stopOutbox();
    const backlog: Outbound[] = [
      card(liaison, '督办通知单'),
      card(head, '督办通知单（负责人）', { urgent: { kinds: ['app'], openIds: [head.id] } }),
      { kind: 'text', to: { type: 'chat_id', id: chengtouChat }, text: '请签收', uuid: `t-${run}` },
      {
        kind: 'file',
        to: liaison,
        fileName: '统计.xlsx',
        fileType: 'xls',
        contentBase64: Buffer.from('xlsx').toString('base64'),
        uuid: `f-${run}`,
      },
    ];
    const lost = await enqueueAll(backlog);
    const lostIds = backlog.map(outboxJobId);
    expect(await waitingJobs()).toBe(4);

    await redis.flushall();
    clock.advance(3 * 60_000);
    const report = await redeliverLost(bot.context, settings);
    await drainOutbox();

    expect(report).toMatchObject({ checked: 4, requeued: 4, deadLettered: 0 });
    expect([...gone, ...lost].map(callsWith)).toEqual([1, 1, 1, 1, 1, 1]);
    const [headCard] = bot.fake.messagesTo(head.id).filter((m) => m.uuid === lost[1]);
    expect(headCard?.urgent.map((push) => push.kind)).toEqual(['app']);
    expect(bot.fake.files.map((f) => f.fileName)).toEqual(['统计.xlsx']);
    expect(await redeliverLost(bot.context, settings)).toMatchObject({ checked: 0 });
    const records = await OutboxMessageModel.find({ _id: { $in: lostIds } }).lean();
    expect(records.map((r) => r.status)).toEqual([
      'delivered',
      'delivered',
      'delivered',
      'delivered',
    ]);
  });

  it('queues nothing for a message enqueued again after it was delivered and Redis lost', async () => {
    const message = card(liaison, '催办');
    const [uuid] = await enqueueAll([message]);
    await drainOutbox();
    await redis.flushall();

    await enqueueAll([message]);
    expect(await waitingJobs()).toBe(0);
    await drainOutbox();
    expect(callsWith(uuid!)).toBe(1);
  });

  it('leaves a message still waiting in Redis behind a backlog alone', async () => {
    const [uuid] = await enqueueAll([card(liaison, '排队中')]);
    clock.advance(10 * 60_000);

    expect(await redeliverLost(bot.context, settings)).toMatchObject({ checked: 1, requeued: 0 });
    await drainOutbox();
    expect(callsWith(uuid!)).toBe(1);
  });

  it('makes a message lost too long ago a dead letter, and the 督查室 decides with 重试', async () => {
    const [sent] = await enqueueAll([card(liaison, '早已送达')]);
    await drainOutbox();
    await stopOutbox();
    const [uuid] = await enqueueAll([card(liaison, '丢失的通知')]);
    await redis.flushall();
    clock.advance(51 * 60_000);

    const report = await redeliverLost(bot.context, settings);
    await drainOutbox();

    expect(report).toMatchObject({ checked: 1, requeued: 0, deadLettered: 1 });
    expect([callsWith(sent!), callsWith(uuid!)]).toEqual([1, 0]);
    const letter = await DeadLetterModel.findOne({ 'message.uuid': uuid }).lean();
    expect(letter).toMatchObject({ attempts: 0, alert: false, error: { code: 'lost' } });
    const alerts = bot.fake.cardsTo(officeChat) as Card[];
    expect(alerts).toHaveLength(1);
    expect(JSON.stringify(alerts[0])).toContain(
      '发送失败：城投联络员（发送队列中断，无法确认是否已送达）',
    );

    const value = { a: 'retryDeadLetter', dl: String(letter?._id) };
    await bot.postEvent(buildCardActionEvent({ operator: people.supervisor, value }));
    await drainOutbox();
    expect(callsWith(uuid!)).toBe(1);
  });
});

describe('the sweep', () => {
  it('runs when a worker starts, so what Redis lost goes out, and every 3 minutes after', async () => {
    const [uuid] = await enqueueAll([card(liaison, '重启之后')]);
    await redis.flushall();
    clock.advance(3 * 60_000);

    outboxWorker = startOutboxWorker(bot.context, settings);
    const sweeper = await startOutboxSweep(bot.context, settings);
    await pollUntil(
      async () => callsWith(uuid!),
      (calls) => calls > 0,
    );
    await bot.waitForOutbox();
    await sweeper.close();

    expect(callsWith(uuid!)).toBe(1);
    const sweeps = bot.context.queues.queue(outboxSweepQueueName);
    expect(await sweeps.getJobScheduler(outboxSweepSchedulerId)).toMatchObject({
      every: outboxSweepEveryMs,
    });
  });
});

describe('reminders handed to the outbox before Redis was lost', () => {
  it('reach liaison, head (with the urgent push) and the 督查室 once each', async () => {
    await drainOutbox();
    const a = await issueNotice(bot);
    await stopOutbox();
    const escalation = planReminders(a, bot.context.policy, bot.context.calendar, clock.now()).find(
      (r) => r.kind === 'ackEscalation',
    )!;
    const key = reminderKey(a.id, 'ackEscalation', escalation.dueAt);

    clock.set(escalation.dueAt);
    const reminders = await startReminderWorkers(bot.context);
    await reminders.scheduler.promoteDueReminders(clock.now());
    await pollUntil(
      () => remindersOf(a.id),
      (rs) => rs.some((r) => r.key === key && r.status === 'sent'),
    );
    await reminders.worker.close();
    await reminders.reconciler.close();

    await redis.flushall();
    clock.advance(3 * 60_000);
    await redeliverLost(bot.context, settings);
    await drainOutbox();

    const receivers = [liaison, head, { type: 'chat_id', id: officeChat } as const];
    expect(receivers.map((to) => callsWith(uuidOf(key, to)))).toEqual([1, 1, 1]);
    const headCopy = bot.fake.messagesTo(head.id).find((m) => m.uuid === uuidOf(key, head));
    expect(headCopy?.urgent.map((push) => push.kind)).toEqual(['app']);
  });
});

describe('the hourly clean-up', () => {
  it('deletes outbox records settled and older than 2 days, and keeps the rest', async () => {
    const daysAgo = (days: number) => new Date(clock.now().getTime() - days * 86_400_000);
    const text = { kind: 'text', to: liaison, text: '提醒', uuid: `old-${run}` };
    await OutboxMessageModel.insertMany([
      { _id: `old-delivered-${run}`, status: 'delivered', createdAt: daysAgo(3) },
      { _id: `old-dead-${run}`, status: 'dead', createdAt: daysAgo(3) },
      { _id: `old-pending-${run}`, status: 'pending', message: text, createdAt: daysAgo(3) },
      { _id: `new-delivered-${run}`, status: 'delivered', createdAt: daysAgo(1) },
    ]);
    const ours = { _id: { $regex: `-${run}$` } };

    await startProcessedEventsCleanup(bot.context);
    const left = await pollUntil(
      () => OutboxMessageModel.find(ours, { _id: 1 }).sort({ _id: 1 }).lean(),
      (rows) => rows.length < 4,
    );

    expect(left.map((r) => r._id)).toEqual([`new-delivered-${run}`, `old-pending-${run}`]);
  });
});
