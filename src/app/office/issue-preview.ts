/**
 * From a draft to its preview: check it as issuing would (prepareIssue), keep it server-side,
 * and show what would be sent with the numbers the enterprises would get. Also the 新建督办 form
 * with each level's deadline as of now.
 */
import type { Card } from '../../../cards/card.js';
import { issueFormCard, type IssueFormValues } from '../../../cards/issue-form.card.js';
import { issuePreviewCard } from '../../../cards/issue-preview.card.js';
import type { FieldProblem } from '../../../cards/office-form.js';
import { dayOf } from '../../domain/dates.js';
import { computeDeadline, deadlineCap } from '../../domain/deadlines.js';
import { shanghaiYear } from '../../domain/format.js';
import { prepareIssue, type IssueDraft } from '../../domain/issue.js';
import { formatNoticeNumber } from '../../domain/notice-number.js';
import type { Refusal } from '../../domain/refusal.js';
import type { Actor, Directory } from '../../domain/types.js';
import { saveDraft } from '../../store/issue-draft.repo.js';
import { peekNextNumbers } from '../../store/issue.repo.js';
import type { OfficeContext } from './context.js';

/** A preview made: its card, and whether its content is confidential (never in a group). */
export interface Preview {
  draftId: string;
  card: Card;
  confidential: boolean;
}

/** Checks the draft for `actor` at `now`; stores it and builds its preview, or says why not. */
export async function createPreview(
  context: OfficeContext,
  actor: Actor,
  directory: Directory,
  draft: IssueDraft,
  now: Date,
): Promise<Preview | Refusal> {
  const { policy, calendar } = context;
  const prepared = prepareIssue(draft, actor, { now, policy, calendar, directory });
  if ('ok' in prepared) return prepared;

  const draftId = await saveDraft(draft, { openId: actor.openId, name: actor.name }, now);
  const year = shanghaiYear(now);
  const seqs = await peekNextNumbers(year, prepared.enterprises.length);
  const numbers = seqs.map((seq) => formatNoticeNumber(policy.noticeNumber.prefix, year, seq));
  const card = issuePreviewCard({
    draftId,
    prepared,
    numbers,
    noticePoints: policy.scoring.noticeReceived,
  });

  return { draftId, card, confidential: prepared.confidential };
}

/** The 新建督办 form as of `now`, filled in with `values` and showing `problem` if given. */
export function issueFormFor(
  context: Pick<OfficeContext, 'policy' | 'calendar'>,
  directory: Directory,
  now: Date,
  extra: { values?: IssueFormValues; problem?: FieldProblem; group?: boolean } = {},
): Card {
  const { policy, calendar } = context;
  const levels = ['routine', 'important', 'critical'] as const;
  const rules = levels.map((level) => {
    const computed = computeDeadline({ issuedAt: now, level }, policy, calendar);
    return `${computed.rule} → ${computed.day}`;
  });

  return issueFormCard({
    enterprises: directory.enterprises.map((e) => ({ id: e.id, shortName: e.shortName })),
    rules,
    capDay: deadlineCap(now, 'routine', dayOf(now), policy),
    maxDaysFromIssue: policy.deadlines.maxDaysFromIssue,
    limits: policy.limits,
    ...extra,
  });
}
