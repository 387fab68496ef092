import { randomBytes } from 'node:crypto';

/** A message the fake Open API accepted, as the sandbox and tests read it. */
export interface FakeMessage {
  messageId: string;
  /** `open_id` or `chat_id` (or another receive_id_type), and the id. */
  receiver: { type: string; id: string };
  /** The chat the message is in (a person's private chat with the bot has its own). */
  chatId: string;
  msgType: string;
  /** `content` parsed: the card for `interactive`, `{text}` for text, `{file_key}` for files. */
  content: unknown;
  uuid?: string;
  /** The message this one replies to. */
  parentId?: string;
  createdAt: Date;
  /** Every content the message has had, oldest first (patches and delayed updates append). */
  history: unknown[];
  /** Urgent pushes on this message, in order. */
  urgent: Array<{ kind: 'app' | 'sms' | 'phone'; openIds: string[] }>;
}

/** One request the fake received. */
export interface FakeCall {
  method: string;
  path: string;
  query: Record<string, unknown>;
  body: unknown;
  at: Date;
}

/** How the next matching calls fail (retry tests). */
export interface FailureRule {
  /** HTTP status to answer with. Default 200 (a `code != 0` answer). */
  status?: number;
  /** Feishu `code` in the body. Default 99991400 for 429, 1 otherwise. */
  code?: number;
  msg?: string;
  /** Extra response headers, e.g. `{ 'x-ogw-ratelimit-reset': '1' }`. */
  headers?: Record<string, string>;
  /** Hold the answer this long before failing (timeouts), in ms. */
  delayMs?: number;
  /**
   * Carry the call out, then answer with the failure: Feishu did the work but its answer was
   * lost (a retry must not send twice).
   */
  afterHandling?: boolean;
  /** Only calls whose path contains this (or matches it). Default: every call but the token. */
  path?: string | RegExp;
  method?: string;
}

/** How long Feishu keeps a send's uuid: the same uuid within an hour sends once. */
const uuidWindowMs = 3_600_000;

/** Everything the fake remembers, queryable per receiver for the sandbox's chat view. */
export class FakeOpenApiState {
  readonly messages = new Map<string, FakeMessage>();
  readonly calls: FakeCall[] = [];
  readonly delayedUpdates: Array<{ token: string; card: unknown; at: Date }> = [];
  readonly files: Array<{ fileKey: string; fileName: string; fileType: string; size: number }> = [];
  /** The bytes of each uploaded file by file_key (the sandbox's download link). */
  readonly fileBytes = new Map<string, Buffer>();
  private readonly byUuid = new Map<string, FakeMessage>();
  private readonly failures: Array<{ remaining: number; rule: FailureRule }> = [];

  constructor(private readonly now: () => Date) {}

  /** Messages sent to this open_id or chat_id, oldest first. */
  messagesTo(receiverId: string): FakeMessage[] {
    return this.allMessages().filter((m) => m.receiver.id === receiverId);
  }

  /** Every message, oldest first. */
  allMessages(): FakeMessage[] {
    return [...this.messages.values()];
  }

  /** Cards (current content) sent to this receiver, oldest first. */
  cardsTo(receiverId: string): unknown[] {
    return this.messagesTo(receiverId)
      .filter((m) => m.msgType === 'interactive')
      .map((m) => m.content);
  }

  /** The next `count` matching calls fail as the rule says. */
  failNext(count: number, rule: FailureRule = {}): void {
    this.failures.push({ remaining: count, rule });
  }

  /** The failure rule for this call, consuming one use of it; undefined when none applies. */
  takeFailure(method: string, path: string): FailureRule | undefined {
    const entry = this.failures.find(
      ({ remaining, rule }) => remaining > 0 && matches(rule, method, path),
    );
    if (!entry) return undefined;
    entry.remaining -= 1;

    return entry.rule;
  }

  /** Records a new message, or answers the earlier one sent with the same uuid within an hour. */
  addMessage(fields: Omit<FakeMessage, 'messageId' | 'createdAt' | 'history' | 'urgent'>) {
    const known = fields.uuid ? this.byUuid.get(fields.uuid) : undefined;
    const at = this.now();
    if (known && at.getTime() - known.createdAt.getTime() < uuidWindowMs) return known;

    const message: FakeMessage = {
      ...fields,
      messageId: `om_${randomBytes(16).toString('hex')}`,
      createdAt: at,
      history: [fields.content],
      urgent: [],
    };
    this.messages.set(message.messageId, message);
    if (fields.uuid) this.byUuid.set(fields.uuid, message);

    return message;
  }

  /** Replaces a message's content (patch, delayed update). */
  updateContent(message: FakeMessage, content: unknown): void {
    message.content = content;
    message.history.push(content);
  }

  record(call: Omit<FakeCall, 'at'>): void {
    this.calls.push({ ...call, at: this.now() });
  }

  /** Forgets everything: messages, calls, failure rules. */
  reset(): void {
    this.messages.clear();
    this.byUuid.clear();
    this.calls.length = 0;
    this.delayedUpdates.length = 0;
    this.files.length = 0;
    this.fileBytes.clear();
    this.failures.length = 0;
  }
}

const tokenPath = '/open-apis/auth/v3/tenant_access_token/internal';

function matches(rule: FailureRule, method: string, path: string): boolean {
  if (rule.method && rule.method.toUpperCase() !== method) return false;
  if (rule.path === undefined) return path !== tokenPath;

  return typeof rule.path === 'string' ? path.includes(rule.path) : rule.path.test(path);
}
