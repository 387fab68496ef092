/**
 * Issuing end to end (issue 5, 「Done when」): the 督查室 issues one item to three enterprises by
 * the one-line command through signed, encrypted POST /feishu/events; the preview shows the
 * numbers; 确认交办 issues exactly once; the notices reach the right liaisons and heads with the
 * right numbers; the ledger has −0.5 per notice; the 督查室 gets the confirmation.
 */
import { describe, expect, it } from 'vitest';
import { FixedClock } from '../../../src/clock.js';
import type { FakeMessage } from '../../../src/sandbox/fake-open-api.js';
import { ItemModel } from '../../../src/store/item.model.js';
import { entriesOf } from '../../../src/store/ledger.repo.js';
import { buttonsOf, cardText } from '../../support/card-inspect.js';
import { cardOf, clickAs } from '../../support/enterprise-bot.js';
import { at, people } from '../../support/fixtures.js';
import { cardIn, say } from '../../support/office-bot.js';
import { pollUntil } from '../../support/poll.js';
import { useTestBot } from '../../support/use-test-bot.js';

/** The example directory's enterprise people and chats (config/directory.example.yaml). */
const enterprises = {
  chengtou: {
    short: '城投',
    liaison: 'ou_20000000000000000000000000000002',
    head: 'ou_20000000000000000000000000000001',
    chat: 'oc_1a1b2c3d4e5f60718293a4b5c6d7e8f9',
  },
  wenlv: {
    short: '文旅',
    liaison: 'ou_20000000000000000000000000000004',
    head: 'ou_20000000000000000000000000000003',
  },
  shuiwu: {
    short: '水务',
    liaison: 'ou_20000000000000000000000000000006',
    head: 'ou_20000000000000000000000000000005',
  },
};
const secondSupervisor = { openId: 'ou_10000000000000000000000000000003', name: '陈督查' };

const clock = new FixedClock(at('2025-05-21 10:00'));
const bot = useTestBot({ clock });

const line =
  '督办 关于推进老城区改造项目的督办 企业：城投，文旅，水务 级别:一般 内容:请于时限内报送项目推进情况。';

/** The notices (督办通知单) a receiver holds, by number. */
function noticesHeldBy(receiverId: string): string[] {
  return bot.fake
    .messagesTo(receiverId)
    .filter((m) => cardOf(m).header?.title.content === '督办通知单')
    .map((m) => cardOf(m).header?.subtitle?.content ?? '');
}

async function preview(text = line): Promise<FakeMessage> {
  const answers = await say(bot, people.supervisor, text);
  expect(answers).toHaveLength(1);

  return answers[0]!;
}

/** Waits until the last notice issued so far has reached its head. */
async function noticesSent(): Promise<void> {
  const last = await ItemModel.findOne().sort({ block: -1 }).lean();
  const number = `珠国资督〔2025〕${last!.lastSeq}号`;
  await pollUntil(
    async () => noticesHeldBy(enterprises.shuiwu.head),
    (held) => held.includes(number),
  );
  await bot.waitForOutbox();
}

function confirmButton(message: FakeMessage) {
  return buttonsOf(cardIn(message)).find((b) => b.label === '确认交办')!;
}

describe('issuing to three enterprises by the one-line command', () => {
  it('previews, then on 确认交办 issues once: three notices, three −0.5 entries, the confirmation', async () => {
    const shown = await preview();

    const previewCard = cardIn(shown);
    expect(previewCard.header?.title.content).toBe('交办预览');
    const text = cardText(previewCard);
    for (const [index, short] of ['城投', '文旅', '水务'].entries()) {
      expect(text).toContain(`${short}\u3000珠国资督〔2025〕${index + 1}号\u3000扣 0.5 分`);
    }
    expect(text).toContain('2025-05-28 17:30（一般事项 5 个工作日）');
    expect(buttonsOf(previewCard).map((b) => [b.label, b.primary])).toEqual([
      ['确认交办', true],
      ['修改', false],
      ['取消', false],
    ]);
    expect(await ItemModel.countDocuments()).toBe(0);

    const answer = await clickAs(bot, people.supervisor, confirmButton(shown).value, { on: shown });

    expect(answer.toast).toEqual({ type: 'success', content: '已交办 3 家' });
    expect(cardText(answer.card!)).toContain(
      '已交办 3 家：城投 珠国资督〔2025〕1号 · 文旅 2号 · 水务 3号',
    );
    await pollUntil(
      async () => noticesHeldBy(enterprises.shuiwu.head).length,
      (n) => n === 1,
    );
    await bot.waitForOutbox();
    const expected: Array<[keyof typeof enterprises, string]> = [
      ['chengtou', '珠国资督〔2025〕1号'],
      ['wenlv', '珠国资督〔2025〕2号'],
      ['shuiwu', '珠国资督〔2025〕3号'],
    ];
    for (const [id, number] of expected) {
      const e = enterprises[id];
      expect(noticesHeldBy(e.liaison)).toEqual([number]);
      expect(noticesHeldBy(e.head)).toEqual([number]);
    }
    expect(noticesHeldBy(enterprises.chengtou.chat)).toEqual(['珠国资督〔2025〕1号']);
    for (const id of ['2025-1', '2025-2', '2025-3']) {
      const entries = await entriesOf(id);
      expect(entries.map((e) => [e.kind, e.milliPoints, e.reason])).toEqual([
        ['noticeReceived', -500, '收到督办通知单'],
      ]);
    }
  });

  it('answers a second 确认交办 on the same preview 「已交办」 with the same confirmation', async () => {
    const shown = await preview();
    const value = confirmButton(shown).value;
    const first = await clickAs(bot, people.supervisor, value, { on: shown });
    await noticesSent();
    const sentBefore = bot.fake.allMessages().length;

    const second = await clickAs(bot, people.supervisor, value, { on: shown });
    await bot.waitForOutbox();

    expect(second.toast).toEqual({ type: 'info', content: '已交办' });
    expect(cardText(second.card!)).toBe(cardText(first.card!));
    expect(bot.fake.allMessages().length).toBe(sentBefore);
  });

  it('issues once when two supervisors confirm the same preview at the same moment', async () => {
    const items = await ItemModel.countDocuments();
    const shown = await preview();
    const value = confirmButton(shown).value;

    const answers = await Promise.all([
      clickAs(bot, people.supervisor, value, { on: shown }),
      clickAs(bot, secondSupervisor, value, { on: shown }),
    ]);
    await bot.waitForOutbox();

    expect(await ItemModel.countDocuments()).toBe(items + 1);
    const texts = answers.map((a) => cardText(a.card!));
    expect(texts[0]).toBe(texts[1]);
    expect(answers.map((a) => a.toast?.content).sort()).toEqual(['已交办', '已交办 3 家']);
  });
});

describe('a deadline the 督查室 writes on a rest day', () => {
  it('is previewed as the next working day, with the reason', async () => {
    const card = cardIn(await preview(`${line} 时限:2025-06-14`));

    expect(cardText(card)).toContain(
      '2025-06-16 17:30（督查室指定时限；6月14日为休息日，时限顺延至6月16日）',
    );
  });
});
