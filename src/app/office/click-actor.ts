/**
 * Who clicked a 督查室 card. These cards often sit in a shared chat (the 督查室's, a group), so
 * someone the directory does not know gets a toast and the registration card privately; the
 * card everyone holds is never replaced.
 */
import { notRegistered, registrationCard } from '../../../cards/registration.card.js';
import { actorFor } from '../../domain/directory.js';
import type { Actor, Directory } from '../../domain/types.js';
import type { CardActionContext, CardActionResponse } from '../../feishu/handlers.js';
import type { OfficeContext } from './context.js';

export type ClickActor = { actor: Actor; directory: Directory } | { answer: CardActionResponse };

export async function clickActor(
  context: Pick<OfficeContext, 'directory' | 'outbox'>,
  click: CardActionContext,
): Promise<ClickActor> {
  const directory = await context.directory.current();
  const actor = actorFor(directory, click.operatorOpenId);
  if (actor) return { actor, directory };

  click.log.info({ action: click.value.a }, 'click from someone not in the directory');
  const openId = click.operatorOpenId;
  await context.outbox.enqueue({
    kind: 'send',
    to: { type: 'open_id', id: openId },
    card: registrationCard(openId),
    // One registration card per person per hour, however often they click.
    uuid: `registration:${openId}`,
  });
  return { answer: { toast: { type: 'warning', content: notRegistered } } };
}
