/**
 * Telling the enterprise's people what a change asks of them: the head gets the result to sign
 * off; the liaisons learn that the head sent it back, with the comment; everyone else in the
 * enterprise learns that an extension was asked for. Extension decisions and everything bound
 * for the 督查室 are the 督查室 side's.
 */
import { extensionSubmittedCard } from '../../../cards/extension-submitted.card.js';
import { signOffReturnedCard } from '../../../cards/sign-off-returned.card.js';
import type { Card } from '../../../cards/card.js';
import { enterpriseOf } from '../../domain/directory.js';
import type { AuditEvent } from '../../store/audit-event.repo.js';
import type { AssignmentEventListener } from '../assignment-events.js';
import type { EnterpriseContext } from './context.js';
import { deadlineStatusOf, signOffCardFor } from './notice-view.js';

export function notifyEnterpriseOnChange(context: EnterpriseContext): AssignmentEventListener {
  return async (event, assignment) => {
    const directory = await context.directory.current();
    const enterprise = enterpriseOf(directory, assignment.enterpriseId);
    if (!enterprise || event.version === undefined) return;
    const deadline = deadlineStatusOf(assignment, context.clock.now(), context.calendar);
    const send = (openIds: string[], kind: string, card: Card, purpose?: string) =>
      sendEach(context, event, openIds, kind, card, purpose);

    if (event.action === 'submitFeedback') {
      await send(
        [enterprise.headOpenId],
        'signOff',
        signOffCardFor(context, assignment),
        'signOff',
      );
    }
    if (event.action === 'signOff' && event.outcome === 'rejected') {
      const card = signOffReturnedCard({ assignment, deadline });
      await send(others(enterprise.liaisonOpenIds, event), 'returned', card);
    }
    if (event.action === 'requestExtension') {
      const decider = context.policy.extensions.deciders[assignment.level];
      const everyone = [enterprise.headOpenId, ...enterprise.liaisonOpenIds];
      await send(
        others(everyone, event),
        'extensionRequested',
        extensionSubmittedCard({ assignment, decider }),
      );
    }
  };
}

/** The people to tell, without the one who acted (their click was answered already). */
function others(openIds: string[], event: AuditEvent): string[] {
  return [...new Set(openIds)].filter((openId) => openId !== event.actor.openId);
}

async function sendEach(
  context: EnterpriseContext,
  event: AuditEvent,
  openIds: string[],
  kind: string,
  card: Card,
  purpose?: string,
): Promise<void> {
  const assignmentId = event.assignmentId as string;
  for (const openId of openIds) {
    await context.outbox.enqueue({
      kind: 'send',
      to: { type: 'open_id', id: openId },
      card,
      // One message per change and person, however often the event is dispatched.
      uuid: `${kind}:${assignmentId}:v${event.version}:${openId}`,
      ...(purpose ? { track: { assignmentId, purpose } } : {}),
    });
  }
  if (openIds.length > 0)
    context.logger.info({ assignmentId, kind, people: openIds.length }, 'enterprise told');
}
