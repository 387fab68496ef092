/**
 * 新建督办 (the form card) and the one-line 督办 command: the typed names and words become a
 * draft, then its preview. Enterprises are named by short name; a close miss is suggested.
 */
import { categoryLabels } from '../../../cards/labels.js';
import { findEnterprise, suggestEnterprise } from '../../domain/directory.js';
import type { IssueDraft } from '../../domain/issue.js';
import { authorizeOffice } from '../../domain/permissions.js';
import { invalidInput, type Refusal } from '../../domain/refusal.js';
import { categories, type Category, type Directory } from '../../domain/types.js';
import type { Command } from '../commands/command.js';
import type { CommandRun } from './command-run.js';
import { createPreview, issueFormFor } from './issue-preview.js';

type IssueLine = Extract<Command, { name: 'issueLine' }>;

/** Said in a group when a confidential preview went to the person privately. */
export const privatePreviewNote = '涉密事项的交办预览已私信发送给您，请在单聊中确认';

/** 新建督办: the empty form, in the chat it was asked in. */
export async function openIssueForm(run: CommandRun): Promise<void> {
  const permission = authorizeOffice(run.actor, 'issue');
  if (!permission.ok) return run.reply.text(permission.message);

  const card = issueFormFor(run.context, run.directory, run.now, { group: run.reply.inGroup });
  await run.reply.card(card, 'form');
}

/** 督办 <标题> 企业:… : the preview, or the reason it cannot be issued. */
export async function previewIssueLine(run: CommandRun, command: IssueLine): Promise<void> {
  const permission = authorizeOffice(run.actor, 'issue');
  if (!permission.ok) return run.reply.text(permission.message);
  const draft = draftFromLine(command, run.directory);
  if ('ok' in draft) return run.reply.text(draft.message);

  const preview = await createPreview(run.context, run.actor, run.directory, draft, run.now);
  if ('ok' in preview) return run.reply.text(preview.message);
  run.message.log.info({ draftId: preview.draftId }, 'issue preview made');
  if (preview.confidential) return run.reply.privately(preview.card, privatePreviewNote, 'preview');
  await run.reply.card(preview.card, 'preview');
}

/** The draft a one-line command describes; unknown enterprises and categories are refused. */
export function draftFromLine(command: IssueLine, directory: Directory): IssueDraft | Refusal {
  const enterpriseIds = enterpriseIdsOf(directory, command.enterprises);
  if (!Array.isArray(enterpriseIds)) return enterpriseIds;
  const category = categoryOf(command.category);
  if (!category) return unknownCategory(command.category ?? '');

  return {
    title: command.title,
    content: command.content,
    category,
    level: command.level,
    enterpriseIds,
    deadlineDay: command.deadline,
    confidential: command.confidential,
    form: command.oral ? 'oral' : 'written',
  };
}

/**
 * The enterprises named, in order. 城投和文旅 (also 及, 与) names two, unless the whole is
 * itself a name the directory knows; every name must be known: none is dropped silently.
 */
function enterpriseIdsOf(directory: Directory, names: string[]): string[] | Refusal {
  const ids: string[] = [];
  for (const typed of names) {
    const parts = findEnterprise(directory, typed) ? [typed] : typed.split(/[和及与]/);
    for (const name of parts.filter(Boolean)) {
      const found = findEnterprise(directory, name);
      if (!found) return unknownEnterprise(directory, name);
      ids.push(found.id);
    }
  }

  return ids;
}

/** 「未找到企业「城头」，是否指「城投」？」, or the names there are. */
function unknownEnterprise(directory: Directory, name: string): Refusal {
  const close = suggestEnterprise(directory, name);
  if (close)
    return invalidInput(`未找到企业「${name}」，是否指「${close.shortName}」？`, 'enterpriseIds');
  const known = directory.enterprises.map((e) => e.shortName).join('、');

  return invalidInput(`未找到企业「${name}」，可用：${known}`, 'enterpriseIds');
}

/** A category by its label (or part of it) or code; 其他 when none was written. */
function categoryOf(text: string | undefined): Category | null {
  const typed = text?.trim();
  if (!typed) return 'other';
  const exact = categories.find((c) => categoryLabels[c] === typed || c === typed);

  return exact ?? categories.find((c) => categoryLabels[c].includes(typed)) ?? null;
}

function unknownCategory(text: string): Refusal {
  const known = categories.map((c) => categoryLabels[c]).join('、');

  return invalidInput(`类别「${text}」不认识，可用：${known}`, 'category');
}
