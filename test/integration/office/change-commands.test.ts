/**
 * Commands that change things, and the report commands, through the whole bot: 催办, 撤销,
 * 拒办, 退回, 办结, 延期, 归档, 统计, 积分, 导出, 重新加载, 我的督办. Each asserts what the
 * person is told, what was stored, and what the enterprise received.
 */
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../../src/clock.js';
import type { Assignment } from '../../../src/domain/assignment.js';
import { AssignmentModel } from '../../../src/store/assignment.model.js';
import { entriesOf } from '../../../src/store/ledger.repo.js';
import { buttonsOf, cardText } from '../../support/card-inspect.js';
import {
  cardOf,
  clickAs,
  issueNotice,
  signOffByClicks,
  stored,
  transitionsOf,
} from '../../support/enterprise-bot.js';
import { at, people } from '../../support/fixtures.js';
import { pollUntil } from '../../support/poll.js';
import { cardIn, officeChat, onlyText, say } from '../../support/office-bot.js';
import { useTestBot } from '../../support/use-test-bot.js';
import { timelineOf } from '../../../src/store/audit-event.repo.js';

const clock = new FixedClock(at('2025-05-21 10:00'));
const bot = useTestBot({ clock });

/** Cards with this header title about this notice that a receiver holds. */
function held(receiverId: string, a: Assignment, title: string) {
  return bot.fake
    .messagesTo(receiverId)
    .filter((m) => m.msgType === 'interactive')
    .filter((m) => {
      const header = cardOf(m).header;
      return header?.title.content === title && header.subtitle?.content === a.noticeNumber;
    });
}

async function acknowledged(): Promise<Assignment> {
  const a = await issueNotice(bot);
  await clickAs(bot, people.liaison, { a: 'acknowledge', id: a.id, v: a.version });

  return stored(a.id);
}

describe('催办', () => {
  it('sends the 催办 card to liaison and head with the words and an urgent push, and logs it', async () => {
    const a = await issueNotice(bot);

    const answers = await say(bot, people.supervisor, `催办 ${a.noticeNumber} 加急 请今天内反馈`);
    await pollUntil(
      async () => held(people.head.openId, a, '催办 · 督查室 王督查').length,
      (n) => n === 1,
    );
    await bot.waitForOutbox();

    expect(onlyText(answers)).toBe('已催办 城投（加急）');
    for (const openId of [people.liaison.openId, people.head.openId]) {
      const [card] = held(openId, a, '催办 · 督查室 王督查');
      expect(cardText(cardOf(card!))).toContain('请今天内反馈');
      expect(buttonsOf(cardOf(card!)).map((b) => b.label)).toContain('签收');
      expect(card!.urgent).toEqual([{ kind: 'app', openIds: [openId] }]);
    }
    const notes = (await timelineOf(a.id)).filter((e) => e.action === 'nudge');
    expect(notes.map((e) => [e.actor.name, e.outcome, e.reason])).toEqual([
      ['王督查', 'urgent', '请今天内反馈'],
    ]);
  });

  it('takes the enterprise written after the number, then 加急, out of the words', async () => {
    const a = await issueNotice(bot);

    const answers = await say(bot, people.supervisor, `催办 ${a.noticeNumber} 城投 加急！`);

    expect(onlyText(answers)).toBe('已催办 城投（加急）');
    const notes = (await timelineOf(a.id)).filter((e) => e.action === 'nudge');
    expect(notes.map((e) => [e.outcome, e.reason])).toEqual([['urgent', undefined]]);
  });

  it('refuses a number with another enterprise after it, and nudges nobody', async () => {
    const a = await issueNotice(bot);

    const answers = await say(bot, people.supervisor, `催办 ${a.noticeNumber} 文旅`);

    expect(onlyText(answers)).toBe(`${a.noticeNumber} 是城投的通知单，不是文旅的；请核对编号`);
    expect((await timelineOf(a.id)).filter((e) => e.action === 'nudge')).toEqual([]);
  });

  it.each([
    ['a liaison', people.liaison, '无权操作：此操作由督查室办理'],
    ['the discipline group', people.discipline, '纪检监察组仅可查阅，不能办理'],
  ])('refuses %s', async (_who, person, message) => {
    const a = await issueNotice(bot);

    expect(onlyText(await say(bot, person, `催办 ${a.id}`))).toBe(message);
    expect((await timelineOf(a.id)).filter((e) => e.action === 'nudge')).toEqual([]);
  });

  it('refuses a finished matter, and a number that is not one', async () => {
    const a = await issueNotice(bot);
    await say(bot, people.supervisor, `撤销 ${a.id} 重复交办`);

    expect(onlyText(await say(bot, people.supervisor, `催办 ${a.id}`))).toBe(
      '该督办已结束（已撤销），无需催办',
    );
    const [help] = await say(bot, people.supervisor, '催办 十二号');
    expect(cardText(cardIn(help))).toContain(
      '请写上通知单编号，如：催办 珠国资督〔2025〕12号 加急 请今天内反馈',
    );
  });
});

describe('撤销 and 拒办', () => {
  it('asks for the reason of a withdrawal, then withdraws, reverses the −0.5 and tells the enterprise', async () => {
    const a = await issueNotice(bot);

    const noReason = await say(bot, people.supervisor, `撤销 ${a.noticeNumber}`);
    const done = await say(bot, people.supervisor, `撤销 ${a.noticeNumber} 重复交办`);
    await pollUntil(
      async () => held(people.liaison.openId, a, '督办已撤销').length,
      (n) => n === 1,
    );

    expect(onlyText(noReason)).toBe('请填写撤销原因');
    expect(onlyText(done)).toBe(`已撤销 城投 ${a.noticeNumber}，该通知单的扣分已冲销`);
    expect((await stored(a.id)).state).toBe('withdrawn');
    expect((await entriesOf(a.id)).map((e) => e.milliPoints)).toEqual([-500, 500]);
    expect(cardText(cardOf(held(people.head.openId, a, '督办已撤销')[0]!))).toContain('重复交办');
  });

  it('records a refusal with −1 and says so', async () => {
    const a = await acknowledged();

    const answers = await say(bot, people.supervisor, `拒办 ${a.id} 经三次催办仍拒不办理`);

    expect(onlyText(answers)).toBe(`已认定 城投 ${a.noticeNumber} 无正当理由拒不办理，扣 1 分`);
    expect((await entriesOf(a.id)).map((e) => [e.kind, e.milliPoints])).toEqual([
      ['noticeReceived', -500],
      ['refusal', -1000],
    ]);
  });
});

describe('办结 and 退回 as commands', () => {
  it.each([
    [
      'a supervisor on a matter not yet submitted',
      people.supervisor,
      '办结',
      '请先签收该督办通知单',
    ],
    ['the discipline group', people.discipline, '办结', '纪检监察组仅可查阅，不能办理'],
    ['a liaison', people.liaison, '办结', '无权操作：此操作由督查室办理'],
    [
      'a return without a reason',
      people.supervisor,
      '退回',
      '请写上原因，如：退回 珠国资督〔2025〕12号 缺少数据支撑',
    ],
  ])('refuses %s and changes nothing', async (_case, person, verb, message) => {
    const a = await issueNotice(bot);

    const [answer] = await say(bot, person, `${verb} ${a.id}`);

    const text = answer!.msgType === 'text' ? onlyText([answer!]) : cardText(cardIn(answer));
    expect(text).toContain(message);
    expect(await transitionsOf(a.id)).toEqual(['issue']);
  });
});

describe('办结 and 退回 on a matter under review', () => {
  /** The 督查室's review card of the notice, once it has arrived. */
  async function reviewCard(a: Assignment) {
    await pollUntil(
      async () => held(officeChat, a, '督办审核').length,
      (n) => n === 1,
    );
    await bot.waitForOutbox();

    return held(officeChat, a, '督办审核')[0]!;
  }

  it('closes on 办结 <编号> 优质 with +0.2, shows it on the review card and tells the enterprise', async () => {
    const a = await signOffByClicks(bot, await issueNotice(bot));
    const review = await reviewCard(a);

    const answers = await say(bot, people.supervisor, `办结 ${a.noticeNumber} 优质`);
    await pollUntil(
      async () => held(people.liaison.openId, a, '督办已办结').length,
      (n) => n === 1,
    );
    await pollUntil(
      async () => cardText(cardOf(review)),
      (text) => text.includes('通过办结（按时高质量）（王督查 05-21 10:00）'),
    );

    expect(onlyText(answers)).toBe(`已办结 城投 ${a.noticeNumber}（按时高质量，抵扣 0.2 分）`);
    expect((await stored(a.id)).state).toBe('completed');
    expect((await entriesOf(a.id)).map((e) => [e.kind, e.milliPoints])).toEqual([
      ['noticeReceived', -500],
      ['onTimeHighQuality', 200],
    ]);
    expect(buttonsOf(cardOf(review)).map((b) => b.label)).toEqual(['归档']);
    const told = held(people.liaison.openId, a, '督办已办结')[0]!;
    expect(cardText(cardOf(told))).toContain('认定按时高质量完成，抵扣 0.2 分');
  });

  it('returns on 退回 <编号> <原因>, shows the reason on the review card and tells the enterprise', async () => {
    const a = await signOffByClicks(bot, await issueNotice(bot));
    const review = await reviewCard(a);

    const answers = await say(bot, people.supervisor, `退回 ${a.seq}号 缺少数据支撑`);
    await pollUntil(
      async () => held(people.liaison.openId, a, '督办退回重办').length,
      (n) => n === 1,
    );
    await pollUntil(
      async () => cardText(cardOf(review)),
      (text) => text.includes('缺少数据支撑'),
    );

    expect(onlyText(answers)).toBe(`已退回 城投 ${a.noticeNumber} 重办，已告知承办单位`);
    expect((await stored(a.id)).state).toBe('in_progress');
    expect((await entriesOf(a.id)).map((e) => e.kind)).toEqual(['noticeReceived']);
    expect(buttonsOf(cardOf(review))).toEqual([]);
    const told = held(people.liaison.openId, a, '督办退回重办')[0]!;
    expect(cardText(cardOf(told))).toContain('缺少数据支撑');
    expect(buttonsOf(cardOf(told)).map((b) => b.label)).toContain('提交反馈');
  });
});

describe('English aliases', () => {
  it.each([
    ['help', '督办助手 · 帮助'],
    ['list overdue', '督办列表'],
    ['stats 2025-05', '督办情况统计'],
    ['score 2025', '督办积分排名'],
  ])('reads 「%s」', async (text, title) => {
    const [answer] = await say(bot, people.supervisor, text);

    expect(cardIn(answer).header?.title.content).toBe(title);
  });

  it('reads 「view <编号>」', async () => {
    const a = await issueNotice(bot);

    const [answer] = await say(bot, people.supervisor, `view ${a.id}`);

    expect(cardIn(answer).header?.title.content).toBe('督办详情');
    expect(cardText(cardIn(answer))).toContain(a.noticeNumber);
  });
});

describe('延期', () => {
  it('is a request from the liaison (card to the 督查室) and a grant from the supervisor', async () => {
    const a = await acknowledged();

    const asked = await say(bot, people.liaison, `延期 ${a.noticeNumber} 6月10日 需协调规划部门`);
    await pollUntil(
      async () => held(officeChat, a, '延期审批').length,
      (n) => n === 1,
    );
    const granted = await say(bot, people.supervisor, `延期 ${a.id} 2025-06-12`);

    expect(onlyText(asked)).toBe(
      `已提交延期申请：${a.noticeNumber} 申请延至 2025-06-10，待督查室审批`,
    );
    expect(onlyText(granted)).toBe(`已批准 城投 ${a.noticeNumber} 延期至 2025-06-12`);
    expect((await stored(a.id)).deadlineDay).toBe('2025-06-12');
    await pollUntil(
      async () => held(people.liaison.openId, a, '延期申请已批准').length,
      (n) => n === 1,
    );
  });

  it.each([
    ['past the cap', '2025-07-01 需协调', '延期不能晚于 2025-06-20（交办之日起最长 30 日）'],
    ['without a reason', '2025-06-10', '请填写延期原因'],
  ])('refuses a request %s', async (_case, tail, message) => {
    const a = await acknowledged();

    expect(onlyText(await say(bot, people.liaison, `延期 ${a.id} ${tail}`))).toBe(message);
    expect((await stored(a.id)).extensions).toEqual([]);
  });

  it('tells a supervisor with no request to grant how to set the deadline directly', async () => {
    const a = await acknowledged();

    expect(onlyText(await say(bot, people.supervisor, `延期 ${a.id} 2025-06-10`))).toBe(
      '没有待审批的延期申请。如需直接延长时限，请在日期后写明原因',
    );
  });
});

describe('归档', () => {
  it('refuses an open matter and archives a finished one with its archive number', async () => {
    const a = await issueNotice(bot);

    const early = await say(bot, people.supervisor, `归档 ${a.id}`);
    await say(bot, people.supervisor, `撤销 ${a.id} 重复交办`);
    const done = await say(bot, people.supervisor, `归档 ${a.id}`);

    expect(onlyText(early)).toBe('办结后方可归档');
    expect(onlyText(done)).toBe(
      `已归档 城投 ${a.noticeNumber}，档号 2025-督办-${String(a.seq).padStart(4, '0')}`,
    );
  });
});

describe('统计, 积分, 导出, 重新加载, 我的督办', () => {
  it('answers 统计 with the statistics card, and an unreadable period with examples', async () => {
    await issueNotice(bot);

    const [card] = await say(bot, people.supervisor, '统计 2025-05');
    const bad = await say(bot, people.supervisor, '统计 2025-13');

    expect(cardText(cardIn(card))).toContain('统计期间：2025年5月');
    expect(onlyText(bad)).toBe(
      '没有 13 月。统计期间可写：2025（年）、2025-Q2（季度）、2025-05 或 5月（月）、本月，或 2025-05-01~2025-06-30',
    );
  });

  it('answers 积分 with the ranking, and refuses an enterprise person', async () => {
    const [card] = await say(bot, people.supervisor, '积分 2025');

    expect(cardText(cardIn(card))).toContain('督办积分排名');
    expect(onlyText(await say(bot, people.liaison, '积分'))).toBe('无权操作：此操作由督查室办理');
  });

  it.each([
    ['积分 明年吧', '年份请写成 2025、今年或去年，如：积分 2025'],
    ['积分 1999', '年份 1999 超出范围（2000–2100）'],
    ['积分 2025-05', '积分按年度排名，请写年份，如：积分 2025'],
  ])('answers 「%s」 with the help card saying how to write the year', async (text, message) => {
    const [answer] = await say(bot, people.supervisor, text);

    expect(cardText(cardIn(answer))).toContain(message);
  });

  it.each([
    [
      '导出 2025-13',
      '没有 13 月。统计期间可写：2025（年）、2025-Q2（季度）、2025-05 或 5月（月）、本月，或 2025-05-01~2025-06-30',
    ],
    [
      '导出 前些日子',
      '没有看懂统计期间「前些日子」。统计期间可写：2025（年）、2025-Q2（季度）、2025-05 或 5月（月）、本月，或 2025-05-01~2025-06-30',
    ],
  ])('answers 「%s」 with what it could not read, and sends no file', async (text, message) => {
    const files = bot.fake.files.length;

    const answers = await say(bot, people.supervisor, text);

    expect(onlyText(answers)).toBe(message);
    expect(bot.fake.files.length).toBe(files);
  });

  it('sends the 导出 file to the person privately', async () => {
    const answers = await say(bot, people.supervisor, '导出 2025');
    await pollUntil(
      async () => bot.fake.files.length,
      (n) => n > 0,
    );
    await bot.waitForOutbox();

    const texts = answers.filter((m) => m.msgType === 'text');
    expect(onlyText(texts)).toBe('正在生成2025年督办情况统计表，稍后以文件发送给您');
    const file = bot.fake.messagesTo(people.supervisor.openId).find((m) => m.msgType === 'file');
    expect(file?.receiver).toEqual({ type: 'open_id', id: people.supervisor.openId });
  });

  it.each([
    ['a supervisor', people.supervisor, '名录没有变化：3 家企业、10 人'],
    ['a liaison', people.liaison, '无权操作：此操作由督查室办理'],
  ])('answers 重新加载 from %s', async (_who, person, message) => {
    expect(onlyText(await say(bot, person, '重新加载'))).toBe(message);
  });

  it('shows 我的督办 to the liaison and points the 督查室 to 列表', async () => {
    const a = await issueNotice(bot);

    const [mine] = await say(bot, people.liaison, '我的督办');
    const office = await say(bot, people.supervisor, '我的督办');

    // Earlier tests issued notices with the same deadline: the newest may be on a later page.
    const total = await AssignmentModel.countDocuments({ enterpriseId: a.enterpriseId });
    expect(cardIn(mine).header?.title.content).toBe('我的督办');
    expect(cardIn(mine).header?.subtitle?.content).toContain(`共 ${total} 件`);
    expect(onlyText(office)).toBe('「我的督办」列出承办单位的督办事项；查看全部督办请发送「列表」');
  });
});
