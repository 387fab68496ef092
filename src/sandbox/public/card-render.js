/**
 * Card JSON 2.0 as HTML, the way the Feishu client lays a card out: header with its colour
 * and tags, markdown, div, column_set, collapsible_panel, hr, table, buttons, and forms with
 * input, select_static, multi_select_static, select_person, date_picker, picker_datetime and
 * checker. Pure: the card and the directory's people in, an HTML string out. Buttons and form
 * controls carry data-* attributes that card-actions.js reads when they are clicked.
 */
import { colourClass, escapeHtml, renderMarkdown } from './markdown.js';
import { renderControl } from './form-controls.js';

/** The card as HTML. `options.people`: [{ openId, name }] for person pickers. */
export function renderCard(card, options = {}) {
  const context = { people: options.people ?? [] };
  const body = renderElements(card?.body?.elements ?? card?.elements ?? [], context);

  const header = renderHeader(card?.header);

  return `<div class="fs-card">${header}<div class="fs-body">${body}</div></div>`;
}

function renderHeader(header) {
  if (!header) return '';
  const tags = (header.text_tag_list ?? [])
    .map((tag) => {
      const colour = colourClass('fs-tag--', tag.color);
      return `<span class="fs-tag ${colour}">${escapeHtml(textOf(tag.text))}</span>`;
    })
    .join('');
  const subtitle = header.subtitle
    ? `<div class="fs-subtitle">${escapeHtml(textOf(header.subtitle))}</div>`
    : '';
  const template = colourClass('fs-header--', header.template || 'default');

  return (
    `<div class="fs-header ${template}"><div class="fs-title-row">` +
    `<span class="fs-title">${escapeHtml(textOf(header.title))}</span>${tags}</div>${subtitle}</div>`
  );
}

/** The content of a plain_text or lark_md text object (or a bare string). */
function textOf(text) {
  if (typeof text === 'string') return text;

  return String(text?.content ?? '');
}

/** Text as its tag says: lark_md as markdown, anything else plain. */
function richText(text) {
  if (text?.tag === 'lark_md') return renderMarkdown(text.content);

  return escapeHtml(textOf(text)).replace(/\n/g, '<br>');
}

function renderElements(elements, context) {
  return elements.map((element) => renderElement(element, context)).join('');
}

const renderers = {
  markdown: (e) =>
    `<div class="fs-markdown ${sizeClass(e)} ${alignClass(e)}">${renderMarkdown(e.content)}</div>`,
  plain_text: (e) => `<div class="fs-markdown ${sizeClass(e)}">${richText(e)}</div>`,
  div: renderDiv,
  hr: () => '<hr class="fs-hr">',
  column_set: renderColumns,
  collapsible_panel: renderPanel,
  form: (e, context) =>
    `<div class="fs-form" data-form="${escapeHtml(e.name ?? 'form')}">` +
    `${renderElements(e.elements ?? [], context)}</div>`,
  button: renderButton,
  table: renderTable,
  img: () => '<div class="fs-unknown">[图片]</div>',
};

function renderElement(element, context) {
  if (!element || typeof element.tag !== 'string') return '';
  const render = renderers[element.tag];
  if (render) return render(element, context);
  const control = renderControl(element, context);
  if (control !== null) return control;

  return `<div class="fs-unknown">[不支持的组件 ${escapeHtml(element.tag)}]</div>`;
}

function sizeClass(element) {
  const size = element.text_size ?? element.text?.text_size;

  return size === 'notation' ? 'fs-notation' : '';
}

function alignClass(element) {
  return ['center', 'right'].includes(element.text_align) ? `fs-align-${element.text_align}` : '';
}

function renderDiv(element) {
  const text = element.text ? `<div>${richText(element.text)}</div>` : '';
  const fields = (element.fields ?? [])
    .map(
      (f) =>
        `<div class="fs-field ${f.is_short ? 'fs-field--short' : ''}">${richText(f.text)}</div>`,
    )
    .join('');

  return `<div class="fs-div ${sizeClass(element)}">${text}${fields}</div>`;
}

function renderColumns(element, context) {
  const flow = element.flex_mode === 'flow' ? 'fs-columns--flow' : '';
  const columns = (element.columns ?? [])
    .map((column) => {
      const grow =
        column.width === 'weighted' ? `fs-column--grow-${Number(column.weight) || 1}` : '';
      const inside = renderElements(column.elements ?? [], context);
      return `<div class="fs-column ${grow}">${inside}</div>`;
    })
    .join('');

  return `<div class="fs-columns ${flow}">${columns}</div>`;
}

function renderPanel(element, context) {
  const title = element.header?.title;
  const shown =
    title?.tag === 'markdown' ? renderMarkdown(title.content) : escapeHtml(textOf(title));

  return (
    `<details class="fs-panel"${element.expanded ? ' open' : ''}><summary>${shown}</summary>` +
    `<div class="fs-panel-body">${renderElements(element.elements ?? [], context)}</div></details>`
  );
}

/** A button; its callback value, name and submit flag go into data-* for card-actions.js. */
function renderButton(element) {
  const callback = (element.behaviors ?? []).find((b) => b.type === 'callback');
  const link = (element.behaviors ?? []).find((b) => b.type === 'open_url');
  const label = escapeHtml(textOf(element.text));
  const type = colourClass('fs-btn--', element.type ?? 'default');
  if (link && !callback) {
    const url = escapeHtml(link.default_url ?? link.pc_url ?? '');
    return `<a class="fs-btn ${type}" href="${url}" target="_blank" rel="noopener">${label}</a>`;
  }

  const value = callback ? ` data-value="${escapeHtml(JSON.stringify(callback.value ?? {}))}"` : '';
  const name = element.name ? ` data-name="${escapeHtml(element.name)}"` : '';
  const submit = element.form_action_type === 'submit' ? ' data-submit="true"' : '';
  const disabled = element.disabled ? ' disabled' : '';

  const attributes = `${value}${name}${submit}${disabled}`;

  return `<button type="button" class="fs-btn ${type}"${attributes}>${label}</button>`;
}

function renderTable(element) {
  const columns = element.columns ?? [];
  const head = columns.map((c) => `<th>${escapeHtml(c.display_name ?? c.name)}</th>`).join('');
  const rows = (element.rows ?? [])
    .map((row) => {
      const cells = columns.map((c) => `<td>${escapeHtml(row[c.name] ?? '')}</td>`).join('');
      return `<tr>${cells}</tr>`;
    })
    .join('');

  const table = `<table class="fs-table"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;

  return `<div class="fs-table-wrap">${table}</div>`;
}
