/**
 * Issuing under a chosen item id (a confirmed preview's draft id): the first call issues, any
 * later or concurrent call with the same id issues nothing; drafts and the issued item read back.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createChineseCalendar } from '../../../src/domain/calendar.js';
import { prepareIssue, type PreparedIssue } from '../../../src/domain/issue.js';
import { AssignmentModel } from '../../../src/store/assignment.model.js';
import { insertAssignments } from '../../../src/store/assignment.repo.js';
import { AuditEventModel } from '../../../src/store/audit-event.model.js';
import { IssueDraftModel } from '../../../src/store/issue-draft.model.js';
import {
  deleteDraft,
  deleteDraftsBefore,
  loadDraft,
  saveDraft,
} from '../../../src/store/issue-draft.repo.js';
import { issueItem } from '../../../src/store/issue.repo.js';
import { issueEventsOf, loadIssuedItem } from '../../../src/store/issued-item.repo.js';
import { ItemModel } from '../../../src/store/item.model.js';
import { LedgerEntryModel } from '../../../src/store/ledger.model.js';
import { isDuplicateKey } from '../../../src/store/mongo-errors.js';
import { at, buildAssignment, directory, people, policy } from '../../support/fixtures.js';
import { useServices } from '../../support/services.js';

useServices('issueonce');

const calendar = createChineseCalendar({ holidays: [], workdays: [] });
const now = at('2025-05-21 10:00');
const origin = { actor: people.supervisor, channel: 'card' as const };

function prepared(): PreparedIssue {
  const draft = {
    title: '关于推进老城区改造项目的督办',
    content: '请报送项目推进情况。',
    category: 'districtInstruction' as const,
    level: 'routine' as const,
    enterpriseIds: ['chengtou', 'wenlv'],
  };
  const result = prepareIssue(draft, people.supervisor, { now, policy, calendar, directory });
  if ('ok' in result) throw new Error(result.message);

  return result;
}

beforeEach(async () => {
  await ItemModel.deleteMany({});
  await AssignmentModel.deleteMany({});
  await AuditEventModel.deleteMany({});
  await LedgerEntryModel.collection.deleteMany({});
  await IssueDraftModel.deleteMany({});
});

describe('issueItem under a chosen item id', () => {
  it('issues once; a second call with the same id issues nothing and says so', async () => {
    const first = await issueItem(prepared(), origin, policy, 'draft-1');
    const second = await issueItem(prepared(), origin, policy, 'draft-1').catch((e: unknown) => e);

    expect(first.itemId).toBe('draft-1');
    expect(isDuplicateKey(second)).toBe(true);
    expect(await ItemModel.countDocuments()).toBe(1);
    expect(await AssignmentModel.countDocuments()).toBe(2);
    expect(await LedgerEntryModel.countDocuments()).toBe(2);
  });

  it('issues once when ten calls with the same id run at once, and numbers stay gapless', async () => {
    const calls = await Promise.allSettled(
      Array.from({ length: 10 }, () => issueItem(prepared(), origin, policy, 'draft-2')),
    );
    const next = await issueItem(prepared(), origin, policy, 'draft-3');

    expect(calls.filter((c) => c.status === 'fulfilled')).toHaveLength(1);
    for (const call of calls) {
      if (call.status === 'rejected') expect(isDuplicateKey(call.reason)).toBe(true);
    }
    expect(next.assignments.map((a) => a.seq)).toEqual([3, 4]);
  });

  it('reads the issued item back with its numbers, and finds its issue events', async () => {
    await issueItem(prepared(), origin, policy, 'draft-4');

    const summary = await loadIssuedItem('draft-4', policy.noticeNumber.prefix);
    const events = await issueEventsOf(['2025-1', '2025-2', '2025-99']);

    expect(summary?.status).toBe('issued');
    expect(summary?.notices).toEqual([
      {
        assignmentId: '2025-1',
        enterpriseId: 'chengtou',
        enterpriseShortName: '城投',
        seq: 1,
        noticeNumber: '珠国资督〔2025〕1号',
      },
      {
        assignmentId: '2025-2',
        enterpriseId: 'wenlv',
        enterpriseShortName: '文旅',
        seq: 2,
        noticeNumber: '珠国资督〔2025〕2号',
      },
    ]);
    expect(events.map((e) => [e.assignmentId, e.action]).sort()).toEqual([
      ['2025-1', 'issue'],
      ['2025-2', 'issue'],
    ]);
    expect(await loadIssuedItem('never', policy.noticeNumber.prefix)).toBeNull();
  });
});

describe('insertAssignments', () => {
  it('stores one copy when two processes finish the same issue at once', async () => {
    const notices = [1, 2, 3].map((seq) => buildAssignment({ id: `2025-${seq}`, seq }));

    await Promise.all([insertAssignments(notices), insertAssignments(notices)]);

    expect(await AssignmentModel.countDocuments()).toBe(3);
  });
});

describe('issue drafts', () => {
  it('keeps a draft as entered, deletes it once, and clears those older than a moment', async () => {
    const draft = { title: '标题', enterpriseIds: ['chengtou'], confidential: true };
    const by = { openId: people.supervisor.openId, name: '王督查' };
    const kept = await saveDraft(draft, by, at('2025-05-21 10:00'));
    const old = await saveDraft(draft, by, at('2025-05-20 09:00'));

    expect(await loadDraft(kept)).toEqual({
      id: kept,
      draft,
      createdBy: by,
      createdAt: at('2025-05-21 10:00'),
    });
    expect(await deleteDraftsBefore(at('2025-05-21 00:00'))).toBe(1);
    expect(await loadDraft(old)).toBeNull();
    expect(await deleteDraft(kept)).toBe(true);
    expect(await deleteDraft(kept)).toBe(false);
  });
});
