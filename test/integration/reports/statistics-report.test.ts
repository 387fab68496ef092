import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod, type Period } from '../../../src/domain/period.js';
import {
  countColumns,
  type StatisticsRow,
  type StatisticsTable,
} from '../../../src/domain/statistics.js';
import type { Directory } from '../../../src/domain/types.js';
import { statisticsCsv } from '../../../src/reports/statistics.csv.js';
import { buildStatisticsTable } from '../../../src/reports/statistics.service.js';
import {
  itemSheetName,
  statisticsWorkbook,
  summarySheetName,
} from '../../../src/reports/statistics.xlsx.js';
import { at, directory as fixtureDirectory, people, policy } from '../../support/fixtures.js';
import {
  act,
  bringToReview,
  calendar,
  issueOne,
  submitAndSignOff,
  teams,
} from '../../support/lifecycle-actions.js';
import { useServices } from '../../support/services.js';

useServices('statistics');

const directory: Directory = {
  ...fixtureDirectory,
  enterprises: [
    ...fixtureDirectory.enterprises,
    {
      id: 'shuiwu',
      name: '珠山区水务集团有限公司',
      shortName: '水务',
      headOpenId: people.head.openId,
      liaisonOpenIds: [],
    },
  ],
};
const deps = { directory: { current: async () => directory }, policy, calendar };
const now = at('2025-06-30 10:00');
const heading = {
  officeName: '珠山区财政局（国资办）',
  issuingUnit: '区国有资产管理中心（督查室）',
};

function period(text: string): Period {
  const parsed = parsePeriod(text, now);
  if ('ok' in parsed) throw new Error(parsed.message);

  return parsed;
}

/**
 * A seeded 2025 (and one 2024 notice, which belongs to another assessment year):
 *   城投 1  acknowledged on time, returned once, completed on time and high quality  −0.5 +0.2
 *   城投 2  acknowledged late (05-29), overdue (−0.2), judged perfunctory (−0.2), still open past its deadline     −0.5
 *   城投 3  never acknowledged, refusal recorded (−1)                                   −0.5
 *   城投 4  withdrawn: its −0.5 reversed                                                 0
 *   文旅 5  extension granted to 06-06, signed off 06-09: completed 3 days late          −0.5
 *   文旅 6  acknowledged late (05-23), overdue (−0.2), still open                        −0.5
 *   城投 7  issued 06-03, due 06-10, still open: overdue, not yet recorded              −0.5
 *   文旅 8  issued 06-03, due 06-10, signed off on time 06-10, still under review: 在办   −0.5
 *   文旅 9  issued 06-03, due 06-10, overdue (−0.2), signed off 06-12, under review:
 *           逾期未结, 2 days late (counted to the sign-off, not to the day of the table)   −0.5
 */
async function seed(): Promise<void> {
  const issuedAt = at('2025-05-21 09:00');
  await issueOne('chengtou', at('2024-11-05 09:00'));
  const ids: string[] = [];
  for (const enterpriseId of ['chengtou', 'chengtou', 'chengtou', 'chengtou', 'wenlv', 'wenlv']) {
    ids.push(await issueOne(enterpriseId, issuedAt));
  }
  const [one, two, three, four, five, six] = ids as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  await issueOne('chengtou', at('2025-06-03 09:00'));
  const eight = await issueOne('wenlv', at('2025-06-03 09:00'));
  const nine = await issueOne('wenlv', at('2025-06-03 09:00'));
  const { supervisor, system } = people;

  await bringToReview(one, '2025-05-23', { acknowledgedAt: at('2025-05-21 10:00') });
  await act(
    one,
    'review',
    supervisor,
    { decision: 'return', reason: '补充数据' },
    at('2025-05-24 09:00'),
  );
  await submitAndSignOff(one, '2025-05-26');
  await act(
    one,
    'review',
    supervisor,
    { decision: 'complete', onTimeHighQuality: true },
    at('2025-05-27 09:00'),
  );

  await act(two, 'recordOverdue', system, {}, at('2025-05-29 09:00'));
  await bringToReview(two, '2025-05-29', { plannedDay: '2025-05-28' });
  await act(
    two,
    'review',
    supervisor,
    { decision: 'perfunctory', reason: '照抄材料' },
    at('2025-05-30 09:00'),
  );

  await act(three, 'recordRefusal', supervisor, { reason: '拒不办理' }, at('2025-05-23 09:00'));
  await act(four, 'withdraw', supervisor, { reason: '重复交办' }, at('2025-05-22 09:00'));

  const wenlv = teams.wenlv;
  await act(five, 'acknowledge', wenlv.liaison, {}, at('2025-05-21 11:00'));
  const request = { day: '2025-06-06', reason: '需协调多部门', progress: '已完成初稿' };
  await act(five, 'requestExtension', wenlv.liaison, request, at('2025-05-26 09:00'));
  await act(five, 'decideExtension', supervisor, { approve: true }, at('2025-05-27 09:00'));
  await submitAndSignOff(five, '2025-06-09', {
    team: wenlv,
    withPlan: true,
    plannedDay: '2025-06-06',
  });
  await act(five, 'review', supervisor, { decision: 'complete' }, at('2025-06-10 09:00'));

  await act(six, 'acknowledge', wenlv.liaison, {}, at('2025-05-23 09:00'));
  await act(six, 'recordOverdue', system, {}, at('2025-05-29 09:00'));

  // Under review after the deadline: on time or late is judged by the head's sign-off.
  await bringToReview(eight, '2025-06-10', {
    team: wenlv,
    acknowledgedAt: at('2025-06-03 10:00'),
  });
  await act(nine, 'recordOverdue', system, {}, at('2025-06-11 09:00'));
  await bringToReview(nine, '2025-06-12', { team: wenlv, plannedDay: '2025-06-10' });
}

const cells = (row: StatisticsRow) => [row.shortName, ...countColumns.map((c) => row[c])];

let year: StatisticsTable;
/** About 45 real transitions: generous, for a store shared with other test files. */
const seedTimeoutMs = 180_000;

beforeAll(async () => {
  await seed();
  year = await buildStatisticsTable(deps, period('2025'), now);
}, seedTimeoutMs);

describe('the 督办情况统计表 from the store', () => {
  it('matches the hand-computed table for the year, cell by cell', () => {
    // prettier-ignore
    expect(year.rows.map(cells)).toEqual([
      // name  recv ack ackOT onT late ovd open ret ref ext points
      ['城投',  4,   2,  1,    1,  0,   2,  0,   2,  1,  0,  -3200],
      ['文旅',  4,   4,  2,    0,  1,   2,  1,   0,  0,  1,  -2400],
      ['水务',  0,   0,  0,    0,  0,   0,  0,   0,  0,  0,  0],
    ]);
    expect(cells(year.totals)).toEqual(['合计', 8, 6, 3, 1, 1, 4, 1, 2, 1, 1, -5600]);
  });

  it('lists the year’s notices, the withdrawn one included and 2024’s left out', () => {
    expect(year.items.map((i) => [i.noticeNumber, i.standing, i.daysLate])).toEqual([
      ['珠国资督〔2025〕1号', 'completedOnTime', 0],
      ['珠国资督〔2025〕2号', 'overdueOpen', 33],
      ['珠国资督〔2025〕3号', 'refused', 0],
      ['珠国资督〔2025〕4号', 'withdrawn', 0],
      ['珠国资督〔2025〕5号', 'completedLate', 3],
      ['珠国资督〔2025〕6号', 'overdueOpen', 33],
      ['珠国资督〔2025〕7号', 'overdueOpen', 20],
      ['珠国资督〔2025〕8号', 'open', 0],
      ['珠国资督〔2025〕9号', 'overdueOpen', 2],
    ]);
  });

  it('counts only May’s notices and their points for 2025-05', async () => {
    const may = await buildStatisticsTable(deps, period('2025-05'), now);

    expect(may.rows.map(cells)).toEqual([
      ['城投', 3, 2, 1, 1, 0, 1, 0, 2, 1, 0, -2700],
      ['文旅', 2, 2, 1, 0, 1, 1, 0, 0, 0, 1, -1200],
      ['水务', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ]);
  });
});

describe('the .xlsx', () => {
  async function readBack(): Promise<ExcelJS.Workbook> {
    const workbook = new ExcelJS.Workbook();
    const bytes = await statisticsWorkbook(year, heading, policy);
    // ExcelJS types its input as an ArrayBuffer; hand it exactly the file's bytes.
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);

    return workbook;
  }

  it('is laid out as the official table: title, unit, date, period, frozen header', async () => {
    const sheet = (await readBack()).getWorksheet(summarySheetName)!;

    expect(sheet.getCell('A1').value).toBe('珠山区财政局（国资办）督办情况统计表');
    expect(sheet.getCell('A2').value).toBe('填报单位：区国有资产管理中心（督查室）');
    expect(sheet.getCell('H2').value).toBe('制表日期：2025-06-30');
    expect(String(sheet.getCell('A3').value)).toContain(
      '统计期间：2025年（2025-01-01 至 2025-12-31）',
    );
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape' });
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(30);
  });

  it('holds every enterprise line and the totals line as numbers', async () => {
    const sheet = (await readBack()).getWorksheet(summarySheetName)!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);

    expect(values(4)).toEqual([
      '序号',
      '企业名称',
      '收到通知单',
      '已签收',
      '按时签收',
      '按时办结',
      '逾期办结',
      '逾期未结',
      '在办',
      '退回',
      '拒办',
      '获准延期',
      '得分',
    ]);
    expect(values(5)).toEqual([
      1,
      '珠山区城市建设投资有限公司',
      4,
      2,
      1,
      1,
      0,
      2,
      0,
      2,
      1,
      0,
      -3.2,
    ]);
    expect(values(6)).toEqual([
      2,
      '珠山区文化旅游投资集团有限公司',
      4,
      4,
      2,
      0,
      1,
      2,
      1,
      0,
      0,
      1,
      -2.4,
    ]);
    expect(values(7)).toEqual([3, '珠山区水务集团有限公司', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(values(8)).toEqual(['', '合计', 8, 6, 3, 1, 1, 4, 1, 2, 1, 1, -5.6]);
    expect(sheet.getRow(8).getCell(2).font?.bold).toBe(true);
  });

  it('prints the column definitions under the table', async () => {
    const sheet = (await readBack()).getWorksheet(summarySheetName)!;
    const notes: string[] = [];
    sheet.eachRow((row, number) => {
      if (number > 8) notes.push(String(row.getCell(1).value ?? ''));
    });

    expect(notes[0]).toBe('说明：');
    expect(notes.join('\n')).toContain('按时签收：交办后第 1 个工作日下班（17:30）前签收的件数');
    expect(notes.join('\n')).toContain('按时办结 + 逾期办结 + 逾期未结 + 在办 + 拒办 = 收到通知单');
    expect(notes.join('\n')).toContain('或审签报送晚于办理时限当日、待督查室审核');
  });

  it('lists every notice on the second sheet', async () => {
    const sheet = (await readBack()).getWorksheet(itemSheetName)!;
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(row(3)[1]).toBe('通知单编号');
    expect(row(4)).toEqual([
      1,
      '珠国资督〔2025〕1号',
      '督办事项 chengtou',
      '一般',
      '城投',
      '2025-05-21',
      '2025-05-28',
      '按时办结',
      0,
    ]);
    expect(row(8)).toEqual([
      5,
      '珠国资督〔2025〕5号',
      '督办事项 wenlv',
      '一般',
      '文旅',
      '2025-05-21',
      '2025-06-06',
      '逾期办结',
      3,
    ]);
    expect(row(5)[7]).toBe('办理中（逾期）');
    expect(row(7)[7]).toBe('已撤销');
    expect(row(11).slice(7)).toEqual(['审核中', 0]);
    expect(row(12).slice(7)).toEqual(['审核中（逾期）', 2]);
    expect(sheet.rowCount).toBe(3 + 9);
  });
});

describe('the CSV', () => {
  it('starts with a byte-order mark and holds the same lines as the table', () => {
    const csv = statisticsCsv(year, 'summary');
    const lines = csv.slice(1).trimEnd().split('\r\n');

    expect(csv.startsWith('\uFEFF序号,企业名称,收到通知单')).toBe(true);
    expect(lines[1]).toBe('1,珠山区城市建设投资有限公司,4,2,1,1,0,2,0,2,1,0,-3.2');
    expect(lines.at(-1)).toBe(',合计,8,6,3,1,1,4,1,2,1,1,-5.6');
  });

  it('lists the notices in the items part', () => {
    const lines = statisticsCsv(year, 'items').slice(1).trimEnd().split('\r\n');

    expect(lines).toHaveLength(10);
    expect(lines[2]).toBe(
      '2,珠国资督〔2025〕2号,督办事项 chengtou,一般,城投,2025-05-21,2025-05-28,办理中（逾期）,33',
    );
  });
});
