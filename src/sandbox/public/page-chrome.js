/**
 * What frames the chat: the toast (Feishu's short answer to a click) and, on a narrow screen,
 * the drawer holding the person switcher and the chats.
 */
const $ = (selector) => document.querySelector(selector);

let toastTimer;

/** Shows { type, content } for three seconds; nothing for no toast. */
export function showToast(toast) {
  if (!toast) return;
  const box = $('#toast');
  box.textContent = toast.content;
  box.className = `toast toast--${toast.type ?? 'info'} is-shown`;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => box.classList.remove('is-shown'), 3000);
}

/** Hides the toast at once (it belongs to the person shown before a switch). */
export function hideToast() {
  clearTimeout(toastTimer);
  $('#toast').classList.remove('is-shown');
}

/** Opens or closes the drawer (only a narrow screen's layout shows the difference). */
export function setDrawer(open) {
  document.body.classList.toggle('drawer-open', open);
  $('#drawer-toggle').setAttribute('aria-expanded', String(open));
}

/** The ☰ button toggles the drawer; a tap beside it or Escape closes it. */
export function wireDrawer() {
  $('#drawer-toggle').addEventListener('click', () =>
    setDrawer(!document.body.classList.contains('drawer-open')),
  );
  $('#drawer-backdrop').addEventListener('click', () => setDrawer(false));
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') setDrawer(false);
  });
}
