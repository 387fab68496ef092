/**
 * Every query shape the project relies on, run against the configured server. FerretDB stands
 * in for MongoDB in development and CI; a limitation it has shows up here as a named failure.
 * Later features add the shapes they use.
 *
 * Found on FerretDB 1.24 (SQLite backend) and designed around, see docs/decisions.md:
 * - findOneAndUpdate / updateOne with a condition is not atomic under concurrency (several
 *   concurrent callers can all match). Concurrency guards are unique-index inserts instead.
 * - $inc on one document loses increments under concurrency: no concurrent counters.
 * - In $group only the first accumulator is computed (the others come back 0), and $max,
 *   $first, $push are not implemented: one $sum per $group, the rest in code.
 * - $literal and $cond in expressions are not implemented.
 */
import mongoose, { Schema } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useServices } from '../support/services.js';

useServices('compat');

const recordSchema = new Schema({
  key: { type: String, required: true },
  state: { type: String, required: true },
  version: { type: Number, required: true, default: 0 },
  group: String,
  points: Number,
  tags: [String],
  at: Date,
  history: [{ _id: false, action: String, at: Date }],
});
recordSchema.index({ key: 1 }, { unique: true });
recordSchema.index({ group: 1, at: -1 });
const Record = mongoose.model('CompatRecord', recordSchema);

const counterSchema = new Schema({ _id: String, seq: { type: Number, default: 0 } });
const Counter = mongoose.model('CompatCounter', counterSchema);

async function seed(): Promise<void> {
  await Record.deleteMany({});
  await Record.syncIndexes();
  await Record.insertMany([
    { key: 'a', state: 'open', group: 'x', points: -0.5, tags: ['t1', 't2'], at: new Date(1) },
    { key: 'b', state: 'open', group: 'x', points: 0.2, tags: ['t1'], at: new Date(2) },
    { key: 'c', state: 'closed', group: 'y', points: -1, tags: [], at: new Date(3) },
  ]);
}

describe('store compatibility', () => {
  it('lets exactly one of many concurrent inserts of the same unique key win', async () => {
    await seed();
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, () => Record.create({ key: 'race', state: 'open' })),
    );

    const rejected = attempts.filter((a) => a.status === 'rejected');
    expect(attempts.length - rejected.length).toBe(1);
    rejected.forEach((a) => expect(a.reason).toMatchObject({ code: 11000 }));
  });

  it('enforces a compound unique index under concurrency', async () => {
    const pairSchema = new Schema({ a: String, b: Number });
    pairSchema.index({ a: 1, b: 1 }, { unique: true });
    const Pair = mongoose.model('CompatPair', pairSchema);
    await Pair.syncIndexes();
    const attempts = await Promise.allSettled(
      Array.from({ length: 20 }, () => Pair.create({ a: 'x', b: 1 })),
    );

    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    expect(await Pair.countDocuments({ a: 'x' })).toBe(1);
  });

  it('applies a conditional update on state and version only when both match', async () => {
    await seed();
    const first = await Record.findOneAndUpdate(
      { key: 'a', state: 'open', version: 0 },
      {
        $set: { state: 'acknowledged' },
        $inc: { version: 1 },
        $push: { history: { action: 'ack', at: new Date() } },
      },
      { returnDocument: 'after' },
    ).lean();
    const stale = await Record.findOneAndUpdate(
      { key: 'a', state: 'open', version: 0 },
      { $set: { state: 'other' }, $inc: { version: 1 } },
      { returnDocument: 'after' },
    ).lean();

    expect(first).toMatchObject({ state: 'acknowledged', version: 1 });
    expect(first?.history).toHaveLength(1);
    expect(stale).toBeNull();
  });

  it('counts with $inc on an upserted document, one caller at a time', async () => {
    for (let i = 0; i < 3; i += 1) {
      await Counter.findOneAndUpdate(
        { _id: 'compat:2025' },
        { $inc: { seq: 1 } },
        { upsert: true, returnDocument: 'after' },
      );
    }

    expect((await Counter.findById('compat:2025').lean())?.seq).toBe(3);
  });

  it('rejects a duplicate on a unique index with code 11000', async () => {
    await seed();
    await expect(Record.create({ key: 'a', state: 'open' })).rejects.toMatchObject({
      code: 11000,
    });
  });

  it('inserts the rest of an unordered batch when some entries are duplicates', async () => {
    await seed();
    const batch = [
      { key: 'a', state: 'open' },
      { key: 'd', state: 'open' },
    ];
    const error = await Record.insertMany(batch, { ordered: false }).catch((e: unknown) => e);

    expect(error).toMatchObject({ code: 11000 });
    expect(await Record.countDocuments({ key: { $in: ['a', 'd'] } })).toBe(2);
  });

  it('creates once with $setOnInsert upsert and reports whether it inserted', async () => {
    await seed();
    const first = await Record.updateOne(
      { key: 'once' },
      { $setOnInsert: { state: 'open', version: 0 } },
      { upsert: true },
    );
    const second = await Record.updateOne(
      { key: 'once' },
      { $setOnInsert: { state: 'changed', version: 0 } },
      { upsert: true },
    );

    expect(first.upsertedCount).toBe(1);
    expect(second.upsertedCount).toBe(0);
    expect((await Record.findOne({ key: 'once' }).lean())?.state).toBe('open');
  });

  it('filters with $in, $exists and date ranges, sorted and limited', async () => {
    await seed();
    const rows = await Record.find({
      state: { $in: ['open', 'closed'] },
      group: { $exists: true },
      at: { $gte: new Date(2), $lt: new Date(10) },
    })
      .sort({ at: -1 })
      .limit(1)
      .lean();

    expect(rows.map((r) => r.key)).toEqual(['c']);
  });

  it('sums one field per $group, by a plain or compound key', async () => {
    await seed();
    const totals = await Record.aggregate<{ _id: string; points: number }>([
      { $match: { group: { $in: ['x', 'y'] } } },
      { $group: { _id: '$group', points: { $sum: '$points' } } },
      { $sort: { _id: 1 } },
      { $project: { _id: 1, points: 1 } },
    ]);
    const counts = await Record.aggregate<{ _id: { group: string; state: string }; n: number }>([
      { $group: { _id: { group: '$group', state: '$state' }, n: { $sum: 1 } } },
      { $sort: { '_id.group': 1, '_id.state': 1 } },
    ]);

    expect(totals.map((t) => [t._id, Math.round(t.points * 10) / 10])).toEqual([
      ['x', -0.3],
      ['y', -1],
    ]);
    expect(counts.map((c) => [c._id.group, c._id.state, c.n])).toEqual([
      ['x', 'open', 2],
      ['y', 'closed', 1],
    ]);
  });

  it('unwinds arrays and counts with $count', async () => {
    await seed();
    const tagCount = await Record.aggregate<{ tags: number }>([
      { $unwind: '$tags' },
      { $match: { tags: 't1' } },
      { $count: 'tags' },
    ]);

    expect(tagCount).toEqual([{ tags: 2 }]);
  });

  it('finds the newest document by date then _id, ties included, with a projection', async () => {
    const snapshotSchema = new Schema({ at: Date, hash: String, body: Schema.Types.Mixed });
    snapshotSchema.index({ at: -1, _id: -1 });
    const Snapshot = mongoose.model('CompatSnapshot', snapshotSchema);
    await Snapshot.syncIndexes();
    const body = {
      office: { name: '国资办' },
      people: [{ name: '王督查', roles: ['supervisor'] }],
    };
    for (const [at, hash] of [
      [1, 'old'],
      [2, 'tie-first'],
      [2, 'tie-last'],
    ] as const) {
      await Snapshot.create({ at: new Date(at), hash, body });
    }

    const newest = { at: -1, _id: -1 } as const;
    const latest = await Snapshot.findOne({}, { hash: 1 }).sort(newest).lean();
    const whole = await Snapshot.findOne({}, { body: 1 }).sort(newest).lean();

    expect(latest?.hash).toBe('tie-last');
    expect(latest).not.toHaveProperty('body');
    expect(whole?.body).toEqual(body);
  });
  it('projects fields of array sub-documents by dotted path, filtered by a range', async () => {
    await seed();
    await Record.updateOne(
      { key: 'a' },
      {
        $set: {
          history: [
            { action: 'return', at: new Date(5) },
            { action: 'ok', at: new Date(6) },
          ],
        },
      },
    );
    const rows = await Record.find(
      { version: { $gte: 0, $lte: 0 }, at: { $gte: new Date(1), $lt: new Date(3) } },
      { key: 1, 'history.action': 1 },
    )
      .sort({ key: 1 })
      .lean();

    expect(rows.map((r) => [r.key, (r as { history?: unknown }).history])).toEqual([
      ['a', [{ action: 'return' }, { action: 'ok' }]],
      ['b', []],
    ]);
    expect(rows[0]).not.toHaveProperty('state');
  });

  it('sums one field per $group over documents chosen by a long $in list', async () => {
    await seed();
    const keys = ['a', 'c', ...Array.from({ length: 2_000 }, (_, i) => `missing-${i}`)];
    const totals = await Record.aggregate<{ _id: string; points: number }>([
      { $match: { key: { $in: keys } } },
      { $group: { _id: '$group', points: { $sum: '$points' } } },
      { $sort: { _id: 1 } },
    ]);

    expect(totals).toEqual([
      { _id: 'x', points: -0.5 },
      { _id: 'y', points: -1 },
    ]);
  });

  it('finds by $or of a date range, a state list and a nested date bound', async () => {
    await seed();
    await Record.updateOne(
      { key: 'c' },
      { $set: { history: [{ action: 'done', at: new Date(9) }] } },
    );
    const rows = await Record.find(
      {
        $or: [
          { at: { $gte: new Date(2), $lt: new Date(3) } },
          { state: { $in: ['closed'] }, 'history.at': { $lt: new Date(10) } },
        ],
      },
      { key: 1 },
    )
      .sort({ key: 1 })
      .lean();

    expect(rows.map((r) => r.key)).toEqual(['b', 'c']);
  });

  it('pages with $in and $nin, a projection, sort, skip and limit, and counts the same filter', async () => {
    await seed();
    await Record.insertMany([
      { key: 'd', state: 'open', group: 'z', points: 0, at: new Date(4) },
      { key: 'e', state: 'done', group: 'x', points: 0, at: new Date(5) },
    ]);
    const open = { group: { $in: ['x', 'z'] }, state: { $in: ['open'] } };
    const rest = { group: { $in: ['x', 'z'] }, state: { $nin: ['open'] } };

    const count = await Record.countDocuments(open);
    const page = await Record.find(open, { key: 1, at: 1 })
      .sort({ at: 1, _id: 1 })
      .skip(1)
      .limit(2)
      .lean();
    const others = await Record.find(rest, { key: 1 }).sort({ at: -1, _id: 1 }).lean();

    expect(count).toBe(3);
    expect(page.map((r) => r.key)).toEqual(['b', 'd']);
    expect(page[0]).not.toHaveProperty('points');
    expect(others.map((r) => r.key)).toEqual(['e']);
  });

  it('deletes the rows dated before a moment and tells how many (processed_events clean-up)', async () => {
    await seed();
    const result = await Record.deleteMany({ at: { $lt: new Date(3) } });

    expect(result.deletedCount).toBe(2);
    expect((await Record.find({}).lean()).map((r) => r.key)).toEqual(['c']);
  });

  it('finds by two equal fields sorted by date, and tells whether an id exists (card_messages)', async () => {
    await seed();
    const rows = await Record.find({ group: 'x', state: 'open' }).sort({ at: 1 }).lean();

    expect(rows.map((r) => r.key)).toEqual(['a', 'b']);
    expect(await Record.exists({ key: 'a' })).not.toBeNull();
    expect(await Record.exists({ key: 'nope' })).toBeNull();
  });

  it('reads a large $in match through a cursor in batches, and picks ids by $in with a status (reminders)', async () => {
    const claimSchema = new Schema({ _id: String, state: String, status: String });
    const Claim = mongoose.model('CompatClaim', claimSchema);
    await Claim.deleteMany({});
    const docs = Array.from({ length: 1_200 }, (_, i) => ({
      _id: `2025-${i}.beforeDeadline.${1_748_000_000_000 + i}`,
      state: i % 3 === 0 ? 'completed' : 'issued',
      status: i % 2 === 0 ? 'sent' : 'claimed',
    }));
    await Claim.insertMany(docs);

    let seen = 0;
    const cursor = Claim.find({ state: { $in: ['issued', 'acknowledged'] } })
      .lean()
      .batchSize(500)
      .cursor();
    for await (const _doc of cursor) seen += 1;
    const ids = docs.slice(0, 4).map((d) => d._id);
    const sent = await Claim.find({ _id: { $in: ids }, status: 'sent' }, { _id: 1 }).lean();

    expect(seen).toBe(800);
    expect(sent.map((d) => d._id).sort()).toEqual([ids[0], ids[2]].sort());
    expect(sent[0]).not.toHaveProperty('status');
  });

  it('lets one of many concurrent inserts of the same _id win, and tells the loser it exists (issue once)', async () => {
    const draftSchema = new Schema({ _id: String, block: Number, draft: Schema.Types.Mixed });
    const Draft = mongoose.model('CompatDraft', draftSchema);
    await Draft.deleteMany({});
    const attempts = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        Draft.create({ _id: 'preview-1', block: i, draft: { ids: ['a', 'b'], flag: true } }),
      ),
    );

    const won = attempts.filter((a) => a.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(await Draft.exists({ _id: 'preview-1' })).not.toBeNull();
    const stored = await Draft.findById('preview-1').lean();
    expect(stored?.draft).toEqual({ ids: ['a', 'b'], flag: true });
    expect((await Draft.deleteOne({ _id: 'preview-1' })).deletedCount).toBe(1);
    expect((await Draft.deleteOne({ _id: 'preview-1' })).deletedCount).toBe(0);
  });

  it('pages by a state list and a date bound, newest or nearest first, and finds by a key list (列表)', async () => {
    await seed();
    await Record.insertMany([
      { key: 'd', state: 'open', group: 'z', at: new Date(10) },
      { key: 'e', state: 'open', group: 'x', at: new Date(0) },
    ]);
    const overdue = { state: { $in: ['open', 'late'] }, at: { $lt: new Date(5) } };

    const count = await Record.countDocuments(overdue);
    const nearest = await Record.find(overdue, { key: 1 })
      .sort({ at: 1, _id: 1 })
      .skip(1)
      .limit(2)
      .lean();
    const newest = await Record.find({ state: { $in: ['open'] } }, { key: 1 })
      .sort({ at: -1, _id: 1 })
      .lean();
    const byKey = await Record.find({ key: { $in: ['c', 'e', 'none'] } }).lean();

    expect(count).toBe(3);
    expect(nearest.map((r) => r.key)).toEqual(['a', 'b']);
    expect(newest.map((r) => r.key)).toEqual(['d', 'b', 'a', 'e']);
    expect(byKey.map((r) => r.key).sort()).toEqual(['c', 'e']);
  });

  it('lists old pending rows, settles one with $set and $unset, deletes settled old rows (outbox_messages)', async () => {
    const outboxSchema = new Schema({
      _id: String,
      status: String,
      message: Schema.Types.Mixed,
      createdAt: Date,
      settledAt: Date,
    });
    outboxSchema.index({ status: 1, createdAt: 1 });
    const Outbox = mongoose.model('CompatOutbox', outboxSchema);
    await Outbox.deleteMany({});
    await Outbox.syncIndexes();
    const card = { schema: '2.0', body: { elements: [{ tag: 'markdown', content: '通知' }] } };
    await Outbox.insertMany([
      { _id: 'msg.a', status: 'pending', message: { kind: 'send', card }, createdAt: new Date(1) },
      { _id: 'msg.b', status: 'pending', message: { kind: 'text' }, createdAt: new Date(3) },
      { _id: 'msg.c', status: 'delivered', createdAt: new Date(2), settledAt: new Date(4) },
      { _id: 'msg.d', status: 'pending', message: { kind: 'text' }, createdAt: new Date(10) },
    ]);

    const stale = await Outbox.find(
      { status: 'pending', createdAt: { $lt: new Date(5) } },
      { _id: 1 },
    )
      .sort({ createdAt: 1 })
      .lean();
    const pending = await Outbox.findOne({ _id: 'msg.a', status: 'pending' }).lean();
    await Outbox.updateOne(
      { _id: 'msg.a' },
      { $set: { status: 'dead', settledAt: new Date(6) }, $unset: { message: 1 } },
    );
    const settled = await Outbox.findById('msg.a').lean();
    const pendingAfter = await Outbox.findOne({ _id: 'msg.a', status: 'pending' }).lean();
    const deleted = await Outbox.deleteMany({
      status: { $in: ['delivered', 'dead'] },
      createdAt: { $lt: new Date(5) },
    });
    const left = await Outbox.find({}, { _id: 1 }).sort({ _id: 1 }).lean();

    expect(stale.map((r) => r._id)).toEqual(['msg.a', 'msg.b']);
    expect(stale[0]).not.toHaveProperty('status');
    expect(pending?.message).toEqual({ kind: 'send', card });
    expect(settled).toMatchObject({ status: 'dead', settledAt: new Date(6) });
    expect(settled).not.toHaveProperty('message');
    expect(pendingAfter).toBeNull();
    expect(deleted.deletedCount).toBe(2);
    expect(left.map((r) => r._id)).toEqual(['msg.b', 'msg.d']);
  });

  it('picks candidates with an array sub-document date projected, then pages by their _id list (列表 逾期)', async () => {
    await seed();
    await Record.updateOne(
      { key: 'a' },
      { $set: { history: [{ action: 'approved', at: new Date(7) }] } },
    );
    const candidates = await Record.find(
      { state: { $in: ['open'] }, group: { $in: ['x'] }, at: { $lt: new Date(5) } },
      { state: 1, at: 1, 'history.action': 1, 'history.at': 1 },
    )
      .sort({ key: 1 })
      .lean();
    // The projection's typing drops `history`; the documents hold what was projected.
    const rows = candidates as unknown as Array<{ _id: unknown; history: Array<{ at?: Date }> }>;
    const signedLate = rows
      .filter((r) => r.history.some((h) => (h.at?.getTime() ?? 0) > 6))
      .map((r) => r._id);
    const chosen = { state: { $in: ['open'] }, _id: { $in: signedLate } };

    const count = await Record.countDocuments(chosen);
    const page = await Record.find(chosen, { key: 1 })
      .sort({ at: 1, _id: 1 })
      .skip(0)
      .limit(5)
      .lean();
    const none = await Record.countDocuments({ state: { $in: ['open'] }, _id: { $in: [] } });

    expect(rows.map((r) => r.history.map((h) => h.at))).toEqual([[new Date(7)], []]);
    expect(count).toBe(1);
    expect(page.map((r) => r.key)).toEqual(['a']);
    expect(none).toBe(0);
  });
});
