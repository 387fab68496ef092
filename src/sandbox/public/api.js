/**
 * The sandbox server's JSON API (src/sandbox/sandbox.routes.ts). Every call resolves with the
 * answer's JSON, or throws an Error carrying the server's reason.
 */
const base = '/sandbox/api';

async function request(path, options = {}) {
  const response = await fetch(`${base}${path}`, {
    ...options,
    headers: options.body ? { 'content-type': 'application/json' } : undefined,
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error ?? body.message ?? `HTTP ${response.status}`);

  return body;
}

function post(path, body) {
  return request(path, { method: 'POST', body: JSON.stringify(body) });
}

/** The clock, everyone in the directory, and the person's chats. */
export function overview(person) {
  return request(`/overview${person ? `?person=${encodeURIComponent(person)}` : ''}`);
}

/** The messages of a chat, as the person sees them. */
export function messages(person, chat) {
  const query = `person=${encodeURIComponent(person)}&chat=${encodeURIComponent(chat)}`;

  return request(`/messages?${query}`);
}

/** A click or form submission: { person, messageId, value, name?, formValue? } → { toast }. */
export function click(body) {
  return post('/click', body);
}

/** Types a text into a chat as the person. */
export function say(person, chatId, text) {
  return post('/say', { person, chatId, text });
}

/** Moves the clock: { step: 'hour' | 'workday' } or { to: 'YYYY-MM-DDTHH:mm' }. */
export function moveClock(move) {
  return post('/clock', move);
}
