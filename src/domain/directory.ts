/**
 * Questions answered from the directory: who someone is, which enterprise a name means, who
 * the 督查室 is. Pure functions over the loaded Directory; no I/O.
 */
import { editDistance } from './edit-distance.js';
import type { Actor, Directory, Enterprise, EnterpriseRole, OfficeRole, Person } from './types.js';

/** The bot itself, acting on schedule (overdue, automatic archive). Holds no role. */
export const systemActor: Actor = {
  openId: 'system',
  name: '督办助手',
  officeRoles: [],
  enterpriseRoles: [],
  system: true,
};

/** Where the 督查室 is told things: its group chat, or else each supervisor. */
export type SupervisionRecipients = { chatId: string } | { openIds: string[] };

/**
 * The person with `openId` and every role they hold: office roles from `people`, enterprise
 * roles from each enterprise naming them head or liaison. `'system'` is the systemActor;
 * anyone else not in the directory is null.
 */
export function actorFor(directory: Directory, openId: string): Actor | null {
  if (openId === systemActor.openId) return systemActor;
  const person = directory.people.find((p) => p.openId === openId);
  if (!person) return null;

  const enterpriseRoles = directory.enterprises.flatMap((e) => rolesIn(e, openId));
  return { openId, name: person.name, officeRoles: [...person.roles], enterpriseRoles };
}

function rolesIn(
  enterprise: Enterprise,
  openId: string,
): Array<{ enterpriseId: string; role: EnterpriseRole }> {
  const roles: EnterpriseRole[] = [];
  if (enterprise.headOpenId === openId) roles.push('head');
  if (enterprise.liaisonOpenIds.includes(openId)) roles.push('liaison');

  return roles.map((role) => ({ enterpriseId: enterprise.id, role }));
}

/** The enterprise named exactly by its id, short name or full name (surrounding spaces ignored). */
export function findEnterprise(directory: Directory, query: string): Enterprise | null {
  const text = query.trim();
  const { enterprises } = directory;

  return (
    enterprises.find((e) => e.id === text.toLowerCase()) ??
    enterprises.find((e) => e.shortName === text) ??
    enterprises.find((e) => e.name === text) ??
    null
  );
}

/**
 * The enterprise a mistyped name most likely meant, for "did you mean": one whose names
 * contain the text or are contained in it, else the short name closest by edit distance
 * (at most one edit per two characters, at least one). Null when nothing is close.
 */
export function suggestEnterprise(directory: Directory, text: string): Enterprise | null {
  const query = text.trim();
  if (!query) return null;

  const containing = directory.enterprises.find(
    (e) => e.name.includes(query) || e.shortName.includes(query) || query.includes(e.shortName),
  );
  if (containing) return containing;

  return closestByShortName(directory.enterprises, query);
}

function closestByShortName(enterprises: Enterprise[], query: string): Enterprise | null {
  let best: { enterprise: Enterprise; distance: number } | null = null;
  for (const enterprise of enterprises) {
    const distance = editDistance(enterprise.shortName, query);
    const allowed = Math.max(1, Math.floor([...enterprise.shortName].length / 2));
    if (distance <= allowed && (!best || distance < best.distance)) best = { enterprise, distance };
  }

  return best?.enterprise ?? null;
}

/** The enterprise with this id, or null. */
export function enterpriseOf(directory: Directory, id: string): Enterprise | null {
  return directory.enterprises.find((e) => e.id === id) ?? null;
}

/**
 * The name to show for an open_id. Someone no longer in the directory is shown by open_id,
 * so a record never shows a blank (records also keep the name they had: PersonRef).
 */
export function personName(directory: Directory, openId: string): string {
  if (openId === systemActor.openId) return systemActor.name;

  return directory.people.find((p) => p.openId === openId)?.name ?? openId;
}

/** Everyone holding an office role, in directory order. */
export function peopleWithRole(directory: Directory, role: OfficeRole): Person[] {
  return directory.people.filter((p) => p.roles.includes(role));
}

/** The office chat when configured (one message for all), else every supervisor's open_id. */
export function supervisionRecipients(directory: Directory): SupervisionRecipients {
  const { chatId } = directory.office;
  if (chatId) return { chatId };

  return { openIds: peopleWithRole(directory, 'supervisor').map((p) => p.openId) };
}
