import { createHash, randomBytes } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { FakeMessage, FakeOpenApiState } from './fake-open-api-state.js';

/** Receive id types Feishu accepts on a send. */
const receiveIdTypes = new Set(['open_id', 'chat_id', 'user_id', 'union_id', 'email']);

const urgentPaths = new Set(['urgent_app', 'urgent_sms', 'urgent_phone']);

const msgTypes = new Set(['text', 'post', 'interactive', 'file', 'image', 'share_chat']);

/**
 * Largest content Feishu takes, in bytes of its JSON: 30 KB for a card (send, reply, patch,
 * delayed update), 150 KB for text (the patch API's documentation).
 */
const maxCardBytes = 30 * 1024;
const maxTextBytes = 150 * 1024;

/** Feishu's answer to content over the limit (code 230025). */
const tooLong = { code: 230025, msg: 'The length of the message content reaches its limit.' };

/** Feishu's answer to a request it cannot accept, HTTP 400. */
function refuse(res: Response, code: number, msg: string): void {
  res.status(400).json({ code, msg });
}

/**
 * The message endpoints of the fake Open API, mounted at /open-apis: send, reply, patch,
 * urgent pushes, delayed card update and file upload, with Feishu's validation of the fields
 * the SDK sends.
 */
export function messageRoutes(state: FakeOpenApiState, cardTokens: Map<string, string>): Router {
  const router = Router();
  router.post('/im/v1/messages', (req, res) => send(state, req, res));
  router.post('/im/v1/messages/:id/reply', (req, res) => reply(state, req, res));
  router.patch('/im/v1/messages/:id', (req, res) => patch(state, req, res));
  router.patch('/im/v1/messages/:id/:urgent', (req, res, next) => {
    if (!urgentPaths.has(String(req.params.urgent))) return next();
    urgent(state, req, res);
  });
  router.post('/interactive/v1/card/update', (req, res) =>
    delayedUpdate(state, cardTokens, req, res),
  );
  router.post('/im/v1/files', (req, res) => {
    upload(state, req, res).catch((error: unknown) =>
      refuse(res, 99992402, `bad multipart body: ${String(error)}`),
    );
  });

  return router;
}

function send(state: FakeOpenApiState, req: Request, res: Response): void {
  const receiveIdType = String(req.query.receive_id_type ?? '');
  if (!receiveIdTypes.has(receiveIdType)) {
    return refuse(res, 99992402, 'field validation failed: receive_id_type');
  }
  const fields = parseSend(req, res);
  if (!fields) return;
  const receiveId = String((req.body as { receive_id?: unknown }).receive_id ?? '');
  if (!receiveId) return refuse(res, 99992402, 'field validation failed: receive_id');

  const receiver = { type: receiveIdType, id: receiveId };
  const chatId = receiveIdType === 'chat_id' ? receiveId : privateChatOf(receiveId);
  res.json(messageAnswer(state.addMessage({ receiver, chatId, ...fields })));
}

function reply(state: FakeOpenApiState, req: Request, res: Response): void {
  const parent = state.messages.get(String(req.params.id));
  if (!parent) return refuse(res, 230001, 'invalid message_id');
  const fields = parseSend(req, res);
  if (!fields) return;

  const { receiver, chatId, messageId: parentId } = parent;
  res.json(messageAnswer(state.addMessage({ ...fields, receiver, chatId, parentId })));
}

/** Patches need a shared card (`update_multi: true`) before and after, as Feishu says. */
function patch(state: FakeOpenApiState, req: Request, res: Response): void {
  const message = state.messages.get(String(req.params.id));
  if (!message || message.msgType !== 'interactive') {
    return refuse(res, 230001, 'invalid message_id');
  }
  const { content } = req.body as { content?: unknown };
  const card = parseContent(content);
  if (!isSharedCard(card)) return refuse(res, 230099, 'card must declare update_multi: true');
  if (isTooLong('interactive', content)) return refuse(res, tooLong.code, tooLong.msg);

  state.updateContent(message, card);
  res.json({ code: 0, msg: 'success', data: {} });
}

/** Any `c-…` token is taken; one issued by `tokenFor` also updates its message. */
function delayedUpdate(
  state: FakeOpenApiState,
  cardTokens: Map<string, string>,
  req: Request,
  res: Response,
): void {
  const { token, card } = (req.body ?? {}) as { token?: unknown; card?: unknown };
  if (typeof token !== 'string' || !token.startsWith('c-') || typeof card !== 'object') {
    return refuse(res, 99992402, 'field validation failed: token, card');
  }
  if (isTooLong('interactive', JSON.stringify(card))) return refuse(res, tooLong.code, tooLong.msg);

  state.delayedUpdates.push({ token, card, at: new Date() });
  const message = state.messages.get(cardTokens.get(token) ?? '');
  if (message) state.updateContent(message, card);
  res.json({ code: 0, msg: 'success', data: {} });
}

type SendFields = Pick<FakeMessage, 'msgType' | 'content' | 'uuid'>;

/** msg_type, content and uuid of a send or reply, validated; answers 400 and null when bad. */
function parseSend(req: Request, res: Response): SendFields | null {
  const body = (req.body ?? {}) as { msg_type?: unknown; content?: unknown; uuid?: unknown };
  const msgType = String(body.msg_type ?? '');
  const content = parseContent(body.content);
  const uuid = typeof body.uuid === 'string' && body.uuid ? body.uuid : undefined;
  if (!msgTypes.has(msgType)) refuse(res, 99992402, 'field validation failed: msg_type');
  else if (content === undefined) refuse(res, 99992402, 'field validation failed: content');
  else if (uuid && uuid.length > 50) refuse(res, 99992402, 'field validation failed: uuid');
  else if (isTooLong(msgType, body.content)) refuse(res, tooLong.code, tooLong.msg);
  else return { msgType, content, uuid };

  return null;
}

/** `content` is a JSON string (FEISHU.md); anything else is refused. */
function parseContent(content: unknown): unknown {
  if (typeof content !== 'string') return undefined;
  try {
    return JSON.parse(content) as unknown;
  } catch {
    return undefined;
  }
}

/** Cards and rich text over 30 KB, text over 150 KB, counted in bytes of the content JSON. */
function isTooLong(msgType: string, content: unknown): boolean {
  const bytes = Buffer.byteLength(String(content), 'utf8');

  return bytes > (msgType === 'text' ? maxTextBytes : maxCardBytes);
}

function isSharedCard(card: unknown): boolean {
  const config = (card as { config?: { update_multi?: unknown } } | undefined)?.config;

  return config?.update_multi === true;
}

function urgent(state: FakeOpenApiState, req: Request, res: Response): void {
  const message = state.messages.get(String(req.params.id));
  if (!message) return refuse(res, 230001, 'invalid message_id');
  if (req.query.user_id_type !== 'open_id') {
    return refuse(res, 99992402, 'field validation failed: user_id_type');
  }
  const openIds = (req.body as { user_id_list?: unknown }).user_id_list;
  if (!Array.isArray(openIds) || openIds.length === 0) {
    return refuse(res, 99992402, 'field validation failed: user_id_list');
  }

  const kind = String(req.params.urgent).replace('urgent_', '') as 'app' | 'sms' | 'phone';
  message.urgent.push({ kind, openIds: openIds.map(String) });
  res.json({ code: 0, msg: 'success', data: { invalid_user_id_list: [] } });
}

async function upload(state: FakeOpenApiState, req: Request, res: Response): Promise<void> {
  const form = await new globalThis.Request('http://fake/', {
    method: 'POST',
    headers: { 'content-type': String(req.headers['content-type'] ?? '') },
    body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
  }).formData();
  const file = form.get('file');
  const fileType = String(form.get('file_type') ?? '');
  const fileName = String(form.get('file_name') ?? '');
  if (!(file instanceof Blob) || file.size === 0 || !fileType || !fileName) {
    return refuse(res, 99992402, 'field validation failed: file, file_type, file_name');
  }

  const fileKey = `file_v3_${randomBytes(12).toString('hex')}`;
  state.files.push({ fileKey, fileName, fileType, size: file.size });
  state.fileBytes.set(fileKey, Buffer.from(await file.arrayBuffer()));
  res.json({ code: 0, msg: 'success', data: { file_key: fileKey } });
}

/** A person's private chat with the bot has a chat id of its own. */
export function privateChatOf(openId: string): string {
  return `oc_${createHash('sha256').update(openId).digest('hex').slice(0, 32)}`;
}

function messageAnswer(message: FakeMessage) {
  const at = String(message.createdAt.getTime());

  return {
    code: 0,
    msg: 'success',
    data: {
      message_id: message.messageId,
      parent_id: message.parentId,
      root_id: message.parentId,
      msg_type: message.msgType,
      create_time: at,
      update_time: at,
      deleted: false,
      updated: false,
      chat_id: message.chatId,
      sender: { id: 'cli_fake', id_type: 'app_id', sender_type: 'app', tenant_key: 'fake' },
      body: { content: JSON.stringify(message.content) },
    },
  };
}
