import type { Job } from 'bullmq';
import { deadLetterCard } from '../cards/dead-letter.card.js';
import { personName, supervisionRecipients } from '../src/domain/directory.js';
import type { Directory } from '../src/domain/types.js';
import type { FeishuError } from '../src/feishu/errors.js';
import type { Receiver } from '../src/feishu/outbound.js';
import type { RuntimeContext } from '../src/runtime.js';
import { cardMessageById } from '../src/store/card-message.repo.js';
import { recordDeadLetter, type DeadLetter } from '../src/store/dead-letter.repo.js';
import { settleOutboxMessage } from '../src/store/outbox-message.repo.js';
import {
  enqueueOutboxJob,
  type OutboxJobData,
  type OutboxMessage,
  type OutboxSettings,
} from './outbox.job.js';

/**
 * A message that failed for good: stored in `dead_letters` (with the message, for 重试) and,
 * unless it was itself an alert, reported to the 督查室 with a 重试 button. Recording is keyed by
 * the job id, so a crash after recording does not alert twice.
 */
export async function deadLetter(
  context: RuntimeContext,
  settings: OutboxSettings,
  job: Job<OutboxJobData>,
  error: FeishuError,
): Promise<void> {
  await reportDeadLetter(context, settings, {
    _id: String(job.id),
    message: job.data.message,
    error: { code: error.code, message: error.message, status: error.status },
    attempts: job.attemptsMade + 1,
    failedAt: context.clock.now(),
    alert: job.data.alert ?? false,
  });
}

/**
 * Records a dead letter, settles its outbox record as dead (after the letter, so a crash in
 * between leaves the record pending for the sweep rather than a message nobody hears of), and
 * alerts the 督查室 the first time. Also used by the redelivery sweep for a lost message.
 */
export async function reportDeadLetter(
  context: RuntimeContext,
  settings: OutboxSettings,
  letter: DeadLetter,
): Promise<void> {
  const fresh = await recordDeadLetter(letter);
  await settleOutboxMessage(letter._id, 'dead', letter.failedAt);
  context.logger.error(
    { jobId: letter._id, kind: letter.message.kind, code: letter.error.code, alert: letter.alert },
    'outbox message dead-lettered',
  );
  if (fresh && !letter.alert) await alertOffice(context, settings, letter);
}

/** Sends the alert card to the 督查室 chat, or to each supervisor when there is none. */
async function alertOffice(
  context: RuntimeContext,
  settings: OutboxSettings,
  letter: DeadLetter,
): Promise<void> {
  const directory = await context.directory.current();
  const card = await deadLetterCardFor(letter, directory);
  const recipients = supervisionRecipients(directory);
  const receivers: Receiver[] =
    'chatId' in recipients
      ? [{ type: 'chat_id', id: recipients.chatId }]
      : recipients.openIds.map((id) => ({ type: 'open_id', id }));

  for (const to of receivers) {
    const uuid = `dead-letter-alert:${letter._id}:${to.id}`;
    const message: OutboxMessage = { kind: 'send', to, card, uuid };
    await enqueueOutboxJob(context, { message, alert: true }, settings);
  }
}

/** The alert card for a dead letter, with the receiver named as people know them. */
export async function deadLetterCardFor(letter: DeadLetter, directory: Directory) {
  return deadLetterCard({
    deadLetterId: letter._id,
    receiverName: await receiverName(letter.message as OutboxMessage, directory),
    kind: letter.message.kind,
    errorCode: letter.error.code,
    attempts: letter.attempts,
    failedAt: letter.failedAt,
    retried: letter.retriedAt
      ? { by: letter.retriedBy?.name ?? '', at: letter.retriedAt }
      : undefined,
  });
}

async function receiverName(message: OutboxMessage, directory: Directory): Promise<string> {
  switch (message.kind) {
    case 'send':
    case 'text':
    case 'file':
      return nameOf(message.to, directory);
    case 'reply':
    case 'patch': {
      const sent = await cardMessageById(message.messageId);
      return sent ? nameOf(sent.receiver, directory) : `消息 ${message.messageId}`;
    }
    case 'urgent':
      return message.openIds.map((id) => personName(directory, id)).join('、');
    case 'delayedUpdate':
      return '点击卡片的人';
  }
}

/** 「城投联络员」 for a person, 「城投群」 / 「督查室群」 for a known chat. */
function nameOf(receiver: Receiver, directory: Directory): string {
  if (receiver.type === 'open_id') return personName(directory, receiver.id);
  if (receiver.id === directory.office.chatId) return '督查室群';
  const enterprise = directory.enterprises.find((e) => e.chatId === receiver.id);

  return enterprise ? `${enterprise.shortName}群` : `群聊 ${receiver.id}`;
}
