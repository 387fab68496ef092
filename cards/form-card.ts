/**
 * The layout every enterprise form shares: a header naming the form and the notice number, a
 * few lines of context, the fields (label, control, hint, and the reason a submission was
 * refused right beside the field it concerns), a submit button and a 取消 button back to the
 * notice.
 */
import type { Assignment } from '../src/domain/assignment.js';
import type { ActionValue, Card, CardElement } from './card.js';
import type { FormValues } from './form-intro.js';
import { buildCard, button, markdown, plain, red } from './elements.js';
import { headerTagsOf, headerTemplateOf } from './labels.js';
import type { CardAction } from './notice-actions.js';

/** A refused submission: the message, and the field it concerns if any. */
export interface FieldError {
  message: string;
  field?: string;
}

export interface FormField {
  name: string;
  label: string;
  required: boolean;
  control: CardElement;
  /** A short line under the control: a limit, an example. */
  hint?: string;
}

/** What every form card is given besides its own data: the last input, the refusal, marks. */
export interface FormState {
  /** What the person typed, to refill a refused form. */
  values?: FormValues;
  error?: FieldError;
  /** The card is the enterprise group chat's copy. */
  group?: boolean;
  /** Marks every button carries back, such as which card the form replaced (`k`). */
  carry?: Record<string, unknown>;
}

export interface FormCardData {
  assignment: Assignment;
  /** The header: 「填报承办措施」. */
  title: string;
  /** Context above the form (markdown elements). */
  intro: CardElement[];
  fields: FormField[];
  /** The submit button's label and action name (`submitPlan`, …). */
  submit: { label: string; action: string };
  /** The card is the enterprise group chat's copy. */
  group?: boolean;
  /** Marks every button carries back, such as which card the form replaced (`k`). */
  carry?: Record<string, unknown>;
  error?: FieldError;
}

/**
 * Action names the forms' buttons carry in `ActionValue.a` (the buttons that open the forms
 * are in cards/notice-actions.ts). `cancelForm` goes back to the notice card.
 */
export const formActions = {
  submitPlan: 'submitPlan',
  reportProgress: 'reportProgress',
  submitFeedback: 'submitFeedback',
  returnSignOff: 'returnSignOff',
  requestExtension: 'requestExtension',
  cancelForm: 'cancelForm',
} as const;

export function formCard(data: FormCardData): Card {
  const { assignment: a } = data;
  const names = new Set(data.fields.map((f) => f.name));
  const stray = data.error && !(data.error.field && names.has(data.error.field));
  const top = stray && data.error ? [markdown(red(data.error.message))] : [];
  const form: CardElement = {
    tag: 'form',
    name: 'form',
    elements: [...data.fields.flatMap((f) => fieldElements(f, data.error)), submitButton(data)],
  };

  return buildCard(
    data.title,
    headerTemplateOf(a, false),
    [...top, ...data.intro, form, cancel(data)],
    {
      subtitle: a.noticeNumber,
      tags: headerTagsOf(a),
    },
  );
}

function fieldElements(field: FormField, error: FieldError | undefined): CardElement[] {
  const label = field.required ? `**${field.label}**（必填）` : `**${field.label}**`;
  const elements = [markdown(label), field.control];
  if (field.hint) elements.push(markdown(`<font color='grey'>${field.hint}</font>`));
  if (error?.field === field.name) elements.push(markdown(red(error.message)));

  return elements;
}

/** The value a button of this form carries: action, assignment, version, group marker. */
export function formValue(data: Pick<FormCardData, 'assignment' | 'group' | 'carry'>, a: string) {
  const value: ActionValue = {
    ...data.carry,
    a,
    id: data.assignment.id,
    v: data.assignment.version,
  };

  return data.group ? { ...value, w: 'g' } : value;
}

function submitButton(data: FormCardData): CardElement {
  return {
    tag: 'button',
    name: 'submit',
    text: plain(data.submit.label),
    type: 'primary_filled',
    form_action_type: 'submit',
    behaviors: [{ type: 'callback', value: formValue(data, data.submit.action) }],
  };
}

function cancel(data: FormCardData): CardElement {
  const action: CardAction = {
    label: '取消',
    value: formValue(data, formActions.cancelForm),
    primary: false,
  };

  return button(action);
}
