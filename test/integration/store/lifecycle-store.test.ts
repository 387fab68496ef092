import { beforeEach, describe, expect, it } from 'vitest';
import { createChineseCalendar } from '../../../src/domain/calendar.js';
import { prepareIssue, type IssueDraft } from '../../../src/domain/issue.js';
import type { Refusal } from '../../../src/domain/refusal.js';
import { AssignmentModel } from '../../../src/store/assignment.model.js';
import { loadAssignment } from '../../../src/store/assignment.repo.js';
import { AuditEventModel } from '../../../src/store/audit-event.model.js';
import {
  claimTransition,
  timelineOf,
  transitionEvent,
} from '../../../src/store/audit-event.repo.js';
import { ItemModel } from '../../../src/store/item.model.js';
import { issueItem, resumeIssuing } from '../../../src/store/issue.repo.js';
import { LedgerEntryModel } from '../../../src/store/ledger.model.js';
import { entriesOf } from '../../../src/store/ledger.repo.js';
import { performAction } from '../../../src/store/perform-action.js';
import { transitions } from '../../../src/domain/lifecycle/index.js';
import { at, directory, people, policy } from '../../support/fixtures.js';
import { useServices } from '../../support/services.js';

useServices('lifecycle');

const calendar = createChineseCalendar({ holidays: [], workdays: [] });
const issueAt = at('2025-05-21 10:00');
const draft: IssueDraft = {
  title: '关于推进老城区改造项目的督办',
  content: '请报送项目推进情况。',
  category: 'districtInstruction',
  level: 'routine',
  enterpriseIds: ['chengtou'],
};

async function issue(overrides: IssueDraft = {}, now = issueAt) {
  const prepared = prepareIssue({ ...draft, ...overrides }, people.supervisor, {
    now,
    policy,
    calendar,
    directory,
  });
  if ('ok' in prepared) throw new Error(prepared.message);

  return issueItem(prepared, { actor: people.supervisor, channel: 'command' }, policy);
}

const act = (
  assignmentId: string,
  action: keyof typeof transitions,
  actor = people.liaison,
  input: unknown = {},
  now = at('2025-05-21 11:00'),
  cardVersion?: number,
) =>
  performAction(
    { assignmentId, action, actor, input: input as never, channel: 'card', cardVersion },
    { now, policy, calendar },
  );

beforeEach(async () => {
  await Promise.all([
    AssignmentModel.deleteMany({}),
    AuditEventModel.deleteMany({}),
    ItemModel.deleteMany({}),
    LedgerEntryModel.collection.deleteMany({}),
  ]);
});

describe('issuing', () => {
  it('numbers each enterprise’s notice, records the issue and the −0.5 entries', async () => {
    const { assignments } = await issue({ enterpriseIds: ['chengtou', 'wenlv'] });
    const stored = await AssignmentModel.find().sort({ seq: 1 }).lean();

    expect(
      stored.map((a) => [a._id, a.noticeNumber, a.enterpriseShortName, a.state, a.deadlineDay]),
    ).toEqual([
      ['2025-1', '珠国资督〔2025〕1号', '城投', 'issued', '2025-05-28'],
      ['2025-2', '珠国资督〔2025〕2号', '文旅', 'issued', '2025-05-28'],
    ]);
    expect(assignments).toHaveLength(2);
    expect(await entriesOf('2025-2')).toMatchObject([
      { kind: 'noticeReceived', milliPoints: -500, enterpriseId: 'wenlv' },
    ]);
    expect(await timelineOf('2025-1')).toMatchObject([
      { action: 'issue', version: 1, actor: { name: '王督查' }, channel: 'command' },
    ]);
    expect(await ItemModel.findOne().lean()).toMatchObject({
      status: 'issued',
      firstSeq: 1,
      lastSeq: 2,
    });
  });

  // In one process issues are queued in memory; numbering-processes.test.ts tests the database's
  // guard, with the 100 issues spread over four processes.
  it('gives 100 concurrent issues in one process the numbers 1..100, with no gap or repeat', async () => {
    const issued = await Promise.all(Array.from({ length: 100 }, () => issue()));
    const numbers = issued.map((i) => i.assignments[0]?.seq ?? 0).sort((a, b) => a - b);

    expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(await AssignmentModel.countDocuments()).toBe(100);
    expect(await LedgerEntryModel.countDocuments({ kind: 'noticeReceived' })).toBe(100);
  });

  it('starts numbering again at 1 in a new year', async () => {
    await issue();
    const { assignments } = await issue({}, at('2026-01-05 10:00'));

    expect(assignments[0]?.noticeNumber).toBe('珠国资督〔2026〕1号');
  });

  it('finishes an issue interrupted after its numbers were taken', async () => {
    await issue({ enterpriseIds: ['chengtou', 'wenlv'] });
    await AssignmentModel.deleteOne({ _id: '2025-2' });
    // The model refuses deletes: the lost entry is removed below it, as a crash would leave it.
    const entries = LedgerEntryModel.db.collection<{ _id: string }>('ledger_entries');
    await entries.deleteOne({ _id: '2025-2:noticeReceived' });
    await ItemModel.updateOne({}, { $set: { status: 'issuing' } });

    const resumed = await resumeIssuing(at('2025-05-21 10:05'), policy);

    expect(resumed).toHaveLength(1);
    expect(await AssignmentModel.findById('2025-2').lean()).toMatchObject({
      noticeNumber: '珠国资督〔2025〕2号',
      enterpriseName: '珠山区文化旅游投资集团有限公司',
    });
    expect(await LedgerEntryModel.countDocuments()).toBe(2);
    expect(await ItemModel.countDocuments({ status: 'issued' })).toBe(1);
  });
});

describe('performAction on the real store', () => {
  it('lets one of 20 concurrent acknowledgements through; the other 19 are told it is done', async () => {
    await issue();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        act('2025-1', 'acknowledge', people.liaison, {}, at('2025-05-21 10:32'), 1),
      ),
    );

    const refusals = results.filter((r) => !r.ok) as Array<{ refusal: Refusal }>;
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(refusals).toHaveLength(19);
    refusals.forEach((r) =>
      expect(r.refusal).toMatchObject({
        code: 'alreadyDone',
        message: '该通知已由 城投联络员 于 05-21 10:32 签收',
      }),
    );
    expect(await AssignmentModel.findById('2025-1').lean()).toMatchObject({
      state: 'acknowledged',
      version: 2,
    });
    const trail = await timelineOf('2025-1');
    expect(trail.filter((e) => e.action === 'acknowledge' && !e.refusal)).toHaveLength(1);
    expect(trail.filter((e) => e.refusal?.code === 'alreadyDone')).toHaveLength(19);
  });

  it('refuses a click from a card built on an older version and records it', async () => {
    await issue();
    await act('2025-1', 'acknowledge');
    const plan = {
      leader: { openId: people.head.openId, name: '城投张总' },
      department: '工程部',
      owner: { openId: people.owner.openId, name: '李工' },
      measures: '专班推进',
      plannedDay: '2025-05-27',
    };
    const stale = await act(
      '2025-1',
      'submitPlan',
      people.liaison,
      plan,
      at('2025-05-21 12:00'),
      1,
    );

    expect(stale).toMatchObject({
      ok: false,
      stale: true,
      refusal: { message: '卡片已更新，请在最新卡片上操作' },
      assignment: { version: 2 },
    });
    expect(await AssignmentModel.findById('2025-1').lean()).toMatchObject({
      state: 'acknowledged',
      version: 2,
    });
  });

  it('changes nothing and records the refusal when someone without the right clicks', async () => {
    await issue();
    const result = await act('2025-1', 'acknowledge', people.otherLiaison);

    expect(result).toMatchObject({
      ok: false,
      refusal: { code: 'notAllowed', message: '无权操作：此事项由城投承办' },
    });
    expect(await AssignmentModel.findById('2025-1').lean()).toMatchObject({
      state: 'issued',
      version: 1,
    });
    expect((await timelineOf('2025-1')).at(-1)).toMatchObject({
      action: 'acknowledge',
      actor: { name: '文旅联络员' },
      refusal: { code: 'notAllowed' },
      before: 'issued',
      after: 'issued',
    });
  });

  it('finishes a transition that was claimed but never written, on the next read', async () => {
    await issue();
    const current = await loadAssignment('2025-1');
    if (!current) throw new Error('missing');
    const outcome = transitions.acknowledge(
      current,
      people.liaison,
      {},
      { now: at('2025-05-21 10:40'), policy, calendar },
    );
    if (!outcome.ok) throw new Error(outcome.message);
    await claimTransition(
      transitionEvent(outcome, {
        actor: people.liaison,
        channel: 'card',
        at: at('2025-05-21 10:40'),
      }),
    );

    expect(await AssignmentModel.findById('2025-1').lean()).toMatchObject({ state: 'issued' });
    expect(await loadAssignment('2025-1')).toMatchObject({
      state: 'acknowledged',
      version: 2,
      acknowledgedBy: { name: '城投联络员' },
    });
    expect(await AuditEventModel.findOne({ key: '2025-1:v2' }).lean()).toMatchObject({
      applied: true,
    });
  });

  it('reverses the notice’s entries when it is withdrawn', async () => {
    await issue();
    const result = await act('2025-1', 'withdraw', people.supervisor, { reason: '重复交办' });

    expect(result.ok).toBe(true);
    expect((await entriesOf('2025-1')).map((e) => [e.kind, e.milliPoints])).toEqual([
      ['noticeReceived', -500],
      ['reversal', 500],
    ]);
  });

  it('stores a pending extension request as lapsed when the matter is withdrawn', async () => {
    await issue();
    await act('2025-1', 'requestExtension', people.liaison, {
      day: '2025-06-10',
      reason: '需协调',
    });
    await act(
      '2025-1',
      'withdraw',
      people.supervisor,
      { reason: '重复交办' },
      at('2025-05-22 09:00'),
    );

    expect((await loadAssignment('2025-1'))?.extensions).toMatchObject([
      { seq: 1, status: 'lapsed', lapsedAt: at('2025-05-22 09:00') },
    ]);
  });

  it('stores an extension set by the decider, with the rest day chosen', async () => {
    await issue();
    const input = { day: '2025-06-14', reason: '区领导同意延后' };
    const result = await act('2025-1', 'grantExtension', people.supervisor, input);

    expect(result.ok).toBe(true);
    expect(await loadAssignment('2025-1')).toMatchObject({
      deadlineDay: '2025-06-16',
      extensions: [
        { status: 'approved', direct: true, decidedDay: '2025-06-16', chosenDay: '2025-06-14' },
      ],
    });
  });

  it('rejects every change to an archived assignment', async () => {
    await issue();
    await act('2025-1', 'withdraw', people.supervisor, { reason: '重复交办' });
    await act('2025-1', 'archive', people.supervisor);
    const results = await Promise.all([
      act('2025-1', 'acknowledge'),
      act('2025-1', 'withdraw', people.supervisor, { reason: 'x' }),
    ]);

    results.forEach((r) =>
      expect(r).toMatchObject({ ok: false, refusal: { message: '该督办已归档，不能再修改' } }),
    );
    expect(await AssignmentModel.findById('2025-1').lean()).toMatchObject({
      state: 'archived',
      version: 3,
    });
  });
});
