/**
 * The 督查室's decision cards through the whole bot: the review card sent when a head signs off
 * (通过办结 with the 按时高质量 tick, 退回重办, 认定敷衍), and the extension decision card sent
 * to the policy's decider (批准 with a changed date, 不批准). Every copy shows the decision; the
 * enterprise is told.
 */
import { describe, expect, it } from 'vitest';
import type { ActionValue } from '../../../cards/card.js';
import { FixedClock } from '../../../src/clock.js';
import type { Assignment } from '../../../src/domain/assignment.js';
import { loadDossier } from '../../../src/store/dossier.repo.js';
import { entriesOf } from '../../../src/store/ledger.repo.js';
import { buttonsOf, cardText, textBeside } from '../../support/card-inspect.js';
import {
  cardOf,
  clickAs,
  issueNotice,
  refusalsOf,
  stored,
  transitionsOf,
  valueFor,
} from '../../support/enterprise-bot.js';
import { at, people } from '../../support/fixtures.js';
import { officeChat, say } from '../../support/office-bot.js';
import { pollUntil } from '../../support/poll.js';
import { useTestBot } from '../../support/use-test-bot.js';

const clock = new FixedClock(at('2025-05-21 10:00'));
const bot = useTestBot({ clock });

/** Cards with this title about this notice that a receiver holds, oldest first. */
function held(receiverId: string, a: Assignment, title: string) {
  return bot.fake.messagesTo(receiverId).filter((m) => {
    const header = m.msgType === 'interactive' ? cardOf(m).header : undefined;
    return header?.title.content === title && header.subtitle?.content === a.noticeNumber;
  });
}

async function heldOnce(receiverId: string, a: Assignment, title: string, count = 1) {
  await pollUntil(
    async () => held(receiverId, a, title).length,
    (n) => n >= count,
  );
  await bot.waitForOutbox();

  return held(receiverId, a, title)[count - 1]!;
}

/** Acknowledged, planned, submitted and signed off by the head: under review. */
async function signedOff(a?: Assignment): Promise<Assignment> {
  let current = a ?? (await issueNotice(bot));
  if (current.state === 'issued') {
    await clickAs(bot, people.liaison, valueFor(current, 'acknowledge'));
    current = await stored(current.id);
    const plan = {
      leader: people.head.openId,
      department: '工程管理部',
      owner: people.liaison.openId,
      measures: '成立专班。',
      plannedDay: current.deadlineDay,
    };
    await clickAs(bot, people.liaison, valueFor(current, 'submitPlan'), { formValue: plan });
    current = await stored(current.id);
  }
  const feedback = { result: '已完成改造方案报批。', completion: 'done' };
  await clickAs(bot, people.liaison, valueFor(current, 'submitFeedback'), { formValue: feedback });
  current = await stored(current.id);
  await clickAs(bot, people.head, valueFor(current, 'approveSignOff'));

  return stored(current.id);
}

function buttonOf(message: Parameters<typeof cardOf>[0], label: string): ActionValue {
  const found = buttonsOf(cardOf(message)).find((b) => b.label === label);
  if (!found) throw new Error(`no button ${label}`);

  return found.value;
}

describe('the review card', () => {
  it("reaches the 督查室 on the head's approval with the result, the sign-off and the choices", async () => {
    const a = await signedOff();

    const card = cardOf(await heldOnce(officeChat, a, '督办审核'));

    const text = cardText(card);
    expect(text).toContain('已完成改造方案报批。');
    expect(text).toContain('城投张总 05-21 10:00 同意报送（按时）');
    expect(buttonsOf(card).map((b) => [b.label, b.primary, b.submit])).toEqual([
      ['通过办结', true, true],
      ['退回重办', false, true],
      ['认定敷衍（加扣 0.2 分）', false, true],
    ]);
    expect(text).toContain('按时高质量完成（抵扣 0.2 分）');
  });

  it('closes on 通过办结 with the tick (+0.2), shows the decision on every copy and tells the enterprise', async () => {
    const a = await signedOff();
    const copy = await heldOnce(officeChat, a, '督办审核');

    const answer = await clickAs(bot, people.supervisor, buttonOf(copy, '通过办结'), {
      on: copy,
      formValue: { quality: true, reason: '' },
    });
    const told = await heldOnce(people.liaison.openId, a, '督办已办结');
    await pollUntil(
      async () => cardText(cardOf(copy)),
      (t) => t.includes('通过办结（按时高质量）'),
    );

    expect(answer.toast).toEqual({ type: 'success', content: '已办结（按时高质量，抵扣 0.2 分）' });
    expect(cardText(answer.card!)).toContain('通过办结（按时高质量）（王督查 05-21 10:00）');
    expect(buttonsOf(answer.card!).map((b) => b.label)).toEqual(['归档']);
    expect((await stored(a.id)).state).toBe('completed');
    expect((await entriesOf(a.id)).map((e) => [e.kind, e.milliPoints])).toEqual([
      ['noticeReceived', -500],
      ['onTimeHighQuality', 200],
    ]);
    expect(cardText(cardOf(told))).toContain(
      '审核通过，按时办结，认定按时高质量完成，抵扣 0.2 分。',
    );
    expect(held(people.head.openId, a, '督办已办结')).toHaveLength(1);
  });

  it('archives from the card once completed: a supervisor may, an enterprise person may not', async () => {
    const a = await signedOff();
    const copy = await heldOnce(officeChat, a, '督办审核');
    const done = await clickAs(bot, people.supervisor, buttonOf(copy, '通过办结'), {
      on: copy,
      formValue: { reason: '' },
    });
    const archive = buttonsOf(done.card!).find((b) => b.label === '归档')!.value;

    const refused = await clickAs(bot, people.liaison, archive, { on: copy });
    const answer = await clickAs(bot, people.supervisor, archive, { on: copy });
    const again = await clickAs(bot, people.supervisor, archive, { on: copy });
    await pollUntil(
      () => loadDossier(a.id),
      (dossier) => dossier !== null,
    );
    await pollUntil(
      async () => cardText(cardOf(copy)),
      (text) => text.includes('已归档'),
    );

    const number = `2025-督办-${String(a.seq).padStart(4, '0')}`;
    expect(refused.toast).toEqual({ type: 'error', content: '无权操作：此操作由督查室办理' });
    expect(refused.card).toBeUndefined();
    expect(answer.toast).toEqual({ type: 'success', content: `已归档，档号 ${number}` });
    expect(cardText(answer.card!)).toContain(`已归档（档号 ${number}）`);
    expect(buttonsOf(answer.card!)).toEqual([]);
    expect(buttonsOf(cardOf(copy))).toEqual([]);
    expect(again.toast).toEqual({ type: 'info', content: '该督办已于 05-21 10:00 归档' });
    expect((await stored(a.id)).state).toBe('archived');
    expect((await transitionsOf(a.id)).at(-1)).toBe('archive');
    expect(await refusalsOf(a.id)).toEqual([
      'archive: 无权操作：此操作由督查室办理',
      'archive: 该督办已于 05-21 10:00 归档',
    ]);
  });

  it('needs a reason to 退回重办; with one, the enterprise gets it and the buttons to resubmit', async () => {
    const a = await signedOff();
    const copy = await heldOnce(officeChat, a, '督办审核');
    const value = buttonOf(copy, '退回重办');

    const empty = await clickAs(bot, people.supervisor, value, { formValue: { reason: ' ' } });
    const withReason = await clickAs(bot, people.supervisor, value, {
      formValue: { reason: '缺少数据支撑' },
    });
    const told = await heldOnce(people.liaison.openId, a, '督办退回重办');

    expect(empty.toast).toEqual({ type: 'warning', content: '请填写原因' });
    expect(textBeside(empty.card!, 'reason')).toContain('请填写原因');
    expect(withReason.toast?.content).toBe('已退回重办');
    expect((await stored(a.id)).state).toBe('in_progress');
    expect(cardText(cardOf(told))).toContain('缺少数据支撑');
    expect(buttonsOf(cardOf(told)).map((b) => b.label)).toContain('提交反馈');
  });

  it('records −0.2 on 认定敷衍 and tells the enterprise why; the next round gets a card of its own', async () => {
    const a = await signedOff();
    const first = await heldOnce(officeChat, a, '督办审核');

    await clickAs(bot, people.supervisor, buttonOf(first, '认定敷衍（加扣 0.2 分）'), {
      formValue: { reason: '照抄往年材料' },
    });
    const told = await heldOnce(people.head.openId, a, '认定敷衍 · 退回重办');
    await signedOff(await stored(a.id));
    const second = await heldOnce(officeChat, a, '督办审核', 2);

    expect((await entriesOf(a.id)).map((e) => [e.kind, e.milliPoints])).toEqual([
      ['noticeReceived', -500],
      ['perfunctory', -200],
    ]);
    expect(cardText(cardOf(told))).toContain('照抄往年材料');
    expect(cardText(cardOf(told))).toContain('按规定加扣 0.2 分');
    await pollUntil(
      async () => cardText(cardOf(first)),
      (t) => t.includes('认定敷衍，退回重办：照抄往年材料'),
    );
    expect(buttonsOf(cardOf(first))).toEqual([]);
    expect(buttonsOf(cardOf(second)).map((b) => b.label)).toContain('通过办结');
  });

  it.each([
    ['退回重办', '缺少数据支撑', '已由 王督查 于 05-21 10:00 退回重办'],
    ['认定敷衍（加扣 0.2 分）', '照抄往年材料', '已由 王督查 于 05-21 10:00 认定敷衍'],
  ])('answers a double click on %s with who did it and when', async (label, reason, said) => {
    const a = await signedOff();
    const copy = await heldOnce(officeChat, a, '督办审核');
    const value = buttonOf(copy, label);

    const [first, second] = await Promise.all([
      clickAs(bot, people.supervisor, value, { formValue: { reason } }),
      clickAs(bot, people.supervisor, value, { formValue: { reason } }),
    ]);
    const third = await clickAs(bot, people.supervisor, value, { formValue: { reason } });

    const toasts = [first, second, third].map((answer) => answer.toast);
    expect(toasts.filter((t) => t?.type === 'success')).toHaveLength(1);
    expect(toasts.filter((t) => t?.type === 'info')).toEqual([
      { type: 'info', content: said },
      { type: 'info', content: said },
    ]);
    expect((await stored(a.id)).reviews).toHaveLength(1);
    expect(cardText(third.card!)).toContain(reason);
  });

  it('refuses a liaison who clicks it, and changes nothing', async () => {
    const a = await signedOff();
    const copy = await heldOnce(officeChat, a, '督办审核');

    const answer = await clickAs(bot, people.liaison, buttonOf(copy, '通过办结'), {
      formValue: {},
    });

    expect(answer.toast).toEqual({ type: 'error', content: '无权操作：此操作由督查室办理' });
    expect(answer.card).toBeUndefined();
    expect((await stored(a.id)).state).toBe('under_review');
  });
  it('answers someone not in the directory with a toast, and their registration card privately', async () => {
    const a = await signedOff();
    const copy = await heldOnce(officeChat, a, '督办审核');
    const stranger = { openId: 'ou_90000000000000000000000000000009', name: '路人' };

    const answer = await clickAs(bot, stranger, buttonOf(copy, '通过办结'), { formValue: {} });
    await pollUntil(
      async () => bot.fake.messagesTo(stranger.openId).length,
      (n) => n === 1,
    );

    expect(answer.toast).toEqual({
      type: 'warning',
      content: '您尚未登记为督办联系人，请联系区国资办督查室',
    });
    expect(answer.card).toBeUndefined();
    expect(cardText(cardOf(bot.fake.messagesTo(stranger.openId)[0]!))).toContain(stranger.openId);
    expect((await stored(a.id)).state).toBe('under_review');
  });
});

describe('the extension decision card', () => {
  async function requested(a: Assignment, day = '2025-06-10'): Promise<Assignment> {
    const formValue = { day: `${day} +0800`, reason: '需协调规划部门', progress: '方案已报批' };
    const answer = await clickAs(bot, people.liaison, valueFor(a, 'requestExtension'), {
      formValue,
    });
    expect(answer.toast?.content).toBe('延期申请已提交');

    return stored(a.id);
  }

  it('reaches the 督查室 for a routine matter; 批准 with a changed date sets it and tells the enterprise', async () => {
    const a = await requested(await issueNotice(bot));
    const copy = await heldOnce(officeChat, a, '延期审批');

    const text = cardText(cardOf(copy));
    const answer = await clickAs(bot, people.supervisor, buttonOf(copy, '批准'), {
      formValue: { day: '2025-06-12 +0800', reason: '' },
    });
    const told = await heldOnce(people.liaison.openId, a, '延期申请已批准');

    expect(text).toContain('**申请延至**\u30002025-06-10');
    expect(text).toContain('2025-06-20（交办之日起 30 日）');
    expect(text).toContain('方案已报批');
    expect(answer.toast).toEqual({ type: 'success', content: '已批准延期至 2025-06-12' });
    expect(cardText(answer.card!)).toContain('已批准延至 2025-06-12（王督查 05-21 10:00）');
    expect((await stored(a.id)).deadlineDay).toBe('2025-06-12');
    expect(cardText(cardOf(told))).toContain('时限延至 2025-06-12 17:30');
  });

  it('needs a reason to refuse; with one, the deadline stays and the enterprise is told why', async () => {
    const a = await requested(await issueNotice(bot));
    const copy = await heldOnce(officeChat, a, '延期审批');
    const value = buttonOf(copy, '不批准');

    const empty = await clickAs(bot, people.supervisor, value, { formValue: {} });
    const refused = await clickAs(bot, people.supervisor, value, {
      formValue: { reason: '时间充足' },
    });
    const told = await heldOnce(people.head.openId, a, '延期申请未获批准');

    expect(empty.toast).toEqual({ type: 'warning', content: '请填写不批准理由' });
    expect(refused.toast?.content).toBe('已不批准延期');
    expect((await stored(a.id)).deadlineDay).toBe(a.deadlineDay);
    expect(cardText(cardOf(told))).toContain('时间充足');
  });

  it('goes to the leader for a critical matter; a supervisor may not decide it', async () => {
    const [preview] = await say(
      bot,
      people.supervisor,
      '督办 重大项目推进 企业:城投 级别:特别重大 内容:请报送推进情况',
    );
    const confirmed = await clickAs(bot, people.supervisor, buttonOf(preview!, '确认交办'));
    const number = /城投 (珠国资督〔2025〕\d+号)/.exec(cardText(confirmed.card!))![1]!;
    const issued = await stored(`2025-${/〕(\d+)号/.exec(number)![1]}`);
    const a = await requested(issued, '2025-06-18');
    const copy = await heldOnce(people.leader.openId, a, '延期审批');

    const bySupervisor = await clickAs(bot, people.supervisor, buttonOf(copy, '批准'), {
      formValue: {},
    });
    const byLeader = await clickAs(bot, people.leader, buttonOf(copy, '批准'), { formValue: {} });

    expect(held(officeChat, a, '延期审批')).toEqual([]);
    expect(bySupervisor.toast).toEqual({
      type: 'error',
      content: '无权审批：此延期需由局主要领导审批',
    });
    expect(byLeader.toast?.content).toBe('已批准延期至 2025-06-18');
    expect(await transitionsOf(a.id)).toEqual(['issue', 'requestExtension', 'decideExtension']);
  });
});
