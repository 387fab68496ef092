/**
 * Who is in the sandbox and which chats each person has, from the directory: a private chat
 * with the bot for everyone, the 督查室 group for the office's people, and each enterprise's
 * group for its head and liaisons. Pure functions over the Directory.
 */
import type { Directory, OfficeRole } from '../domain/types.js';
import { privateChatOf } from './fake-open-api-messages.js';

/** A directory person as the switcher lists them. */
export interface SandboxPerson {
  openId: string;
  name: string;
  /** 「督查室」「城投 联络员」…; several roles joined by 「、」. */
  roleLabel: string;
  /** The switcher's section: 「区国资办」 or the enterprise's short name. */
  group: string;
}

/** A chat a person can open. */
export interface SandboxChat {
  chatId: string;
  title: string;
  kind: 'p2p' | 'group';
}

const officeRoleLabels: Record<OfficeRole, string> = {
  leader: '国资办领导',
  supervisor: '督查室',
  discipline: '纪检监察组',
};

/** The section of the office's people in the switcher. */
const officeGroup = '区国资办';

/** Everyone in the directory with their roles, office first, then enterprise by enterprise. */
export function sandboxPeople(directory: Directory): SandboxPerson[] {
  const people = directory.people.map((person) => {
    const labels = person.roles.map((role) => officeRoleLabels[role]);
    const enterprises = directory.enterprises.filter(
      (e) => e.headOpenId === person.openId || e.liaisonOpenIds.includes(person.openId),
    );
    for (const e of enterprises) {
      if (e.headOpenId === person.openId) labels.push(`${e.shortName} 第一责任人`);
      if (e.liaisonOpenIds.includes(person.openId)) labels.push(`${e.shortName} 联络员`);
    }
    const group = person.roles.length > 0 ? officeGroup : (enterprises[0]?.shortName ?? '其他');

    return { openId: person.openId, name: person.name, roleLabel: labels.join('、'), group };
  });
  const order = [officeGroup, ...directory.enterprises.map((e) => e.shortName)];
  const rank = (group: string) => (order.includes(group) ? order.indexOf(group) : order.length);

  return people.sort((a, b) => rank(a.group) - rank(b.group));
}

/** The person's chats: the private chat with the bot first, then their groups. */
export function chatsOf(directory: Directory, openId: string): SandboxChat[] {
  const chats: SandboxChat[] = [{ chatId: privateChatOf(openId), title: '督办助手', kind: 'p2p' }];
  const person = directory.people.find((p) => p.openId === openId);
  const { office } = directory;
  if (person && person.roles.length > 0 && office.chatId) {
    chats.push({ chatId: office.chatId, title: '督查室工作群', kind: 'group' });
  }
  for (const e of directory.enterprises) {
    const member = e.headOpenId === openId || e.liaisonOpenIds.includes(openId);
    if (member && e.chatId)
      chats.push({ chatId: e.chatId, title: `${e.shortName}督办群`, kind: 'group' });
  }

  return chats;
}

/** The person's chat with this id, or null when they are not in it. */
export function chatOf(directory: Directory, openId: string, chatId: string): SandboxChat | null {
  return chatsOf(directory, openId).find((chat) => chat.chatId === chatId) ?? null;
}
