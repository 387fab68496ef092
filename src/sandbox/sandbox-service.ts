/**
 * What the sandbox page can do, on the real code paths: read each person's chats from the fake
 * Open API, click and type as anyone in the directory (real signed deliveries to POST
 * /feishu/events), and move the clock forward so due reminders fire at once.
 */
import { randomBytes } from 'node:crypto';
import { promoteDueReminders } from '../../jobs/reminder-workers.js';
import type { OffsetClock } from '../clock.js';
import type { Directory } from '../domain/types.js';
import type { RuntimeContext } from '../runtime.js';
import type { FakeOpenApi } from './fake-open-api.js';
import { clickEnvelope, messageEnvelope, postDelivery } from './feishu-deliveries.js';
import { clockInputValue, clockTarget, clockText, type ClockMove } from './sandbox-clock.js';
import { chatOf, chatsOf, sandboxPeople } from './sandbox-chats.js';
import type { SandboxCredentials } from './sandbox-env.js';
import { chatMessages, hasUrgentFor, type TypedRecord } from './sandbox-messages.js';

export interface SandboxDeps {
  context: RuntimeContext;
  fake: FakeOpenApi;
  clock: OffsetClock;
  credentials: SandboxCredentials;
  /** The bot's own POST /feishu/events URL. */
  eventsUrl: string;
}

/** A request the sandbox refuses, with the reason shown on the page. */
export class SandboxProblem extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

/** A click as the page sends it: who clicked, on which message, what the button carries. */
export interface ClickRequest {
  openId: string;
  messageId: string;
  value: unknown;
  name?: string;
  formValue?: Record<string, unknown>;
}

/** Longest text the sandbox lets someone type (Feishu's own limit is far higher). */
const maxTypedChars = 4000;

export class SandboxService {
  private readonly typed: TypedRecord[] = [];

  constructor(private readonly deps: SandboxDeps) {}

  /**
   * The clock, the people, (for a chosen person) their chats with counts and 加急 marks, and the
   * operations pages' address with this sandbox's ADMIN_TOKEN (relative, so it works from
   * whichever address the page was opened at).
   */
  async overview(openId?: string) {
    const { context, fake, clock } = this.deps;
    const directory = await context.directory.current();
    const now = clock.now();
    const person = openId ? this.person(directory, openId) : undefined;
    const chats = person
      ? chatsOf(directory, person.openId).map((chat) => ({
          ...chat,
          count: chatMessages(fake, this.typed, chat.chatId, directory).length,
          urgent: hasUrgentFor(fake, chat.chatId, person.openId),
        }))
      : [];

    return {
      now: now.toISOString(),
      nowText: clockText(now, context.calendar, context.policy.workingHours),
      nowInput: clockInputValue(now),
      people: sandboxPeople(directory),
      chats,
      adminUrl: `/admin/?token=${encodeURIComponent(context.env.ADMIN_TOKEN)}`,
    };
  }

  /** A chat's messages as the person sees them. */
  async messages(openId: string, chatId: string) {
    const directory = await this.deps.context.directory.current();
    this.chat(directory, openId, chatId);

    return chatMessages(this.deps.fake, this.typed, chatId, directory);
  }

  /**
   * Posts the click as Feishu would and applies the answer as Feishu does: a returned card
   * replaces the message; the toast goes back to the page.
   */
  async click(request: ClickRequest) {
    const { context, fake, clock, credentials, eventsUrl } = this.deps;
    const directory = await context.directory.current();
    const message = fake.messages.get(request.messageId);
    if (!message || message.msgType !== 'interactive') {
      throw new SandboxProblem(404, '找不到这张卡片');
    }
    this.chat(directory, request.openId, message.chatId);

    const input = {
      ...request,
      operatorOpenId: request.openId,
      token: fake.tokenFor(message.messageId),
      chatId: message.chatId,
    };
    const now = clock.now();
    const delivery = clickEnvelope(credentials.appId, input, now);
    const answer = await postDelivery(eventsUrl, credentials, delivery, now);
    const card = (answer.body.card as { data?: unknown } | undefined)?.data;
    if (answer.status === 200 && card) fake.updateContent(message, card);

    return { status: answer.status, toast: answer.body.toast ?? failureToast(answer.status) };
  }

  /** Posts a typed text as `im.message.receive_v1` (in a group, with @督办助手). */
  async say(openId: string, chatId: string, text: string) {
    const { context, fake, clock, credentials, eventsUrl } = this.deps;
    const directory = await context.directory.current();
    const chat = this.chat(directory, openId, chatId);
    const trimmed = text.trim();
    if (!trimmed) throw new SandboxProblem(400, '请输入内容');
    if (trimmed.length > maxTypedChars) throw new SandboxProblem(400, '内容太长');

    const now = clock.now();
    const messageId = `om_${randomBytes(16).toString('hex')}`;
    this.typed.push({ messageId, chatId, senderOpenId: openId, text: trimmed, createdAt: now });
    const bot = { openId: fake.botOpenId, name: '督办助手' };
    const typed = { messageId, senderOpenId: openId, chatId, chatType: chat.kind, text: trimmed };
    const delivery = messageEnvelope(credentials.appId, { ...typed, bot }, now);
    const answer = await postDelivery(eventsUrl, credentials, delivery, now);

    return { status: answer.status };
  }

  /**
   * Moves the clock forward and sends every reminder that has come due by the new time.
   *
   * Limitation: only reminder jobs are brought forward. The weekly digest and the nightly
   * automatic archive run on BullMQ schedules of the real clock, so a jump does not fire them.
   */
  async moveClock(move: ClockMove) {
    const { context, clock } = this.deps;
    const { calendar, policy } = context;
    const target = clockTarget(move, clock.now(), calendar, policy.workingHours);
    if ('problem' in target) throw new SandboxProblem(400, target.problem);

    clock.advance(target.at.getTime() - clock.now().getTime());
    const now = clock.now();
    const promoted = await promoteDueReminders(context, now);
    context.logger.info({ now, promoted }, 'sandbox clock moved');

    return { promoted, nowText: clockText(now, calendar, policy.workingHours) };
  }

  /** An uploaded file's name and bytes, for its download link. */
  file(fileKey: string): { name: string; bytes: Buffer } | null {
    const bytes = this.deps.fake.fileBytes.get(fileKey);
    const file = this.deps.fake.files.find((f) => f.fileKey === fileKey);

    return bytes && file ? { name: file.fileName, bytes } : null;
  }

  private person(directory: Directory, openId: string) {
    const person = directory.people.find((p) => p.openId === openId);
    if (!person) throw new SandboxProblem(400, `通讯录中没有 ${openId}`);

    return person;
  }

  private chat(directory: Directory, openId: string, chatId: string) {
    this.person(directory, openId);
    const chat = chatOf(directory, openId, chatId);
    if (!chat) throw new SandboxProblem(404, '此人不在这个会话中');

    return chat;
  }
}

/** What Feishu shows when the bot's answer is not a success. */
function failureToast(status: number) {
  return status === 200
    ? undefined
    : { type: 'error', content: `机器人未正常应答（HTTP ${status}）` };
}
