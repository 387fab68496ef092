/**
 * After every change, each copy of the 督查室's review and extension cards is replaced by the
 * card as it now stands: once one supervisor decides, every copy shows the decision and who made
 * it, without buttons. Patches go through the outbox.
 */
import { loadAssignment } from '../../store/assignment.repo.js';
import { cardMessagesOf } from '../../store/card-message.repo.js';
import { KeyedQueue } from '../../util/keyed-queue.js';
import type { AssignmentEventListener } from '../assignment-events.js';
import type { OfficeContext } from './context.js';
import { officeCardFor } from './office-cards.js';

/**
 * Limitation: as for the enterprise's copies, patches follow the order changes are dispatched
 * in one process; with several web processes, a copy may show an earlier state until the next
 * change. A click on such a copy is answered with the card as it stands.
 */
export function patchOfficeCopiesOnChange(context: OfficeContext): AssignmentEventListener {
  const oneAtATime = new KeyedQueue();

  return async (event, assignment) => {
    if (event.action === 'issue' || event.version === undefined) return;
    const version = event.version;
    await oneAtATime.run(assignment.id, () => patchCopies(context, assignment.id, version));
  };
}

async function patchCopies(context: OfficeContext, id: string, version: number): Promise<void> {
  const current = await loadAssignment(id);
  // A later change is dispatched too, and its patches will show it.
  if (!current || current.version > version) return;

  let patched = 0;
  for (const copy of await cardMessagesOf(id)) {
    const card = officeCardFor(context, current, copy.purpose);
    if (!card) continue;
    await context.outbox.enqueue({ kind: 'patch', messageId: copy.messageId, card });
    patched += 1;
  }
  if (patched > 0)
    context.logger.debug({ assignmentId: id, copies: patched }, 'office copies patched');
}
