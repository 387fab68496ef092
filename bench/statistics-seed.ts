/**
 * Seeds the statistics benchmark: `enterprises` × `assignments` notices of 2025 in every state,
 * with their ledger entries, inserted straight into the store (the lifecycle is not what is
 * measured). Deterministic, so runs compare.
 */
import type { Assignment } from '../src/domain/assignment.js';
import { atTime } from '../src/domain/dates.js';
import { scoreEntry, type LedgerEntry } from '../src/domain/ledger.js';
import { defaultPolicy } from '../src/domain/policy.js';
import { insertAssignments } from '../src/store/assignment.repo.js';
import { recordEntries } from '../src/store/ledger.repo.js';
import { buildAssignment, people } from '../test/support/fixtures.js';

export interface BenchEnterprise {
  id: string;
  name: string;
  shortName: string;
}

export function benchEnterprises(count: number): BenchEnterprise[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `e${String(i).padStart(3, '0')}`,
    name: `珠山区第${i + 1}国有资本投资运营集团有限公司`,
    shortName: `企业${i + 1}`,
  }));
}

const supervisor = { openId: people.supervisor.openId, name: people.supervisor.name };

/** The k-th notice: its enterprise, day of issue and state follow from k. */
function notice(k: number, enterprises: BenchEnterprise[]): Assignment {
  const enterprise = enterprises[k % enterprises.length]!;
  const month = 1 + (k % 12);
  const day = 1 + (k % 27);
  const issuedDay = `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const deadlineDay = `2025-${String(month).padStart(2, '0')}-${String(day + 1).padStart(2, '0')}`;
  const base = buildAssignment({
    id: `2025-${k + 1}`,
    seq: k + 1,
    noticeNumber: `珠国资督〔2025〕${k + 1}号`,
    title: `关于推进第${k + 1}项重点工作任务落实情况的督办`,
    enterpriseId: enterprise.id,
    enterpriseName: enterprise.name,
    enterpriseShortName: enterprise.shortName,
    issuedAt: atTime(issuedDay, '09:00'),
    deadline: atTime(deadlineDay, '17:30'),
    deadlineDay,
    originalDeadlineDay: deadlineDay,
    content: '请按要求办理并书面反馈。'.repeat(20),
  });

  return { ...base, ...stateOf(k, base) };
}

/** Half completed (one in five late), the rest open, refused, withdrawn or archived. */
function stateOf(k: number, a: Assignment): Partial<Assignment> {
  const acknowledged = {
    acknowledgedAt: new Date(a.issuedAt.getTime() + 3_600_000),
    acknowledgedBy: supervisor,
  };
  const review = (decision: 'complete' | 'return') => ({
    decision,
    onTimeHighQuality: false,
    reason: '',
    at: a.deadline,
    by: supervisor,
  });
  switch (k % 10) {
    case 0:
    case 1:
    case 2:
    case 3:
      return {
        ...acknowledged,
        state: 'completed',
        completedAt: a.deadline,
        completedDaysLate: 0,
        reviews: [review('complete')],
      };
    case 4:
      return {
        ...acknowledged,
        state: 'completed',
        completedAt: a.deadline,
        completedDaysLate: 2,
        reviews: [review('return'), review('complete')],
      };
    case 5:
      return { ...acknowledged, state: 'in_progress' };
    case 6:
      return { state: 'issued' };
    case 7:
      return {
        ...acknowledged,
        state: 'refused',
        refusal: { reason: '拒不办理', at: a.deadline, by: supervisor },
      };
    case 8:
      return {
        state: 'withdrawn',
        withdrawal: { reason: '重复交办', at: a.deadline, by: supervisor },
      };
    default:
      return {
        ...acknowledged,
        state: 'archived',
        completedAt: a.deadline,
        completedDaysLate: 0,
        archivedAt: a.deadline,
      };
  }
}

function entriesOf(a: Assignment): LedgerEntry[] {
  const by = { at: a.issuedAt, byOpenId: supervisor.openId };
  const entries = [scoreEntry(a, 'noticeReceived', defaultPolicy, by)];
  if (a.completedDaysLate) entries.push(scoreEntry(a, 'overdue', defaultPolicy, by));
  if (a.state === 'refused') entries.push(scoreEntry(a, 'refusal', defaultPolicy, by));

  return entries;
}

/** Inserts the notices and their ledger entries in batches. */
export async function seedStatistics(enterprises: BenchEnterprise[], count: number): Promise<void> {
  const batch = 500;
  for (let start = 0; start < count; start += batch) {
    const notices = Array.from({ length: Math.min(batch, count - start) }, (_, i) =>
      notice(start + i, enterprises),
    );
    await insertAssignments(notices);
    await recordEntries(notices.flatMap(entriesOf));
  }
}
