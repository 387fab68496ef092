/**
 * Form controls of Card JSON 2.0 as HTML: input (one line or several), select_static,
 * multi_select_static, select_person, date_picker, picker_datetime and checker. Each carries
 * data-field (its name, the key of form_value), data-kind (how card-actions.js reads it) and
 * data-required. Pure: element in, HTML string out; null for an element that is no control.
 */
import { escapeHtml } from './markdown.js';

const controls = {
  input: renderInput,
  select_static: renderSelect,
  select_person: renderPerson,
  multi_select_static: renderMulti,
  date_picker: (e) => dateInput(e, 'date', 'date', e.initial_date),
  picker_datetime: (e) => dateInput(e, 'datetime-local', 'datetime', e.initial_datetime),
  checker: renderChecker,
};

/** The control as HTML, or null when the element is not a form control. */
export function renderControl(element, context) {
  const render = controls[element.tag];

  return render ? render(element, context) : null;
}

function textOf(text) {
  return typeof text === 'string' ? text : String(text?.content ?? '');
}

/** data-field, data-kind and data-required of a control. */
function fieldAttributes(element, kind) {
  const required = element.required ? ' data-required="true"' : '';

  return `data-field="${escapeHtml(element.name ?? '')}" data-kind="${kind}"${required}`;
}

function placeholderOf(element) {
  const text = textOf(element.placeholder);

  return text ? ` placeholder="${escapeHtml(text)}"` : '';
}

function renderInput(element) {
  const attributes = `class="fs-input" ${fieldAttributes(element, 'input')}${placeholderOf(element)}`;
  const max = element.max_length ? ` maxlength="${Number(element.max_length)}"` : '';
  const value = escapeHtml(element.default_value ?? '');
  if (element.input_type === 'multiline_text') {
    const rows = Number(element.rows) || 3;
    return `<textarea ${attributes}${max} rows="${rows}">${value}</textarea>`;
  }

  return `<input type="text" ${attributes}${max} value="${value}">`;
}

function optionTags(options, selected) {
  return options
    .map(([value, label]) => {
      const chosen = value === selected ? ' selected' : '';
      return `<option value="${escapeHtml(value)}"${chosen}>${escapeHtml(label)}</option>`;
    })
    .join('');
}

function selectTag(element, kind, options, selected) {
  const prompt = textOf(element.placeholder) || '请选择';

  return (
    `<select class="fs-select" ${fieldAttributes(element, kind)}>` +
    `<option value="">${escapeHtml(prompt)}</option>${optionTags(options, selected)}</select>`
  );
}

function renderSelect(element) {
  const options = (element.options ?? []).map((o) => [String(o.value), textOf(o.text)]);

  return selectTag(element, 'select', options, element.initial_option);
}

/**
 * A person picker offers its options by name from the directory.
 *
 * Limitation: a picker without options offers everyone in the directory, where Feishu offers
 * the members of the chat holding the card (in a private chat, only the person and the bot).
 */
function renderPerson(element, context) {
  const named = new Map(context.people.map((p) => [p.openId, p.name]));
  const given = (element.options ?? []).map((o) => String(o.value));
  const ids = given.length > 0 ? given : context.people.map((p) => p.openId);
  const options = ids.map((id) => [id, named.get(id) ?? id]);

  return selectTag(element, 'person', options, element.initial_option);
}

function renderMulti(element) {
  const selected = new Set(element.selected_values ?? []);
  const boxes = (element.options ?? [])
    .map((o) => {
      const value = String(o.value);
      const checked = selected.has(value) ? ' checked' : '';
      return (
        `<label class="fs-multi-option"><input type="checkbox" value="${escapeHtml(value)}"${checked}>` +
        `${escapeHtml(textOf(o.text))}</label>`
      );
    })
    .join('');

  return `<div class="fs-multi" ${fieldAttributes(element, 'multi')}>${boxes}</div>`;
}

function dateInput(element, type, kind, initial) {
  const value = initial ? ` value="${escapeHtml(String(initial).replace(' ', 'T'))}"` : '';

  return `<input type="${type}" class="fs-input fs-date" ${fieldAttributes(element, kind)}${value}>`;
}

function renderChecker(element) {
  const checked = element.checked ? ' checked' : '';

  return (
    `<label class="fs-checker"><input type="checkbox" ${fieldAttributes(element, 'checker')}${checked}>` +
    `<span>${escapeHtml(textOf(element.text))}</span></label>`
  );
}
