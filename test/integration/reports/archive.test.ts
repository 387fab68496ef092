import JSZip from 'jszip';
import mongoose from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../../src/clock.js';
import { AssignmentEventBus } from '../../../src/app/assignment-events.js';
import { archiveAssignment } from '../../../src/app/archive/archive-assignment.js';
import { autoArchive } from '../../../src/app/archive/auto-archive.js';
import { dossierOnArchive } from '../../../src/app/archive/dossier-listener.js';
import type { Dossier } from '../../../src/domain/dossier.js';
import { defaultPolicy, type Policy } from '../../../src/domain/policy.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { dossierFiles, dossierZip } from '../../../src/reports/dossier-zip.js';
import { loadAssignment } from '../../../src/store/assignment.repo.js';
import { DossierModel } from '../../../src/store/dossier.model.js';
import { loadDossier } from '../../../src/store/dossier.repo.js';
import { performAction } from '../../../src/store/perform-action.js';
import { at, directory, people } from '../../support/fixtures.js';
import { act, bringToReview, calendar, issueOne } from '../../support/lifecycle-actions.js';
import { useServices } from '../../support/services.js';

useServices('archive');

const policy: Policy = {
  ...defaultPolicy,
  archive: { autoArchiveAfterDays: 30, retention: '永久' },
};
const clock = new FixedClock(at('2025-06-03 09:00'));
const logger = silentLogger();
const events = new AssignmentEventBus(logger);
events.on(
  'dossier',
  dossierOnArchive({ directory: { current: async () => directory }, policy, logger }),
);
const context = { policy, calendar, clock, events, logger };

/** A notice issued 05-21, acknowledged, planned, returned once, completed 05-27 (+0.2). */
async function completedNotice(): Promise<string> {
  const id = await issueOne('chengtou', at('2025-05-21 09:00'), {
    title: '关于推进老城区改造项目的督办',
  });
  await bringToReview(id, '2025-05-23', { acknowledgedAt: at('2025-05-21 10:00') });
  await act(
    id,
    'review',
    people.supervisor,
    { decision: 'return', reason: '补充数据' },
    at('2025-05-24 09:00'),
  );
  await act(
    id,
    'submitFeedback',
    people.liaison,
    { result: '数据已补充', completion: 'done' },
    at('2025-05-26 09:00'),
  );
  await act(id, 'signOff', people.head, { decision: 'approved' }, at('2025-05-26 10:00'));
  await act(
    id,
    'review',
    people.supervisor,
    { decision: 'complete', onTimeHighQuality: true },
    at('2025-05-27 09:00'),
  );

  return id;
}

let archivedId: string;
let dossier: Dossier;

beforeAll(async () => {
  archivedId = await completedNotice();
  // What the reminders feature records when it pushes a reminder.
  await mongoose.connection.collection('reminders_sent').insertOne({
    _id: `${archivedId}:beforeDeadline:x` as never,
    assignmentId: archivedId,
    kind: 'beforeDeadline',
    dueAt: at('2025-05-26 09:00'),
    status: 'sent',
    claimedAt: at('2025-05-26 09:00'),
    sentAt: at('2025-05-26 09:00'),
    messages: 2,
  });
  clock.set(at('2025-06-03 09:00'));
  const result = await archiveAssignment(context, people.supervisor, archivedId);
  if (!result.ok || !result.dossier) throw new Error('not archived');
  dossier = result.dossier;
}, 180_000);

describe('archiving by a supervisor', () => {
  it('freezes the assignment and files a dossier with its archive metadata', async () => {
    expect((await loadAssignment(archivedId))?.state).toBe('archived');
    expect(dossier).toMatchObject({
      assignmentId: archivedId,
      archiveNumber: '2025-督办-0001',
      year: 2025,
      retention: '永久',
      archivedAt: at('2025-06-03 09:00'),
      archivedBy: { name: '王督查' },
      office: { supervisionUnit: '区国有资产管理中心（督查室）' },
    });
  });

  it('keeps the whole record: plan, feedback, sign-offs, reviews, reminders, ledger, timeline', () => {
    const a = dossier.assignment;

    expect(a.plan?.department).toBe('办公室');
    expect(a.feedback?.result).toBe('数据已补充');
    expect(a.signOffs.map((s) => s.decision)).toEqual(['approved', 'approved']);
    expect(a.reviews.map((r) => r.decision)).toEqual(['return', 'complete']);
    expect(dossier.reminders).toEqual([
      {
        kind: 'beforeDeadline',
        dueAt: at('2025-05-26 09:00'),
        status: 'sent',
        sentAt: at('2025-05-26 09:00'),
        messages: 2,
      },
    ]);
    expect(dossier.ledger.map((l) => [l.kind, l.milliPoints])).toEqual([
      ['noticeReceived', -500],
      ['onTimeHighQuality', 200],
    ]);
    expect(dossier.timeline.map((t) => t.action)).toEqual([
      'issue',
      'acknowledge',
      'submitPlan',
      'submitFeedback',
      'signOff',
      'review',
      'submitFeedback',
      'signOff',
      'review',
      'archive',
    ]);
    expect(dossier.timeline[0]).not.toHaveProperty('snapshot');
  });

  it('refuses every later change, and a second archiving says when it was archived', async () => {
    const change = await performAction(
      {
        assignmentId: archivedId,
        action: 'review',
        actor: people.supervisor,
        input: { decision: 'return', reason: 'x' },
        channel: 'command',
      },
      { now: at('2025-06-04 09:00'), policy, calendar },
    );
    const again = await archiveAssignment(context, people.supervisor, archivedId);

    expect(change).toMatchObject({ ok: false, refusal: { message: '该督办已归档，不能再修改' } });
    expect(again).toMatchObject({
      ok: false,
      refusal: { code: 'alreadyDone', message: '该督办已于 06-03 09:00 归档' },
    });
  });

  it('never updates a stored dossier', async () => {
    await expect(
      DossierModel.updateOne({ _id: archivedId }, { $set: { retention: '10年' } }),
    ).rejects.toThrow('dossiers are immutable');
    expect((await loadDossier(archivedId))?.retention).toBe('永久');
  });

  it.each([
    ['an open notice', people.supervisor, '办结后方可归档'],
    ['an enterprise liaison', people.liaison, '无权操作：此操作由督查室办理'],
  ])('is refused for %s, and nothing is filed', async (_case, actor, message) => {
    const id = await issueOne('chengtou', at('2025-05-28 09:00'));
    if (actor === people.liaison) {
      await act(id, 'withdraw', people.supervisor, { reason: '重复交办' }, at('2025-05-28 10:00'));
    }
    const result = await archiveAssignment(context, actor, id);

    expect(result).toMatchObject({ ok: false, refusal: { message } });
    expect(await loadDossier(id)).toBeNull();
  });
});

describe('the dossier zip', () => {
  it('holds the record as JSON, the dossier page and the printable notice', async () => {
    const zip = await JSZip.loadAsync(await dossierZip(dossier, policy));
    const record = JSON.parse(await zip.file(dossierFiles.record)!.async('string')) as Dossier;
    const page = await zip.file(dossierFiles.page)!.async('string');
    const notice = await zip.file(dossierFiles.notice)!.async('string');

    expect(Object.keys(zip.files).sort()).toEqual(['dossier.html', 'dossier.json', 'notice.html']);
    expect(record).toMatchObject({
      archiveNumber: '2025-督办-0001',
      retention: '永久',
      assignmentId: archivedId,
    });
    expect(record.timeline).toHaveLength(10);
    expect(page).toContain('2025-督办-0001');
    expect(page).toContain('退回重办，补充数据');
    expect(page).toContain('+0.2 按时高质量办结（酌情抵扣）');
    expect(notice).toContain('珠山区财政局（国资办）督办通知单');
    expect(notice).toContain('珠国资督〔2025〕1号');
    expect(notice).toContain('第一责任人签字');
  });

  it('reads the timeline and reminders in Chinese, as 查看 does, with no code names', async () => {
    const zip = await JSZip.loadAsync(await dossierZip(dossier, policy));
    const page = await zip.file(dossierFiles.page)!.async('string');
    const timeline = page.slice(page.indexOf('办理过程'));

    expect(timeline).toContain('王督查 交办</td>');
    expect(timeline).toContain('城投联络员 签收（待签收→已签收）');
    expect(timeline).toContain('城投张总 第一责任人审签同意（待审签→审核中）');
    expect(timeline).toContain('王督查 退回重办（审核中→办理中）：补充数据');
    expect(timeline).toContain('王督查 审核办结（审核中→已办结）');
    expect(timeline).toContain('王督查 归档（已办结→已归档）');
    expect(page).toContain('到期前提醒（已发送）');
    expect(page).not.toMatch(/issue|acknowledge|signOff|approved|in_progress|beforeDeadline/);
  });

  it('keeps the printable notice as it was when archived, whatever the policy says later', async () => {
    const later: Policy = {
      ...policy,
      noticeNumber: { prefix: '珠财督' },
      scoring: { ...policy.scoring, noticeReceived: -1, overdue: -0.5 },
      deadlines: { ...policy.deadlines, endOfDay: '18:00' },
    };
    const noticeIn = async (bytes: Buffer) =>
      (await JSZip.loadAsync(bytes)).file(dossierFiles.notice)!.async('string');
    const stored = (await loadDossier(archivedId))!;

    const atArchive = await noticeIn(await dossierZip(dossier, policy));
    const afterwards = await noticeIn(await dossierZip(stored, later));

    expect(afterwards).toBe(atArchive);
    expect(afterwards).toContain('收到本通知单扣 0.5 分');
    expect(afterwards).toContain('2025-05-28 17:30 前');
    expect(afterwards).toContain('通过办结，按时高质量完成（王督查 2025-05-27 09:00）');
  });

  it('is the same file every time it is made', async () => {
    const first = await dossierZip(dossier, policy);
    const second = await dossierZip(dossier, policy);

    expect(first.equals(second)).toBe(true);
  });
});

describe('automatic archiving', () => {
  it('archives what finished 30 days ago or more, as the system, and leaves the rest', async () => {
    const old = await issueOne('wenlv', at('2025-05-05 09:00'));
    await act(old, 'withdraw', people.supervisor, { reason: '情况变化' }, at('2025-05-06 09:00'));
    const recent = await issueOne('wenlv', at('2025-05-05 09:00'));
    await act(
      recent,
      'withdraw',
      people.supervisor,
      { reason: '情况变化' },
      at('2025-05-08 09:00'),
    );

    const archived = await autoArchive(context, at('2025-06-06 03:00'));

    expect(archived).toBe(1);
    expect((await loadAssignment(old))?.state).toBe('archived');
    expect((await loadDossier(old))?.archivedBy).toEqual({ openId: 'system', name: '督办助手' });
    expect((await loadAssignment(recent))?.state).toBe('withdrawn');
  });

  it('does nothing when the policy says 0 days', async () => {
    const never = {
      ...context,
      policy: { ...policy, archive: { ...policy.archive, autoArchiveAfterDays: 0 } },
    };

    expect(await autoArchive(never, at('2026-06-01 03:00'))).toBe(0);
  });
});
