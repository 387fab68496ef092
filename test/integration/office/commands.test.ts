/**
 * The 督查室's chat commands through the whole bot (signed, encrypted POST /feishu/events, the
 * fake Open API): help, the one-line 督办 and the 新建督办 form with malformed input, 列表 and
 * 查看 with what each person may see. Every case asserts the message the person sees.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FixedClock } from '../../../src/clock.js';
import { IssueDraftModel } from '../../../src/store/issue-draft.model.js';
import { ItemModel } from '../../../src/store/item.model.js';
import { buttonsOf, cardText, fieldsOf, textBeside } from '../../support/card-inspect.js';
import { clickAs, issueNotice } from '../../support/enterprise-bot.js';
import { privateChatId } from '../../support/feishu-events.js';
import { at, people } from '../../support/fixtures.js';
import { act, bringToReview, teams } from '../../support/lifecycle-actions.js';
import { cardIn, groupChat, onlyText, say, shown } from '../../support/office-bot.js';
import { useTestBot } from '../../support/use-test-bot.js';

const clock = new FixedClock(at('2025-05-21 10:00'));
const bot = useTestBot({ clock });

afterEach(() => {
  clock.set(at('2025-05-21 10:00'));
});

const stranger = { openId: 'ou_90000000000000000000000000000009', name: '路人' };

describe('帮助 and what is not understood', () => {
  it.each([
    [
      'a supervisor',
      people.supervisor,
      ['打开新建督办表单', '一句话交办', '催办，可加急', '重新加载人员与企业名录'],
      ['我承办的督办'],
    ],
    [
      'a liaison',
      people.liaison,
      ['督办列表，可按状态筛选', '我承办的督办', '申请或批准延期'],
      ['一句话交办', '催办，可加急', '督办情况统计'],
    ],
    [
      'the discipline group',
      people.discipline,
      ['督办列表，可按状态筛选', '督办情况统计', '导出督办情况统计表（Excel）'],
      ['一句话交办', '撤销督办', '申请或批准延期'],
    ],
  ])('shows %s only the commands they may use', async (_who, person, shownCommands, hidden) => {
    const [answer] = await say(bot, person, '帮助');

    const text = cardText(cardIn(answer));
    expect(text).toContain('督办助手 · 帮助');
    for (const summary of shownCommands) expect(text).toContain(summary);
    for (const summary of hidden) expect(text).not.toContain(summary);
  });

  it('answers what it does not understand with the help card and the closest command', async () => {
    const [answer] = await say(bot, people.supervisor, '催半 2025-1');

    const text = cardText(cardIn(answer));
    expect(text).toContain('督办助手 · 没有看懂');
    expect(text).toContain('没有看懂「催半 2025-1」');
    expect(text).toContain(
      '您是否要**催办，可加急**？例如：\n催办 珠国资督〔2025〕12号 加急 请今天内反馈',
    );
  });

  it('tells someone not in the directory how to be registered, with their open_id', async () => {
    const [answer] = await say(bot, stranger, '列表');

    const text = cardText(cardIn(answer));
    expect(text).toContain('您尚未登记为督办联系人，请联系区国资办督查室');
    expect(text).toContain(stranger.openId);
  });
});

describe('督办 <标题> 企业:… (one line), malformed', () => {
  it.each([
    [
      'an unknown enterprise',
      '督办 关于某事的督办 企业:城头 内容:请报送',
      '未找到企业「城头」，是否指「城投」？',
    ],
    [
      'an enterprise nothing like any',
      '督办 关于某事的督办 企业:银行 内容:请报送',
      '未找到企业「银行」，可用：城投、文旅、水务',
    ],
    [
      'a deadline beyond the policy',
      '督办 关于某事的督办 企业:城投 时限:2025-07-01 内容:请报送',
      '时限不能晚于 2025-06-20（交办之日起 30 日）',
    ],
    [
      'a deadline not after the issue day',
      '督办 关于某事的督办 企业:城投 时限:2025/5/21 内容:请报送',
      '时限须晚于交办日期（2025-05-21）',
    ],
    ['a missing content', '督办 关于某事的督办 企业:城投', '请填写内容与要求'],
    [
      'an unknown category',
      '督办 关于某事的督办 企业:城投 类别:天气 内容:请报送',
      '类别「天气」不认识，可用：政府工作报告、重大决策部署、目标任务、人大建议/政协提案、区领导批示、国资监管会议、国企改革与党建、局领导批示交办、其他',
    ],
    [
      'a fixed item without its date',
      '督办 关于某事的督办 企业:城投 级别:按期 内容:请报送',
      '按期事项请填写时限',
    ],
  ])('refuses %s with the reason and stores nothing', async (_case, text, message) => {
    const answers = await say(bot, people.supervisor, text);

    expect(onlyText(answers)).toBe(message);
    expect(await IssueDraftModel.countDocuments()).toBe(0);
  });

  it.each([
    [
      'a date that does not exist',
      '督办 关于某事的督办 企业:城投 时限:2025-02-30 内容:请报送',
      '2025年2月30日 不存在，请检查日期',
    ],
    ['a missing title', '督办 企业:城投 内容:请报送', '请写上事项标题'],
    ['no enterprise', '督办 关于某事的督办 内容:请报送', '请写上承办企业，如 企业:城投,文旅'],
    [
      'an unknown level',
      '督办 关于某事的督办 企业:城投 级别:紧急 内容:请报送',
      '级别「紧急」不认识，可用：一般、重要、特别重大、按期',
    ],
  ])(
    'answers %s with the help card naming the problem and the format',
    async (_case, text, message) => {
      const [answer] = await say(bot, people.supervisor, text);

      // As the person reads it: the card escapes angle brackets typed by people.
      const shownText = cardText(cardIn(answer)).replace(/&lt;/g, '<').replace(/&gt;/g, '>');
      expect(shownText).toContain(message);
      expect(shownText).toContain('格式：督办 <标题> 企业:<简称,…>');
      expect(await IssueDraftModel.countDocuments()).toBe(0);
    },
  );

  it.each([
    ['the discipline group', people.discipline, '纪检监察组仅可查阅，不能办理'],
    ['a liaison', people.liaison, '无权操作：此操作由督查室办理'],
  ])('refuses %s issuing', async (_who, person, message) => {
    const answers = await say(bot, person, '督办 关于某事的督办 企业:城投 内容:请报送');

    expect(onlyText(answers)).toBe(message);
    expect(await IssueDraftModel.countDocuments()).toBe(0);
  });

  it('sends a confidential preview asked for in a group to the person privately', async () => {
    const answers = await say(
      bot,
      people.supervisor,
      '督办 关于某事的督办 企业:城投 涉密:是 内容:领导批示内容',
      { inGroup: true },
    );

    const inGroup = answers.filter((m) => m.chatId === groupChat);
    const privately = answers.filter((m) => m.receiver.id === people.supervisor.openId);
    expect(inGroup.map(shown)).toEqual(['涉密事项的交办预览已私信发送给您，请在单聊中确认']);
    expect(privately).toHaveLength(1);
    expect(cardText(cardIn(privately[0]))).toContain('领导批示内容');
    await IssueDraftModel.deleteMany({});
  });
});

describe('新建督办 (the form)', () => {
  it("opens the form with each level's deadline rule", async () => {
    const [answer] = await say(bot, people.supervisor, '新建督办');

    const form = cardIn(answer);
    expect([...fieldsOf(form).keys()]).toEqual([
      'title',
      'content',
      'category',
      'level',
      'enterpriseIds',
      'deadlineDay',
      'confidential',
      'form',
    ]);
    expect(textBeside(form, 'deadlineDay')).toContain('一般事项 5 个工作日 → 2025-05-28');
    expect(textBeside(form, 'deadlineDay')).toContain('重要事项 10 个工作日 → 2025-06-05');
    expect(buttonsOf(form).map((b) => b.label)).toEqual(['预览', '取消']);
  });

  const valid = {
    title: '关于推进老城区改造项目的督办',
    content: '请报送推进情况。',
    category: 'districtInstruction',
    level: 'important',
    enterpriseIds: ['chengtou', 'shuiwu'],
    confidential: false,
    form: 'written',
  };

  it.each([
    ['a missing title', { title: '' }, 'title', '请填写事项标题'],
    ['no enterprise', { enterpriseIds: [] }, 'enterpriseIds', '请选择承办单位'],
    [
      'a date that does not exist',
      { deadlineDay: '2025-02-30' },
      'deadlineDay',
      '「2025-02-30」不是有效日期，请重新选择',
    ],
    [
      'a deadline beyond the policy',
      { deadlineDay: '2025-06-21 +0800' },
      'deadlineDay',
      '时限不能晚于 2025-06-20（交办之日起 30 日）',
    ],
  ])(
    'comes back with the reason beside the field for %s',
    async (_case, change, field, message) => {
      const answer = await clickAs(
        bot,
        people.supervisor,
        { a: 'previewIssue' },
        { formValue: { ...valid, ...change } },
      );

      expect(answer.toast).toEqual({ type: 'warning', content: message });
      expect(answer.card?.header?.title.content).toBe('新建督办');
      expect(textBeside(answer.card!, field)).toContain(message);
      expect(fieldsOf(answer.card!).get('content')?.default_value).toBe('请报送推进情况。');
      expect(await IssueDraftModel.countDocuments()).toBe(0);
    },
  );

  it('previews, comes back filled in on 修改, and on 取消 issues nothing', async () => {
    const preview = await clickAs(
      bot,
      people.supervisor,
      { a: 'previewIssue' },
      { formValue: valid },
    );
    const buttons = buttonsOf(preview.card!);
    const edit = await clickAs(
      bot,
      people.supervisor,
      buttons.find((b) => b.label === '修改')!.value,
    );
    const cancel = await clickAs(
      bot,
      people.supervisor,
      buttons.find((b) => b.label === '取消')!.value,
    );
    const confirm = await clickAs(
      bot,
      people.supervisor,
      buttons.find((b) => b.label === '确认交办')!.value,
    );

    expect(cardText(preview.card!)).toContain('2025-06-05 17:30（重要事项 10 个工作日）');
    expect(fieldsOf(edit.card!).get('title')?.default_value).toBe(valid.title);
    expect(fieldsOf(edit.card!).get('enterpriseIds')?.selected_values).toEqual([
      'chengtou',
      'shuiwu',
    ]);
    expect(cancel.card?.header?.title.content).toBe('已取消交办');
    expect(confirm.toast).toEqual({
      type: 'warning',
      content: '该预览已取消或已过期，请重新发起交办',
    });
    expect(await ItemModel.countDocuments()).toBe(0);
  });

  it("sends a confidential preview from a group's form privately", async () => {
    const formValue = { ...valid, confidential: true };
    const answer = await clickAs(
      bot,
      people.supervisor,
      { a: 'previewIssue', w: 'g' },
      { formValue },
    );
    await bot.waitForOutbox();

    expect(answer.toast?.content).toBe('涉密事项的交办预览已私信发送给您，请在单聊中确认');
    expect(cardText(answer.card!)).not.toContain('请报送推进情况');
    const privately = bot.fake.messagesTo(people.supervisor.openId).at(-1);
    expect(cardIn(privately).header?.title.content).toBe('交办预览');
  });
});

describe('列表 and 查看', () => {
  it("lists every enterprise's matters for the 督查室, only its own for an enterprise", async () => {
    const ours = await issueNotice(bot, { enterpriseId: 'chengtou' });
    const theirs = await issueNotice(bot, { enterpriseId: 'wenlv', title: '文旅的督办事项' });

    const office = cardText(cardIn((await say(bot, people.supervisor, '列表'))[0]));
    const liaison = cardText(cardIn((await say(bot, people.liaison, '列表 待签收'))[0]));

    expect(office).toContain(ours.noticeNumber);
    expect(office).toContain(theirs.noticeNumber);
    expect(office).toContain('全部企业 · 全部');
    expect(liaison).toContain(ours.noticeNumber);
    expect(liaison).not.toContain(theirs.noticeNumber);
    expect(liaison).toContain('城投 · 待签收');
  });

  it('shows overdue matters in red under 逾期, and pages with the buttons', async () => {
    const a = await issueNotice(bot, { enterpriseId: 'shuiwu' });
    clock.set(at('2025-05-30 10:00'));

    const [answer] = await say(bot, people.supervisor, '列表 逾期');
    const next = await clickAs(bot, people.supervisor, { a: 'officeList', f: 'completed', p: 0 });

    const text = cardText(cardIn(answer));
    expect(text).toContain(a.noticeNumber);
    expect(text).toContain("<font color='red'>05-28 到期，已逾期 2 天</font>");
    expect(buttonsOf(cardIn(answer)).map((b) => b.label)).toContain('已办结');
    expect(cardText(next.card!)).toContain('没有符合条件的督办事项');
  });

  it('counts a matter under review as overdue only when the head signed it off late', async () => {
    const title = (n: number) => `审核中的督办 ${n}`;
    const owed = await issueNotice(bot, { enterpriseId: 'wenlv', title: title(1) });
    const onTime = await issueNotice(bot, { enterpriseId: 'wenlv', title: title(2) });
    const late = await issueNotice(bot, { enterpriseId: 'wenlv', title: title(3) });
    await act(owed.id, 'acknowledge', teams.wenlv.liaison, {}, at('2025-05-22 09:00'));
    await bringToReview(onTime.id, '2025-05-28', { team: teams.wenlv });
    await bringToReview(late.id, '2025-05-29', { team: teams.wenlv, plannedDay: '2025-05-28' });
    clock.set(at('2025-05-30 10:00'));

    const [list] = await say(bot, people.supervisor, '列表 逾期');
    const [onTimeView] = await say(bot, people.supervisor, `查看 ${onTime.noticeNumber}`);
    const [lateView] = await say(bot, people.supervisor, `查看 ${late.noticeNumber}`);
    const mine = await clickAs(bot, people.otherLiaison, { a: 'myAssignments', p: 0 });

    const listed = cardText(cardIn(list));
    expect(listed).toContain(owed.noticeNumber);
    expect(listed).toContain(late.noticeNumber);
    expect(listed).not.toContain(onTime.noticeNumber);
    expect(listed).toContain("督查室审核中 · <font color='red'>05-28 到期，逾期 1 天报送</font>");
    expect(cardText(cardIn(onTimeView))).toContain('2025-05-28 17:30（按时报送）');
    expect(cardText(cardIn(onTimeView))).not.toContain('逾期');
    expect(cardIn(onTimeView).header?.template).toBe('blue');
    expect(cardText(cardIn(lateView))).toContain("（<font color='red'>逾期 1 天报送</font>）");
    expect(cardIn(lateView).header?.template).toBe('carmine');
    const rows = cardText(mine.card!).split(title(3));
    expect(rows[0]).toContain(`${title(2)}\n督查室审核中 · 05-28 到期，按时报送`);
    expect(rows[1]).toContain("督查室审核中 · <font color='red'>逾期 1 天报送</font>");
  });

  it('refuses a filter it does not know with the help card', async () => {
    const [answer] = await say(bot, people.supervisor, '列表 紧急');

    expect(cardText(cardIn(answer))).toContain(
      '不认识「紧急」，可用：列表 全部 / 未办结 / 待签收 / 办理中 / 逾期 / 已办结',
    );
  });

  it('shows a matter with its timeline, newest last', async () => {
    const a = await issueNotice(bot);
    await clickAs(bot, people.liaison, { a: 'acknowledge', id: a.id, v: a.version });

    const [answer] = await say(
      bot,
      people.supervisor,
      `查看 ${a.noticeNumber.replace('〔', '[').replace('〕', ']')}`,
    );

    const text = cardText(cardIn(answer));
    expect(text).toContain('督办详情');
    expect(text).toContain(
      '05-21 10:00\u3000王督查\u3000交办\n05-21 10:00\u3000城投联络员\u3000签收',
    );
  });

  it.each([
    [
      "another enterprise's matter",
      people.otherLiaison,
      (n: string) => n,
      '无权操作：此事项由城投承办',
    ],
    [
      'a number that does not exist',
      people.supervisor,
      () => '2025-999',
      '未找到通知单「2025-999」，请核对编号',
    ],
  ])('refuses %s', async (_case, person, number, message) => {
    const a = await issueNotice(bot);

    const answers = await say(bot, person, `查看 ${number(a.noticeNumber)}`);

    expect(onlyText(answers)).toBe(message);
  });

  it("sends a confidential matter's details privately when asked in a group", async () => {
    const a = await issueNotice(bot, { confidential: true, content: '涉密的领导批示' });

    const answers = await say(bot, people.supervisor, `查看 ${a.id}`, { inGroup: true });

    expect(answers.filter((m) => m.chatId === groupChat).map(shown)).toEqual([
      '涉密事项的详情已私信发送给您',
    ]);
    const privately = answers.find((m) => m.chatId === privateChatId(people.supervisor));
    expect(cardText(cardIn(privately))).toContain('涉密的领导批示');
  });
});
