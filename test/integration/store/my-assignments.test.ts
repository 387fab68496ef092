import { beforeAll, describe, expect, it } from 'vitest';
import type { AssignmentState } from '../../../src/domain/types.js';
import { insertAssignments } from '../../../src/store/assignment.repo.js';
import { assignmentsOfEnterprises } from '../../../src/store/my-assignments.repo.js';
import { buildAssignment } from '../../support/fixtures.js';
import { useServices } from '../../support/services.js';

useServices('myassignments');

/** seq, enterprise, state, deadline day, issue day. */
const rows: Array<[number, string, AssignmentState, string, string]> = [
  [1, 'chengtou', 'completed', '2025-05-10', '2025-05-01'],
  [2, 'chengtou', 'in_progress', '2025-06-05', '2025-05-20'],
  [3, 'wenlv', 'issued', '2025-05-25', '2025-05-18'],
  [4, 'chengtou', 'issued', '2025-05-28', '2025-05-21'],
  [5, 'shuiwu', 'issued', '2025-05-20', '2025-05-13'],
  [6, 'wenlv', 'withdrawn', '2025-05-30', '2025-05-22'],
];

async function seed(): Promise<void> {
  await insertAssignments(
    rows.map(([seq, enterpriseId, state, deadlineDay, issueDay]) =>
      buildAssignment({
        id: `2025-${seq}`,
        seq,
        noticeNumber: `珠国资督〔2025〕${seq}号`,
        enterpriseId,
        state,
        deadlineDay,
        deadline: new Date(`${deadlineDay}T09:30:00Z`),
        issuedAt: new Date(`${issueDay}T02:00:00Z`),
      }),
    ),
  );
}

describe('assignmentsOfEnterprises', () => {
  beforeAll(seed);

  it('lists open ones by nearest deadline, then finished ones newest first', async () => {
    const page = await assignmentsOfEnterprises(['chengtou', 'wenlv'], 0, 10);

    expect(page.rows.map((r) => r.id)).toEqual(['2025-3', '2025-4', '2025-2', '2025-6', '2025-1']);
    expect(page).toMatchObject({ total: 5, openCount: 3 });
  });

  it.each([
    [0, ['2025-3', '2025-4']],
    [1, ['2025-2', '2025-6']],
    [2, ['2025-1']],
    [3, []],
  ])('pages across the open and finished parts (page %i)', async (page, ids) => {
    const found = await assignmentsOfEnterprises(['chengtou', 'wenlv'], page, 2);

    expect(found.rows.map((r) => r.id)).toEqual(ids);
  });

  it('shows nothing of other enterprises and never the content', async () => {
    const found = await assignmentsOfEnterprises(['shuiwu'], 0, 10);

    expect(found.rows.map((r) => r.id)).toEqual(['2025-5']);
    expect(found.rows[0]).not.toHaveProperty('content');
  });
});
