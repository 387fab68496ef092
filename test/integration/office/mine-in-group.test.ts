/**
 * 我的督办 asked in a group chat, through the whole bot: the list goes to the person privately,
 * never to the group; and a list card whose buttons are marked as a chat's copy (`w: 'g'`)
 * answers its clicks with what the whole chat may see. Cards are `update_multi`: a card
 * returned to a click replaces the message for everyone holding it.
 */
import { describe, expect, it } from 'vitest';
import { confidentialNotice } from '../../../cards/notice.card.js';
import { FixedClock } from '../../../src/clock.js';
import type { FakeMessage } from '../../../src/sandbox/fake-open-api.js';
import { buttonsOf, cardText } from '../../support/card-inspect.js';
import { cardOf, clickAs, issueNotice } from '../../support/enterprise-bot.js';
import { privateChatId } from '../../support/feishu-events.js';
import { at, people } from '../../support/fixtures.js';
import { cardIn, groupChat, say, shown } from '../../support/office-bot.js';
import { pollUntil } from '../../support/poll.js';
import { useTestBot } from '../../support/use-test-bot.js';

const clock = new FixedClock(at('2025-05-21 10:00'));
const bot = useTestBot({ clock });

/** 城投's group chat in config/directory.example.yaml. */
const chengtouChat = 'oc_1a1b2c3d4e5f60718293a4b5c6d7e8f9';

const secret = '涉密的领导批示：请核实某项目资金去向';

describe('我的督办 typed in a group', () => {
  it('sends the list to the person privately and tells the group so, showing it nothing', async () => {
    const a = await issueNotice(bot, { confidential: true, content: secret });

    const answers = await say(bot, people.liaison, '我的督办', { inGroup: true });

    const inGroup = answers.filter((m) => m.chatId === groupChat);
    expect(inGroup.map(shown)).toEqual(['「我的督办」已私信发送给您']);
    const privately = answers.filter((m) => m.receiver.id === people.liaison.openId);
    expect(privately).toHaveLength(1);
    const list = cardIn(privately[0]);
    expect(cardText(list)).toContain(a.noticeNumber);
    expect(buttonsOf(list).every((b) => b.value.w === undefined)).toBe(true);
  });

  it('answers in the private chat as before', async () => {
    const a = await issueNotice(bot);

    const answers = await say(bot, people.liaison, '我的督办');

    expect(answers).toHaveLength(1);
    expect(answers[0]!.chatId).toBe(privateChatId(people.liaison));
    expect(cardText(cardIn(answers[0]))).toContain(a.noticeNumber);
  });
});

describe("a list card marked as a chat's copy", () => {
  it('answers 查看 of a confidential matter with the summary and only chat-safe buttons', async () => {
    const a = await issueNotice(bot, { confidential: true, content: secret });

    const answer = await clickAs(bot, people.head, { a: 'openNotice', id: a.id, p: 0, w: 'g' });

    const text = cardText(answer.card!);
    expect(text).toContain(a.noticeNumber);
    expect(text).toContain(confidentialNotice);
    expect(text).not.toContain(secret);
    expect(text).not.toContain('打印通知单');
    // The summary has no buttons: none of the head's, none that lead anywhere.
    expect(buttonsOf(answer.card!)).toEqual([]);
  });

  it('answers 查看 of an open matter with the buttons of the chat, not of the clicker', async () => {
    const a = await issueNotice(bot);

    const answer = await clickAs(bot, people.head, { a: 'openNotice', id: a.id, p: 0, w: 'g' });

    expect(cardText(answer.card!)).toContain('请于时限内报送项目推进情况。');
    const buttons = buttonsOf(answer.card!);
    expect(buttons.map((b) => b.label)).toEqual(['签收', '申请延期', '返回我的督办', '查看详情']);
    expect(buttons.every((b) => b.value.w === 'g')).toBe(true);
  });

  it("treats an unmarked list clicked in an enterprise's chat as that chat's copy", async () => {
    const a = await issueNotice(bot, { confidential: true, content: secret });
    const inChat = { messageId: 'om_old_list', chatId: chengtouChat } as FakeMessage;

    const opened = await clickAs(
      bot,
      people.head,
      { a: 'openNotice', id: a.id, p: 0 },
      { on: inChat },
    );
    const paged = await clickAs(bot, people.head, { a: 'myAssignments', p: 0 }, { on: inChat });

    expect(cardText(opened.card!)).toContain(confidentialNotice);
    expect(cardText(opened.card!)).not.toContain(secret);
    expect(paged.card).toBeUndefined();
    expect(paged.toast?.content).toBe('「我的督办」已私信发送给您');
    await bot.waitForOutbox();
  });

  it("pages privately: the clicker's list goes to them, the chat's card stays", async () => {
    const a = await issueNotice(bot, { enterpriseId: 'wenlv', title: '文旅的督办事项' });
    const before = bot.fake.messagesTo(people.otherLiaison.openId).length;

    const answer = await clickAs(bot, people.otherLiaison, { a: 'myAssignments', p: 0, w: 'g' });
    await pollUntil(
      async () => bot.fake.messagesTo(people.otherLiaison.openId).length,
      (n) => n > before,
    );

    expect(answer.card).toBeUndefined();
    expect(answer.toast).toEqual({ type: 'info', content: '「我的督办」已私信发送给您' });
    const sent = bot.fake.messagesTo(people.otherLiaison.openId).at(-1)!;
    expect(sent.receiver).toEqual({ type: 'open_id', id: people.otherLiaison.openId });
    expect(cardText(cardOf(sent))).toContain(a.noticeNumber);
  });
});
