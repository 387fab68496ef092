import { beforeEach, describe, expect, it } from 'vitest';
import type { Card } from '../../../cards/card.js';
import { reminderJobId, type ReminderJobData } from '../../../jobs/reminder.job.js';
import { reminderKey } from '../../../src/domain/reminder-plan.js';
import type { Outbound } from '../../../src/feishu/outbound.js';
import { loadAssignment } from '../../../src/store/assignment.repo.js';
import { timelineOf } from '../../../src/store/audit-event.repo.js';
import { entriesOf } from '../../../src/store/ledger.repo.js';
import { ReminderSentModel } from '../../../src/store/reminder-sent.model.js';
import { remindersOf } from '../../../src/store/reminder-sent.repo.js';
import { buttonLabels, cardText } from '../../support/card-inspect.js';
import { at, directory, people } from '../../support/fixtures.js';
import { act, bringToReview, issueOne } from '../../support/lifecycle-actions.js';
import { pollUntil } from '../../support/poll.js';
import { useReminderRig } from '../../support/reminder-rig.js';
import { useServices } from '../../support/services.js';

const services = useServices('reminderProcessor');
const rig = useReminderRig(services);

type Sent = Extract<Outbound, { kind: 'send' }>;

/** What each receiver got: 「receiver: card title」, urgent pushes as ` [app]`. */
function summary(messages: Outbound[]): string[] {
  return (messages as Sent[])
    .map((m) => {
      const urgent = m.urgent ? ` [${m.urgent.kinds.join(',')}]` : '';
      const title = m.card.header?.title.content ?? firstLine(m.card);
      return `${nameOf(m.to.id)}: ${title}${urgent}`;
    })
    .sort();
}

function nameOf(openId: string): string {
  const person = Object.values(people).find((p) => p.openId === openId);
  return person?.name ?? openId;
}

/** A headerless card's first line as read: markdown emphasis and colour tags removed. */
function firstLine(card: Card): string {
  const line = cardText(card).trim().split('\n')[0] ?? '';

  return line.replace(/<[^>]+>/g, '').replace(/\*\*/g, '');
}

/** A notice issued Wed 05-21 10:00 (routine, due 05-28 17:30) and its jobs scheduled. */
async function issued(options: { acknowledged?: boolean; confidential?: boolean } = {}) {
  rig.clock.set(at('2025-05-21 10:00'));
  const id = await issueOne('chengtou', rig.clock.now(), { confidential: options.confidential });
  if (options.acknowledged)
    await act(id, 'acknowledge', people.liaison, {}, at('2025-05-21 11:00'));
  await rig.scheduler.sync((await loadAssignment(id))!);

  return id;
}

/** Moves the clock, promotes what is due and waits until no reminder job is left to run now. */
async function runAt(when: string | Date): Promise<void> {
  rig.clock.set(typeof when === 'string' ? at(when) : when);
  await rig.scheduler.promoteDueReminders(rig.clock.now());
  const runnable = () => rig.scheduler.queue.getJobCountByTypes('waiting', 'active', 'prioritized');
  await pollUntil(runnable, (n) => n === 0);
}

/** The reminder jobs left: 「kind dueAt」. */
async function nextJobs(): Promise<string[]> {
  return [...(await rig.pendingJobs()).values()].map((job) => `${job.kind} ${job.dueAt}`);
}

beforeEach(async () => {
  await rig.emptyStore();
  rig.startWorker();
});

describe('reminder jobs when they fire', () => {
  it.each([
    ['D−2: the liaison', '2025-05-26 09:00', ['城投联络员: 督办提醒 · 距时限还有 2 个工作日']],
    [
      'D−1: and the head, with an urgent push',
      '2025-05-27 09:00',
      [
        '城投张总: 督办提醒 · 距时限还有 1 个工作日 [app]',
        '城投联络员: 督办提醒 · 距时限还有 1 个工作日',
      ],
    ],
    [
      'D: and a line to the 督查室',
      '2025-05-28 09:00',
      [
        '城投张总: 督办提醒 · 今日到期 [app]',
        '城投联络员: 督办提醒 · 今日到期',
        '王督查: 【临近时限】 城投 珠国资督〔2025〕1号《督办事项 chengtou》今日 17:30 到期，' +
          '尚未办结；已提醒 城投联络员、城投张总（加急）',
      ],
    ],
  ])('climbs the ladder at %s (%s)', async (_label, local, expected) => {
    const id = await issued({ acknowledged: true });
    await runAt(local);

    const messages = await rig.outboxMessages();
    expect(summary(messages)).toEqual(expected);
    const card = (messages as Sent[]).find((m) => m.to.id === people.liaison.openId)!.card;
    expect(buttonLabels(card)).toEqual(['填报承办措施', '申请延期']);
    expect((await remindersOf(id)).map((r) => r.status)).toEqual(['sent']);
  });

  it('sends a reminder once, even when its job runs again', async () => {
    const id = await issued({ acknowledged: true });
    await runAt('2025-05-26 09:00');
    const data: ReminderJobData = {
      assignmentId: id,
      kind: 'beforeDeadline',
      dueAt: at('2025-05-26 09:00').getTime(),
    };
    await rig.scheduler.queue.add(data.kind, data, { jobId: reminderJobId(data) });
    await runAt('2025-05-26 09:05');

    expect(await rig.outboxMessages()).toHaveLength(1);
    expect(await ReminderSentModel.countDocuments()).toBe(1);
  });

  it('sends nothing for a notice completed since the job was scheduled', async () => {
    const id = await issued();
    await bringToReview(id, '2025-05-23');
    await act(id, 'review', people.supervisor, { decision: 'complete' }, at('2025-05-23 11:00'));
    await runAt('2025-05-26 09:00');

    expect(await rig.outboxMessages()).toEqual([]);
    expect(await remindersOf(id)).toEqual([]);
    expect(
      await rig.scheduler.queue.getJob(reminderKey(id, 'beforeDeadline', at('2025-05-26 09:00'))),
    ).toBeUndefined();
  });

  it('keeps a reminder that reaches nobody unsent, and sends it once the directory has someone', async () => {
    const id = await issued();
    const chengtou = directory.enterprises.find((e) => e.id === 'chengtou')!;
    rig.directory = {
      ...directory,
      enterprises: directory.enterprises.map((e) =>
        e === chengtou ? { ...chengtou, liaisonOpenIds: [] } : e,
      ),
    };
    await runAt('2025-05-21 12:00'); // the chase goes to the liaison, and 城投 has none

    expect(await rig.outboxMessages()).toEqual([]);
    expect((await remindersOf(id)).map((r) => r.status)).toEqual(['claimed']);
    expect(rig.warnings).toContainEqual(
      expect.objectContaining({
        assignmentId: id,
        kind: 'ackChase',
        msg: expect.stringContaining('nobody'),
      }),
    );

    rig.directory = directory;
    await runAt('2025-05-21 12:01');

    expect(summary(await rig.outboxMessages())).toEqual(['城投联络员: 督办提醒 · 请尽快签收']);
    expect((await remindersOf(id)).map((r) => r.status)).toEqual(['sent']);
  });

  it('holds a late reminder through quiet hours and sends it the next working morning', async () => {
    const id = await issued();
    await runAt('2025-05-21 19:00'); // the 12:00 chase, late: it is evening now

    expect(await rig.outboxMessages()).toEqual([]);
    expect(
      await rig.scheduler.queue.getJobState(reminderKey(id, 'ackChase', at('2025-05-21 12:00'))),
    ).toBe('delayed');

    await runAt('2025-05-22 09:00');
    const messages = await rig.outboxMessages();
    expect(summary(messages)).toEqual(['城投联络员: 督办提醒 · 请尽快签收']);
    expect(buttonLabels((messages[0] as Sent).card)).toEqual(['签收', '申请延期']);
  });

  it('shows a confidential notice’s number, title, deadline and state, never its content', async () => {
    await issued({ acknowledged: true, confidential: true });
    await runAt('2025-05-26 09:00');
    const [message] = (await rig.outboxMessages()) as Sent[];
    const text = cardText(message!.card);

    expect(text).toContain('珠国资督〔2025〕');
    expect(text).toContain('督办事项 chengtou');
    expect(text).toContain('2025-05-28 17:30');
    expect(text).toContain('已签收');
    expect(text).toContain('涉密');
    expect(text).not.toContain('请按要求办理并书面反馈');
  });
});

describe('when the deadline passes while open', () => {
  it('records −0.2 once at the deadline, then tells liaison, head and 督查室 next morning', async () => {
    const id = await issued({ acknowledged: true });
    await runAt('2025-05-28 17:30'); // the deadline instant itself is not yet past it
    expect((await loadAssignment(id))!.overdueAt).toBeUndefined();

    await runAt(new Date(at('2025-05-28 17:30').getTime() + 1_000));
    expect((await loadAssignment(id))!.overdueAt).toBeDefined();
    expect(await rig.outboxMessages()).toEqual([]); // 17:30 is after hours

    await runAt('2025-05-29 09:00');

    expect(summary(await rig.outboxMessages())).toEqual([
      '城投张总: 已逾期 1 天 · 已按规定加扣 0.2 分 [app]',
      '城投联络员: 已逾期 1 天 · 已按规定加扣 0.2 分',
      '王督查: 【逾期】 城投 珠国资督〔2025〕1号《督办事项 chengtou》已逾期 1 天' +
        '（时限 2025-05-28 17:30），已加扣 0.2 分；已提醒 城投联络员、城投张总（加急）',
    ]);
    // A stray record job afterwards finds nothing planned (the race itself: reminder-races).
    const recordAgain: ReminderJobData = { assignmentId: id, kind: 'overdueRecord', dueAt: 0 };
    recordAgain.dueAt = at('2025-05-28 17:30').getTime() + 1_000;
    await rig.scheduler.queue.add('overdueRecord', recordAgain, {
      jobId: reminderJobId(recordAgain),
    });
    await runAt('2025-05-29 09:01');
    const overdue = (await entriesOf(id)).filter((e) => e.kind === 'overdue');
    expect(overdue.map((e) => e.milliPoints)).toEqual([-200]);
    const next = await rig.pendingJobs();
    expect([...next.values()].map((job) => job.kind)).toEqual(['overdueRepeat']);
  });

  const firstNotice = [
    '城投张总: 已逾期 6 天 · 已按规定加扣 0.2 分 [app]',
    '城投联络员: 已逾期 6 天 · 已按规定加扣 0.2 分',
    '王督查: 【逾期】 城投 珠国资督〔2025〕1号《督办事项 chengtou》已逾期 6 天' +
      '（时限 2025-05-28 17:30），已加扣 0.2 分；已提醒 城投联络员、城投张总（加急）',
  ];

  it('still tells the 督查室 when the workers come back after a daily repeat is due', async () => {
    const id = await issued({ acknowledged: true });
    await runAt('2025-06-03 10:00'); // down since 05-28; the 06-03 repeat is due too

    // The first notice, once: the day's repeat would only say the same again.
    expect(summary(await rig.outboxMessages())).toEqual(firstNotice);
    expect((await entriesOf(id)).filter((e) => e.kind === 'overdue')).toHaveLength(1);
    expect(await nextJobs()).toEqual([`overdueRepeat ${at('2025-06-04 09:00').getTime()}`]);
  });

  it('still tells the 督查室 of a matter returned from review after its deadline', async () => {
    const id = await issued();
    await bringToReview(id, '2025-05-27');
    await act(
      id,
      'review',
      people.supervisor,
      { decision: 'return', reason: '缺少数据' },
      at('2025-06-03 09:30'),
    );
    rig.clock.set(at('2025-06-03 09:30'));
    await rig.scheduler.sync((await loadAssignment(id))!);
    await runAt('2025-06-03 10:00');

    expect(summary(await rig.outboxMessages())).toEqual(firstNotice);
    expect((await entriesOf(id)).filter((e) => e.kind === 'overdue')).toHaveLength(1);
    expect(await nextJobs()).toEqual([`overdueRepeat ${at('2025-06-04 09:00').getTime()}`]);
  });

  it('records overdue before telling, also when the record job was lost', async () => {
    const id = await issued({ acknowledged: true });
    await rig.scheduler.queue.remove(
      reminderKey(id, 'overdueRecord', new Date(at('2025-05-28 17:30').getTime() + 1_000)),
    );
    await runAt('2025-05-29 09:00');

    // Dated when it became overdue, not when the notice recorded it.
    const becameOverdue = new Date(at('2025-05-28 17:30').getTime() + 1_000);
    expect((await loadAssignment(id))!.overdueAt).toEqual(becameOverdue);
    const entries = (await entriesOf(id)).filter((e) => e.kind === 'overdue');
    expect(entries.map((e) => e.at)).toEqual([becameOverdue]);
    const events = await timelineOf(id);
    expect(events.filter((e) => e.action === 'recordOverdue').map((e) => e.at)).toEqual([
      becameOverdue,
    ]);
    expect(await rig.outboxMessages()).toHaveLength(3);
  });
});
