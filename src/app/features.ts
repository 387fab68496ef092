import { retryDeadLetterAction } from '../../cards/dead-letter.card.js';
import { createReminderScheduler } from '../../jobs/reminder-workers.js';
import type { RuntimeContext } from '../runtime.js';
import { chatMembershipHandler } from './chat-membership.js';
import { retryDeadLetterHandler } from './dead-letter-retry.js';
import { registerEnterprise } from './enterprise/register.js';
import { registerOffice } from './office/register.js';
import { registerReports } from './reports/register.js';
import { rescheduleReminders } from './reminder-listener.js';

/**
 * The single place where features plug in: card actions (by the `a` of their buttons), the
 * chat message handler, event-bus listeners and extra HTTP routers. Every role calls it once
 * at start. Each feature adds its own lines here.
 */
export function registerFeatures(context: RuntimeContext): void {
  const { cardActions } = context.handlers;

  // The Feishu edge: 重试 on a dead-letter alert to the 督查室.
  cardActions.set(retryDeadLetterAction, retryDeadLetterHandler(context));

  // The bot added to a chat (a welcome) or removed from one the directory names (the 督查室 hears).
  context.handlers.onChatMembership = chatMembershipHandler(context);

  // The enterprise side: notice card buttons, forms, 我的督办; notices, patches, notifications.
  registerEnterprise(context);

  // Reminders: every applied event re-plans the assignment's reminder jobs.
  context.events.on('reminders', rescheduleReminders(createReminderScheduler(context)));

  // Reports and the archive: 导出 Excel, 阅示, dossiers, signed pages and operations pages.
  registerReports(context);

  // The 督查室 side: chat commands, 新建督办 and its preview, review and extension decision
  // cards, 催办, the list and detail; tells the enterprise of each decision.
  registerOffice(context);
}
