/**
 * A reminder worker killed in the middle of a reminder (SIGKILL, in a process of its own):
 * after BullMQ hands the stalled job to another worker, the liaison gets exactly one message.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import mongoose from 'mongoose';
import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOutboxWorker } from '../../../jobs/outbox.job.js';
import {
  createReminderScheduler,
  startReminderWorkers,
  type ReminderWorkers,
} from '../../../jobs/reminder-workers.js';
import { FixedClock } from '../../../src/clock.js';
import { reminderKey } from '../../../src/domain/reminder-plan.js';
import { remindersOf } from '../../../src/store/reminder-sent.repo.js';
import { uuidOf } from '../../../src/app/reminder-messages.js';
import { cardOf, issueNotice } from '../../support/enterprise-bot.js';
import { at, people } from '../../support/fixtures.js';
import { pollUntil } from '../../support/poll.js';
import { startTestBot, type TestBot } from '../../support/test-bot.js';
import { mongoUriFor, projectRoot, testRedisUrl } from '../../support/test-env.js';

const clock = new FixedClock(at('2025-05-21 10:00'));
let bot: TestBot;
let child: ChildProcess | undefined;
let rescuer: ReminderWorkers | undefined;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  // The web role runs no worker: this test decides which process works, and when.
  bot = await startTestBot({ clock, role: 'web' });
  startOutboxWorker(bot.context, { attempts: 3, baseDelayMs: 50, maxDelayMs: 400 });
});

afterEach(async () => {
  child?.kill('SIGKILL');
  await rescuer?.worker.close();
  await rescuer?.reconciler.close();
  expect(nock.isDone()).toBe(true);
  nock.cleanAll();
});

afterAll(async () => {
  await bot?.stop();
  nock.enableNetConnect();
});

/** Starts the crash worker; resolves once it has stopped dead in `mode`. */
function crashWorker(mode: 'claimed' | 'enqueued'): Promise<void> {
  const loader = pathToFileURL(join(projectRoot, 'node_modules/tsx/dist/loader.mjs')).href;
  const script = join(projectRoot, 'test/support/reminder-crash-worker.ts');
  const args = [mongoUriFor(mongoose.connection.name), testRedisUrl, bot.context.queues.prefix];
  child = spawn(process.execPath, [
    '--import',
    loader,
    script,
    ...args,
    clock.now().toISOString(),
    mode,
  ]);
  let out = '';

  return new Promise((resolve, reject) => {
    child!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(`${mode}\n`)) resolve();
    });
    child!.once('exit', (code) => reject(new Error(`crash worker exited early (${code})`)));
  });
}

/** The 「请尽快签收」 chases of a notice the liaison holds, and the send calls for one uuid. */
function chasesAndCalls(noticeNumber: string, uuid: string) {
  const chases = bot.fake.messagesTo(people.liaison.openId).filter((m) => {
    const header = cardOf(m).header;
    return (
      header?.title.content === '督办提醒 · 请尽快签收' && header.subtitle?.content === noticeNumber
    );
  });
  const calls = bot.fake.calls.filter(
    (call) => call.method === 'POST' && (call.body as { uuid?: string } | undefined)?.uuid === uuid,
  );

  return { chases: chases.length, calls: calls.length };
}

describe('a reminder worker killed mid-job', () => {
  it.each([
    ['after claiming, before anything reached the outbox', 'claimed' as const],
    ['after the message reached the outbox, before it was marked sent', 'enqueued' as const],
  ])('%s: the liaison gets exactly one reminder', async (_when, mode) => {
    clock.set(at('2025-05-21 10:00'));
    const a = await issueNotice(bot);
    clock.set(at('2025-05-21 12:00'));
    const key = reminderKey(a.id, 'ackChase', at('2025-05-21 12:00'));
    const uuid = uuidOf(key, { type: 'open_id', id: people.liaison.openId });

    const stopped = crashWorker(mode);
    await createReminderScheduler(bot.context).promoteDueReminders(clock.now());
    await stopped;
    child!.kill('SIGKILL');
    expect((await remindersOf(a.id)).map((r) => r.status)).toEqual(['claimed']);

    // Another worker takes the stalled job over once the dead one's lock has expired.
    rescuer = await startReminderWorkers(bot.context, {
      lockDurationMs: 1_000,
      stalledIntervalMs: 500,
    });
    await pollUntil(
      () => remindersOf(a.id),
      (rs) => rs[0]?.status === 'sent',
      20_000,
    );
    await bot.waitForOutbox();

    expect(chasesAndCalls(a.noticeNumber, uuid)).toEqual({ chases: 1, calls: 1 });
  });
});
