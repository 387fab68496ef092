import { notRegistered, registrationCard } from '../../cards/registration.card.js';
import { actorFor } from '../domain/directory.js';
import type { Actor, Directory } from '../domain/types.js';
import type { CardActionContext, CardActionResponse } from '../feishu/handlers.js';
import type { Outbox } from '../feishu/outbound.js';

export type ClickActor = { actor: Actor; directory: Directory } | { answer: CardActionResponse };

interface ClickActorContext {
  directory: { current(): Promise<Directory> };
  outbox: Outbox;
}

/**
 * Who clicked, with every role they hold. Someone the directory does not know is told how to
 * be registered: on a card only they hold, the card becomes the registration card; on a card
 * a whole chat shares (`shared`), they get a toast and the registration card privately, and
 * the card everyone holds is left as it is.
 */
export async function clickActor(
  context: ClickActorContext,
  click: CardActionContext,
  shared: boolean,
): Promise<ClickActor> {
  const directory = await context.directory.current();
  const actor = actorFor(directory, click.operatorOpenId);
  if (actor) return { actor, directory };

  click.log.info({ action: click.value.a }, 'click from someone not in the directory');
  const toast = { type: 'warning' as const, content: notRegistered };
  if (!shared) return { answer: { toast, card: registrationCard(click.operatorOpenId) } };

  await sendRegistrationCard(context, click);
  return { answer: { toast } };
}

async function sendRegistrationCard(context: ClickActorContext, click: CardActionContext) {
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
