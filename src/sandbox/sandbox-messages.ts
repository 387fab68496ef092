/**
 * A chat as the sandbox page shows it: what the bot sent there (the fake Open API's record,
 * cards as they are now after patches and answers) and what people typed there, in order,
 * with the urgent pushes (加急) each message carried.
 */
import { DateTime } from 'luxon';
import { zone } from '../domain/dates.js';
import { personName } from '../domain/directory.js';
import type { Directory } from '../domain/types.js';
import type { FakeMessage, FakeOpenApiState } from './fake-open-api-state.js';

/** A text a sandbox user typed (Feishu keeps it; the fake only records the bot's messages). */
export interface TypedRecord {
  messageId: string;
  chatId: string;
  senderOpenId: string;
  text: string;
  createdAt: Date;
}

const urgentLabels = { app: '应用内加急', sms: '短信加急', phone: '电话加急' } as const;

/** One message of a chat, ready for the page. */
export interface MessageView {
  id: string;
  /** Grows with every patch or card answer: the page redraws a message only when it changes. */
  version: number;
  /** 'MM-dd HH:mm' in Asia/Shanghai, by the sandbox's clock. */
  time: string;
  from: { kind: 'bot'; name: string } | { kind: 'person'; openId: string; name: string };
  type: 'card' | 'text' | 'file' | 'other';
  card?: unknown;
  text?: string;
  file?: { name: string; url: string };
  urgent: Array<{ label: string; openIds: string[]; names: string[] }>;
}

const bot = { kind: 'bot', name: '督办助手' } as const;

/** The chat's messages, oldest first. */
export function chatMessages(
  fake: FakeOpenApiState,
  typed: TypedRecord[],
  chatId: string,
  directory: Directory,
): MessageView[] {
  const sent = fake
    .allMessages()
    .filter((m) => m.chatId === chatId)
    .map((m) => ({ at: m.createdAt, view: botMessageView(fake, m, directory) }));
  const written = typed
    .filter((t) => t.chatId === chatId)
    .map((t) => ({ at: t.createdAt, view: typedView(t, directory) }));

  // Stable: a typed command and the bot's answer in the same millisecond keep their order.
  return [...written, ...sent]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((entry) => entry.view);
}

/** True when a message in this chat carried an urgent push to this person. */
export function hasUrgentFor(fake: FakeOpenApiState, chatId: string, openId: string): boolean {
  return fake
    .allMessages()
    .some((m) => m.chatId === chatId && m.urgent.some((u) => u.openIds.includes(openId)));
}

function botMessageView(fake: FakeOpenApiState, m: FakeMessage, directory: Directory): MessageView {
  const view: MessageView = {
    id: m.messageId,
    version: m.history.length,
    time: timeOf(m.createdAt),
    from: bot,
    type: 'other',
    urgent: m.urgent.map((u) => ({
      label: urgentLabels[u.kind],
      openIds: u.openIds,
      names: u.openIds.map((id) => personName(directory, id)),
    })),
  };
  const content = m.content as { text?: unknown; file_key?: unknown };
  if (m.msgType === 'interactive') return { ...view, type: 'card', card: m.content };
  if (m.msgType === 'text') return { ...view, type: 'text', text: String(content.text ?? '') };
  if (m.msgType === 'file') return { ...view, type: 'file', file: fileOf(fake, content.file_key) };

  return { ...view, text: `[${m.msgType}]` };
}

function fileOf(fake: FakeOpenApiState, fileKey: unknown) {
  const file = fake.files.find((f) => f.fileKey === fileKey);
  const key = encodeURIComponent(String(fileKey));

  return { name: file?.fileName ?? '文件', url: `/sandbox/api/files/${key}` };
}

function typedView(t: TypedRecord, directory: Directory): MessageView {
  return {
    id: t.messageId,
    version: 1,
    time: timeOf(t.createdAt),
    from: { kind: 'person', openId: t.senderOpenId, name: personName(directory, t.senderOpenId) },
    type: 'text',
    text: t.text,
    urgent: [],
  };
}

/** 'MM-dd HH:mm' in Asia/Shanghai. */
export function timeOf(at: Date): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('MM-dd HH:mm');
}
