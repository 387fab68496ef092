import type { Receiver } from '../feishu/outbound.js';
import { CardMessageModel } from './card-message.model.js';
import { isDuplicateKey } from './mongo-errors.js';

/** A card sent for an assignment, as recorded by the outbox. */
export interface CardMessage {
  messageId: string;
  assignmentId: string;
  /** Which card of the assignment: `notice`, `signOff`, … (CardTrack.purpose). */
  purpose: string;
  receiver: Receiver;
  sentAt: Date;
}

interface StoredCardMessage {
  _id: string;
  assignmentId: string;
  purpose: string;
  receiver: Receiver;
  sentAt: Date;
}

/** Records a sent card; recording the same message again changes nothing. */
export async function recordCardMessage(message: CardMessage): Promise<void> {
  const { messageId, ...fields } = message;
  try {
    await CardMessageModel.create({ _id: messageId, ...fields });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}

/**
 * Every copy of an assignment's cards, oldest first; only those of one purpose when given
 * (`cardMessagesOf(id, 'notice')`: the notice held by liaison, head and group chat).
 */
export async function cardMessagesOf(
  assignmentId: string,
  purpose?: string,
): Promise<CardMessage[]> {
  const filter = purpose === undefined ? { assignmentId } : { assignmentId, purpose };
  const rows = await CardMessageModel.find(filter).sort({ sentAt: 1 }).lean<StoredCardMessage[]>();

  return rows.map(fromStored);
}

/** The recorded card with this Feishu message id, if it was tracked. */
export async function cardMessageById(messageId: string): Promise<CardMessage | null> {
  const row = await CardMessageModel.findById(messageId).lean<StoredCardMessage | null>();

  return row ? fromStored(row) : null;
}

function fromStored(row: StoredCardMessage): CardMessage {
  return {
    messageId: row._id,
    assignmentId: row.assignmentId,
    purpose: row.purpose,
    receiver: { type: row.receiver.type, id: row.receiver.id } as Receiver,
    sentAt: row.sentAt,
  };
}
