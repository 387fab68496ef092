/**
 * Answering a chat command in the chat it came from: a text or a card sent to that chat.
 * Details of a confidential matter are never shown in a group: they go to the person
 * privately, and the group is told so.
 */
import { createHash } from 'node:crypto';
import type { Card } from '../../../cards/card.js';
import type { MessageContext } from '../../feishu/handlers.js';
import type { Outbox, Receiver } from '../../feishu/outbound.js';

export class ChatReply {
  constructor(
    private readonly outbox: Outbox,
    private readonly message: Pick<
      MessageContext,
      'messageId' | 'chatId' | 'chatType' | 'senderOpenId'
    >,
  ) {}

  /** True when the command was typed in a group chat (@督办助手). */
  get inGroup(): boolean {
    return this.message.chatType === 'group';
  }

  /** A text message to the chat. `tag` tells apart several answers to one command. */
  async text(text: string, tag = 'text'): Promise<void> {
    await this.outbox.enqueue({ kind: 'text', to: this.chat(), text, uuid: this.uuid(tag) });
  }

  /** A card to the chat. */
  async card(card: Card, tag = 'card'): Promise<void> {
    await this.outbox.enqueue({ kind: 'send', to: this.chat(), card, uuid: this.uuid(tag) });
  }

  /**
   * A card only the sender may see: in their private chat as the answer; from a group, sent to
   * them privately, with `groupNote` in the group.
   */
  async privately(card: Card, groupNote: string, tag = 'private'): Promise<void> {
    if (!this.inGroup) return this.card(card, tag);

    const to: Receiver = { type: 'open_id', id: this.message.senderOpenId };
    await this.outbox.enqueue({ kind: 'send', to, card, uuid: this.uuid(tag) });
    await this.text(groupNote, `${tag}:note`);
  }

  private chat(): Receiver {
    return { type: 'chat_id', id: this.message.chatId };
  }

  /** Derived from the command's message, so a redelivered command answers once. */
  private uuid(tag: string): string {
    return messageUuid('command', this.message.messageId, tag);
  }
}

/** A send uuid from what the message is (Feishu takes at most 50 characters). */
export function messageUuid(...parts: string[]): string {
  return createHash('sha256').update(parts.join('|')).digest('hex').slice(0, 40);
}
