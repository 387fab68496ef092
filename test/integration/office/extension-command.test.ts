/**
 * 延期 <编号> <日期> [原因] through the whole bot, with a directory in which 城投联络员 is also a
 * supervisor (a small office: one person, two roles). Who asks, who decides, who sets a deadline
 * directly, a closed matter, and a day that is not a working day.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ActionValue } from '../../../cards/card.js';
import { FixedClock } from '../../../src/clock.js';
import type { Assignment } from '../../../src/domain/assignment.js';
import { buttonsOf, cardText } from '../../support/card-inspect.js';
import {
  cardOf,
  clickAs,
  issueNotice,
  stored,
  transitionsOf,
} from '../../support/enterprise-bot.js';
import type { FakeMessage } from '../../../src/sandbox/fake-open-api.js';
import { at, people } from '../../support/fixtures.js';
import { officeChat, onlyText, say } from '../../support/office-bot.js';
import { pollUntil } from '../../support/poll.js';
import { useTestBot } from '../../support/use-test-bot.js';
import { projectRoot } from '../../support/test-env.js';

const clock = new FixedClock(at('2025-05-21 10:00'));
/** The example directory, with 城投联络员 also on the 督查室's staff. */
function directoryWithDualRole(): string {
  const example = readFileSync(join(projectRoot, 'config/directory.example.yaml'), 'utf8');
  const dual = example.replace(
    '    name: 城投联络员\n',
    '    name: 城投联络员\n    roles: [supervisor]\n',
  );
  if (dual === example) throw new Error('the example directory changed: update this test');
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.yaml');
  writeFileSync(file, dual);

  return file;
}

const bot = useTestBot({ clock, env: { DIRECTORY_FILE: directoryWithDualRole() } });

/** Cards with this header title about this notice that a receiver holds, oldest first. */
function held(receiverId: string, a: Assignment, title: string): FakeMessage[] {
  return bot.fake
    .messagesTo(receiverId)
    .filter((m) => m.msgType === 'interactive')
    .filter((m) => {
      const header = cardOf(m).header;
      return header?.title.content === title && header.subtitle?.content === a.noticeNumber;
    });
}

async function heldOnce(receiverId: string, a: Assignment, title: string): Promise<FakeMessage> {
  await pollUntil(
    async () => held(receiverId, a, title).length,
    (n) => n >= 1,
  );
  await bot.waitForOutbox();

  return held(receiverId, a, title)[0]!;
}

function buttonOf(message: FakeMessage, label: string): ActionValue {
  const found = buttonsOf(cardOf(message)).find((b) => b.label === label);
  if (!found) throw new Error(`no button ${label}`);

  return found.value;
}

describe('延期 typed by a supervisor who is also the enterprise’s liaison', () => {
  it('is their enterprise’s request, which they may not approve, by command or on the card', async () => {
    const a = await issueNotice(bot);

    const asked = await say(
      bot,
      people.liaison,
      `延期 ${a.noticeNumber} 2025-06-10 需协调规划部门`,
    );
    const again = await say(bot, people.liaison, `延期 ${a.noticeNumber} 2025-06-10`);
    const copy = await heldOnce(officeChat, a, '延期审批');
    const clicked = await clickAs(bot, people.liaison, buttonOf(copy, '批准'), { formValue: {} });

    expect(onlyText(asked)).toBe(
      `已提交延期申请：${a.noticeNumber} 申请延至 2025-06-10，待督查室审批`,
    );
    expect(onlyText(again)).toBe('已有延期申请待审批（城投联络员 05-21 10:00）');
    expect(clicked.toast).toEqual({
      type: 'error',
      content: '您是该企业的联系人，不能审批本企业的延期申请',
    });
    expect(await stored(a.id)).toMatchObject({
      deadlineDay: '2025-05-28',
      extensions: [{ status: 'pending' }],
    });

    const granted = await say(bot, people.supervisor, `延期 ${a.noticeNumber} 2025-06-12`);

    expect(onlyText(granted)).toBe(`已批准 城投 ${a.noticeNumber} 延期至 2025-06-12`);
    expect((await stored(a.id)).deadlineDay).toBe('2025-06-12');
  });
});

describe('延期 typed by a supervisor', () => {
  it('on a withdrawn matter with a request left pending is refused; the request lapsed', async () => {
    const a = await issueNotice(bot);
    await say(bot, people.head, `延期 ${a.noticeNumber} 2025-06-10 需协调规划部门`);
    await say(bot, people.supervisor, `撤销 ${a.noticeNumber} 重复交办`);

    const answer = await say(bot, people.supervisor, `延期 ${a.noticeNumber} 2025-06-12`);

    expect(onlyText(answer)).toBe('该督办已撤销，无需办理');
    expect(await stored(a.id)).toMatchObject({
      deadlineDay: '2025-05-28',
      extensions: [{ status: 'lapsed' }],
    });
    const copy = await heldOnce(officeChat, a, '延期审批');
    await pollUntil(
      async () => cardText(cardOf(copy)),
      (text) => text.includes('未审批，申请已失效'),
    );
    expect(buttonsOf(cardOf(copy))).toEqual([]);
  });

  it('with no request and a reason sets the deadline, moved off a Saturday, and tells the enterprise', async () => {
    const a = await issueNotice(bot);

    const answer = await say(
      bot,
      people.supervisor,
      `延期 ${a.noticeNumber} 2025-06-14 区领导同意延后`,
    );
    const told = await heldOnce(people.head.openId, a, '督办时限已延长');

    expect(onlyText(answer)).toBe(
      `已将 城投 ${a.noticeNumber} 时限延至 2025-06-16（6月14日为休息日，时限顺延至6月16日），已告知承办单位`,
    );
    expect(await stored(a.id)).toMatchObject({
      deadlineDay: '2025-06-16',
      extensions: [{ status: 'approved', direct: true, reason: '区领导同意延后' }],
    });
    expect(await transitionsOf(a.id)).toEqual(['issue', 'grantExtension']);
    const text = cardText(cardOf(told));
    expect(text).toContain('区领导同意延后');
    expect(text).toContain('时限延至 2025-06-16 17:30（6月14日为休息日，时限顺延至6月16日）');
    expect(held(people.liaison.openId, a, '督办时限已延长')).toHaveLength(1);
  });

  it('with no request and no reason says how to set a deadline directly', async () => {
    const a = await issueNotice(bot);

    const answer = await say(bot, people.supervisor, `延期 ${a.noticeNumber} 2025-06-10`);

    expect(onlyText(answer)).toBe('没有待审批的延期申请。如需直接延长时限，请在日期后写明原因');
    expect((await stored(a.id)).extensions).toEqual([]);
  });
});

describe('a requested day that is not a working day', () => {
  it('is said to move when asked, and is granted as the next working day', async () => {
    const a = await issueNotice(bot);

    const asked = await say(bot, people.head, `延期 ${a.noticeNumber} 2025-06-14 需协调规划部门`);
    const copy = await heldOnce(officeChat, a, '延期审批');
    const decided = await clickAs(bot, people.supervisor, buttonOf(copy, '批准'), {
      formValue: { day: '2025-06-14 +0800', reason: '' },
    });
    const told = await heldOnce(people.liaison.openId, a, '延期申请已批准');

    expect(onlyText(asked)).toBe(
      `已提交延期申请：${a.noticeNumber} 申请延至 2025-06-14（6月14日为休息日，时限顺延至6月16日），待督查室审批`,
    );
    expect(cardText(cardOf(copy))).toContain('6月14日为休息日，时限顺延至6月16日');
    expect(decided.toast).toEqual({
      type: 'success',
      content: '已批准延期至 2025-06-16（6月14日为休息日，时限顺延至6月16日）',
    });
    expect((await stored(a.id)).deadlineDay).toBe('2025-06-16');
    expect(cardText(cardOf(told))).toContain(
      '时限延至 2025-06-16 17:30（6月14日为休息日，时限顺延至6月16日）',
    );
  });
});
