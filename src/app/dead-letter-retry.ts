import { deadLetterCardFor } from '../../jobs/outbox-dead-letter.js';
import { enqueueOutboxJob, type OutboxMessage } from '../../jobs/outbox.job.js';
import { actorFor } from '../domain/directory.js';
import { isOfficeStaff } from '../domain/permissions.js';
import type { CardActionHandler } from '../feishu/handlers.js';
import type { RuntimeContext } from '../runtime.js';
import { findDeadLetter, markRetried } from '../store/dead-letter.repo.js';

/**
 * 重试 on a dead-letter alert: sends the failed message again, once, for the 督查室 (supervisors
 * and leaders). The new job has an id of its own (the old one is taken by the failed job); two
 * presses at once queue one job, and the message's uuid keeps Feishu from sending twice.
 */
export function retryDeadLetterHandler(context: RuntimeContext): CardActionHandler {
  return async ({ operatorOpenId, value, log }) => {
    const directory = await context.directory.current();
    const actor = actorFor(directory, operatorOpenId);
    if (!actor || !isOfficeStaff(actor)) {
      return { toast: { type: 'error', content: '无权操作：此操作由督查室办理' } };
    }
    const id = typeof value.dl === 'string' ? value.dl : '';
    const letter = id ? await findDeadLetter(id) : null;
    if (!letter) return { toast: { type: 'warning', content: '未找到该失败记录' } };
    if (letter.retriedAt) {
      const by = letter.retriedBy?.name ?? '督查室';
      const card = await deadLetterCardFor(letter, directory);
      return { toast: { type: 'info', content: `已由 ${by} 重新发送` }, card };
    }

    const message = letter.message as OutboxMessage;
    await enqueueOutboxJob(context, { message }, undefined, `retry.${letter._id}`);
    const retriedBy = { openId: actor.openId, name: actor.name };
    const retriedAt = context.clock.now();
    await markRetried(letter._id, retriedBy, retriedAt);
    log.info({ deadLetterId: letter._id, kind: message.kind }, 'dead letter sent again');

    const card = await deadLetterCardFor({ ...letter, retriedAt, retriedBy }, directory);
    return { toast: { type: 'success', content: '已重新发送' }, card };
  };
}
