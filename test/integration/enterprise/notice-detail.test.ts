/**
 * 查看详情 in the 督办通知单's footer, clicked through signed, encrypted POST /feishu/events on
 * the copies the fake Open API holds.
 */
import { describe, expect, it } from 'vitest';
import type { Card } from '../../../cards/card.js';
import { buttonLabels, buttonsOf, cardText } from '../../support/card-inspect.js';
import {
  cardOf,
  clickAs,
  copyHeldBy,
  issueNotice,
  valueFor,
} from '../../support/enterprise-bot.js';
import { people } from '../../support/fixtures.js';
import { useTestBot } from '../../support/use-test-bot.js';

const chengtouChat = 'oc_1a1b2c3d4e5f60718293a4b5c6d7e8f9';

const bot = useTestBot();

const buttonOn = (card: Card, label: string) => {
  const found = buttonsOf(card).find((b) => b.label === label);
  if (!found) throw new Error(`no 「${label}」 on 「${card.header?.title.content}」`);
  return found;
};

describe('查看详情 on the notice', () => {
  it('shows the liaison the matter with its timeline, and 返回通知单 brings the notice back', async () => {
    const a = await issueNotice(bot, { content: '请于时限内报送项目推进情况。' });
    await clickAs(bot, people.liaison, valueFor(a, 'acknowledge'));
    const mine = copyHeldBy(bot, people.liaison.openId, a);

    const detail = await clickAs(bot, people.liaison, buttonOn(cardOf(mine), '查看详情').value, {
      on: mine,
    });

    expect(detail.card?.header?.title.content).toBe('督办详情');
    const text = cardText(detail.card!);
    expect(text).toContain(a.noticeNumber);
    expect(text).toContain('请于时限内报送项目推进情况。');
    expect(text).toMatch(/王督查\u3000交办/);
    expect(text).toMatch(/城投联络员\u3000签收/);

    const back = await clickAs(bot, people.liaison, buttonOn(detail.card!, '返回通知单').value, {
      on: mine,
    });
    expect(back.card?.header?.title.content).toBe('督办通知单');
    expect(buttonLabels(back.card!)).toEqual(['填报承办措施', '申请延期']);
  });

  it("shows the enterprise chat's copy the group's view, whoever clicks, and leads back to the group's notice", async () => {
    const a = await issueNotice(bot);
    const group = copyHeldBy(bot, chengtouChat, a);
    const link = buttonOn(cardOf(group), '查看详情');

    const detail = await clickAs(bot, people.head, link.value, { on: group });

    expect(link.value.w).toBe('g');
    expect(cardText(detail.card!)).toMatch(/王督查\u3000交办/);
    const back = await clickAs(bot, people.head, buttonOn(detail.card!, '返回通知单').value, {
      on: group,
    });
    // The group's notice: no head-only buttons, every button marked as the group's.
    expect(buttonLabels(back.card!)).toEqual(['签收', '申请延期']);
    expect(buttonsOf(back.card!).every((b) => b.value.w === 'g')).toBe(true);
  });

  it("never shows a confidential matter's content or timeline on the group's copy", async () => {
    const a = await issueNotice(bot, { confidential: true, content: '涉密的具体办理要求' });

    const detail = await clickAs(bot, people.liaison, { a: 'openNoticeDetail', id: a.id, w: 'g' });

    expect(cardText(detail.card!)).toContain('涉密内容，请在与督办助手的单聊中查看');
    expect(JSON.stringify(detail.card)).not.toContain('涉密的具体办理要求');
    expect(cardText(detail.card!)).not.toContain('办理过程');
  });

  it('refuses someone of another enterprise with a toast and shows them nothing', async () => {
    const a = await issueNotice(bot);

    const answer = await clickAs(bot, people.otherLiaison, { a: 'openNoticeDetail', id: a.id });

    expect(answer.toast?.type).toBe('error');
    expect(answer.card).toBeUndefined();
  });
});
