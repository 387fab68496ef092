/**
 * Who is looking at an assignment's card and what the card therefore shows: the viewer (for
 * the buttons), the visibility (for the confidential summary), and the deadline as of now.
 */
import type { ActionValue, Card } from '../../../cards/card.js';
import type { DeadlineStatus } from '../../../cards/notice-lines.js';
import { noticeCard } from '../../../cards/notice.card.js';
import type { CardAction, Viewer } from '../../../cards/notice-actions.js';
import { signOffCard } from '../../../cards/sign-off.card.js';
import type { Assignment } from '../../domain/assignment.js';
import type { WorkingCalendar } from '../../domain/calendar.js';
import { dayOf } from '../../domain/dates.js';
import { workingDaysLeft } from '../../domain/deadlines.js';
import { overdueDays, isOverdue, type OverdueFacts } from '../../domain/overdue.js';
import { roleIn, visibility } from '../../domain/permissions.js';
import { actorFor } from '../../domain/directory.js';
import { isOpen, type Actor, type Directory } from '../../domain/types.js';
import type { Receiver } from '../../feishu/outbound.js';
import type { EnterpriseContext } from './context.js';

/** The buttons a person gets: head before liaison (a head may also act as liaison). */
export function viewerOf(actor: Actor, assignment: Assignment): Viewer {
  const roles = roleIn(actor, assignment.enterpriseId);
  if (roles.includes('head')) return 'head';
  if (roles.includes('liaison')) return 'liaison';

  return actor.officeRoles.length > 0 ? 'office' : 'other';
}

/**
 * Where the deadline stands now (src/domain/deadlines.ts), overdue by the office's one rule
 * (src/domain/overdue.ts): under review the count stopped at the head's sign-off.
 */
export function deadlineStatusOf(
  a: OverdueFacts,
  now: Date,
  calendar: WorkingCalendar,
): DeadlineStatus {
  if (!isOpen(a.state)) return { kind: 'closed' };
  if (a.state === 'under_review') return { kind: 'submitted', daysLate: overdueDays(a, now) };
  if (isOverdue(a, now)) return { kind: 'overdue', days: overdueDays(a, now) };

  return { kind: 'left', workingDays: workingDaysLeft(now, a.deadline, calendar) };
}

/** How a card is seen: by whom, how much of it, and which card of the assignment it is. */
export interface Audience {
  viewer: Viewer;
  visibility: 'full' | 'summary';
}

/**
 * The audience of the card that was clicked: the enterprise chat's copy (marked `w: 'g'` in
 * its buttons) is seen by the whole chat, whoever clicked; a private copy by the clicker.
 */
export function audienceOfClick(actor: Actor, a: Assignment, value: ActionValue): Audience {
  if (value.w === 'g') return { viewer: 'group', visibility: 'full' };
  const seen = visibility(actor, a);

  return { viewer: viewerOf(actor, a), visibility: seen === 'full' ? 'full' : 'summary' };
}

/**
 * The audience of a tracked copy: the enterprise chat, or the person it was sent to as the
 * directory now knows them (someone no longer in it sees the summary only).
 */
export function audienceOfReceiver(
  directory: Directory,
  receiver: Receiver,
  a: Assignment,
): Audience {
  if (receiver.type === 'chat_id') return { viewer: 'group', visibility: 'full' };
  const actor = actorFor(directory, receiver.id);
  if (!actor) return { viewer: 'other', visibility: 'summary' };
  const seen = visibility(actor, a);

  return { viewer: viewerOf(actor, a), visibility: seen === 'full' ? 'full' : 'summary' };
}

/** The notice card for this audience, as of now. */
export function noticeCardFor(
  context: EnterpriseContext,
  a: Assignment,
  audience: Audience,
  extraActions: CardAction[] = [],
): Card {
  const now = context.clock.now();
  const { calendar } = context;

  return noticeCard({
    assignment: a,
    ...audience,
    deadline: deadlineStatusOf(a, now, calendar),
    scoring: context.policy.scoring,
    calendarFallback:
      isOpen(a.state) && calendar.uncoveredYears(dayOf(now), a.deadlineDay).length > 0,
    extraActions,
    // Only someone who may read everything gets the printable form (it has the full content).
    printUrl:
      audience.visibility === 'full' ? context.links?.printableNoticeUrl(a.id, now) : undefined,
  });
}

/** The head's sign-off card as of now. */
export function signOffCardFor(context: EnterpriseContext, a: Assignment): Card {
  return signOffCard({
    assignment: a,
    deadline: deadlineStatusOf(a, context.clock.now(), context.calendar),
  });
}
