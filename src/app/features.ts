import { retryDeadLetterAction } from '../../cards/dead-letter.card.js';
import type { RuntimeContext } from '../runtime.js';
import { retryDeadLetterHandler } from './dead-letter-retry.js';
import { registerEnterprise } from './enterprise/register.js';

/**
 * The single place where features plug in: card actions (by the `a` of their buttons), the
 * chat message handler, event-bus listeners and extra HTTP routers. Every role calls it once
 * at start. Each feature adds its own lines here.
 */
export function registerFeatures(context: RuntimeContext): void {
  const { cardActions } = context.handlers;

  // The Feishu edge: 重试 on a dead-letter alert to the 督查室.
  cardActions.set(retryDeadLetterAction, retryDeadLetterHandler(context));

  // The enterprise side: notice card buttons, forms, 我的督办; notices, patches, notifications.
  registerEnterprise(context);
}
