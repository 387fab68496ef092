/**
 * 归档 <编号>: a supervisor archives a finished assignment. The transition goes through
 * performAction (permissions, idempotence, audit); its event is dispatched at once, so the
 * dossier exists when the answer is given.
 */
import type { Actor, Channel } from '../../domain/types.js';
import type { RuntimeContext } from '../../runtime.js';
import type { Dossier } from '../../domain/dossier.js';
import { loadDossier } from '../../store/dossier.repo.js';
import { performAction, type ActionResult } from '../../store/perform-action.js';

type ArchiveContext = Pick<RuntimeContext, 'policy' | 'calendar' | 'clock' | 'events'>;

export type ArchiveResult = ActionResult & { dossier?: Dossier | null };

/**
 * Archives the assignment for `actor` and returns the outcome (a refusal says why: not
 * finished, not allowed, already archived) with the dossier when it was archived.
 */
export async function archiveAssignment(
  context: ArchiveContext,
  actor: Actor,
  assignmentId: string,
  channel: Channel = 'command',
): Promise<ArchiveResult> {
  const now = context.clock.now();
  const result = await performAction(
    { assignmentId, action: 'archive', actor, input: {}, channel },
    { now, policy: context.policy, calendar: context.calendar },
  );
  if (!result.ok) return result;

  await context.events.dispatch(result.event);
  return { ...result, dossier: await loadDossier(assignmentId) };
}
