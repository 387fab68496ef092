/**
 * A chat's messages on the page: each message as a bubble (a card, a text, a file link) with
 * the red 「加急」 banner of its urgent pushes. Messages are redrawn only when their version
 * changes, so a form someone is filling in survives the page's polling.
 */
import { renderCard } from './card-render.js';
import { escapeHtml } from './markdown.js';

/** One message as HTML; `me` is the open_id of the person the page acts as. */
export function renderMessage(view, context) {
  const mine = view.from.kind === 'person' && view.from.openId === context.me;
  const side = view.from.kind === 'bot' ? 'msg--bot' : mine ? 'msg--me' : 'msg--other';
  const meta = `<div class="msg-meta">${escapeHtml(view.from.name)} · ${escapeHtml(view.time)}</div>`;
  const urgent = view.urgent.map((push) => urgentBanner(push, context.me)).join('');

  return (
    `<div class="msg ${side}" data-message-id="${escapeHtml(view.id)}" data-version="${view.version}">` +
    `${meta}${urgent}<div class="msg-body">${bodyOf(view, context)}</div></div>`
  );
}

function urgentBanner(push, me) {
  const toMe = push.openIds.includes(me) ? ' msg-urgent--me' : '';

  return (
    `<div class="msg-urgent${toMe}"><span class="msg-urgent-mark">加急</span>` +
    `${escapeHtml(push.label)} → ${escapeHtml(push.names.join('、'))}</div>`
  );
}

function bodyOf(view, context) {
  if (view.type === 'card') return renderCard(view.card, { people: context.people });
  if (view.type === 'file') {
    const { name, url } = view.file;
    return `<a class="msg-file" href="${escapeHtml(url)}" download>附件：${escapeHtml(name)}</a>`;
  }

  return `<div class="msg-text">${escapeHtml(view.text ?? '').replace(/\n/g, '<br>')}</div>`;
}

/**
 * Brings the container in line with `views`: new and changed messages drawn, gone ones removed,
 * unchanged ones left alone. Returns true when anything was added or changed.
 */
export function updateMessages(container, views, context) {
  const existing = new Map(
    [...container.querySelectorAll(':scope > .msg')].map((node) => [node.dataset.messageId, node]),
  );
  let changed = false;
  let previous = null;
  for (const view of views) {
    let node = existing.get(view.id);
    existing.delete(view.id);
    if (!node || node.dataset.version !== String(view.version)) {
      const fresh = toNode(renderMessage(view, context));
      if (node) node.replaceWith(fresh);
      node = fresh;
      changed = true;
    }
    const expectedPlace = previous ? previous.nextElementSibling : container.firstElementChild;
    if (expectedPlace !== node) container.insertBefore(node, expectedPlace);
    previous = node;
  }
  for (const gone of existing.values()) gone.remove();

  return changed;
}

function toNode(html) {
  const template = document.createElement('template');
  template.innerHTML = html;

  return template.content.firstElementChild;
}
