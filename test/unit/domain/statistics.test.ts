import { describe, expect, it } from 'vitest';
import type { Assignment } from '../../../src/domain/assignment.js';
import { createChineseCalendar } from '../../../src/domain/calendar.js';
import { yearPeriod } from '../../../src/domain/period.js';
import {
  computeStatistics,
  countColumns,
  type StatisticsRow,
} from '../../../src/domain/statistics.js';
import { at, buildAssignment, directory, people, policy } from '../../support/fixtures.js';

const calendar = createChineseCalendar({ holidays: [], workdays: [] });
const now = at('2025-06-30 10:00');
const supervisor = { openId: people.supervisor.openId, name: people.supervisor.name };
const review = (decision: 'complete' | 'return' | 'perfunctory') => ({
  decision,
  onTimeHighQuality: false,
  reason: '',
  at: at('2025-05-27 10:00'),
  by: supervisor,
});
const extension = (status: 'pending' | 'approved' | 'rejected', seq = 1) => ({
  seq,
  requestedDay: '2025-06-10',
  reason: '需协调',
  progress: '',
  requestedAt: at('2025-05-26 10:00'),
  requestedBy: supervisor,
  status,
  previousDay: '2025-05-28',
});

/** Every notice issued 2025-05-21 10:00 (Wed): on-time acknowledgement by 05-22 17:30. */
let seq = 0;
function notice(enterpriseId: string, overrides: Partial<Assignment>): Assignment {
  seq += 1;
  const names = {
    chengtou: ['珠山区城市建设投资有限公司', '城投'],
    wenlv: ['珠山区文化旅游投资集团有限公司', '文旅'],
    old: ['珠山区旧企业有限公司', '旧企业'],
  }[enterpriseId] ?? ['', ''];

  return buildAssignment({
    id: `2025-${seq}`,
    seq,
    noticeNumber: `珠国资督〔2025〕${seq}号`,
    enterpriseId,
    enterpriseName: names[0],
    enterpriseShortName: names[1],
    ...overrides,
  });
}

const assignments = [
  // 城投
  notice('chengtou', {
    state: 'completed',
    acknowledgedAt: at('2025-05-21 10:32'),
    completedAt: at('2025-05-27 11:00'),
    completedDaysLate: 0,
    reviews: [review('return'), review('complete')],
    extensions: [extension('approved')],
  }),
  notice('chengtou', {
    state: 'completed',
    acknowledgedAt: at('2025-05-23 09:00'),
    completedAt: at('2025-06-02 11:00'),
    completedDaysLate: 2,
    reviews: [review('perfunctory'), review('complete')],
  }),
  notice('chengtou', { state: 'in_progress', acknowledgedAt: at('2025-05-22 09:00') }),
  notice('chengtou', {
    issuedAt: at('2025-06-27 10:00'),
    deadline: at('2025-07-04 17:30'),
    deadlineDay: '2025-07-04',
  }),
  notice('chengtou', {
    state: 'refused',
    acknowledgedAt: at('2025-05-21 15:00'),
    refusal: { reason: '拒不办理', at: at('2025-05-23 09:00'), by: supervisor },
  }),
  notice('chengtou', {
    state: 'withdrawn',
    withdrawal: { reason: '重复交办', at: at('2025-05-22 09:00'), by: supervisor },
  }),
  notice('chengtou', {
    state: 'archived',
    acknowledgedAt: at('2025-05-21 11:00'),
    completedAt: at('2025-05-26 11:00'),
    completedDaysLate: 0,
    archivedAt: at('2025-06-26 02:00'),
  }),
  // 文旅: one acknowledged a minute late, one exactly at the close and now overdue.
  notice('wenlv', {
    state: 'awaiting_signoff',
    acknowledgedAt: at('2025-05-22 17:31'),
    deadline: at('2025-07-10 17:30'),
    deadlineDay: '2025-07-10',
  }),
  notice('wenlv', {
    state: 'acknowledged',
    acknowledgedAt: at('2025-05-22 17:30'),
    deadline: at('2025-06-10 17:30'),
    deadlineDay: '2025-06-10',
    extensions: [extension('rejected'), extension('pending', 2)],
  }),
  // An enterprise no longer in the directory.
  notice('old', { state: 'completed', completedAt: at('2025-05-30 10:00'), completedDaysLate: 1 }),
];

const milliPoints = new Map([
  ['chengtou', -2700],
  ['wenlv', -1000],
  ['old', -500],
]);

const table = computeStatistics({
  period: yearPeriod(2025),
  now,
  policy,
  calendar,
  enterprises: [
    ...directory.enterprises,
    { id: 'shuiwu', name: '珠山区水务集团有限公司', shortName: '水务' },
  ],
  assignments,
  milliPoints,
});

const cells = (row: StatisticsRow) => [row.shortName, ...countColumns.map((c) => row[c])];

describe('computeStatistics', () => {
  it('matches the table computed by hand, cell by cell', () => {
    // prettier-ignore
    const expected = [
      // name     recv ack ackOT onT late ovd open ret ref ext points
      ['城投',     6,   5,  4,    2,  1,   1,  1,   2,  1,  1,  -2700],
      ['文旅',     2,   2,  1,    0,  0,   1,  1,   0,  0,  0,  -1000],
      ['水务',     0,   0,  0,    0,  0,   0,  0,   0,  0,  0,  0],
      ['旧企业',   1,   0,  0,    0,  1,   0,  0,   0,  0,  0,  -500],
    ];

    expect(table.rows.map(cells)).toEqual(expected);
    expect(cells(table.totals)).toEqual(['合计', 9, 7, 5, 2, 2, 2, 2, 2, 1, 1, -4200]);
  });

  it('partitions what each enterprise received by where it stands', () => {
    for (const row of [...table.rows, table.totals]) {
      const standings = row.completedOnTime + row.completedLate + row.overdueOpen + row.open;

      expect(standings + row.refused).toBe(row.received);
    }
  });

  it('lists every notice in number order, the withdrawn one included, with days late', () => {
    expect(
      table.items.map((i) => [
        i.noticeNumber.slice(-3),
        i.enterpriseShortName,
        i.standing,
        i.daysLate,
      ]),
    ).toEqual([
      ['〕1号', '城投', 'completedOnTime', 0],
      ['〕2号', '城投', 'completedLate', 2],
      ['〕3号', '城投', 'overdueOpen', 33],
      ['〕4号', '城投', 'open', 0],
      ['〕5号', '城投', 'refused', 0],
      ['〕6号', '城投', 'withdrawn', 0],
      ['〕7号', '城投', 'completedOnTime', 0],
      ['〕8号', '文旅', 'open', 0],
      ['〕9号', '文旅', 'overdueOpen', 20],
      ['10号', '旧企业', 'completedLate', 1],
    ]);
    expect(table.items[0]).toMatchObject({ issuedDay: '2025-05-21', deadlineDay: '2025-05-28' });
  });
});
