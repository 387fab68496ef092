/**
 * 确认交办 and 取消 on a preview. Confirming issues exactly once: the draft's id becomes the
 * item's id, so a double click, or two supervisors confirming the same preview, issue one item;
 * every later confirmation is answered 「已交办」 with the same confirmation card.
 */
import {
  issueCancelledCard,
  issueConfirmationCard,
} from '../../../cards/issue-confirmation.card.js';
import { prepareIssue, type PreparedIssue } from '../../domain/issue.js';
import type { Actor } from '../../domain/types.js';
import type { CardActionContext, CardActionResponse } from '../../feishu/handlers.js';
import { deleteDraft, loadDraft } from '../../store/issue-draft.repo.js';
import { issueItem } from '../../store/issue.repo.js';
import { issueEventsOf, loadIssuedItem } from '../../store/issued-item.repo.js';
import { isDuplicateKey } from '../../store/mongo-errors.js';
import { clickActor } from '../click-actor.js';
import type { OfficeContext } from './context.js';

/** Said when a preview's draft is gone (取消 or expired). */
export const expiredPreview = '该预览已取消或已过期，请重新发起交办';

/** 确认交办. */
export async function confirmIssue(
  context: OfficeContext,
  click: CardActionContext,
): Promise<CardActionResponse> {
  const who = await clickActor(context, click, true);
  if ('answer' in who) return who.answer;
  const draftId = typeof click.value.d === 'string' ? click.value.d : '';

  const already = await issuedAnswer(context, draftId, '已交办');
  if (already) return already;
  const stored = draftId ? await loadDraft(draftId) : null;
  // Gone: cancelled or expired, unless another confirmation issued it in the meantime.
  if (!stored) {
    return (await issuedAnswer(context, draftId, '已交办')) ?? warn(expiredPreview);
  }

  const now = context.clock.now();
  const { policy, calendar } = context;
  const prepared = prepareIssue(stored.draft, who.actor, {
    now,
    policy,
    calendar,
    directory: who.directory,
  });
  if ('ok' in prepared) return warn(prepared.message);

  const first = await issueOnce(context, who.actor, prepared, draftId, click);
  const done = await issuedAnswer(context, draftId, first ? '' : '已交办');
  return done ?? warn(expiredPreview);
}

/** 取消 on a preview or on the empty form. */
export async function cancelIssue(
  context: OfficeContext,
  click: CardActionContext,
): Promise<CardActionResponse> {
  const who = await clickActor(context, click, true);
  if ('answer' in who) return who.answer;
  const draftId = typeof click.value.d === 'string' ? click.value.d : '';

  const issued = await issuedAnswer(context, draftId, '已交办，不能取消');
  if (issued) return issued;
  if (draftId) await deleteDraft(draftId);
  click.log.info({ draftId }, 'issue cancelled');

  return { toast: { type: 'info', content: '已取消交办' }, card: issueCancelledCard() };
}

/**
 * The confirmation card when the draft was issued (with `toast` as an info toast, or a
 * success toast naming how many notices went out when `toast` is empty); null otherwise.
 */
export async function issuedAnswer(
  context: Pick<OfficeContext, 'policy'>,
  draftId: string,
  toast: string,
): Promise<CardActionResponse | null> {
  const issued = draftId ? await loadIssuedItem(draftId, context.policy.noticeNumber.prefix) : null;
  if (!issued) return null;

  const card = issueConfirmationCard(issued);
  return toast
    ? { toast: { type: 'info', content: toast }, card }
    : { toast: { type: 'success', content: `已交办 ${issued.notices.length} 家` }, card };
}

/**
 * Issues the prepared item under the draft's id; false when another confirmation of the same
 * preview issued it first (the unique item id refused this one).
 */
async function issueOnce(
  context: OfficeContext,
  actor: Actor,
  prepared: PreparedIssue,
  draftId: string,
  click: CardActionContext,
): Promise<boolean> {
  try {
    const issued = await issueItem(prepared, { actor, channel: 'card' }, context.policy, draftId);
    click.log.info({ itemId: issued.itemId, notices: issued.assignments.length }, 'item issued');
    dispatchIssueEvents(
      context,
      issued.assignments.map((a) => a.id),
      click,
    );
    return true;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    return false;
  }
}

/** The notices go out through the event bus's listeners, after the click is answered. */
function dispatchIssueEvents(context: OfficeContext, ids: string[], click: CardActionContext) {
  const run = async () => {
    for (const event of await issueEventsOf(ids)) await context.events.dispatch(event);
  };
  run().catch((error: unknown) =>
    click.log.error({ err: error }, 'issue events not dispatched; the sweeper retries'),
  );
}

function warn(content: string): CardActionResponse {
  return { toast: { type: 'warning', content } };
}
