import { describe, expect, it } from 'vitest';
import { reminderMessages, uuidOf } from '../../../src/app/reminder-messages.js';
import type { PlannedReminder } from '../../../src/domain/reminder-plan.js';
import type { Directory } from '../../../src/domain/types.js';
import type { Outbound } from '../../../src/feishu/outbound.js';
import { cardText } from '../../support/card-inspect.js';
import { at, directory, people, policy } from '../../support/fixtures.js';
import { calendar } from '../../support/lifecycle-actions.js';
import { inState } from '../../support/states.js';

type Sent = Extract<Outbound, { kind: 'send' }>;

const wholeLadder: PlannedReminder = {
  kind: 'overdue',
  dueAt: at('2025-05-29 09:00'),
  recipients: [
    { step: 'liaison', urgent: [] },
    { step: 'head', urgent: ['app'] },
    { step: 'office', urgent: [] },
  ],
};

function messages(dir: Directory, reminder = wholeLadder): Sent[] {
  const input = {
    assignment: inState.acknowledged(),
    reminder,
    key: 'k',
    directory: dir,
    policy,
    calendar,
    now: at('2025-05-29 09:00'),
  };

  return reminderMessages(input) as Sent[];
}

const receivers = (sent: Sent[]) =>
  sent.map((m) => `${m.to.type}:${m.to.id}${m.urgent ? ` [${m.urgent.kinds}]` : ''}`);

describe('reminderMessages', () => {
  it('sends one card to each liaison and the head, urgent for the head, and tells each supervisor', () => {
    expect(receivers(messages(directory))).toEqual([
      `open_id:${people.liaison.openId}`,
      `open_id:${people.head.openId} [app]`,
      `open_id:${people.supervisor.openId}`,
    ]);
  });

  it('tells the 督查室 chat once when the directory names it', () => {
    const withChat = { ...directory, office: { ...directory.office, chatId: 'oc_office' } };

    expect(receivers(messages(withChat)).at(-1)).toBe('chat_id:oc_office');
    expect(messages(withChat)).toHaveLength(3);
  });

  it('sends a head who is also a liaison one card, as head, with the urgent push', () => {
    const [chengtou, ...others] = directory.enterprises;
    const headAsLiaison = { ...chengtou!, liaisonOpenIds: [people.head.openId] };
    const dir = { ...directory, enterprises: [headAsLiaison, ...others] };

    expect(receivers(messages(dir))).toEqual([
      `open_id:${people.head.openId} [app]`,
      `open_id:${people.supervisor.openId}`,
    ]);
  });

  it('still tells the 督查室 when the enterprise has left the directory', () => {
    const dir = { ...directory, enterprises: directory.enterprises.slice(1) };
    const sent = messages(dir);

    expect(receivers(sent)).toEqual([`open_id:${people.supervisor.openId}`]);
    expect(JSON.stringify(sent[0]!.card)).toContain('承办单位未登记联系人');
  });

  it('dates a 签收 chase that goes after the deadline 已逾期, not 今日到期', () => {
    const chase: PlannedReminder = {
      kind: 'ackEscalation',
      dueAt: at('2025-05-28 17:00'),
      recipients: [{ step: 'liaison', urgent: [] }],
    };
    const [toLiaison] = reminderMessages({
      assignment: inState.issued(),
      reminder: chase,
      key: 'k',
      directory,
      policy,
      calendar,
      now: at('2025-05-29 09:00'),
    }) as Sent[];

    expect(cardText(toLiaison!.card)).toContain(
      "2025-05-28 17:30（<font color='red'>已逾期 1 天</font>）",
    );
  });

  it('derives a stable uuid per receiver, within Feishu’s 50 characters', () => {
    const liaison = { type: 'open_id' as const, id: people.liaison.openId };
    const head = { type: 'open_id' as const, id: people.head.openId };

    expect(uuidOf('k', liaison)).toBe(uuidOf('k', liaison));
    expect(uuidOf('k', liaison)).not.toBe(uuidOf('k', head));
    expect(uuidOf('k2', liaison)).not.toBe(uuidOf('k', liaison));
    expect(uuidOf('k', liaison).length).toBeLessThanOrEqual(50);
  });
});
