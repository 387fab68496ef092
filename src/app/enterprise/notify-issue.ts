/**
 * 交办: sends the 督办通知单 to the enterprise's liaisons and head and, if it has one, its group
 * chat (the summary for a confidential item), each copy tracked as the assignment's `notice`.
 */
import { enterpriseOf } from '../../domain/directory.js';
import type { Receiver } from '../../feishu/outbound.js';
import type { AssignmentEventListener } from '../assignment-events.js';
import type { EnterpriseContext } from './context.js';
import { audienceOfReceiver, noticeCardFor } from './notice-view.js';

export function sendNoticesOnIssue(context: EnterpriseContext): AssignmentEventListener {
  return async (event, assignment) => {
    if (event.action !== 'issue') return;
    const directory = await context.directory.current();
    const enterprise = enterpriseOf(directory, assignment.enterpriseId);
    if (!enterprise) {
      context.logger.error(
        { assignmentId: assignment.id, enterpriseId: assignment.enterpriseId },
        'notice not sent: the enterprise is no longer in the directory',
      );
      return;
    }

    const people = [...new Set([...enterprise.liaisonOpenIds, enterprise.headOpenId])];
    const receivers: Receiver[] = people.map((id) => ({ type: 'open_id', id }));
    if (enterprise.chatId) receivers.push({ type: 'chat_id', id: enterprise.chatId });
    for (const to of receivers) {
      const card = noticeCardFor(
        context,
        assignment,
        audienceOfReceiver(directory, to, assignment),
      );
      await context.outbox.enqueue({
        kind: 'send',
        to,
        card,
        // Derived from what it is, so dispatching the issue again never sends a second notice.
        uuid: `notice:${assignment.id}:${to.id}`,
        track: { assignmentId: assignment.id, purpose: 'notice' },
      });
    }
    context.logger.info({ assignmentId: assignment.id, copies: receivers.length }, 'notice queued');
  };
}
