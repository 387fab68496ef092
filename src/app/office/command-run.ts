/**
 * One chat command being answered: who typed it (with every role they hold), the directory in
 * force, the moment, and where to answer. Shared by every command handler.
 */
import type { Assignment } from '../../domain/assignment.js';
import type { InputOf, TransitionName } from '../../domain/lifecycle/index.js';
import { parseNoticeNumber, assignmentIdOf } from '../../domain/notice-number.js';
import type { Actor, Directory } from '../../domain/types.js';
import type { MessageContext } from '../../feishu/handlers.js';
import { loadAssignment } from '../../store/assignment.repo.js';
import { performAction } from '../../store/perform-action.js';
import type { ChatReply } from './chat-reply.js';
import type { OfficeContext } from './context.js';

export interface CommandRun {
  context: OfficeContext;
  actor: Actor;
  directory: Directory;
  reply: ChatReply;
  message: MessageContext;
  now: Date;
}

/** The assignment a typed notice number names; answers 「未找到…」 and null when none. */
export async function assignmentByNumber(
  run: CommandRun,
  typed: string,
): Promise<Assignment | null> {
  const parsed = parseNoticeNumber(typed);
  const found = parsed ? await loadAssignment(assignmentIdOf(parsed.year, parsed.seq)) : null;
  if (!found) await run.reply.text(`未找到通知单「${typed}」，请核对编号`);

  return found;
}

/**
 * A change typed as a command: performAction with channel `command`. A refusal is answered with
 * its reason and changes nothing; a change is handed to the event bus (notifications, cards),
 * and returned for the handler's own answer.
 */
export async function performCommand<Name extends TransitionName>(
  run: CommandRun,
  assignment: Assignment,
  action: Name,
  input: InputOf<Name>,
): Promise<Assignment | null> {
  const { context, actor, now } = run;
  const request = {
    assignmentId: assignment.id,
    action,
    actor,
    input,
    channel: 'command' as const,
  };
  const { policy, calendar } = context;
  const result = await performAction(request, { now, policy, calendar });
  if (!result.ok) {
    run.message.log.info(
      { assignmentId: assignment.id, action, code: result.refusal.code },
      'command refused',
    );
    await run.reply.text(result.refusal.message);
    return null;
  }

  run.message.log.info({ assignmentId: assignment.id, action }, 'assignment changed by command');
  await dispatchQuietly(context, result.event, run.message.log);
  return result.assignment;
}

/** Hands an event to the bus; a failure is logged and left to the sweeper. */
export async function dispatchQuietly(
  context: Pick<OfficeContext, 'events'>,
  event: Parameters<OfficeContext['events']['dispatch']>[0],
  log: MessageContext['log'],
): Promise<void> {
  try {
    await context.events.dispatch(event);
  } catch (error) {
    log.error({ err: error, eventId: event._id }, 'event dispatch failed; the sweeper retries');
  }
}
