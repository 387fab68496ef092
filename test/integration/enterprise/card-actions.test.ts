import { describe, expect, it } from 'vitest';
import { timelineOf } from '../../../src/store/audit-event.repo.js';
import { buttonLabels, cardText } from '../../support/card-inspect.js';
import {
  clickAs,
  issueNotice,
  readAnswer,
  refusalsOf,
  stored,
  transitionsOf,
  valueFor,
} from '../../support/enterprise-bot.js';
import { buildCardActionEvent, signedRequest } from '../../support/feishu-events.js';
import { people } from '../../support/fixtures.js';
import { useTestBot } from '../../support/use-test-bot.js';

const bot = useTestBot();

describe('a double click', () => {
  it('makes one transition; the second click is told who did it and gets the card', async () => {
    const a = await issueNotice(bot);
    const value = valueFor(a, 'acknowledge');

    const answers = await Promise.all([
      clickAs(bot, people.liaison, value),
      clickAs(bot, people.liaison, value),
    ]);

    expect(await transitionsOf(a.id)).toEqual(['issue', 'acknowledge']);
    const toasts = answers.map((answer) => answer.toast?.content).sort();
    expect(toasts[0]).toBe('已签收');
    expect(toasts[1]).toMatch(
      /^(该通知已由 城投联络员 于 .+ 签收|卡片已更新，请在最新卡片上操作)$/,
    );
    for (const answer of answers) expect(cardText(answer.card!)).toContain('已签收：城投联络员');
  });
});

describe('the same delivery five times at once', () => {
  it('has one effect and every delivery is answered', async () => {
    const a = await issueNotice(bot);
    const event = buildCardActionEvent({
      operator: people.liaison,
      value: valueFor(a, 'acknowledge'),
    });

    const responses = await Promise.all(Array.from({ length: 5 }, () => bot.postEvent(event)));

    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await transitionsOf(a.id)).toEqual(['issue', 'acknowledge']);
    expect(await refusalsOf(a.id)).toEqual([]);
  });
});

describe('someone of another enterprise', () => {
  it('is refused, the refusal is in the audit trail, and nothing changes', async () => {
    const a = await issueNotice(bot);

    const answer = await clickAs(bot, people.otherLiaison, valueFor(a, 'acknowledge'));

    expect(answer.toast).toEqual({ type: 'error', content: '无权操作：此事项由城投承办' });
    expect(answer.card).toBeUndefined();
    expect((await stored(a.id)).state).toBe('issued');
    expect(await refusalsOf(a.id)).toEqual(['acknowledge: 无权操作：此事项由城投承办']);
    const refusal = (await timelineOf(a.id)).find((e) => e.refusal);
    expect(refusal).toMatchObject({
      channel: 'card',
      actor: { openId: people.otherLiaison.openId },
    });
  });

  it.each(['openPlanForm', 'openExtensionForm', 'openNotice'])(
    'cannot open %s either',
    async (action) => {
      const a = await issueNotice(bot);

      const answer = await clickAs(bot, people.otherLiaison, valueFor(a, action));

      expect(answer.toast?.type).toBe('error');
      expect(answer.card).toBeUndefined();
      expect((await refusalsOf(a.id)).length).toBe(1);
    },
  );

  it('cannot sign off: only the head may', async () => {
    const a = await issueNotice(bot);

    const answer = await clickAs(bot, people.liaison, valueFor(a, 'approveSignOff'));

    expect(answer.toast).toEqual({ type: 'error', content: '需由第一责任人审签' });
  });
});

describe('a stale card', () => {
  it('gets a toast and the current card', async () => {
    const a = await issueNotice(bot);
    await clickAs(bot, people.head, valueFor(a, 'acknowledge'));

    const answer = await clickAs(bot, people.liaison, valueFor(a, 'openExtensionForm'));

    expect(answer.toast).toEqual({ type: 'warning', content: '卡片已更新，请在最新卡片上操作' });
    expect(buttonLabels(answer.card!)).toEqual(['填报承办措施', '申请延期']);
    expect(JSON.stringify(answer.card)).toContain(`"v":2`);
  });
});

describe('a click with a wrong signature', () => {
  it('gets 401 and nothing is stored', async () => {
    const a = await issueNotice(bot);
    const event = buildCardActionEvent({
      operator: people.liaison,
      value: valueFor(a, 'acknowledge'),
    });
    const signed = signedRequest(event, {
      encryptKey: 'not-the-encrypt-key',
      verificationToken: bot.context.env.FEISHU_VERIFICATION_TOKEN,
    });

    const response = await fetch(`${bot.url}/feishu/events`, { method: 'POST', ...signed });

    expect(response.status).toBe(401);
    expect((await stored(a.id)).state).toBe('issued');
    expect(await timelineOf(a.id)).toHaveLength(1);
  });
});

describe('我的督办', () => {
  it('lists the person’s assignments and opens one, with a way back', async () => {
    const a = await issueNotice(bot, { title: '我的督办列表测试' });

    const list = await clickAs(bot, people.liaison, { a: 'myAssignments', p: 0 });
    expect(cardText(list.card!)).toContain(a.noticeNumber);

    const opened = await clickAs(bot, people.liaison, { a: 'openNotice', id: a.id, p: 0 });
    expect(cardText(opened.card!)).toContain('我的督办列表测试');
    expect(buttonLabels(opened.card!)).toContain('返回我的督办');
  });

  it('answers an unknown page with the first one', async () => {
    const answer = await readAnswer(
      await bot.postEvent(
        buildCardActionEvent({ operator: people.liaison, value: { a: 'myAssignments', p: -3 } }),
      ),
    );

    expect(answer.card?.header?.subtitle?.content).toMatch(/第 1\/\d+ 页$/);
  });
});
