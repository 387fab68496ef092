/**
 * Turning the outcome of a click into Feishu's answer: a toast and the card as it now stands
 * for the audience of the clicked card. Only the transition happens before the answer; its
 * notifications go through the event bus afterwards, so the answer never waits on Feishu.
 */
import type { ActionValue, Card } from '../../../cards/card.js';
import type { FieldError } from '../../../cards/form-card.js';
import { signOffCardKind } from '../../../cards/sign-off.card.js';
import type { Assignment } from '../../domain/assignment.js';
import type { InputOf, TransitionName } from '../../domain/lifecycle/index.js';
import type { Refusal, RefusalCode } from '../../domain/refusal.js';
import type { Actor } from '../../domain/types.js';
import type { CardActionContext, CardActionResponse } from '../../feishu/handlers.js';
import type { AuditEvent } from '../../store/audit-event.repo.js';
import { performAction } from '../../store/perform-action.js';
import type { EnterpriseContext } from './context.js';
import type { InputProblems } from './form-input.js';
import { audienceOfClick, noticeCardFor, signOffCardFor } from './notice-view.js';

const toastTypes: Record<RefusalCode, NonNullable<CardActionResponse['toast']>['type']> = {
  notAllowed: 'error',
  wrongState: 'warning',
  alreadyDone: 'info',
  invalidInput: 'warning',
};

/** Answer to a click on a button that no longer carries what it needs. */
export const expiredAnswer: CardActionResponse = {
  toast: { type: 'warning', content: '该操作已失效，请刷新卡片' },
};

/** The version the clicked card was built from, if it says. */
export function versionOf(value: ActionValue): number | undefined {
  return typeof value.v === 'number' ? value.v : undefined;
}

/** The marks a card's buttons carry that forms opened from it must keep (`w`, `k`). */
export function carryOf(value: ActionValue): Record<string, unknown> {
  const carry: Record<string, unknown> = {};
  if (value.k !== undefined) carry.k = value.k;

  return carry;
}

/** The clicked card as it should now look: the sign-off card or the notice, for its audience. */
export function cardForClick(
  context: EnterpriseContext,
  a: Assignment,
  actor: Actor,
  value: ActionValue,
): Card {
  if (value.k === signOffCardKind && value.w !== 'g') return signOffCardFor(context, a);

  return noticeCardFor(context, a, audienceOfClick(actor, a, value));
}

export interface PerformSpec<Name extends TransitionName> {
  action: Name;
  input: InputOf<Name>;
  /** The toast when it is done: 「已签收」. */
  success: string;
  /** Why fields could not be read, by name (form-input.ts). */
  problems?: InputProblems;
  /** The form again, for a submission refused for its input. */
  formAgain?: (assignment: Assignment, error: FieldError) => Card;
}

/**
 * Carries out the click's transition through performAction (channel `card`, the card's
 * version for stale detection) and answers. Success hands the audit event to the event bus
 * without waiting for its listeners.
 */
export async function performAndAnswer<Name extends TransitionName>(
  context: EnterpriseContext,
  click: CardActionContext,
  actor: Actor,
  spec: PerformSpec<Name>,
): Promise<CardActionResponse> {
  const assignmentId = click.value.id;
  if (!assignmentId) return expiredAnswer;

  const request = {
    assignmentId,
    action: spec.action,
    actor,
    input: spec.input,
    channel: 'card' as const,
  };
  const { policy, calendar } = context;
  const context_ = { now: context.clock.now(), policy, calendar };
  const result = await performAction({ ...request, cardVersion: versionOf(click.value) }, context_);
  if (!result.ok) return refusalAnswer(context, click, actor, result, spec);

  dispatchLater(context, click, result.event);
  click.log.info(
    { assignmentId, action: spec.action, version: result.assignment.version },
    'assignment changed by card',
  );
  return {
    toast: { type: 'success', content: spec.success },
    card: cardForClick(context, result.assignment, actor, click.value),
  };
}

/**
 * The answer to a refusal: its message as a toast; for a stale card, a double click or a state
 * that moved on, also the current card; for refused input, the form again with the reason
 * beside the field. Someone refused permission gets no card: they may not read it.
 */
export function refusalAnswer(
  context: EnterpriseContext,
  click: CardActionContext,
  actor: Actor,
  refused: { refusal: Refusal; assignment: Assignment | null },
  spec?: Pick<PerformSpec<TransitionName>, 'problems' | 'formAgain'>,
): CardActionResponse {
  const { refusal, assignment } = refused;
  const field = refusal.field;
  const message = (field && spec?.problems?.[field]) || refusal.message;
  const toast = { type: toastTypes[refusal.code], content: message };
  click.log.info(
    { assignmentId: assignment?.id, action: click.value.a, code: refusal.code },
    'card action refused',
  );
  if (!assignment || refusal.code === 'notAllowed') return { toast };
  if (refusal.code !== 'invalidInput') {
    return { toast, card: cardForClick(context, assignment, actor, click.value) };
  }
  if (!spec?.formAgain) return { toast };

  // The form keeps the version it was opened on: fixing the input must not hide staleness.
  const opened = { ...assignment, version: versionOf(click.value) ?? assignment.version };
  return { toast, card: spec.formAgain(opened, { message, field }) };
}

function dispatchLater(context: EnterpriseContext, click: CardActionContext, event: AuditEvent) {
  context.events.dispatch(event).catch((error: unknown) => {
    click.log.error(
      { err: error, eventId: event._id },
      'event dispatch failed; the sweeper retries',
    );
  });
}
