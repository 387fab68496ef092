/**
 * Opening and submitting the enterprise's forms. A form opens only if its transition would be
 * allowed now (the same checks, with empty input, refuse only for the missing fields) and the
 * card is current; its submission goes through performAndAnswer.
 */
import type { Card } from '../../../cards/card.js';
import type { FieldError, FormState } from '../../../cards/form-card.js';
import type { Assignment } from '../../domain/assignment.js';
import {
  transitions,
  type InputOf,
  type Transition,
  type TransitionName,
} from '../../domain/lifecycle/index.js';
import { refuse, type Refusal } from '../../domain/refusal.js';
import type { Actor, Directory } from '../../domain/types.js';
import type { CardActionContext, CardActionResponse } from '../../feishu/handlers.js';
import { loadAssignment } from '../../store/assignment.repo.js';
import { recordRefusalEvent } from '../../store/audit-event.repo.js';
import { resolveActor } from './actor.js';
import { carryOf, expiredAnswer, performAndAnswer, refusalAnswer, versionOf } from './answer.js';
import type { EnterpriseContext } from './context.js';
import { typedValues, type FormValue, type InputProblems } from './form-input.js';

export interface FormSpec<Name extends TransitionName> {
  /** The transition the form submits to. */
  action: Name;
  /** Input that the transition refuses only as incomplete, when the form applies at all. */
  probe: InputOf<Name>;
  /** The form card for this assignment and state of input. */
  build: (a: Assignment, directory: Directory, state: FormState) => Card;
  /** Reads the submitted fields; unreadable ones are noted in `problems`. */
  parse: (form: FormValue, directory: Directory, problems: InputProblems) => InputOf<Name>;
  /** The toast when submitted: 「承办措施已提交」. */
  success: string;
}

const staleCard = '卡片已更新，请在最新卡片上操作';

/** The 「填报承办措施」-style buttons: the form, if the action may happen now. */
export async function openForm<Name extends TransitionName>(
  context: EnterpriseContext,
  click: CardActionContext,
  spec: FormSpec<Name>,
): Promise<CardActionResponse> {
  const who = await resolveActor(context, click);
  if ('answer' in who) return who.answer;
  const a = click.value.id ? await loadAssignment(click.value.id) : null;
  if (!a) return expiredAnswer;

  const refusal = formRefusal(context, who.actor, a, spec, versionOf(click.value));
  if (refusal) {
    const origin = { actor: who.actor, channel: 'card' as const, at: context.clock.now() };
    await recordRefusalEvent(a, click.value.a, refusal, origin);
    return refusalAnswer(context, click, who.actor, { refusal, assignment: a });
  }

  return { card: spec.build(a, who.directory, stateOf(click)) };
}

function formRefusal<Name extends TransitionName>(
  context: EnterpriseContext,
  actor: Actor,
  a: Assignment,
  spec: FormSpec<Name>,
  version: number | undefined,
): Refusal | null {
  // The map pairs each name with its own input type; TypeScript cannot follow it by name.
  const transition = transitions[spec.action] as Transition<InputOf<Name>>;
  const outcome = transition(a, actor, spec.probe, {
    now: context.clock.now(),
    policy: context.policy,
    calendar: context.calendar,
  });
  if (!outcome.ok && outcome.code !== 'invalidInput') return outcome;
  if (version !== undefined && version !== a.version) return refuse('wrongState', staleCard);

  return null;
}

/** A form's submit button: the transition with the typed input, or the form with the reason. */
export async function submitForm<Name extends TransitionName>(
  context: EnterpriseContext,
  click: CardActionContext,
  spec: FormSpec<Name>,
): Promise<CardActionResponse> {
  const who = await resolveActor(context, click);
  if ('answer' in who) return who.answer;

  const problems: InputProblems = {};
  const input = spec.parse(click.formValue, who.directory, problems);
  const values = typedValues(click.formValue);
  const formAgain = (a: Assignment, error: FieldError) =>
    spec.build(a, who.directory, { ...stateOf(click), values, error });

  return performAndAnswer(context, click, who.actor, {
    action: spec.action,
    input,
    success: spec.success,
    problems,
    formAgain,
  });
}

function stateOf(click: CardActionContext): FormState {
  return { group: click.value.w === 'g', carry: carryOf(click.value) };
}
