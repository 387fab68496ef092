/**
 * Carrying out a decision clicked on a 督查室 card (review, extension) and answering: a toast,
 * and the card as it now stands; refused input brings the form back with the reason beside the
 * field; someone refused permission gets the reason only.
 */
import type { Card } from '../../../cards/card.js';
import type { FieldProblem } from '../../../cards/office-form.js';
import type { Assignment } from '../../domain/assignment.js';
import type { InputOf, TransitionName } from '../../domain/lifecycle/index.js';
import type { RefusalCode } from '../../domain/refusal.js';
import type { Actor } from '../../domain/types.js';
import type { CardActionContext, CardActionResponse } from '../../feishu/handlers.js';
import { performAction } from '../../store/perform-action.js';
import type { OfficeContext } from './context.js';

const toastTypes: Record<RefusalCode, 'error' | 'warning' | 'info'> = {
  notAllowed: 'error',
  wrongState: 'warning',
  alreadyDone: 'info',
  invalidInput: 'warning',
};

export interface DecisionSpec<Name extends TransitionName> {
  assignmentId: string;
  action: Name;
  input: InputOf<Name>;
  cardVersion?: number;
  /** The toast once done. */
  success: (a: Assignment) => string;
  /** The clicked card as it now stands; with the refused input's problem when there is one. */
  card: (a: Assignment, problem?: FieldProblem) => Card;
}

export async function decideAndAnswer<Name extends TransitionName>(
  context: OfficeContext,
  click: CardActionContext,
  actor: Actor,
  spec: DecisionSpec<Name>,
): Promise<CardActionResponse> {
  const { assignmentId, action, input, cardVersion } = spec;
  const request = { assignmentId, action, actor, input, channel: 'card' as const, cardVersion };
  const { policy, calendar } = context;
  const result = await performAction(request, { now: context.clock.now(), policy, calendar });

  if (!result.ok) {
    const { refusal, assignment } = result;
    click.log.info({ assignmentId, action, code: refusal.code }, 'office decision refused');
    const toast = { type: toastTypes[refusal.code], content: refusal.message };
    if (!assignment || refusal.code === 'notAllowed') return { toast };
    const problem =
      refusal.code === 'invalidInput'
        ? { message: refusal.message, field: refusal.field }
        : undefined;
    return { toast, card: spec.card(assignment, problem) };
  }

  click.log.info(
    { assignmentId, action, version: result.assignment.version },
    'office decision taken',
  );
  context.events.dispatch(result.event).catch((error: unknown) => {
    click.log.error(
      { err: error, eventId: result.event._id },
      'event dispatch failed; the sweeper retries',
    );
  });
  return {
    toast: { type: 'success', content: spec.success(result.assignment) },
    card: spec.card(result.assignment),
  };
}
