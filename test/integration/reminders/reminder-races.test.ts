/**
 * Reminders fired at the same time by more than one hand: the overdue record and the overdue
 * notice racing each other, and two live reminder workers sharing one queue. Each is done
 * once: one −0.2, one set of messages, one message per reminder.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Outbound } from '../../../src/feishu/outbound.js';
import { overdueSince } from '../../../src/domain/deadlines.js';
import { loadAssignment } from '../../../src/store/assignment.repo.js';
import { timelineOf } from '../../../src/store/audit-event.repo.js';
import { entriesOf } from '../../../src/store/ledger.repo.js';
import { ReminderSentModel } from '../../../src/store/reminder-sent.model.js';
import { remindersOf } from '../../../src/store/reminder-sent.repo.js';
import { at, people } from '../../support/fixtures.js';
import { act, issueOne } from '../../support/lifecycle-actions.js';
import { pollUntil } from '../../support/poll.js';
import { useReminderRig } from '../../support/reminder-rig.js';
import { useServices } from '../../support/services.js';

const services = useServices('reminderRaces');
const rig = useReminderRig(services);

type Sent = Extract<Outbound, { kind: 'send' }>;

beforeEach(async () => {
  await rig.emptyStore();
});

/** `count` notices issued Wed 05-21 10:00 (routine, due 05-28 17:30) and acknowledged. */
async function acknowledgedNotices(count: number): Promise<string[]> {
  rig.clock.set(at('2025-05-21 10:00'));
  const ids: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const id = await issueOne('chengtou', rig.clock.now(), { title: `督办事项 ${n + 1}` });
    await act(id, 'acknowledge', people.liaison, {}, at('2025-05-21 11:00'));
    ids.push(id);
  }

  return ids;
}

describe('the overdue record and the overdue notice firing at once', () => {
  it('records −0.2 once and tells everyone once, whichever runs first', async () => {
    const [id] = (await acknowledgedNotices(1)) as [string];
    rig.clock.set(at('2025-05-29 09:00'));
    expect((await loadAssignment(id))!.overdueAt).toBeUndefined();
    const record = { assignmentId: id, kind: 'overdueRecord' as const };
    const notice = { assignmentId: id, kind: 'overdue' as const };

    const outcomes = await Promise.all([
      rig.fire({ ...record, dueAt: overdueSince(at('2025-05-28 17:30')).getTime() }),
      rig.fire({ ...notice, dueAt: at('2025-05-29 09:00').getTime() }),
    ]);

    // The record may find the notice has already recorded it, and then does nothing more.
    expect(outcomes[1]).toBe('sent');
    expect(['recorded', 'notPlanned']).toContain(outcomes[0]);
    const overdue = (await entriesOf(id)).filter((e) => e.kind === 'overdue');
    expect(overdue.map((e) => e.milliPoints)).toEqual([-200]);
    const recorded = (await timelineOf(id)).filter((e) => e.action === 'recordOverdue');
    expect(recorded.filter((e) => !e.refusal)).toHaveLength(1);
    const sent = (await rig.outboxMessages()) as Sent[];
    expect(sent.map((m) => m.to.id).sort()).toEqual(
      [people.liaison.openId, people.head.openId, people.supervisor.openId].sort(),
    );
    expect((await remindersOf(id)).map((r) => `${r.kind} ${r.status}`)).toEqual(['overdue sent']);
  });
});

describe('two reminder workers on one queue', () => {
  it('send each reminder of a batch exactly once', async () => {
    const ids = await acknowledgedNotices(12);
    for (const id of ids) await rig.scheduler.sync((await loadAssignment(id))!);
    const workers = [rig.startWorker(), rig.startWorker()];
    const runs: string[] = [];
    for (const worker of workers) worker.on('completed', (job) => runs.push(String(job.id)));

    rig.clock.set(at('2025-05-26 09:00')); // every notice's D−2, to its liaison
    const promoted = await rig.scheduler.promoteDueReminders(rig.clock.now());
    await pollUntil(
      async () => runs.length,
      (n) => n >= promoted,
    );

    expect(promoted).toBe(ids.length);
    expect(new Set(runs).size).toBe(runs.length);
    const sent = (await rig.outboxMessages()) as Sent[];
    expect(sent).toHaveLength(ids.length);
    expect(new Set(sent.map((m) => m.uuid)).size).toBe(ids.length);
    const rows = await ReminderSentModel.find().lean();
    expect(rows.map((r) => `${r.kind} ${r.status} ${r.messages}`)).toEqual(
      ids.map(() => 'beforeDeadline sent 1'),
    );
  });
});
