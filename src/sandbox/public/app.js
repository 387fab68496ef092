/**
 * The sandbox page: act as anyone in the directory, read their chats, click and type, and move
 * the clock. Polls the server every second; messages are redrawn only when they change. On a
 * narrow screen the switcher is a drawer opened from the chat's header.
 */
import * as api from './api.js';
import { wireCardActions } from './card-actions.js';
import { updateMessages } from './chat-view.js';
import { hideToast, setDrawer, showToast, wireDrawer } from './page-chrome.js';
import { renderChats, renderPeople } from './sidebar.js';

const pollEveryMs = 1000;
const state = {
  person: null,
  chat: null,
  people: [],
  chats: [],
  peopleShown: '',
  // Bumped at every switch of person or chat: an answer asked for before it is dropped.
  switches: 0,
};
const $ = (selector) => document.querySelector(selector);

function choosePerson(openId) {
  state.person = openId;
  state.chat = null;
  state.switches += 1;
  clearMessages();
  hideToast();
  setDrawer(false);
  location.hash = `person=${openId}`;
  void refresh();
}

function chooseChat(chatId) {
  state.chat = chatId;
  state.switches += 1;
  clearMessages();
  setDrawer(false);
  void refresh();
}

/** Empties the chat pane; its message count (the loaded marker) comes back once drawn. */
function clearMessages() {
  const list = $('#messages');
  list.replaceChildren();
  delete list.dataset.count;
  list.dataset.empty = '加载中…';
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
  const admin = $('#admin-link');
  if (admin.getAttribute('href') !== overview.adminUrl) admin.href = overview.adminUrl;
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

/** The open chat's messages; dropped when the person or chat changed while they were asked. */
async function drawMessages(since) {
  if (!state.person || !state.chat) return;
  const list = $('#messages');
  const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  const views = await api.messages(state.person, state.chat);
  if (state.switches !== since) return;
  const changed = updateMessages(list, views, { me: state.person, people: state.people });
  if (changed && nearBottom) list.scrollTop = list.scrollHeight;
  list.dataset.count = String(views.length);
  list.dataset.empty = '还没有消息';
}

/** The open chat stays open while the person has it; otherwise their first chat opens. */
function keepChat(chats) {
  if (!state.person || chats.some((c) => c.chatId === state.chat)) return;
  state.chat = chats[0]?.chatId ?? null;
  clearMessages();
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
  const since = state.switches;
  try {
    await redraw(since);
  } catch (error) {
    if (state.switches === since) showToast({ type: 'error', content: error.message });
  } finally {
    refreshing = false;
  }
  if (again) {
    again = false;
    await refresh();
  }
}

/** One redraw; an overview of the person shown before a switch is dropped (the switch redraws). */
async function redraw(since) {
  const overview = await api.overview(state.person ?? undefined);
  if (state.switches !== since) return;
  keepChat(overview.chats);
  drawSidebar(overview);
  drawTitle();
  await drawMessages(since);
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
  wireDrawer();
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
  // Nobody chosen yet: on a phone the switcher is what to see first.
  setDrawer(state.person === null);
  if (state.person) clearMessages();
  await refresh();
  setInterval(() => void refresh(), pollEveryMs);
}

void start();
