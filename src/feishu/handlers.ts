import type { ActionValue, Card } from '../../cards/card.js';
import type { Logger } from '../logging/logger.js';

/** A click or form submission on a card (`card.action.trigger`), as the handlers see it. */
export interface CardActionContext {
  eventId: string;
  operatorOpenId: string;
  value: ActionValue;
  /** Form fields by name, for a form's submit button. */
  formValue?: Record<string, unknown>;
  /** The clicked component's name (a form's submit button). */
  actionName?: string;
  /** The selected option of a select, or the date of a picker. */
  option?: string;
  /** Token for one delayed update of this card (30 minutes, usable twice). */
  token?: string;
  messageId?: string;
  chatId?: string;
  log: Logger;
}

/**
 * The answer to a click, sent as the HTTP response within Feishu's 3 seconds: a toast, a
 * replacement card, or both. Slow work goes to a queue.
 */
export interface CardActionResponse {
  toast?: { type: 'success' | 'info' | 'warning' | 'error'; content: string };
  card?: Card;
}

export type CardActionHandler = (context: CardActionContext) => Promise<CardActionResponse>;

/** A text message to the bot (`im.message.receive_v1`), mentions removed. */
export interface MessageContext {
  eventId: string;
  messageId: string;
  senderOpenId: string;
  chatId: string;
  chatType: 'p2p' | 'group';
  /** The text with @mentions stripped and trimmed. */
  text: string;
  log: Logger;
}

export type MessageHandler = (context: MessageContext) => Promise<void>;

/** The bot was added to or removed from a group chat. */
export interface ChatMembershipContext {
  eventId: string;
  chatId: string;
  /** The chat's name as Feishu gave it with the event. */
  chatName?: string;
  added: boolean;
  operatorOpenId?: string;
  log: Logger;
}

/**
 * What the Feishu edge dispatches to. Features register card actions by the `a` of their
 * button values; one message handler parses commands.
 */
export interface EventHandlers {
  cardActions: Map<string, CardActionHandler>;
  onMessage?: MessageHandler;
  onChatMembership?: (context: ChatMembershipContext) => Promise<void>;
}
