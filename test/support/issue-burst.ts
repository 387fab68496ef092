/**
 * A separate process that issues `count` items at once to the given database and prints their
 * notice sequence numbers as JSON: several of these at once test numbering across processes.
 * Usage: issue-burst.ts <mongodb uri> <count>
 */
import mongoose from 'mongoose';
import { createChineseCalendar } from '../../src/domain/calendar.js';
import { prepareIssue } from '../../src/domain/issue.js';
import { silentLogger } from '../../src/logging/logger.js';
import { issueItem } from '../../src/store/issue.repo.js';
import { connectMongo } from '../../src/store/mongo.js';
import { at, directory, people, policy } from './fixtures.js';

const [uri = '', count = '10'] = process.argv.slice(2);
await connectMongo(uri, silentLogger());
const calendar = createChineseCalendar({ holidays: [], workdays: [] });
const now = at('2025-05-21 10:00');
const draft = {
  title: '跨进程编号',
  content: '测试',
  category: 'other' as const,
  level: 'routine' as const,
  enterpriseIds: ['chengtou'],
};

const seqs = await Promise.all(
  Array.from({ length: Number(count) }, async () => {
    const prepared = prepareIssue(draft, people.supervisor, { now, policy, calendar, directory });
    if ('ok' in prepared) throw new Error(prepared.message);
    const issued = await issueItem(
      prepared,
      { actor: people.supervisor, channel: 'command' },
      policy,
    );
    return issued.assignments[0]?.seq;
  }),
);
process.stdout.write(JSON.stringify(seqs));
await mongoose.disconnect();
