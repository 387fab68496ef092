import { describe, expect, it } from 'vitest';
import { timelineOf } from '../../../src/store/audit-event.repo.js';
import { cardMessagesOf } from '../../../src/store/card-message.repo.js';
import { buttonLabels, buttonsOf, cardText } from '../../support/card-inspect.js';
import {
  cardOf,
  clickAs,
  copyHeldBy,
  issueNotice,
  stored,
  valueFor,
} from '../../support/enterprise-bot.js';
import { people } from '../../support/fixtures.js';
import { pollUntil } from '../../support/poll.js';
import { useTestBot } from '../../support/use-test-bot.js';

/** The enterprise chat of 城投 in config/directory.example.yaml. */
const chengtouChat = 'oc_1a1b2c3d4e5f60718293a4b5c6d7e8f9';

const bot = useTestBot();

describe('issuing a notice', () => {
  it('sends the 督办通知单 to the liaison, the head and the enterprise chat, tracked', async () => {
    const a = await issueNotice(bot);

    for (const receiver of [people.liaison.openId, people.head.openId, chengtouChat]) {
      const text = cardText(cardOf(copyHeldBy(bot, receiver, a)));
      expect(text).toContain(a.noticeNumber);
      expect(text).toContain('请于时限内报送项目推进情况。');
    }
    expect(buttonLabels(cardOf(copyHeldBy(bot, people.liaison.openId, a)))).toEqual([
      '签收',
      '申请延期',
    ]);
    const copies = await cardMessagesOf(a.id, 'notice');
    expect(copies.map((c) => c.receiver.id).sort()).toEqual(
      [people.liaison.openId, people.head.openId, chengtouChat].sort(),
    );
  });

  it('sends nothing twice when the issue is dispatched again', async () => {
    const a = await issueNotice(bot);
    const before = bot.fake.allMessages().length;
    for (const event of await timelineOf(a.id)) {
      await bot.context.events.dispatch({ ...event, dispatched: false });
    }
    await bot.waitForOutbox();

    expect(bot.fake.allMessages().length).toBe(before);
  });

  it('shows the enterprise chat only the summary of a confidential item', async () => {
    const a = await issueNotice(bot, { confidential: true, content: '涉密的具体办理要求' });
    const group = cardOf(copyHeldBy(bot, chengtouChat, a));
    const liaison = cardOf(copyHeldBy(bot, people.liaison.openId, a));

    expect(cardText(group)).toContain('涉密内容，请在与督办助手的单聊中查看');
    expect(JSON.stringify(group)).not.toContain('涉密的具体办理要求');
    expect(buttonLabels(group)).toEqual([]);
    expect(cardText(liaison)).toContain('涉密的具体办理要求');
  });
});

describe('when the liaison acknowledges', () => {
  it('answers with 已签收 and the updated card, stores it and patches every other copy', async () => {
    const a = await issueNotice(bot);
    const mine = copyHeldBy(bot, people.liaison.openId, a);

    const answer = await clickAs(bot, people.liaison, valueFor(a, 'acknowledge'), { on: mine });

    expect(answer.status).toBe(200);
    expect(answer.toast).toEqual({ type: 'success', content: '已签收' });
    expect(cardText(answer.card!)).toMatch(/已签收：城投联络员 \d\d-\d\d \d\d:\d\d/);
    expect(buttonLabels(answer.card!)).toEqual(['填报承办措施', '申请延期']);
    expect((await stored(a.id)).state).toBe('acknowledged');
    for (const holder of [people.head.openId, chengtouChat]) {
      const copy = await pollUntil(
        async () => cardOf(copyHeldBy(bot, holder, a)),
        (card) => cardText(card).includes('已签收：城投联络员'),
      );
      expect(buttonLabels(copy)).toEqual(['填报承办措施', '申请延期']);
    }
  });

  it('patches the group copy with buttons that stay group-scoped', async () => {
    const a = await issueNotice(bot);
    await clickAs(bot, people.liaison, valueFor(a, 'acknowledge'));
    const patched = await pollUntil(
      async () => cardOf(copyHeldBy(bot, chengtouChat, a)),
      (card) => cardText(card).includes('已签收'),
    );
    const [plan] = buttonsOf(patched);

    expect(plan?.value).toEqual({ a: 'openPlanForm', id: a.id, v: 2, w: 'g' });
    const answer = await clickAs(bot, people.head, plan!.value, {
      on: copyHeldBy(bot, chengtouChat, a),
    });
    expect(answer.card?.header?.title.content).toBe('填报承办措施');
    expect(buttonsOf(answer.card!).every((b) => b.value.w === 'g')).toBe(true);
  });
});

describe('someone not in the directory', () => {
  it('gets the registration card on their own copy', async () => {
    const a = await issueNotice(bot);
    const answer = await clickAs(bot, people.stranger, valueFor(a, 'acknowledge'));

    expect(answer.toast?.content).toBe('您尚未登记为督办联系人，请联系区国资办督查室');
    expect(cardText(answer.card!)).toContain(people.stranger.openId);
    expect((await stored(a.id)).state).toBe('issued');
  });

  it('gets a toast on the group copy and the registration card privately', async () => {
    const a = await issueNotice(bot);
    const answer = await clickAs(bot, people.stranger, valueFor(a, 'acknowledge', { w: 'g' }));
    await bot.waitForOutbox();

    expect(answer.card).toBeUndefined();
    expect(answer.toast?.content).toBe('您尚未登记为督办联系人，请联系区国资办督查室');
    const sent = bot.fake.messagesTo(people.stranger.openId).map((m) => cardText(cardOf(m)));
    expect(sent.some((text) => text.includes(people.stranger.openId))).toBe(true);
  });

  it('links the liaison’s card to the printable 督办通知单, but not the confidential summary', async () => {
    const a = await issueNotice(bot, { confidential: true, content: '涉密的具体办理要求' });
    const liaison = cardText(cardOf(copyHeldBy(bot, people.liaison.openId, a)));
    const link = /\[打印通知单\]\((\S+)\)/.exec(liaison)?.[1] ?? '';
    const { pathname, search } = new URL(link);
    const page = await fetch(`${bot.url}${pathname}${search}`);

    expect(page.status).toBe(200);
    expect(await page.text()).toContain(a.noticeNumber);
    expect(cardText(cardOf(copyHeldBy(bot, chengtouChat, a)))).not.toContain('打印通知单');
  });
});
