import type { Job } from 'bullmq';
import type { Outbound } from '../src/feishu/outbound.js';
import type { Logger } from '../src/logging/logger.js';
import { recordCardMessage } from '../src/store/card-message.repo.js';
import { recordUrgentPush, urgentPushMade } from '../src/store/urgent-push.repo.js';
import type { OutboxWorkerDeps } from './outbox-process.js';
import { enqueueOutboxJob, type OutboxJobData, type UrgentPush } from './outbox.job.js';

/** What a delivered job answers (kept on the completed job, for the dashboard). */
export type Delivered = { messageId?: string; skipped?: string };

/** Makes the Feishu call(s) for one message and records what later steps need. */
export async function deliver(
  deps: OutboxWorkerDeps,
  job: Job<OutboxJobData>,
  log: Logger,
): Promise<Delivered> {
  const { message } = job.data;
  const { feishu } = deps.context;

  switch (message.kind) {
    case 'send':
      return deliverSend(deps, message, log);
    case 'text':
      return feishu.sendText(message.to, message.text, message.uuid);
    case 'reply':
      return feishu.reply(message.messageId, message.card, message.uuid);
    case 'patch':
      await feishu.patch(message.messageId, message.card);
      return { messageId: message.messageId };
    case 'delayedUpdate':
      await feishu.delayedUpdate(message.token, message.card);
      return {};
    case 'file':
      return deliverFile(deps, message);
    case 'urgent':
      return deliverUrgent(deps, message, log);
  }
}

type Send = Extract<Outbound, { kind: 'send' }>;

/**
 * Sends the card, records where it went (tracked cards), then queues its urgent pushes. A retry
 * after a crash sends with the same uuid, gets the same message back, and records and queues
 * nothing twice.
 */
async function deliverSend(deps: OutboxWorkerDeps, message: Send, log: Logger): Promise<Delivered> {
  const { feishu, clock } = deps.context;
  const { messageId } = await feishu.sendCard(message.to, message.card, message.uuid);

  if (message.track) {
    const { assignmentId, purpose } = message.track;
    await recordCardMessage({
      messageId,
      assignmentId,
      purpose,
      receiver: message.to,
      sentAt: clock.now(),
    });
  }
  for (const urgentKind of message.urgent?.openIds.length ? message.urgent.kinds : []) {
    const push: UrgentPush = {
      kind: 'urgent',
      messageId,
      urgentKind,
      openIds: message.urgent!.openIds,
    };
    await enqueueOutboxJob(deps.context, { message: push }, deps.settings);
  }
  log.debug({ messageId, tracked: Boolean(message.track) }, 'card sent');

  return { messageId };
}

async function deliverFile(
  deps: OutboxWorkerDeps,
  message: Extract<Outbound, { kind: 'file' }>,
): Promise<Delivered> {
  const { feishu } = deps.context;
  const content = Buffer.from(message.contentBase64, 'base64');
  const { fileKey } = await feishu.uploadFile(message.fileName, message.fileType, content);

  return feishu.sendFile(message.to, fileKey, message.uuid);
}

/**
 * One urgent push, skipped when the record says it was made (SMS and phone cost money).
 *
 * Limitation: the record is written after Feishu answers, so a worker that dies between the
 * push and the record pushes again on retry (at least once); the other order could lose an
 * escalation, which is worse.
 */
async function deliverUrgent(
  deps: OutboxWorkerDeps,
  push: UrgentPush,
  log: Logger,
): Promise<Delivered> {
  const { feishu, clock } = deps.context;
  if (await urgentPushMade(push.messageId, push.urgentKind)) return { skipped: 'already pushed' };

  const { invalidOpenIds } = await feishu.urgent(push.messageId, push.urgentKind, push.openIds);
  await recordUrgentPush(push.messageId, push.urgentKind, push.openIds, clock.now());
  if (invalidOpenIds.length > 0)
    log.warn({ invalidOpenIds }, 'urgent push refused for some people');

  return { messageId: push.messageId };
}
