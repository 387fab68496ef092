/**
 * After every change, each tracked copy of the assignment's cards is replaced by the card as it
 * now stands for its holder: the notice for liaison, head and group chat (summary where
 * confidential), the sign-off card for the head. Patches go through the outbox.
 */
import type { Card } from '../../../cards/card.js';
import type { Assignment } from '../../domain/assignment.js';
import type { Directory } from '../../domain/types.js';
import { loadAssignment } from '../../store/assignment.repo.js';
import { cardMessagesOf, type CardMessage } from '../../store/card-message.repo.js';
import { KeyedQueue } from '../../util/keyed-queue.js';
import type { AssignmentEventListener } from '../assignment-events.js';
import type { EnterpriseContext } from './context.js';
import { audienceOfReceiver, noticeCardFor, signOffCardFor } from './notice-view.js';

/** The purposes of the cards this feature sends and keeps current. */
const patchedPurposes = ['notice', 'signOff'];

/**
 * Limitation: copies are patched in the order changes are dispatched within one process;
 * with several web processes, two changes within moments of each other may leave a copy
 * showing the earlier state until the next change. The outbox skips superseded patches of
 * one message, and a stale click is always answered with the current card.
 */
export function patchCopiesOnChange(context: EnterpriseContext): AssignmentEventListener {
  const oneAtATime = new KeyedQueue();

  return async (event, assignment) => {
    if (event.action === 'issue' || event.version === undefined) return;
    const version = event.version;
    await oneAtATime.run(assignment.id, () => patchCopies(context, assignment.id, version));
  };
}

async function patchCopies(context: EnterpriseContext, id: string, version: number) {
  // Reloaded here: a later change may have landed since the event bus loaded it.
  const current = await loadAssignment(id);
  // A later change is dispatched too, and its patches will show it: nothing to do for this one.
  if (!current || current.version > version) return;

  const directory = await context.directory.current();
  const copies = (await cardMessagesOf(id)).filter((c) => patchedPurposes.includes(c.purpose));
  for (const copy of copies) {
    const card = cardFor(context, directory, current, copy);
    await context.outbox.enqueue({ kind: 'patch', messageId: copy.messageId, card });
  }
  if (copies.length > 0)
    context.logger.debug({ assignmentId: id, copies: copies.length }, 'copies patched');
}

function cardFor(
  context: EnterpriseContext,
  directory: Directory,
  a: Assignment,
  copy: CardMessage,
): Card {
  if (copy.purpose === 'signOff') return signOffCardFor(context, a);

  return noticeCardFor(context, a, audienceOfReceiver(directory, copy.receiver, a));
}
