/**
 * 查看 <编号> (or a bare number, or 查看 on a list row): the assignment with its timeline, as
 * much as the person may see. A confidential matter's details are never shown in a group: they
 * go to the person privately.
 */
import { assignmentDetailCard } from '../../../cards/assignment-detail.card.js';
import type { Card } from '../../../cards/card.js';
import type { TimelineLine } from '../../../cards/timeline-labels.js';
import type { Assignment } from '../../domain/assignment.js';
import { authorize, visibility } from '../../domain/permissions.js';
import type { Refusal } from '../../domain/refusal.js';
import type { Actor } from '../../domain/types.js';
import type { CardActionContext, CardActionResponse } from '../../feishu/handlers.js';
import { loadAssignment } from '../../store/assignment.repo.js';
import { timelineOf } from '../../store/audit-event.repo.js';
import type { Command } from '../commands/command.js';
import { clickActor } from '../click-actor.js';
import { deadlineStatusOf } from '../enterprise/notice-view.js';
import { officeActions } from '../../../cards/office-actions.js';
import { messageUuid } from './chat-reply.js';
import { assignmentByNumber, type CommandRun } from './command-run.js';
import type { OfficeContext } from './context.js';

/** Said in a group when a confidential matter's details went to the person privately. */
export const privateDetailNote = '涉密事项的详情已私信发送给您';

export async function viewCommand(
  run: CommandRun,
  command: Extract<Command, { name: 'view' }>,
): Promise<void> {
  const a = await assignmentByNumber(run, command.number);
  if (!a) return;
  const card = await detailCardFor(run.context, run.actor, a);
  if ('ok' in card) return run.reply.text(card.message);

  if (a.confidential) return run.reply.privately(card, privateDetailNote, 'detail');
  await run.reply.card(card, 'detail');
}

/** 查看 on a list row; 「返回列表」 leads back to the same filter and page. */
export async function viewAction(
  context: OfficeContext,
  click: CardActionContext,
): Promise<CardActionResponse> {
  const who = await clickActor(context, click, true);
  if ('answer' in who) return who.answer;
  const a = typeof click.value.id === 'string' ? await loadAssignment(click.value.id) : null;
  if (!a) return { toast: { type: 'warning', content: '未找到该督办事项' } };

  const { f, p, w } = click.value;
  const back = { a: officeActions.list, f, p, ...(w ? { w } : {}) };
  const card = await detailCardFor(context, who.actor, a, back);
  if ('ok' in card) return { toast: { type: 'error', content: card.message } };
  if (!(a.confidential && w === 'g')) return { card };

  await context.outbox.enqueue({
    kind: 'send',
    to: { type: 'open_id', id: who.actor.openId },
    card,
    uuid: messageUuid('detail', click.eventId),
  });
  return { toast: { type: 'info', content: privateDetailNote } };
}

/** The detail card for this person, or the refusal when it is another enterprise's matter. */
async function detailCardFor(
  context: OfficeContext,
  actor: Actor,
  a: Assignment,
  back?: Record<string, unknown> & { a: string },
): Promise<Card | Refusal> {
  const permission = authorize(actor, 'view', a, context.policy);
  if (!permission.ok) return permission;
  const seen = visibility(actor, a) === 'full' ? 'full' : 'summary';
  const timeline = seen === 'full' ? await timelineLines(a.id) : [];

  return assignmentDetailCard({
    assignment: a,
    visibility: seen,
    deadline: deadlineStatusOf(a, context.clock.now(), context.calendar),
    timeline,
    back,
  });
}

/** The trail without refused attempts: what happened, not what was tried. */
export async function timelineLines(assignmentId: string): Promise<TimelineLine[]> {
  const events = await timelineOf(assignmentId);

  return events
    .filter((e) => !e.refusal)
    .map((e) => ({
      at: e.at,
      actorName: e.actor.name,
      action: e.action,
      outcome: e.outcome,
      reason: e.reason,
    }));
}
