/**
 * 催办 <编号> [企业] [加急] [话]: a manual reminder from the 督查室. Recorded in the audit trail as a
 * note (action `nudge`), then the event bus sends the 催办 card to the enterprise's liaisons and
 * head, with an urgent push when 加急. The supervisor is answered 「已催办 城投」.
 */
import { nudgeCard } from '../../../cards/nudge.card.js';
import { enterpriseOf, findEnterprise } from '../../domain/directory.js';
import { authorize } from '../../domain/permissions.js';
import { isOpen } from '../../domain/types.js';
import { stateLabels } from '../../../cards/labels.js';
import { appendNote } from '../../store/audit-event.repo.js';
import type { AssignmentEventListener } from '../assignment-events.js';
import type { Command } from '../commands/command.js';
import { parseNudge } from '../commands/parse.js';
import { deadlineStatusOf } from '../enterprise/notice-view.js';
import { messageUuid } from './chat-reply.js';
import { enterpriseViewers } from './recipients.js';
import { assignmentByNumber, dispatchQuietly, type CommandRun } from './command-run.js';
import type { OfficeContext } from './context.js';

/**
 * The design's `催办 <编号> [企业]`: a number names one enterprise's notice already, so an
 * enterprise written after it is checked against that notice and taken out of the words
 * (then 加急 may follow it). Another enterprise's name is a mistake worth saying.
 */
async function namedEnterprise(
  run: CommandRun,
  enterpriseId: string,
  command: Extract<Command, { name: 'nudge' }>,
): Promise<{ urgent: boolean; message: string } | { wrong: string }> {
  const [first = '', ...others] = command.message.split(/[\s,:]+/);
  const directory = await run.context.directory.current();
  const named = first ? findEnterprise(directory, first) : null;
  if (!named) return command;
  if (named.id !== enterpriseId) {
    const owner = enterpriseOf(directory, enterpriseId)?.shortName ?? enterpriseId;
    return { wrong: `${command.number} 是${owner}的通知单，不是${named.shortName}的；请核对编号` };
  }
  const tail = parseNudge(others.join(' '));

  return { urgent: command.urgent || tail.urgent, message: tail.message };
}

/** The audit action of a 催办; its `outcome` is `urgent` for 加急. */
export const nudgeAction = 'nudge';

export async function nudgeCommand(
  run: CommandRun,
  command: Extract<Command, { name: 'nudge' }>,
): Promise<void> {
  const { context, actor, now } = run;
  const a = await assignmentByNumber(run, command.number);
  if (!a) return;
  const permission = authorize(actor, 'nudge', a, context.policy);
  if (!permission.ok) return run.reply.text(permission.message);
  if (!isOpen(a.state)) return run.reply.text(`该督办已结束（${stateLabels[a.state]}），无需催办`);
  const named = await namedEnterprise(run, a.enterpriseId, command);
  if ('wrong' in named) return run.reply.text(named.wrong);
  const max = context.policy.limits.comment;
  if ([...named.message].length > max) return run.reply.text(`催办内容不能超过 ${max} 字`);

  const event = await appendNote(
    a.id,
    nudgeAction,
    { actor, channel: 'command', at: now },
    {
      before: a.state,
      after: a.state,
      outcome: named.urgent ? 'urgent' : undefined,
      reason: named.message || undefined,
    },
  );
  run.message.log.info({ assignmentId: a.id, urgent: named.urgent }, 'assignment nudged');
  await run.reply.text(`已催办 ${a.enterpriseShortName}${named.urgent ? '（加急）' : ''}`);
  await dispatchQuietly(context, event, run.message.log);
}

/** Sends the 催办 card for each `nudge` note: liaisons and head, urgent pushes when 加急. */
export function sendNudgeCards(context: OfficeContext): AssignmentEventListener {
  return async (event, assignment) => {
    if (event.action !== nudgeAction) return;
    const enterprise = enterpriseOf(await context.directory.current(), assignment.enterpriseId);
    if (!enterprise) return;

    const urgent = event.outcome === 'urgent';
    const deadline = deadlineStatusOf(assignment, context.clock.now(), context.calendar);
    const people = enterpriseViewers(enterprise);
    for (const [openId, viewer] of people) {
      const card = nudgeCard({
        assignment,
        viewer,
        from: { name: event.actor.name, unit: '督查室' },
        words: event.reason ?? '',
        at: event.at,
        deadline,
      });
      await context.outbox.enqueue({
        kind: 'send',
        to: { type: 'open_id', id: openId },
        card,
        // One card per 催办 and person, however often the note is dispatched.
        uuid: messageUuid('nudge', event._id, openId),
        ...(urgent ? { urgent: { kinds: ['app' as const], openIds: [openId] } } : {}),
      });
    }
    context.logger.info(
      { assignmentId: assignment.id, urgent, people: people.length },
      'nudge sent',
    );
  };
}
