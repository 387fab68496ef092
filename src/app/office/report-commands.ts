/**
 * 统计, 积分, 导出 (the reports side builds them: src/app/reports/*), 我的督办 (the enterprise
 * side's list) and 重新加载 (the directory file read again).
 */
import { ConfigError } from '../../config/config-error.js';
import { authorizeOffice } from '../../domain/permissions.js';
import type { Command } from '../commands/command.js';
import { myAssignmentsCardFor, privateMineNote } from '../enterprise/my-assignments.js';
import { requestStatisticsExport } from '../reports/statistics-export.js';
import { rankingReply, statisticsReply } from '../reports/statistics-reply.js';
import type { CommandRun } from './command-run.js';

type Of<N extends Command['name']> = Extract<Command, { name: N }>;

/** 统计 [期间]. */
export async function statisticsCommand(run: CommandRun, command: Of<'statistics'>): Promise<void> {
  const answer = await statisticsReply(run.context, run.actor.openId, command.period);
  if (!answer.ok) return run.reply.text(answer.message);
  await run.reply.card(answer.card, 'statistics');
}

/** 积分 [年]. */
export async function scoreCommand(run: CommandRun, command: Of<'score'>): Promise<void> {
  const answer = await rankingReply(run.context, run.actor.openId, command.year);
  if (!answer.ok) return run.reply.text(answer.message);
  await run.reply.card(answer.card, 'score');
}

/** 导出 [期间]: the file goes to the person privately, whichever chat asked. */
export async function exportCommand(run: CommandRun, command: Of<'export'>): Promise<void> {
  const { messageId } = run.message;
  const answer = await requestStatisticsExport(
    run.context,
    run.actor.openId,
    command.period,
    messageId,
  );
  await run.reply.text(answer.message);
}

/**
 * 我的督办: the enterprise's matters, for its liaisons and head. Always to the person: typed in
 * a group it goes to them privately with a line in the group, since the list (and 查看 on it)
 * would show the group every matter of every enterprise they hold a role in.
 */
export async function mineCommand(run: CommandRun): Promise<void> {
  if (run.actor.enterpriseRoles.length === 0) {
    return run.reply.text('「我的督办」列出承办单位的督办事项；查看全部督办请发送「列表」');
  }
  const card = await myAssignmentsCardFor(run.context, run.actor, 0);
  await run.reply.privately(card, privateMineNote, 'mine');
}

/** 重新加载: the directory file read again; a bad file leaves the directory as it was. */
export async function reloadCommand(run: CommandRun): Promise<void> {
  const permission = authorizeOffice(run.actor, 'reloadDirectory');
  if (!permission.ok) return run.reply.text(permission.message);

  try {
    const { changed, directory } = await run.context.directory.reload();
    const counts = `${directory.enterprises.length} 家企业、${directory.people.length} 人`;
    run.message.log.info({ changed }, 'directory reloaded by command');
    await run.reply.text(changed ? `名录已重新加载：${counts}` : `名录没有变化：${counts}`);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    await run.reply.text(`名录文件有误，未重新加载，仍使用原名录：${error.problem}`);
  }
}
