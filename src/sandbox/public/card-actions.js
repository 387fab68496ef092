/**
 * Clicks on cards: a button sends its callback value; a form's submit button first reads the
 * form the way Feishu fills `form_value` (input → text, select and person picker → the chosen
 * value, multi-select → an array, date picker → 'YYYY-MM-DD +0800', checker → true or false),
 * and, like the Feishu client, refuses to send while a required field is empty.
 */
import * as api from './api.js';

/** form_value of a form element, and the required controls left empty. */
export function readForm(form) {
  const values = {};
  const missing = [];
  for (const control of form.querySelectorAll('[data-field]')) {
    const name = control.dataset.field;
    const value = valueOf(control);
    const empty = value === undefined || value === '' || (Array.isArray(value) && !value.length);
    if (control.dataset.required === 'true' && empty) missing.push(control);
    if (value !== undefined) values[name] = value;
  }

  return { values, missing };
}

function valueOf(control) {
  switch (control.dataset.kind) {
    case 'multi':
      return [...control.querySelectorAll('input:checked')].map((box) => box.value);
    case 'checker':
      return control.checked;
    case 'date':
      return control.value ? `${control.value} +0800` : undefined;
    case 'datetime':
      return control.value ? `${control.value.replace('T', ' ')} +0800` : undefined;
    case 'select':
    case 'person':
      return control.value || undefined;
    default:
      return control.value;
  }
}

/**
 * Wires clicks inside `container` (the message list). `session()` gives the acting person;
 * `after(answer)` shows the toast and refreshes the chat.
 */
export function wireCardActions(container, session, after) {
  container.addEventListener('click', async (event) => {
    const button = event.target.closest('button.fs-btn[data-value]');
    if (!button || button.disabled) return;
    const message = button.closest('[data-message-id]');
    const body = {
      person: session().person,
      messageId: message.dataset.messageId,
      value: JSON.parse(button.dataset.value),
      ...(button.dataset.name ? { name: button.dataset.name } : {}),
    };
    if (button.dataset.submit === 'true') {
      const form = readForm(button.closest('.fs-form') ?? message);
      markMissing(button.closest('.fs-form') ?? message, form.missing);
      if (form.missing.length > 0)
        return after({ toast: { type: 'warning', content: '请填写必填项' } });
      body.formValue = form.values;
    }

    button.disabled = true;
    try {
      after(await api.click(body));
    } catch (error) {
      after({ toast: { type: 'error', content: error.message } });
    } finally {
      button.disabled = false;
    }
  });
}

function markMissing(scope, missing) {
  for (const control of scope.querySelectorAll('.fs-missing'))
    control.classList.remove('fs-missing');
  for (const control of missing) control.classList.add('fs-missing');
}
