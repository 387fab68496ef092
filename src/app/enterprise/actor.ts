import { notRegistered, registrationCard } from '../../../cards/registration.card.js';
import { actorFor } from '../../domain/directory.js';
import type { Actor, Directory } from '../../domain/types.js';
import type { CardActionContext, CardActionResponse } from '../../feishu/handlers.js';
import type { EnterpriseContext } from './context.js';

export type ResolvedActor = { actor: Actor; directory: Directory } | { answer: CardActionResponse };

/**
 * Who clicked, with every role they hold. Someone the directory does not know is told how to be
 * registered: on their own copy the card is replaced by the registration card; on the
 * enterprise chat's copy (shared by everyone in it) they get a toast and the card privately.
 */
export async function resolveActor(
  context: EnterpriseContext,
  click: CardActionContext,
): Promise<ResolvedActor> {
  const directory = await context.directory.current();
  const actor = actorFor(directory, click.operatorOpenId);
  if (actor) return { actor, directory };

  click.log.info({ action: click.value.a }, 'click from someone not in the directory');
  const toast = { type: 'warning' as const, content: notRegistered };
  if (click.value.w !== 'g')
    return { answer: { toast, card: registrationCard(click.operatorOpenId) } };

  await sendPrivately(context, click);
  return { answer: { toast } };
}

async function sendPrivately(context: EnterpriseContext, click: CardActionContext): Promise<void> {
  const openId = click.operatorOpenId;
  try {
    await context.outbox.enqueue({
      kind: 'send',
      to: { type: 'open_id', id: openId },
      card: registrationCard(openId),
      // One registration card per person per hour, however often they click.
      uuid: `registration:${openId}`,
    });
  } catch (error) {
    click.log.error({ err: error }, 'registration card not queued');
  }
}
