import { actorFor } from '../../domain/directory.js';
import { authorizeOffice, type OfficeAction } from '../../domain/permissions.js';
import { notAllowed, type Refusal } from '../../domain/refusal.js';
import type { Actor } from '../../domain/types.js';
import type { RuntimeContext } from '../../runtime.js';

/** Said to someone not in the directory (CARDS.md 「Queries」). */
export const unregisteredMessage = '您尚未登记为督办联系人，请联系区国资办督查室';

/**
 * The person asking for an office-wide report, if they may have it: in the directory and
 * allowed `action` (office roles read statistics and exports; the discipline group too).
 */
export async function officeActor(
  context: Pick<RuntimeContext, 'directory'>,
  openId: string,
  action: OfficeAction,
): Promise<Actor | Refusal> {
  const actor = actorFor(await context.directory.current(), openId);
  if (!actor) return notAllowed(unregisteredMessage);
  const permission = authorizeOffice(actor, action);

  return permission.ok ? actor : permission;
}

export function isRefused<T extends object>(value: T | Refusal): value is Refusal {
  return 'ok' in value && value.ok === false;
}
