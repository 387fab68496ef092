import { describe, expect, it } from 'vitest';
import { createChineseCalendar } from '../../../src/domain/calendar.js';
import { prepareIssue } from '../../../src/domain/issue.js';
import type { transitions } from '../../../src/domain/lifecycle/index.js';
import { fromMilliPoints } from '../../../src/domain/ledger.js';
import { issueItem } from '../../../src/store/issue.repo.js';
import { LedgerEntryModel } from '../../../src/store/ledger.model.js';
import { entriesFor, totalsFor } from '../../../src/store/ledger.repo.js';
import { performAction } from '../../../src/store/perform-action.js';
import { at, directory, people, policy } from '../../support/fixtures.js';
import { useServices } from '../../support/services.js';

useServices('ledger');

const calendar = createChineseCalendar({ holidays: [], workdays: [] });

async function issue(enterpriseIds: string[], now: Date) {
  const draft = {
    title: '年度重点任务督办',
    content: '按要求办理。',
    category: 'targetTask' as const,
    level: 'routine' as const,
    enterpriseIds,
  };
  const prepared = prepareIssue(draft, people.supervisor, { now, policy, calendar, directory });
  if ('ok' in prepared) throw new Error(prepared.message);

  return (await issueItem(prepared, { actor: people.supervisor, channel: 'command' }, policy))
    .assignments;
}

async function act(
  id: string,
  action: keyof typeof transitions,
  actor: typeof people.liaison,
  input: unknown,
  now: Date,
) {
  const result = await performAction(
    { assignmentId: id, action, actor, input: input as never, channel: 'card' },
    { now, policy, calendar },
  );
  if (!result.ok) throw new Error(`${action}: ${result.refusal.message}`);
}

/** Acknowledge, plan, feedback and sign-off: the assignment waits for review. */
async function bringToReview(
  id: string,
  liaison: typeof people.liaison,
  head: typeof people.head,
  day: string,
) {
  const now = at(`${day} 10:00`);
  const plan = {
    leader: { openId: head.openId, name: head.name },
    department: '办公室',
    owner: { openId: liaison.openId, name: liaison.name },
    measures: '按期推进',
    plannedDay: '2025-05-28',
  };
  await act(id, 'acknowledge', liaison, {}, now);
  await act(id, 'submitPlan', liaison, plan, now);
  await act(id, 'submitFeedback', liaison, { result: '已完成', completion: 'done' }, now);
  await act(id, 'signOff', head, { decision: 'approved' }, now);
}

describe('ledger totals for an assessment year', () => {
  it('match the table computed by hand', async () => {
    // 2025: three notices to 城投, two to 文旅, all issued 05-21 and due 05-28.
    const issuedAt = at('2025-05-21 09:00');
    const enterprises = ['chengtou', 'chengtou', 'chengtou', 'wenlv', 'wenlv'];
    const notices = [];
    for (const enterpriseId of enterprises)
      notices.push(...(await issue([enterpriseId], issuedAt)));
    // 2026: one notice to 城投, which belongs to the next assessment year.
    await issue(['chengtou'], at('2026-01-06 09:00'));
    const ids = notices.map((a) => a.id);
    const [c1, c2, c3, w1, w2] = ids as [string, string, string, string, string];

    // 城投 1: completed on time and high quality (+0.2).
    await bringToReview(c1, people.liaison, people.head, '2025-05-26');
    await act(
      c1,
      'review',
      people.supervisor,
      { decision: 'complete', onTimeHighQuality: true },
      at('2025-05-27 09:00'),
    );
    // 城投 2: overdue (−0.2), then judged perfunctory at review (−0.2).
    await act(c2, 'recordOverdue', people.system, {}, at('2025-05-29 09:00'));
    await bringToReview(c2, people.liaison, people.head, '2025-05-29');
    await act(
      c2,
      'review',
      people.supervisor,
      { decision: 'perfunctory', reason: '照抄材料' },
      at('2025-05-30 09:00'),
    );
    // 城投 3: refusal without valid reason (−1).
    await act(
      c3,
      'recordRefusal',
      people.supervisor,
      { reason: '拒不办理' },
      at('2025-05-23 09:00'),
    );
    // 文旅 1: withdrawn, so its −0.5 is reversed (+0.5).
    await act(w1, 'withdraw', people.supervisor, { reason: '重复交办' }, at('2025-05-22 09:00'));
    // 文旅 2: overdue (−0.2).
    await act(w2, 'recordOverdue', people.system, {}, at('2025-05-29 09:00'));

    const totals = await totalsFor(2025);

    //            notices      +0.2   overdue  perfunctory  refusal  reversal
    // 城投:  3 × −0.5 = −1.5  +0.2   −0.2     −0.2         −1       —        = −2.7
    // 文旅:  2 × −0.5 = −1.0  —      −0.2     —            —        +0.5     = −0.7
    expect(
      Object.fromEntries([...totals].map(([id, milli]) => [id, fromMilliPoints(milli)])),
    ).toEqual({
      chengtou: -2.7,
      wenlv: -0.7,
    });
    expect(fromMilliPoints((await totalsFor(2026)).get('chengtou') ?? 0)).toBe(-0.5);
    expect((await entriesFor('chengtou', 2025)).map((e) => e.kind)).toEqual([
      'noticeReceived',
      'noticeReceived',
      'noticeReceived',
      'refusal',
      'onTimeHighQuality',
      'overdue',
      'perfunctory',
    ]);
  });
});

describe('stored ledger entries', () => {
  it('are never edited nor deleted, by any route through the model', async () => {
    // A year of its own, so the totals above are untouched.
    const [notice] = await issue(['chengtou'], at('2024-06-03 09:00'));
    const key = `${notice!.id}:noticeReceived`;
    const byKey = { _id: key };
    const loaded = await LedgerEntryModel.findById(key);
    if (!loaded) throw new Error('entry missing');

    const attempts: Array<[string, () => Promise<unknown>]> = [
      ['updateOne', () => LedgerEntryModel.updateOne(byKey, { $set: { milliPoints: 0 } })],
      ['updateMany', () => LedgerEntryModel.updateMany({}, { $set: { milliPoints: 0 } })],
      ['findOneAndUpdate', () => LedgerEntryModel.findOneAndUpdate(byKey, { milliPoints: 0 })],
      [
        'replaceOne',
        () => LedgerEntryModel.replaceOne(byKey, { ...loaded.toObject(), reason: 'x' }),
      ],
      ['deleteOne', () => LedgerEntryModel.deleteOne(byKey)],
      ['deleteMany', () => LedgerEntryModel.deleteMany({})],
      ['findOneAndDelete', () => LedgerEntryModel.findOneAndDelete(byKey)],
      ['document save', () => Object.assign(loaded, { milliPoints: 0 }).save()],
      ['document deleteOne', () => loaded.deleteOne()],
    ];
    for (const [route, attempt] of attempts) {
      await expect(attempt(), route).rejects.toThrow('ledger entries are never changed');
    }

    expect(await LedgerEntryModel.findById(key).lean()).toMatchObject({
      milliPoints: -500,
      kind: 'noticeReceived',
    });
  });
});
