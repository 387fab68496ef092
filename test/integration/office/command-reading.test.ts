/**
 * How typed commands are read, through the whole bot (signed, encrypted POST /feishu/events):
 * 涉密 and 形式 in the one-line 督办, the notice's own text stored as typed, enterprises joined
 * by 和, numbers without their year, the policy's 拒不办理, 列表 全部, and a mention of someone
 * whose name has a space. Every case asserts what the person sees and what was stored.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../../src/clock.js';
import type { FakeMessage } from '../../../src/sandbox/fake-open-api.js';
import { IssueDraftModel } from '../../../src/store/issue-draft.model.js';
import { ItemModel } from '../../../src/store/item.model.js';
import { entriesOf } from '../../../src/store/ledger.repo.js';
import { buttonsOf, cardText } from '../../support/card-inspect.js';
import { clickAs, issueNotice, stored } from '../../support/enterprise-bot.js';
import { at, people } from '../../support/fixtures.js';
import { cardIn, groupChat, onlyText, say, shown } from '../../support/office-bot.js';
import { useTestBot } from '../../support/use-test-bot.js';

const clock = new FixedClock(at('2025-05-21 10:00'));
const bot = useTestBot({ clock });

beforeEach(async () => {
  await IssueDraftModel.deleteMany({});
});

/** Confirms the preview a message holds; returns the issued item as stored. */
async function confirm(preview: FakeMessage) {
  const button = buttonsOf(cardIn(preview)).find((b) => b.label === '确认交办');
  if (!button) throw new Error(`no 确认交办 in ${shown(preview)}`);
  await clickAs(bot, people.supervisor, button.value, { on: preview });
  await bot.waitForOutbox();

  return ItemModel.findById(button.value.d ?? button.value.id).lean();
}

describe('涉密 and 形式 in the one-line 督办', () => {
  it.each(['是的', '对', '1', 'true', 'ＹＥＳ'])(
    'takes 涉密:%s as confidential: the preview goes privately and the item is issued confidential',
    async (word) => {
      const answers = await say(
        bot,
        people.supervisor,
        `督办 关于某事的督办 企业:城投 涉密:${word} 内容:领导批示的涉密内容`,
        { inGroup: true },
      );

      const inGroup = answers.filter((m) => m.chatId === groupChat);
      expect(inGroup.map(shown)).toEqual(['涉密事项的交办预览已私信发送给您，请在单聊中确认']);
      const privately = answers.filter((m) => m.receiver.id === people.supervisor.openId);
      expect(privately).toHaveLength(1);
      const item = await confirm(privately[0]!);
      expect(item?.confidential).toBe(true);
    },
  );

  it.each([
    ['涉密:也许', '涉密请写“是”或“否”'],
    ['形式:电话', '形式请写“书面”或“口头”'],
  ])(
    'refuses 「%s」 with the help card naming it, in the group, and stores nothing',
    async (field, message) => {
      const answers = await say(
        bot,
        people.supervisor,
        `督办 关于某事的督办 企业:城投 ${field} 内容:领导批示的涉密内容`,
        { inGroup: true },
      );

      expect(answers).toHaveLength(1);
      const text = cardText(cardIn(answers[0]));
      expect(text).toContain(message);
      expect(text).not.toContain('领导批示的涉密内容');
      expect(await IssueDraftModel.countDocuments()).toBe(0);
    },
  );

  it('issues 形式:口头 as an oral notice', async () => {
    const [preview] = await say(
      bot,
      people.supervisor,
      '督办 电话交办事项 企业:城投 形式：口头 内容:x',
    );

    expect((await confirm(preview!))?.form).toBe('oral');
  });
});

describe('the notice text of the one-line 督办', () => {
  it('stores 标题 and 内容 exactly as typed, full-width punctuation and dashes included', async () => {
    const title = '一季度（1—3月）工作：复盘';
    const content = '请于6月10日前报送，并附材料；逾期扣分。【附件】见群公告／OA－2025';
    const [preview] = await say(
      bot,
      people.supervisor,
      `督办 ${title} 企业：城投 级别：重要 时限：２０２５／６／３ 内容：${content}`,
    );

    const item = await confirm(preview!);
    expect(item?.title).toBe(title);
    expect(item?.content).toBe(content);
    expect(item?.level).toBe('important');
    expect(item?.deadlineDay).toBe('2025-06-03');
  });

  it('keeps the paragraphs of a 内容 typed on several lines, each field on a line of its own', async () => {
    const content = '一、请于6月10日前报送推进情况；\n二、附项目清单。';
    const [preview] = await say(
      bot,
      people.supervisor,
      `督办 关于推进老城区改造的督办\n企业：城投\n级别：重要\n内容：\n${content}\n`,
    );

    const item = await confirm(preview!);
    expect(item?.title).toBe('关于推进老城区改造的督办');
    expect(item?.level).toBe('important');
    expect(item?.content).toBe(content);
  });

  it('takes 标题: as the title marker', async () => {
    const [preview] = await say(
      bot,
      people.supervisor,
      '督办 企业:城投 标题：关于“十四五”规划（2021—2025）的督办 内容:请报送',
    );

    expect((await confirm(preview!))?.title).toBe('关于“十四五”规划（2021—2025）的督办');
  });
});

describe('enterprises named together', () => {
  it('reads 城投和文旅 as two enterprises', async () => {
    const [preview] = await say(
      bot,
      people.supervisor,
      '督办 关于某事的督办 企业:城投和文旅 内容:请报送',
    );

    const text = cardText(cardIn(preview));
    expect(text).toContain('城投\u3000珠国资督');
    expect(text).toContain('文旅\u3000珠国资督');
  });

  it.each([
    ['城投及文化', '未找到企业「文化」，是否指「文旅」？'],
    ['城投与银行', '未找到企业「银行」，可用：城投、文旅、水务'],
  ])('refuses 企业:%s naming the one it does not know', async (names, message) => {
    const answers = await say(bot, people.supervisor, `督办 关于某事的督办 企业:${names} 内容:x`);

    expect(onlyText(answers)).toBe(message);
    expect(await IssueDraftModel.countDocuments()).toBe(0);
  });
});

describe('numbers, refusals, 列表 and mentions', () => {
  it("opens this year's notice from 查看 12号 and from a bare 第N号", async () => {
    const a = await issueNotice(bot);

    const [viewed] = await say(bot, people.supervisor, `查看 ${a.seq}号`);
    const [bare] = await say(bot, people.supervisor, `第${a.seq}号`);

    expect(cardText(cardIn(viewed))).toContain(`督办详情\n${a.noticeNumber}`);
    expect(cardText(cardIn(bare))).toContain(`督办详情\n${a.noticeNumber}`);
  });

  it('answers a number of this year that does not exist with the year it looked in', async () => {
    expect(onlyText(await say(bot, people.supervisor, '查看 999号'))).toBe(
      '未找到通知单「〔2025〕999号」，请核对编号',
    );
  });

  it('records 拒不办理 <编号> <理由> as a refusal (−1)', async () => {
    const a = await issueNotice(bot);

    const answers = await say(bot, people.supervisor, `拒不办理 ${a.seq}号 经三次催办仍不办理`);

    expect(onlyText(answers)).toBe(`已认定 城投 ${a.noticeNumber} 无正当理由拒不办理，扣 1 分`);
    expect((await stored(a.id)).state).toBe('refused');
    expect((await entriesOf(a.id)).map((e) => e.milliPoints)).toEqual([-500, -1000]);
  });

  it('reads 列表 全部 and 列表 未办结', async () => {
    const a = await issueNotice(bot, { enterpriseId: 'shuiwu' });

    const [all] = await say(bot, people.supervisor, '列表 全部');
    const [open] = await say(bot, people.supervisor, '列表 未办结');

    expect(cardText(cardIn(all))).toContain('全部企业 · 全部');
    expect(cardText(cardIn(open))).toContain('全部企业 · 未办结');
    expect(cardText(cardIn(open))).toContain(a.noticeNumber);
  });

  it('reads a command after a mention of someone whose name has a space', async () => {
    const zhang = { openId: 'ou_50000000000000000000000000000005', name: 'Zhang San' };

    const answers = await say(bot, people.supervisor, '列表', { inGroup: true, mentions: [zhang] });

    expect(answers).toHaveLength(1);
    expect(cardIn(answers[0]).header?.title.content).toBe('督办列表');
  });
});
