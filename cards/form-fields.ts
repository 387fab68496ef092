/**
 * The input controls of the enterprise's forms (Card JSON 2.0 `input`, `select_person`,
 * `select_static`, `date_picker`), each prefilled with what the person typed last time.
 * Every control inside a form needs a `name` unique in the card: it keys `form_value`.
 */
import type { CardElement } from './card.js';
import { plain } from './elements.js';

/** Feishu's input accepts at most 1,000 characters whatever `max_length` says. */
export const maxInputChars = 1000;

/** Placeholders longer than 100 characters are refused by Feishu. */
const maxPlaceholderChars = 100;

export interface TextOptions {
  value?: string;
  /** The policy's limit; capped at Feishu's 1,000. */
  maxLength: number;
  multiline?: boolean;
  placeholder?: string;
  required?: boolean;
}

export function textControl(name: string, options: TextOptions): CardElement {
  const control: CardElement = {
    tag: 'input',
    name,
    width: 'fill',
    max_length: Math.min(options.maxLength, maxInputChars),
    required: options.required ?? false,
  };
  if (options.multiline) Object.assign(control, { input_type: 'multiline_text', rows: 3 });
  if (options.placeholder) control.placeholder = placeholderOf(options.placeholder);
  if (options.value) control.default_value = options.value;

  return control;
}

export interface PersonOptions {
  /**
   * open_ids to choose from. Empty: Feishu offers the members of the chat holding the card
   * (useful in the enterprise group; in a private chat only the two parties).
   */
  candidates: string[];
  value?: string;
  required?: boolean;
}

export function personControl(name: string, options: PersonOptions): CardElement {
  const control: CardElement = {
    tag: 'select_person',
    name,
    width: 'fill',
    required: options.required ?? false,
    placeholder: plain('请选择'),
  };
  if (options.candidates.length > 0) {
    control.options = options.candidates.map((openId) => ({ value: openId }));
    // Feishu takes an initial choice only from among the options.
    if (options.value && options.candidates.includes(options.value)) {
      control.initial_option = options.value;
    }
  }

  return control;
}

export interface SelectOptions {
  choices: Array<[value: string, label: string]>;
  value?: string;
  required?: boolean;
}

export function selectControl(name: string, options: SelectOptions): CardElement {
  const control: CardElement = {
    tag: 'select_static',
    name,
    width: 'fill',
    required: options.required ?? false,
    placeholder: plain('请选择'),
    options: options.choices.map(([value, label]) => ({ text: plain(label), value })),
  };
  const known = options.choices.some(([value]) => value === options.value);
  if (options.value && known) control.initial_option = options.value;

  return control;
}

/** A date picker; `value` is 'YYYY-MM-DD'. */
export function dateControl(name: string, options: { value?: string; required?: boolean }) {
  const control: CardElement = {
    tag: 'date_picker',
    name,
    width: 'fill',
    required: options.required ?? false,
    placeholder: plain('请选择日期'),
  };
  if (options.value && /^\d{4}-\d{2}-\d{2}$/.test(options.value)) {
    control.initial_date = options.value;
  }

  return control;
}

function placeholderOf(text: string) {
  return plain([...text].slice(0, maxPlaceholderChars).join(''));
}
