import type { Card } from '../../cards/card.js';
import type { UrgentKind } from '../domain/policy.js';

/** Who receives a message: a person (open_id) or a chat (chat_id). */
export type Receiver = { type: 'open_id'; id: string } | { type: 'chat_id'; id: string };

/**
 * Remember where a card was sent, so every copy can be patched when its assignment changes
 * (liaison, head and group chat each hold one).
 */
export interface CardTrack {
  assignmentId: string;
  /** Which card of the assignment: the notice, a review card, an extension decision, … */
  purpose: string;
}

/**
 * Every outbound Feishu call, as a job of the outbox queue. `uuid` makes a retry or a second
 * enqueue of the same message send nothing new: derive it from what the message is
 * (assignment, kind, due time), never at random.
 */
export type Outbound =
  | {
      kind: 'send';
      to: Receiver;
      card: Card;
      uuid: string;
      track?: CardTrack;
      /** Urgent pushes (加急) on the sent message, to these people. */
      urgent?: { kinds: UrgentKind[]; openIds: string[] };
    }
  | { kind: 'text'; to: Receiver; text: string; uuid: string }
  | { kind: 'reply'; messageId: string; card: Card; uuid: string }
  | { kind: 'patch'; messageId: string; card: Card }
  | { kind: 'delayedUpdate'; token: string; card: Card }
  | {
      kind: 'file';
      to: Receiver;
      fileName: string;
      /** Feishu file type: `xls`, `pdf`, `stream`, … */
      fileType: string;
      contentBase64: string;
      uuid: string;
    };

/** Options of one enqueue; rarely needed. */
export interface EnqueueOptions {
  /**
   * The outbox job id. By default it is derived from the message (its uuid; a patch's message
   * and card), so enqueueing the same message twice queues it once. A different id queues it
   * again (重试 of a dead letter).
   */
  jobId?: string;
}

/** The one way out: every call to Feishu goes through the outbox queue. */
export interface Outbox {
  enqueue(message: Outbound, options?: EnqueueOptions): Promise<void>;
}
