/**
 * The first steps of a click that only shows an assignment: who clicked, which assignment, and
 * may they see it. Shared by 查看 from a list and 查看详情 on the notice.
 */
import type { Assignment } from '../../domain/assignment.js';
import { authorize } from '../../domain/permissions.js';
import type { Actor } from '../../domain/types.js';
import type { CardActionContext, CardActionResponse } from '../../feishu/handlers.js';
import { loadAssignment } from '../../store/assignment.repo.js';
import { recordRefusalEvent } from '../../store/audit-event.repo.js';
import { resolveActor } from './actor.js';
import { expiredAnswer } from './answer.js';
import type { EnterpriseContext } from './context.js';

/** Runs `show` if the clicker may see the assignment; otherwise a refusal toast, recorded. */
export async function withViewable(
  context: EnterpriseContext,
  click: CardActionContext,
  show: (actor: Actor, a: Assignment) => CardActionResponse | Promise<CardActionResponse>,
): Promise<CardActionResponse> {
  const who = await resolveActor(context, click);
  if ('answer' in who) return who.answer;
  const a = click.value.id ? await loadAssignment(click.value.id) : null;
  if (!a) return expiredAnswer;

  const permission = authorize(who.actor, 'view', a, context.policy);
  if (!permission.ok) {
    const origin = { actor: who.actor, channel: 'card' as const, at: context.clock.now() };
    await recordRefusalEvent(a, click.value.a, permission, origin);
    return { toast: { type: 'error', content: permission.message } };
  }

  return show(who.actor, a);
}
