/**
 * Form pieces of the 督查室's cards (新建督办, review, extension decision): a labelled field with
 * its hint and the reason it was refused beside it, the controls enterprise forms do not use
 * (multi-select, checker), and submit buttons, several per form when the choice is the button.
 */
import type { ActionValue, CardElement } from './card.js';
import { markdown, plain, red } from './elements.js';

/** A refused submission: the message, and the field it concerns if any. */
export interface FieldProblem {
  message: string;
  field?: string;
}

export interface LabelledField {
  name: string;
  label: string;
  required: boolean;
  control: CardElement;
  /** A grey line under the control: a rule, a limit, an example. */
  hint?: string;
}

/** Label, control, hint, and the refusal's reason when it concerns this field. */
export function fieldBlock(field: LabelledField, problem?: FieldProblem): CardElement[] {
  const label = field.required ? `**${field.label}**（必填）` : `**${field.label}**`;
  const elements = [markdown(label), field.control];
  if (field.hint) elements.push(markdown(`<font color='grey'>${field.hint}</font>`));
  if (problem?.field === field.name) elements.push(markdown(red(problem.message)));

  return elements;
}

/** The refusal's reason at the top of the card, when it concerns no field shown. */
export function strayProblem(fields: LabelledField[], problem?: FieldProblem): CardElement[] {
  if (!problem) return [];
  const shown = fields.some((f) => f.name === problem.field);

  return shown ? [] : [markdown(red(problem.message))];
}

/** A multi-select of fixed choices (`form_value[name]` is the array of chosen values). */
export function multiSelectControl(
  name: string,
  choices: Array<[value: string, label: string]>,
  selected: string[] = [],
): CardElement {
  const known = new Set(choices.map(([value]) => value));
  const control: CardElement = {
    tag: 'multi_select_static',
    name,
    width: 'fill',
    required: false,
    placeholder: plain('请选择'),
    options: choices.map(([value, label]) => ({ text: plain(label), value })),
  };
  const initial = selected.filter((value) => known.has(value));
  if (initial.length > 0) control.selected_values = initial;

  return control;
}

/** A tick box (`form_value[name]` is true or false). */
export function checkerControl(name: string, text: string, checked = false): CardElement {
  return { tag: 'checker', name, checked, text: plain(text) };
}

/** A button that submits the form it is in, carrying `value`; `name` must be unique. */
export function submitButton(
  name: string,
  label: string,
  value: ActionValue,
  primary = false,
): CardElement {
  return {
    tag: 'button',
    name,
    text: plain(label),
    type: primary ? 'primary_filled' : 'default',
    form_action_type: 'submit',
    behaviors: [{ type: 'callback', value }],
  };
}

/** Submit buttons side by side, as the last element of a form. */
export function submitRow(buttons: CardElement[]): CardElement {
  return {
    tag: 'column_set',
    flex_mode: 'flow',
    horizontal_spacing: '8px',
    columns: buttons.map((b) => ({ tag: 'column', width: 'auto', elements: [b] })),
  };
}
