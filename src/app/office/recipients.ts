/**
 * Who receives what on the 督查室 side: the office (its chat, else each supervisor), the
 * decider of an extension, and the enterprise's people with the buttons each gets.
 */
import type { Assignment } from '../../domain/assignment.js';
import { peopleWithRole, supervisionRecipients } from '../../domain/directory.js';
import type { Directory, Enterprise } from '../../domain/types.js';
import type { Receiver } from '../../feishu/outbound.js';
import type { OfficeContext } from './context.js';

/** The 督查室: its chat, else each supervisor. */
export function officeReceivers(directory: Directory): Receiver[] {
  const office = supervisionRecipients(directory);

  return 'chatId' in office
    ? [{ type: 'chat_id', id: office.chatId }]
    : office.openIds.map((id) => ({ type: 'open_id', id }));
}

/**
 * Who decides an extension of this assignment: the 督查室 for levels the policy gives it,
 * else each leader privately (the 督查室 when the directory names no leader).
 */
export function deciderReceivers(
  context: Pick<OfficeContext, 'policy' | 'logger'>,
  directory: Directory,
  a: Assignment,
): Receiver[] {
  if (context.policy.extensions.deciders[a.level] === 'supervisor')
    return officeReceivers(directory);
  const leaders = peopleWithRole(directory, 'leader');
  if (leaders.length > 0) return leaders.map((p) => ({ type: 'open_id', id: p.openId }));

  context.logger.warn(
    { assignmentId: a.id },
    'no leader in the directory: extension card to the office',
  );
  return officeReceivers(directory);
}

/** The enterprise's liaisons and head, each once; a head who is also liaison reads as head. */
export function enterpriseViewers(enterprise: Enterprise): Array<[string, 'liaison' | 'head']> {
  const liaisons = enterprise.liaisonOpenIds.filter((id) => id !== enterprise.headOpenId);

  return [
    ...[...new Set(liaisons)].map((id): [string, 'liaison'] => [id, 'liaison']),
    [enterprise.headOpenId, 'head'],
  ];
}
