import type { CardActionContext } from '../../feishu/handlers.js';
import { clickActor, type ClickActor } from '../click-actor.js';
import type { EnterpriseContext } from './context.js';

export type ResolvedActor = ClickActor;

/**
 * Who clicked an enterprise card. The enterprise chat's copy (buttons marked `w: 'g'`) is
 * shared by everyone in the chat; every other copy is the clicker's own.
 */
export function resolveActor(
  context: EnterpriseContext,
  click: CardActionContext,
): Promise<ResolvedActor> {
  return clickActor(context, click, click.value.w === 'g');
}
