/**
 * The chat message handler: who typed it, what they meant (src/app/commands/parse.ts), and the
 * handler of that command. Someone not in the directory is told how to be registered.
 */
import { registrationCard } from '../../../cards/registration.card.js';
import { actorFor } from '../../domain/directory.js';
import type { MessageHandler } from '../../feishu/handlers.js';
import type { Command, CommandError } from '../commands/command.js';
import { parseCommand } from '../commands/parse.js';
import {
  archiveCommand,
  completeCommand,
  extendCommand,
  refuseCommand,
  returnCommand,
  withdrawCommand,
} from './change-commands.js';
import { ChatReply } from './chat-reply.js';
import type { CommandRun } from './command-run.js';
import type { OfficeContext } from './context.js';
import { notUnderstood, showHelp } from './help.js';
import { openIssueForm, previewIssueLine } from './issue-line.js';
import { listCommand } from './list.js';
import { nudgeCommand } from './nudge.js';
import {
  exportCommand,
  mineCommand,
  reloadCommand,
  scoreCommand,
  statisticsCommand,
} from './report-commands.js';
import { viewCommand } from './view.js';

type Handlers = {
  [Name in Command['name']]: (
    run: CommandRun,
    command: Extract<Command, { name: Name }>,
  ) => Promise<void>;
};

const handlers: Handlers = {
  help: showHelp,
  newForm: openIssueForm,
  issueLine: previewIssueLine,
  list: listCommand,
  view: viewCommand,
  nudge: nudgeCommand,
  extend: extendCommand,
  return: returnCommand,
  complete: completeCommand,
  withdraw: withdrawCommand,
  refuse: refuseCommand,
  archive: archiveCommand,
  statistics: statisticsCommand,
  score: scoreCommand,
  export: exportCommand,
  mine: mineCommand,
  reloadDirectory: reloadCommand,
};

/** The handler Feishu's message events reach (`handlers.onMessage`). */
export function commandMessageHandler(context: OfficeContext): MessageHandler {
  return async (message) => {
    const reply = new ChatReply(context.outbox, message);
    const directory = await context.directory.current();
    const actor = actorFor(directory, message.senderOpenId);
    if (!actor) {
      message.log.info('command from someone not in the directory');
      return reply.card(registrationCard(message.senderOpenId), 'registration');
    }

    const now = context.clock.now();
    const command = parseCommand(message.text, now);
    // The command's name only: its text may be confidential.
    message.log.info({ command: command.name, chatType: message.chatType }, 'chat command');
    await runCommand({ context, actor, directory, reply, message, now }, command);
  };
}

async function runCommand(run: CommandRun, command: Command | CommandError): Promise<void> {
  if (command.name === 'error') return notUnderstood(run, command);

  // Each handler takes its own command; TypeScript cannot pair them through the map by name.
  const handler = handlers[command.name] as (run: CommandRun, command: Command) => Promise<void>;
  try {
    await handler(run, command);
  } catch (error) {
    run.message.log.error({ err: error, command: command.name }, 'command failed');
    await run.reply.text('处理失败，请稍后重试', 'failed');
  }
}
