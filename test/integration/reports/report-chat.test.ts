import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../../cards/card.js';
import { submitRemarksAction } from '../../../cards/digest.card.js';
import { exportStatisticsAction } from '../../../cards/statistics.card.js';
import { statisticsExportQueue } from '../../../jobs/statistics-export.job.js';
import { weeklyDigestQueue, weeklyDigestScheduler } from '../../../jobs/weekly-digest.job.js';
import { requestStatisticsExport } from '../../../src/app/reports/statistics-export.js';
import { rankingReply, statisticsReply } from '../../../src/app/reports/statistics-reply.js';
import { runWeeklyDigest } from '../../../src/app/reports/weekly-digest.js';
import { FixedClock } from '../../../src/clock.js';
import { ReportRemarkModel } from '../../../src/store/report.model.js';
import { cardText } from '../../support/card-inspect.js';
import { clickAs } from '../../support/enterprise-bot.js';
import { at, people } from '../../support/fixtures.js';
import { act, issueOne } from '../../support/lifecycle-actions.js';
import { pollUntil } from '../../support/poll.js';
import { startTestBot, type TestBot } from '../../support/test-bot.js';

/** Monday 2025-06-09 08:30, when the digest of 06-02 … 06-08 goes out. */
const clock = new FixedClock(at('2025-06-09 08:30'));
const officeChat = 'oc_0a1b2c3d4e5f60718293a4b5c6d7e8f9';
let bot: TestBot;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  bot = await startTestBot({ clock });

  // 城投: one overdue since 05-28 (−0.5 −0.2); 文旅: one issued last week, due this Friday; 水务: one completed
  // last week; and one of 城投's withdrawn.
  const late = await issueOne('chengtou', at('2025-05-21 09:00'), { title: '老城区改造推进' });
  await act(late, 'recordOverdue', people.system, {}, at('2025-05-29 09:00'));
  await issueOne('wenlv', at('2025-06-03 09:00'), { title: '景区安全检查' });
  const done = await issueOne('shuiwu', at('2025-06-03 09:30'), {
    title: '供水管网排查',
    directory: await bot.context.directory.current(),
  });
  await act(done, 'acknowledge', people.system, {}, at('2025-06-03 10:00'));
  const dropped = await issueOne('chengtou', at('2025-06-04 09:00'));
  await act(dropped, 'withdraw', people.supervisor, { reason: '重复交办' }, at('2025-06-04 10:00'));
}, 180_000);

afterEach(() => {
  expect(nock.isDone()).toBe(true);
  nock.cleanAll();
});

afterAll(async () => {
  await bot?.stop();
  nock.enableNetConnect();
});

/** Resolves when the export queue has nothing waiting or running. */
async function exportsDone(): Promise<void> {
  const queue = bot.context.queues.queue(statisticsExportQueue);
  await pollUntil(
    () => queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized'),
    (counts) => Object.values(counts).every((n) => n === 0),
  );
}

function cardOfMessage(message: { content: unknown }): Card {
  return message.content as Card;
}

describe('统计', () => {
  it('answers a supervisor with the summary card for the period', async () => {
    const reply = await statisticsReply(bot.context, people.supervisor.openId, '2025-06');
    if (!reply.ok) throw new Error(reply.message);
    const table = reply.card.body.elements.find((e) => e.tag === 'table') as unknown as {
      rows: Array<Record<string, unknown>>;
    };

    expect(reply.card.header?.subtitle?.content).toBe('统计期间：2025年6月');
    expect(table.rows.map((r) => [r.e, r.r, r.o, r.p])).toEqual([
      ['城投', 0, 0, 0],
      ['文旅', 1, 0, 1],
      ['水务', 1, 0, 1],
    ]);
    expect(cardText(reply.card)).toContain('导出 Excel');
  });

  it.each([
    [people.liaison.openId, '无权操作：此操作由督查室办理'],
    ['ou_90000000000000000000000000000009', '您尚未登记为督办联系人'],
  ])('refuses %s with a reason', async (openId, message) => {
    const reply = await statisticsReply(bot.context, openId, '2025');

    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.message).toContain(message);
  });

  it('reads 去年 as the whole of the previous year', async () => {
    const reply = await statisticsReply(bot.context, people.supervisor.openId, '去年');
    if (!reply.ok) throw new Error(reply.message);

    expect(reply.card.header?.subtitle?.content).toBe('统计期间：2024年');
  });

  it('answers a period it cannot read with examples', async () => {
    const reply = await statisticsReply(bot.context, people.supervisor.openId, '前些日子');

    expect(reply).toMatchObject({ ok: false, code: 'invalidInput' });
    expect(!reply.ok && reply.message).toContain('2025-Q2（季度）');
  });
});

describe('导出 Excel on the statistics card', () => {
  it('answers with a toast, then sends the .xlsx to whoever clicked, once', async () => {
    const answer = await clickAs(bot, people.leader, { a: exportStatisticsAction, p: '2025' });
    await requestStatisticsExport(bot.context, people.leader.openId, '2025', 'same-request');
    await requestStatisticsExport(bot.context, people.leader.openId, '2025', 'same-request');
    await exportsDone();
    await bot.waitForOutbox();

    const files = bot.fake.messagesTo(people.leader.openId).filter((m) => m.msgType === 'file');
    expect(answer.toast).toEqual({
      type: 'success',
      content: '正在生成2025年督办情况统计表，稍后以文件发送给您',
    });
    expect(files).toHaveLength(2);
    expect(bot.fake.files.map((f) => [f.fileName, f.fileType])).toEqual([
      ['督办情况统计表-2025.xlsx', 'xls'],
      ['督办情况统计表-2025.xlsx', 'xls'],
    ]);
    expect(bot.fake.files[0]!.size).toBeGreaterThan(5_000);
  });

  it('refuses an enterprise liaison and sends nothing', async () => {
    const before = bot.fake.files.length;
    const answer = await clickAs(bot, people.liaison, { a: exportStatisticsAction, p: '2025' });
    await bot.waitForOutbox();

    expect(answer.toast).toEqual({ type: 'error', content: '无权操作：此操作由督查室办理' });
    expect(bot.fake.files).toHaveLength(before);
  });
});

describe('积分', () => {
  it('ranks the enterprises and links each to a report that opens', async () => {
    const reply = await rankingReply(bot.context, people.supervisor.openId, 2025);
    if (!reply.ok) throw new Error(reply.message);
    const text = cardText(reply.card);
    const link = /\[城投\]\((http[^)]+)\)/.exec(text)?.[1];
    const url = new URL(link!);
    const page = await (await fetch(`${bot.url}${url.pathname}${url.search}`)).text();

    expect(text).toMatch(/1\. \[文旅\].*-0\.5 分/);
    expect(text).toMatch(/1\. \[水务\].*-0\.5 分/);
    expect(text).toMatch(/3\. \[城投\].*-0\.7 分/);
    expect(page).toContain('珠山区城市建设投资有限公司');
    expect(page).toContain('冲销「收到督办通知单」：撤销督办：重复交办');
    expect(page).toContain('办理逾期');
    expect(page).toContain('合计：-0.7 分');
  });
});

describe('the weekly digest', () => {
  it('is scheduled at the policy’s weekday and time in Asia/Shanghai', async () => {
    const scheduler = await bot.context.queues
      .queue(weeklyDigestQueue)
      .getJobScheduler(weeklyDigestScheduler);

    expect(scheduler).toMatchObject({ pattern: '30 8 * * 1', tz: 'Asia/Shanghai' });
  });

  it('sends each leader the figures and a 阅示 form, once per week', async () => {
    await runWeeklyDigest(bot.context, clock.now());
    await runWeeklyDigest(bot.context, clock.now());
    await bot.waitForOutbox();

    const cards = bot.fake
      .messagesTo(people.leader.openId)
      .filter((m) => m.msgType === 'interactive');
    expect(cards).toHaveLength(1);
    const text = cardText(cardOfMessage(cards[0]!));
    // 城投's withdrawn notice of 06-04 is not counted as issued, as in the statistics table.
    expect(text).toContain('上周交办 2 件 · 办结 0 件 · 当前逾期 1 件 · 本周到期 2 件');
    expect(text).toContain('城投 珠国资督〔2025〕1号 老城区改造推进（逾期 12 天）');
    expect(text).toContain('景区安全检查（2025-06-10 到期）');
    expect(text).toContain('靠前：文旅 -0.5');
    expect(text).toContain('靠后：城投 -0.7');
    expect(text).toContain('提交阅示');
  });

  it('stores a leader’s remarks, shows them on the card and to the 督查室', async () => {
    const value = { a: submitRemarksAction, r: 'digest-2025-W23' };
    const formValue = { remarks: '请督查室跟进城投逾期事项。' };

    const answer = await clickAs(bot, people.leader, value, { formValue });
    const again = await clickAs(bot, people.leader, value, { formValue: { remarks: '第二次' } });
    await bot.waitForOutbox();

    expect(answer.toast).toEqual({ type: 'success', content: '阅示意见已提交' });
    expect(cardText(answer.card!)).toContain('请督查室跟进城投逾期事项。');
    expect(cardText(answer.card!)).not.toContain('提交阅示');
    expect(again.toast?.content).toBe('您已于 06-09 08:30 阅示');
    expect(await ReportRemarkModel.find().lean()).toMatchObject([
      { reportId: 'digest-2025-W23', by: { name: '李局长' }, text: '请督查室跟进城投逾期事项。' },
    ]);
    const office = bot.fake.messagesTo(officeChat).map((m) => cardText(cardOfMessage(m)));
    expect(office.filter((t) => t.includes('领导阅示 · 李局长'))).toHaveLength(1);
    expect(office.find((t) => t.includes('领导阅示'))).toContain('请督查室跟进城投逾期事项。');
  });

  it.each([
    [people.supervisor, { remarks: '同意' }, '阅示由国资办领导填写'],
    [people.leader, { remarks: '   ' }, '请填写阅示意见'],
  ])(
    'refuses a submission it cannot take, and stores nothing',
    async (actor, formValue, message) => {
      const before = await ReportRemarkModel.countDocuments();
      const answer = await clickAs(
        bot,
        actor,
        { a: submitRemarksAction, r: 'digest-2025-W23' },
        { formValue },
      );

      expect(answer.toast).toMatchObject({ type: 'error', content: message });
      expect(await ReportRemarkModel.countDocuments()).toBe(before);
    },
  );
});
