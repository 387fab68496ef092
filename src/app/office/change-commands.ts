/**
 * Commands that change an assignment: 办结, 退回, 撤销, 拒办, 延期, 归档. Each goes through
 * performAction with channel `command` (permissions, idempotence, audit), exactly as the cards
 * do, and answers in the chat with what was done.
 */
import { pendingExtension, type Assignment } from '../../domain/assignment.js';
import { chosenDeadlineDay, movedDayNote } from '../../domain/deadlines.js';
import { authorize, isOfficeStaff, roleIn } from '../../domain/permissions.js';
import { grantedText } from './extension-decision.js';
import type { Command } from '../commands/command.js';
import { archiveAssignment } from '../archive/archive-assignment.js';
import { assignmentByNumber, performCommand, type CommandRun } from './command-run.js';

type Of<N extends Command['name']> = Extract<Command, { name: N }>;

/** 「城投 珠国资督〔2025〕12号」. */
function named(a: Assignment): string {
  return `${a.enterpriseShortName} ${a.noticeNumber}`;
}

/** 办结 <编号> [优质]. */
export async function completeCommand(run: CommandRun, command: Of<'complete'>): Promise<void> {
  const a = await assignmentByNumber(run, command.number);
  if (!a) return;
  const input = { decision: 'complete' as const, onTimeHighQuality: command.highQuality };
  const done = await performCommand(run, a, 'review', input);
  if (!done) return;

  const bonus = Math.abs(run.context.policy.scoring.onTimeHighQuality);
  const late = done.completedDaysLate ?? 0;
  const how = command.highQuality
    ? `按时高质量，抵扣 ${bonus} 分`
    : late > 0
      ? `逾期 ${late} 天`
      : '按时';
  await run.reply.text(`已办结 ${named(done)}（${how}）`);
}

/** 退回 <编号> <原因>. */
export async function returnCommand(run: CommandRun, command: Of<'return'>): Promise<void> {
  const a = await assignmentByNumber(run, command.number);
  if (!a) return;
  const done = await performCommand(run, a, 'review', {
    decision: 'return',
    reason: command.reason,
  });
  if (done) await run.reply.text(`已退回 ${named(done)} 重办，已告知承办单位`);
}

/** 撤销 <编号> <原因>. */
export async function withdrawCommand(run: CommandRun, command: Of<'withdraw'>): Promise<void> {
  const a = await assignmentByNumber(run, command.number);
  if (!a) return;
  const done = await performCommand(run, a, 'withdraw', { reason: command.reason });
  if (done) await run.reply.text(`已撤销 ${named(done)}，该通知单的扣分已冲销`);
}

/** 拒办 <编号> <事实>. */
export async function refuseCommand(run: CommandRun, command: Of<'refuse'>): Promise<void> {
  const a = await assignmentByNumber(run, command.number);
  if (!a) return;
  const done = await performCommand(run, a, 'recordRefusal', { reason: command.reason });
  const points = Math.abs(run.context.policy.scoring.refusal);
  if (done) await run.reply.text(`已认定 ${named(done)} 无正当理由拒不办理，扣 ${points} 分`);
}

/**
 * 延期 <编号> <日期> [原因], routed by what the person may do, not by the roles they hold: a
 * pending request they may decide is granted with that date; someone of the enterprise (even one
 * who is also a supervisor) or outside the office asks; a decider with nothing pending sets the
 * deadline directly (reason required). The domain refuses whoever may not.
 */
export async function extendCommand(run: CommandRun, command: Of<'extend'>): Promise<void> {
  const a = await assignmentByNumber(run, command.number);
  if (!a) return;
  const { actor, context } = run;

  const mayDecide = authorize(actor, 'decideExtension', a, context.policy).ok;
  if (pendingExtension(a) && mayDecide) return grantRequest(run, a, command);
  if (roleIn(actor, a.enterpriseId).length > 0 || !isOfficeStaff(actor)) {
    return requestByCommand(run, a, command);
  }

  const input = { day: command.day, reason: command.reason };
  const done = await performCommand(run, a, 'grantExtension', input);
  if (done) {
    const to = grantedText(done);
    await run.reply.text(`已将 ${named(done)} 时限延至 ${to}，已告知承办单位`);
  }
}

async function requestByCommand(run: CommandRun, a: Assignment, command: Of<'extend'>) {
  const input = { day: command.day, reason: command.reason, progress: '' };
  const done = await performCommand(run, a, 'requestExtension', input);
  if (!done) return;

  const decider = run.context.policy.extensions.deciders[a.level];
  const by = decider === 'leader' ? '局主要领导' : '督查室';
  const note = movedDayNote(chosenDeadlineDay(command.day, run.context.calendar));
  const day = note ? `${command.day}（${note}）` : command.day;
  await run.reply.text(`已提交延期申请：${done.noticeNumber} 申请延至 ${day}，待${by}审批`);
}

async function grantRequest(run: CommandRun, a: Assignment, command: Of<'extend'>) {
  const input = { approve: true, day: command.day, reason: command.reason };
  const done = await performCommand(run, a, 'decideExtension', input);
  if (done) await run.reply.text(`已批准 ${named(done)} 延期至 ${grantedText(done)}`);
}

/** 归档 <编号>: the reports side's archive (transition, then the dossier). */
export async function archiveCommand(run: CommandRun, command: Of<'archive'>): Promise<void> {
  const a = await assignmentByNumber(run, command.number);
  if (!a) return;
  const result = await archiveAssignment(run.context, run.actor, a.id, 'command');
  if (!result.ok) return run.reply.text(result.refusal.message);

  const number = result.dossier ? `，档号 ${result.dossier.archiveNumber}` : '';
  run.message.log.info({ assignmentId: a.id }, 'assignment archived by command');
  await run.reply.text(`已归档 ${named(result.assignment)}${number}`);
}
