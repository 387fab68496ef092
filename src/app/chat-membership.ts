/**
 * The bot added to or removed from a group chat. Added: a welcome in that chat (with the line
 * to register it when the directory does not name it). Removed from a chat the directory names:
 * the 督查室 hears at once, instead of at the next notice failing with 230002.
 */
import {
  removedFromChatText,
  welcomeCard,
  type KnownChat,
} from '../../cards/chat-membership.card.js';
import { peopleWithRole, personName, supervisionRecipients } from '../domain/directory.js';
import type { Directory } from '../domain/types.js';
import type { ChatMembershipContext } from '../feishu/handlers.js';
import type { Outbox, Receiver } from '../feishu/outbound.js';
import { messageUuid } from './office/chat-reply.js';

interface MembershipDeps {
  directory: { current(): Promise<Directory> };
  outbox: Outbox;
}

/** The handler the Feishu edge calls for im.chat.member.bot.added_v1 and …deleted_v1. */
export function chatMembershipHandler(deps: MembershipDeps) {
  return async (event: ChatMembershipContext): Promise<void> => {
    const directory = await deps.directory.current();
    const known = knownChat(directory, event.chatId);
    const { chatId, chatName } = event;
    if (!known) {
      event.log.info({ chatId, chatName, added: event.added }, 'chat not in the directory');
    }

    if (event.added) return welcome(deps, event, known);
    if (known) return tellOffice(deps, directory, event, known);
  };
}

/** The office's chat, an enterprise's group, or null. */
export function knownChat(directory: Directory, chatId: string): KnownChat | null {
  if (directory.office.chatId === chatId) return { kind: 'office' };
  const enterprise = directory.enterprises.find((e) => e.chatId === chatId);

  return enterprise
    ? { kind: 'enterprise', shortName: enterprise.shortName, name: enterprise.name }
    : null;
}

async function welcome(
  deps: MembershipDeps,
  event: ChatMembershipContext,
  known: KnownChat | null,
): Promise<void> {
  const card = welcomeCard({ chatId: event.chatId, chatName: event.chatName, known });
  const uuid = messageUuid('chat-welcome', event.eventId);
  await deps.outbox.enqueue({
    kind: 'send',
    to: { type: 'chat_id', id: event.chatId },
    card,
    uuid,
  });
  event.log.info({ chatId: event.chatId, known: known?.kind ?? null }, 'bot added to a chat');
}

/** The 督查室's chat, unless that is the chat the bot left; then each supervisor privately. */
async function tellOffice(
  deps: MembershipDeps,
  directory: Directory,
  event: ChatMembershipContext,
  known: KnownChat,
): Promise<void> {
  const text = removedFromChatText({
    chatId: event.chatId,
    chatName: event.chatName ?? fallbackName(known),
    known,
    removedBy: event.operatorOpenId ? personName(directory, event.operatorOpenId) : undefined,
  });
  const office = supervisionRecipients(directory);
  const receivers: Receiver[] =
    'chatId' in office && office.chatId !== event.chatId
      ? [{ type: 'chat_id', id: office.chatId }]
      : peopleWithRole(directory, 'supervisor').map((p) => ({ type: 'open_id', id: p.openId }));

  for (const to of receivers) {
    const uuid = messageUuid('chat-removed', event.eventId, to.id);
    await deps.outbox.enqueue({ kind: 'text', to, text, uuid });
  }
  event.log.warn({ chatId: event.chatId, known: known.kind }, 'bot removed from a directory chat');
}

/** 「城投群」 or 「督查室群」 when Feishu gave no name. */
function fallbackName(known: KnownChat): string {
  return known.kind === 'office' ? '督查室群' : `${known.shortName}群`;
}
