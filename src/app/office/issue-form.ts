/**
 * The 新建督办 form's buttons: 预览 (the form's input becomes a draft and its preview, or the
 * form comes back with the reason beside the field) and 修改 on a preview (the form again,
 * filled in from the draft).
 */
import type { Card } from '../../../cards/card.js';
import type { IssueFormValues } from '../../../cards/issue-form.card.js';
import { buildCard, markdown } from '../../../cards/elements.js';
import type { IssueDraft } from '../../domain/issue.js';
import { authorizeOffice } from '../../domain/permissions.js';
import { invalidInput } from '../../domain/refusal.js';
import { categories, levels, type Category, type Level } from '../../domain/types.js';
import type { CardActionContext, CardActionResponse } from '../../feishu/handlers.js';
import { loadDraft } from '../../store/issue-draft.repo.js';
import { clickActor } from '../click-actor.js';
import { readDay, readString, type FormValue } from '../enterprise/form-input.js';
import { messageUuid } from './chat-reply.js';
import type { OfficeContext } from './context.js';
import { expiredPreview, issuedAnswer } from './issue-confirm.js';
import { privatePreviewNote } from './issue-line.js';
import { createPreview, issueFormFor } from './issue-preview.js';

/** 预览 on the form. */
export async function previewFromForm(
  context: OfficeContext,
  click: CardActionContext,
): Promise<CardActionResponse> {
  const who = await clickActor(context, click, true);
  if ('answer' in who) return who.answer;
  const permission = authorizeOffice(who.actor, 'issue');
  if (!permission.ok) return { toast: { type: 'error', content: permission.message } };

  const now = context.clock.now();
  const group = click.value.w === 'g';
  const { values, problems } = readIssueForm(click.formValue);
  const unreadable = Object.entries(problems)[0];
  const preview = unreadable
    ? invalidInput(unreadable[1], unreadable[0])
    : await createPreview(context, who.actor, who.directory, draftOf(values), now);
  if ('ok' in preview) {
    const problem = { message: preview.message, field: preview.field };
    const card = issueFormFor(context, who.directory, now, { values, problem, group });
    return { toast: { type: 'warning', content: preview.message }, card };
  }

  click.log.info({ draftId: preview.draftId }, 'issue preview made');
  if (!(group && preview.confidential)) return { card: preview.card };
  await context.outbox.enqueue({
    kind: 'send',
    to: { type: 'open_id', id: who.actor.openId },
    card: preview.card,
    uuid: messageUuid('preview', preview.draftId),
  });
  return { toast: { type: 'info', content: privatePreviewNote }, card: movedCard() };
}

/** 修改 on a preview: the form with the draft's values. */
export async function editIssue(
  context: OfficeContext,
  click: CardActionContext,
): Promise<CardActionResponse> {
  const who = await clickActor(context, click, true);
  if ('answer' in who) return who.answer;
  const permission = authorizeOffice(who.actor, 'issue');
  if (!permission.ok) return { toast: { type: 'error', content: permission.message } };
  const draftId = typeof click.value.d === 'string' ? click.value.d : '';

  const issued = await issuedAnswer(context, draftId, '已交办，不能再修改');
  if (issued) return issued;
  const stored = draftId ? await loadDraft(draftId) : null;
  if (!stored) return { toast: { type: 'warning', content: expiredPreview } };

  const values = valuesOf(stored.draft);
  return { card: issueFormFor(context, who.directory, context.clock.now(), { values }) };
}

/** The form's fields as typed; a date that does not exist is noted under its name. */
export function readIssueForm(form: FormValue): {
  values: IssueFormValues;
  problems: Record<string, string>;
} {
  const problems: Record<string, string> = {};
  const category = readString(form, 'category') as Category | undefined;
  const level = readString(form, 'level') as Level | undefined;
  const chosen = form?.enterpriseIds;
  const confidential = form?.confidential;
  const values: IssueFormValues = {
    title: readString(form, 'title'),
    content: readString(form, 'content'),
    category: category && categories.includes(category) ? category : undefined,
    level: level && levels.includes(level) ? level : undefined,
    enterpriseIds: Array.isArray(chosen) ? chosen.map(String) : chosen ? [String(chosen)] : [],
    deadlineDay: readDay(form, 'deadlineDay', problems),
    confidential: confidential === true || confidential === 'true',
    form: readString(form, 'form') === 'oral' ? 'oral' : 'written',
  };

  return { values, problems };
}

function draftOf(values: IssueFormValues): IssueDraft {
  return { ...values };
}

function valuesOf(draft: IssueDraft): IssueFormValues {
  return { ...draft };
}

/** What the group's form becomes when the confidential preview went to the person instead. */
function movedCard(): Card {
  return buildCard('新建督办', 'grey', [markdown(privatePreviewNote)]);
}
