/**
 * The 督办情况统计表 for a year of 100 enterprises × 2,000 notices on the real store, run by
 * hand: `npm run bench:statistics [-- runs enterprises notices]`, e.g. `-- 7 100 2000`.
 *
 * Times each step of what 统计 and 导出 do: the period's notices (one find with a
 * projection), the points (one $group), the pure table, the .xlsx and the CSV, and the whole
 * of table + .xlsx. Baselines from the same run: reading the same year's notices whole (no
 * projection) for the query, and the CSV for the .xlsx. Medians and the slowest of the runs.
 */
import { cpus, totalmem } from 'node:os';
import mongoose from 'mongoose';
import { createChineseCalendar } from '../src/domain/calendar.js';
import { yearPeriod } from '../src/domain/period.js';
import { defaultPolicy } from '../src/domain/policy.js';
import { computeStatistics } from '../src/domain/statistics.js';
import { silentLogger } from '../src/logging/logger.js';
import { statisticsCsv } from '../src/reports/statistics.csv.js';
import { loadPeriodAssignments, loadPeriodPoints } from '../src/reports/statistics.query.js';
import { buildStatisticsTable } from '../src/reports/statistics.service.js';
import { statisticsWorkbook } from '../src/reports/statistics.xlsx.js';
import { AssignmentModel } from '../src/store/assignment.model.js';
import { closeMongo, connectMongo } from '../src/store/mongo.js';
import { directory } from '../test/support/fixtures.js';
import { testMongoUri, uniqueName } from '../test/support/test-env.js';
import { benchEnterprises, seedStatistics } from './statistics-seed.js';

const [runsArg = '7', enterprisesArg = '100', noticesArg = '2000'] = process.argv.slice(2);
const runs = Number(runsArg);
const write = (line = '') => process.stdout.write(`${line}\n`);

const policy = defaultPolicy;
const calendar = createChineseCalendar(policy.calendar);
const period = yearPeriod(2025);
const now = new Date('2025-12-31T02:00:00Z');
const enterprises = benchEnterprises(Number(enterprisesArg));
const deps = {
  directory: {
    current: async () => ({ ...directory, enterprises: enterprises.map(asEnterprise) }),
  },
  policy,
  calendar,
};
const heading = {
  officeName: '珠山区财政局（国资办）',
  issuingUnit: '区国有资产管理中心（督查室）',
};

await connectMongo(testMongoUri, silentLogger(), uniqueName('benchstats'));
try {
  const seededMs = await timed(() => seedStatistics(enterprises, Number(noticesArg)));
  const assignments = await loadPeriodAssignments(period);
  const milliPoints = await loadPeriodPoints(period, []);
  const input = { period, now, policy, calendar, enterprises, assignments, milliPoints };
  const table = computeStatistics(input);

  const steps: Array<[string, () => Promise<unknown>]> = [
    ['baseline: read the year whole', () => AssignmentModel.find({ year: 2025 }).lean()],
    ['query: notices (projection)', () => loadPeriodAssignments(period)],
    ['query: points ($group)', () => loadPeriodPoints(period, [])],
    ['compute: the table', async () => computeStatistics(input)],
    [
      'baseline: CSV of the table',
      async () => statisticsCsv(table, 'summary') + statisticsCsv(table, 'items'),
    ],
    ['file: the .xlsx', () => statisticsWorkbook(table, heading, policy)],
    [
      'all: table + .xlsx',
      async () =>
        statisticsWorkbook(await buildStatisticsTable(deps, period, now), heading, policy),
    ],
  ];
  for (const [, step] of steps) await step(); // warm-up

  const results = new Map<string, number[]>();
  for (let run = 0; run < runs; run += 1) {
    for (const [label, step] of steps)
      results.set(label, [...(results.get(label) ?? []), await timed(step)]);
  }
  const xlsxBytes = (await statisticsWorkbook(table, heading, policy)).length;
  await report(results, {
    seededMs,
    loaded: assignments.length,
    items: table.items.length,
    xlsxBytes,
  });
} finally {
  await mongoose.connection.db?.dropDatabase();
  await closeMongo();
}

async function report(
  results: Map<string, number[]>,
  sizes: { seededMs: number; loaded: number; items: number; xlsxBytes: number },
) {
  const { seededMs, loaded, items, xlsxBytes } = sizes;
  const info = await mongoose.connection.db?.admin().buildInfo();
  const store = info?.ferretdbVersion
    ? `FerretDB ${String(info.ferretdbVersion)}`
    : `MongoDB ${String(info?.version)}`;
  write(
    `statistics benchmark: ${enterprises.length} enterprises × ${loaded} notices (${items} listed), ${runs} runs`,
  );
  write(
    `${cpus().length}× ${cpus()[0]?.model}; ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${store}`,
  );
  write(`seeded in ${seededMs.toFixed(0)} ms; .xlsx ${(xlsxBytes / 1024).toFixed(0)} KiB`);
  write();
  write('step                          | median ms | slowest ms');
  for (const [label, times] of results) {
    write(
      `${label.padEnd(29)} | ${median(times).toFixed(1).padStart(9)} | ${Math.max(...times)
        .toFixed(1)
        .padStart(10)}`,
    );
  }
  write();
  const m = (label: string) => median(results.get(label) ?? [NaN]);
  write(
    `notices query ÷ whole read: ${(m('query: notices (projection)') / m('baseline: read the year whole')).toFixed(2)}×`,
  );
  write(`.xlsx ÷ CSV: ${(m('file: the .xlsx') / m('baseline: CSV of the table')).toFixed(1)}×`);
  write(
    `table + .xlsx ÷ whole read: ${(m('all: table + .xlsx') / m('baseline: read the year whole')).toFixed(2)}×`,
  );
}

async function timed(step: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await step();

  return performance.now() - start;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);

  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function asEnterprise(e: (typeof enterprises)[number]) {
  return { ...e, headOpenId: 'ou_head', liaisonOpenIds: [] };
}
