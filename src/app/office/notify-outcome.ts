/**
 * Telling the enterprise (its liaisons and head) what the 督查室 decided: 办结, 退回重办 or
 * 认定敷衍 with the reason, an extension granted or refused (or a deadline extended without a
 * request), a withdrawal, a refusal recorded.
 */
import { decisionOutcomeCard, type OutcomeKind } from '../../../cards/decision-outcome.card.js';
import { enterpriseOf } from '../../domain/directory.js';
import type { AuditEvent } from '../../store/audit-event.repo.js';
import type { AssignmentEventListener } from '../assignment-events.js';
import { messageUuid } from './chat-reply.js';
import { enterpriseViewers } from './recipients.js';
import type { OfficeContext } from './context.js';

/** The outcome an audit event tells the enterprise of, if it is one of the 督查室's decisions. */
export function outcomeOf(event: Pick<AuditEvent, 'action' | 'outcome'>): OutcomeKind | null {
  const byOutcome: Record<string, OutcomeKind> = {
    'review:complete': 'completed',
    'review:return': 'returned',
    'review:perfunctory': 'perfunctory',
    'decideExtension:approved': 'extensionApproved',
    'decideExtension:rejected': 'extensionRejected',
    'grantExtension:': 'extensionGranted',
    'withdraw:': 'withdrawn',
    'recordRefusal:': 'refused',
  };

  return byOutcome[`${event.action}:${event.outcome ?? ''}`] ?? null;
}

export function notifyEnterpriseOfOutcome(context: OfficeContext): AssignmentEventListener {
  return async (event, assignment) => {
    const kind = outcomeOf(event);
    if (!kind || event.version === undefined) return;
    const enterprise = enterpriseOf(await context.directory.current(), assignment.enterpriseId);
    if (!enterprise) return;

    const people = enterpriseViewers(enterprise);
    for (const [openId, viewer] of people) {
      const card = decisionOutcomeCard({
        assignment,
        kind,
        reason: event.reason,
        by: event.actor,
        at: event.at,
        viewer,
        scoring: context.policy.scoring,
      });
      await context.outbox.enqueue({
        kind: 'send',
        to: { type: 'open_id', id: openId },
        card,
        // One message per decision and person, however often the event is dispatched.
        uuid: messageUuid('outcome', assignment.id, `v${event.version}`, openId),
      });
    }
    context.logger.info(
      { assignmentId: assignment.id, kind, people: people.length },
      'enterprise told of decision',
    );
  };
}
