/**
 * The sandbox page: act as anyone in the directory, read their chats, click and type, and move
 * the clock. Polls the server every second; messages are redrawn only when they change.
 */
import * as api from './api.js';
import { wireCardActions } from './card-actions.js';
import { updateMessages } from './chat-view.js';
import { renderChats, renderPeople } from './sidebar.js';

const pollEveryMs = 1000;
const state = { person: null, chat: null, people: [], chats: [], peopleShown: '' };
const $ = (selector) => document.querySelector(selector);

function showToast(toast) {
  if (!toast) return;
  const box = $('#toast');
  box.textContent = toast.content;
  box.className = `toast toast--${toast.type ?? 'info'} is-shown`;
  clearTimeout(showToast.timer);
  showToast.timer = setTimeout(() => box.classList.remove('is-shown'), 3000);
}

function choosePerson(openId) {
  state.person = openId;
  state.chat = null;
  $('#messages').replaceChildren();
  location.hash = `person=${openId}`;
  void refresh();
}

function chooseChat(chatId) {
  state.chat = chatId;
  $('#messages').replaceChildren();
  void refresh();
}

function drawSidebar(overview) {
  state.people = overview.people;
  state.chats = overview.chats;
  const people = renderPeople(overview.people, state.person);
  if (people !== state.peopleShown) $('#people').innerHTML = state.peopleShown = people;
  $('#chats').innerHTML = renderChats(overview.chats, state.chat);
  $('#clock-now').textContent = overview.nowText;
  const input = $('#clock-to');
  if (!input.value) input.value = overview.nowInput;
}

function drawTitle() {
  const me = state.people.find((p) => p.openId === state.person);
  const chat = state.chats.find((c) => c.chatId === state.chat);
  $('#chat-title').textContent = me ? `${chat?.title ?? ''}` : '请在左侧选择一个人';
  $('#acting-as').textContent = me ? `当前身份：${me.name}（${me.roleLabel}）` : '';
  $('#composer').hidden = !me;
  const group = chat?.kind === 'group';
  $('#say-text').placeholder = group ? '@督办助手 输入命令，如：列表' : '输入命令，如：帮助';
}

async function drawMessages() {
  if (!state.person || !state.chat) return;
  const list = $('#messages');
  const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  const views = await api.messages(state.person, state.chat);
  const changed = updateMessages(list, views, { me: state.person, people: state.people });
  if (changed && nearBottom) list.scrollTop = list.scrollHeight;
}

let refreshing = false;
let again = false;

/** Redraws from the server; a call made while one runs makes that one run once more. */
async function refresh() {
  if (refreshing) {
    again = true;
    return;
  }
  refreshing = true;
  try {
    const overview = await api.overview(state.person ?? undefined);
    if (state.person && !state.chat) state.chat = overview.chats[0]?.chatId ?? null;
    drawSidebar(overview);
    drawTitle();
    await drawMessages();
  } catch (error) {
    showToast({ type: 'error', content: error.message });
  } finally {
    refreshing = false;
  }
  if (again) {
    again = false;
    await refresh();
  }
}

async function send(event) {
  event.preventDefault();
  const input = $('#say-text');
  const text = input.value.trim();
  if (!text || !state.chat) return;
  input.value = '';
  try {
    await api.say(state.person, state.chat, text);
  } catch (error) {
    showToast({ type: 'error', content: error.message });
  }
  await refresh();
}

async function moveClock(move) {
  try {
    const answer = await api.moveClock(move);
    showToast({ type: 'success', content: `时间已调至 ${answer.nowText}` });
    $('#clock-to').value = '';
  } catch (error) {
    showToast({ type: 'error', content: error.message });
  }
  await refresh();
}

function wire() {
  $('#people').addEventListener('click', (event) => {
    const button = event.target.closest('[data-open-id]');
    if (button) choosePerson(button.dataset.openId);
  });
  $('#chats').addEventListener('click', (event) => {
    const button = event.target.closest('[data-chat-id]');
    if (button) chooseChat(button.dataset.chatId);
  });
  $('#composer').addEventListener('submit', send);
  $('#clock-hour').addEventListener('click', () => moveClock({ step: 'hour' }));
  $('#clock-workday').addEventListener('click', () => moveClock({ step: 'workday' }));
  $('#clock-jump').addEventListener('click', () => moveClock({ to: $('#clock-to').value }));
  wireCardActions(
    $('#messages'),
    () => ({ person: state.person }),
    (answer) => {
      showToast(answer.toast);
      void refresh();
    },
  );
}

/** Starts as the person named in the address (#person=ou_…) when the directory has them. */
async function start() {
  wire();
  const wanted = new URLSearchParams(location.hash.slice(1)).get('person');
  const { people } = await api.overview().catch(() => ({ people: [] }));
  state.person = people.some((p) => p.openId === wanted) ? wanted : null;
  await refresh();
  setInterval(() => void refresh(), pollEveryMs);
}

void start();
