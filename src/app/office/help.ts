/**
 * 帮助, and the answer to anything not understood: the help card with only the commands this
 * person may use (the permission functions decide), and the closest command when it is one.
 */
import { helpCard, type HelpEntry } from '../../../cards/help.card.js';
import { authorizeOffice, isOfficeStaff } from '../../domain/permissions.js';
import type { Actor } from '../../domain/types.js';
import type { CommandError, CommandName } from '../commands/command.js';
import { commandHelp } from '../commands/examples.js';
import type { CommandRun } from './command-run.js';

/** The order commands are listed in. */
const commandOrder: CommandName[] = [
  'newForm',
  'issueLine',
  'list',
  'view',
  'mine',
  'nudge',
  'extend',
  'complete',
  'return',
  'withdraw',
  'refuse',
  'archive',
  'statistics',
  'score',
  'export',
  'reloadDirectory',
  'help',
];

const everyone = () => true;
const officeStaff = (actor: Actor) => isOfficeStaff(actor);

/** Who may use each command, by the permission functions (src/domain/permissions.ts). */
const mayUse: Record<CommandName, (actor: Actor) => boolean> = {
  newForm: (actor) => authorizeOffice(actor, 'issue').ok,
  issueLine: (actor) => authorizeOffice(actor, 'issue').ok,
  list: everyone,
  view: everyone,
  mine: (actor) => actor.enterpriseRoles.length > 0,
  nudge: officeStaff,
  // The enterprise asks for an extension; leaders and supervisors decide one.
  extend: (actor) => officeStaff(actor) || actor.enterpriseRoles.length > 0,
  complete: officeStaff,
  return: officeStaff,
  withdraw: officeStaff,
  refuse: officeStaff,
  archive: officeStaff,
  statistics: (actor) => authorizeOffice(actor, 'statistics').ok,
  score: (actor) => authorizeOffice(actor, 'statistics').ok,
  export: (actor) => authorizeOffice(actor, 'export').ok,
  reloadDirectory: (actor) => authorizeOffice(actor, 'reloadDirectory').ok,
  help: everyone,
};

/** The commands this person may use, in listing order. */
export function commandsFor(actor: Actor): CommandName[] {
  return commandOrder.filter((name) => mayUse[name](actor));
}

function entriesFor(actor: Actor): HelpEntry[] {
  return commandsFor(actor).map((name) => commandHelp[name]);
}

/** 帮助. */
export async function showHelp(run: CommandRun): Promise<void> {
  await run.reply.card(helpCard({ commands: entriesFor(run.actor) }), 'help');
}

/** Not understood: what was wrong, the command it likely meant (if theirs to use), the rest. */
export async function notUnderstood(run: CommandRun, error: CommandError): Promise<void> {
  const suggested = error.suggestion && mayUse[error.suggestion](run.actor);
  const card = helpCard({
    commands: entriesFor(run.actor),
    problem: error.message,
    suggestion: suggested && error.suggestion ? commandHelp[error.suggestion] : undefined,
  });
  await run.reply.card(card, 'help');
}
