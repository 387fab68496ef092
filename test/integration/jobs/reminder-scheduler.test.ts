import { beforeEach, describe, expect, it } from 'vitest';
import { loadAssignment } from '../../../src/store/assignment.repo.js';
import { at, people } from '../../support/fixtures.js';
import { act, bringToReview, issueOne } from '../../support/lifecycle-actions.js';
import { useReminderRig } from '../../support/reminder-rig.js';
import { useServices } from '../../support/services.js';

const services = useServices('reminderScheduler');
const rig = useReminderRig(services);

/** The pending jobs as 「kind yyyy-MM-dd HH:mm」 in Shanghai time, sorted. */
async function scheduled(): Promise<string[]> {
  const jobs = await rig.pendingJobs();
  const local = (ms: number) =>
    new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

  return [...jobs.values()].map((job) => `${job.kind} ${local(job.dueAt)}`).sort();
}

async function issueAndSync(): Promise<string> {
  const id = await issueOne('chengtou', rig.clock.now());
  await rig.scheduler.sync((await loadAssignment(id))!);

  return id;
}

beforeEach(async () => {
  rig.clock.set(at('2025-05-21 10:00'));
  await rig.emptyStore();
});

describe('ReminderScheduler.sync', () => {
  it('turns a routine notice issued Wed 05-21 into its reminder jobs', async () => {
    await issueAndSync();

    expect(await scheduled()).toEqual([
      'ackChase 2025-05-21 12:00',
      'ackEscalation 2025-05-22 10:00',
      'beforeDeadline 2025-05-26 09:00',
      'beforeDeadline 2025-05-27 09:00',
      'beforeDeadline 2025-05-28 09:00',
      'overdue 2025-05-29 09:00',
      'overdueRecord 2025-05-28 17:30',
      'overdueRepeat 2025-05-30 09:00',
    ]);
  });

  it('creates one job per reminder however often it is scheduled', async () => {
    const id = await issueAndSync();
    const once = await rig.pendingJobs();
    const assignment = (await loadAssignment(id))!;
    await Promise.all([rig.scheduler.sync(assignment), rig.scheduler.sync(assignment)]);

    const jobs = await rig.pendingJobs();
    expect(jobs.size).toBe(8);
    expect([...jobs.keys()].sort()).toEqual([...once.keys()].sort());
    expect(await rig.scheduler.queue.getJobCountByTypes('delayed', 'waiting')).toBe(8);
  });

  it('delays each job until its due time by the clock', async () => {
    await issueAndSync();
    const [job] = await rig.scheduler.queue.getJobs(['delayed']);

    expect(job!.delay).toBe(job!.data.dueAt - rig.clock.now().getTime());
  });

  it('moves the D−n and overdue jobs when an extension is approved', async () => {
    const id = await issueAndSync();
    rig.clock.set(at('2025-05-22 09:00'));
    await act(id, 'acknowledge', people.liaison, {}, rig.clock.now());
    await act(
      id,
      'requestExtension',
      people.liaison,
      { day: '2025-06-04', reason: '需协调' },
      rig.clock.now(),
    );
    const { event, assignment } = await act(
      id,
      'decideExtension',
      people.supervisor,
      { approve: true },
      rig.clock.now(),
    );
    await rig.events.dispatch(event);

    expect(assignment.deadlineDay).toBe('2025-06-04');
    expect(await scheduled()).toEqual([
      'beforeDeadline 2025-05-30 09:00',
      'beforeDeadline 2025-06-03 09:00',
      'beforeDeadline 2025-06-04 09:00',
      'overdue 2025-06-05 09:00',
      'overdueRecord 2025-06-04 17:30',
      'overdueRepeat 2025-06-06 09:00',
    ]);
  });

  it.each([
    [
      'completed',
      async (id: string) => {
        await bringToReview(id, '2025-05-23');
        return act(
          id,
          'review',
          people.supervisor,
          { decision: 'complete' },
          at('2025-05-23 11:00'),
        );
      },
    ],
    [
      'withdrawn',
      (id: string) =>
        act(id, 'withdraw', people.supervisor, { reason: '重复交办' }, at('2025-05-22 09:00')),
    ],
  ])('removes every job once the notice is %s', async (_state, finish) => {
    const id = await issueAndSync();
    const { event } = await finish(id);
    await rig.events.dispatch(event);

    expect(await scheduled()).toEqual([]);
  });
});
