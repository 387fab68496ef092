/**
 * The left column: the person switcher (everyone in the directory, grouped by the office and
 * each enterprise, with their roles) and the chosen person's chats (count and 加急 mark).
 * Pure: data in, HTML string out.
 */
import { escapeHtml } from './markdown.js';

/** People grouped by their section, the chosen one marked. */
export function renderPeople(people, chosen) {
  const groups = new Map();
  for (const person of people) {
    if (!groups.has(person.group)) groups.set(person.group, []);
    groups.get(person.group).push(person);
  }

  return [...groups.entries()]
    .map(([group, members]) => {
      const buttons = members.map((p) => personButton(p, p.openId === chosen)).join('');
      return `<div class="people-group"><h3>${escapeHtml(group)}</h3>${buttons}</div>`;
    })
    .join('');
}

function personButton(person, active) {
  const state = active ? ' is-active' : '';

  return (
    `<button type="button" class="person${state}" data-open-id="${escapeHtml(person.openId)}">` +
    `<span class="person-name">${escapeHtml(person.name)}</span>` +
    `<span class="person-role">${escapeHtml(person.roleLabel)}</span></button>`
  );
}

/** The person's chats, the open one marked. */
export function renderChats(chats, open) {
  return chats
    .map((chat) => {
      const active = chat.chatId === open ? ' is-active' : '';
      const urgent = chat.urgent ? '<span class="chat-urgent">加急</span>' : '';
      const kind = chat.kind === 'p2p' ? '单聊' : '群聊';
      return (
        `<button type="button" class="chat${active}" data-chat-id="${escapeHtml(chat.chatId)}">` +
        `<span class="chat-kind">${kind}</span><span class="chat-title">${escapeHtml(chat.title)}</span>` +
        `${urgent}` +
        `<span class="chat-count">${chat.count}</span></button>`
      );
    })
    .join('');
}
