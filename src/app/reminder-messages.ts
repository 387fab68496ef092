/**
 * The messages a reminder becomes: one card per person of the enterprise it goes to (with the
 * urgent pushes of their ladder step), and a line for the 督查室 when the ladder reaches it.
 * No I/O: the processor hands the result to the outbox.
 *
 * Limitation: reminder cards are not tracked for patching, so an earlier reminder keeps the
 * buttons of the state it was sent in; a click on one after the matter has moved on is
 * answered 「卡片已更新，请在最新卡片上操作」 with the current card (stale-card check).
 */
import { createHash } from 'node:crypto';
import { officeAlertCard, type OfficeAlert } from '../../cards/office-alert.card.js';
import { overdueCard } from '../../cards/overdue.card.js';
import { reminderCard, type ReminderCardKind } from '../../cards/reminder.card.js';
import type { Card } from '../../cards/card.js';
import type { Assignment } from '../domain/assignment.js';
import type { WorkingCalendar } from '../domain/calendar.js';
import { daysLate, workingDaysLeft } from '../domain/deadlines.js';
import { enterpriseOf, personName, supervisionRecipients } from '../domain/directory.js';
import type { Policy, UrgentKind } from '../domain/policy.js';
import type { PlannedReminder } from '../domain/reminder-plan.js';
import type { Directory } from '../domain/types.js';
import type { Outbound, Receiver } from '../feishu/outbound.js';
import { deadlineStatusOf } from './enterprise/notice-view.js';

export interface ReminderMessageInput {
  assignment: Assignment;
  reminder: PlannedReminder;
  /** The reminder's key (`reminderKey`): every message uuid derives from it. */
  key: string;
  directory: Directory;
  policy: Policy;
  calendar: WorkingCalendar;
  now: Date;
}

/** A person of the enterprise who receives the reminder, as who they are to the card. */
interface EnterpriseRecipient {
  openId: string;
  viewer: 'liaison' | 'head';
  urgent: UrgentKind[];
}

/** Every message of one reminder, enterprise first, then the 督查室's line. */
export function reminderMessages(input: ReminderMessageInput): Outbound[] {
  const people = enterpriseRecipients(input);
  const toPeople = people.map((person): Outbound => {
    const to: Receiver = { type: 'open_id', id: person.openId };
    const card = enterpriseCard(input, person.viewer);

    return { kind: 'send', to, card, uuid: uuidOf(input.key, to), ...urgentOf(person) };
  });

  const toOffice = input.reminder.recipients.some((r) => r.step === 'office')
    ? officeMessages(input, people)
    : [];
  return [...toPeople, ...toOffice];
}

/**
 * The message uuid (Feishu sends one message per uuid within an hour; the outbox also keys
 * its job on it): the reminder key and the receiver, hashed to fit Feishu's 50 characters.
 */
export function uuidOf(key: string, to: Receiver): string {
  return createHash('sha256').update(`${key}|${to.type}|${to.id}`).digest('hex').slice(0, 40);
}

function urgentOf(
  person: EnterpriseRecipient,
): Pick<Extract<Outbound, { kind: 'send' }>, 'urgent'> {
  return person.urgent.length > 0
    ? { urgent: { kinds: person.urgent, openIds: [person.openId] } }
    : {};
}

/** Liaisons and head as the ladder steps name them; the head reads as head even if also liaison. */
function enterpriseRecipients({ assignment, reminder, directory }: ReminderMessageInput) {
  const enterprise = enterpriseOf(directory, assignment.enterpriseId);
  if (!enterprise) return [];
  const byOpenId = new Map<string, EnterpriseRecipient>();
  const add = (openId: string, viewer: EnterpriseRecipient['viewer'], urgent: UrgentKind[]) => {
    const known = byOpenId.get(openId);
    const kinds = [...new Set([...(known?.urgent ?? []), ...urgent])];
    byOpenId.set(openId, {
      openId,
      viewer: known?.viewer === 'head' ? 'head' : viewer,
      urgent: kinds,
    });
  };

  for (const { step, urgent } of reminder.recipients) {
    if (step === 'liaison') enterprise.liaisonOpenIds.forEach((id) => add(id, 'liaison', urgent));
    if (step === 'head') add(enterprise.headOpenId, 'head', urgent);
  }
  return [...byOpenId.values()];
}

function enterpriseCard(input: ReminderMessageInput, viewer: EnterpriseRecipient['viewer']): Card {
  const { assignment, reminder, policy, calendar, now } = input;
  if (reminder.kind === 'overdue' || reminder.kind === 'overdueRepeat') {
    const late = daysLate(assignment.deadline, now);
    return overdueCard({
      assignment,
      viewer,
      daysLate: late,
      overduePoints: policy.scoring.overdue,
    });
  }

  const kinds: Partial<Record<PlannedReminder['kind'], ReminderCardKind>> = {
    ackChase: 'acknowledge',
    ackEscalation: 'acknowledgeEscalated',
    weeklyProgress: 'progress',
  };
  return reminderCard({
    assignment,
    viewer,
    reminder: kinds[reminder.kind] ?? 'deadline',
    deadline: deadlineStatusOf(assignment, now, calendar),
  });
}

function officeMessages(input: ReminderMessageInput, people: EnterpriseRecipient[]): Outbound[] {
  const { assignment, directory } = input;
  const told = people.map((p) => ({
    name: personName(directory, p.openId),
    urgent: p.urgent.length > 0,
  }));
  const card = officeAlertCard({ assignment, alert: alertOf(input), told });
  const office = supervisionRecipients(directory);
  const receivers: Receiver[] =
    'chatId' in office
      ? [{ type: 'chat_id', id: office.chatId }]
      : office.openIds.map((id) => ({ type: 'open_id', id }));

  return receivers.map((to) => ({ kind: 'send', to, card, uuid: uuidOf(input.key, to) }));
}

function alertOf({
  assignment,
  reminder,
  policy,
  calendar,
  now,
}: ReminderMessageInput): OfficeAlert {
  switch (reminder.kind) {
    case 'ackChase':
    case 'ackEscalation':
      return { kind: 'unacknowledged' };
    case 'overdue':
    case 'overdueRepeat':
      return {
        kind: 'overdue',
        daysLate: daysLate(assignment.deadline, now),
        overduePoints: policy.scoring.overdue,
      };
    default:
      return {
        kind: 'dueSoon',
        workingDaysLeft: workingDaysLeft(now, assignment.deadline, calendar),
      };
  }
}
