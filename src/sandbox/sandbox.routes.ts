/**
 * The sandbox's HTTP side, mounted at /sandbox by the dev sandbox only: the page (static HTML
 * and JS from src/sandbox/public) and its JSON API. Routes only parse and answer; the work is
 * SandboxService's. Never mounted in production.
 */
import { fileURLToPath } from 'node:url';
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { SandboxProblem, type SandboxService } from './sandbox-service.js';

const publicDir = fileURLToPath(new URL('./public', import.meta.url));

const openId = z.string().regex(/^ou_[A-Za-z0-9]+$/);
const chatId = z.string().regex(/^oc_[A-Za-z0-9]+$/);

const clickBody = z.object({
  person: openId,
  messageId: z.string().regex(/^om_[A-Za-z0-9]+$/),
  value: z.record(z.string(), z.unknown()),
  name: z.string().max(100).optional(),
  formValue: z.record(z.string(), z.unknown()).optional(),
});

const sayBody = z.object({ person: openId, chatId, text: z.string() });

const clockBody = z.union([
  z.object({ step: z.enum(['hour', 'workday']) }),
  z.object({ to: z.string().max(40) }),
]);

/**
 * GET / (the page), GET /api/overview?person=, GET /api/messages?person=&chat=,
 * POST /api/click, POST /api/say, POST /api/clock, GET /api/files/:key.
 */
export function createSandboxRouter(service: SandboxService, production: boolean): Router {
  if (production) throw new Error('the sandbox is never mounted in production');
  const router = Router();

  router.get('/api/overview', async (req, res) => {
    const person = req.query.person === undefined ? undefined : parse(openId, req.query.person);
    res.json(await service.overview(person));
  });
  router.get('/api/messages', async (req, res) => {
    const [person, chat] = [parse(openId, req.query.person), parse(chatId, req.query.chat)];
    res.json(await service.messages(person, chat));
  });
  router.post('/api/click', async (req, res) => {
    const { person, ...click } = parse(clickBody, req.body);
    res.json(await service.click({ openId: person, ...click }));
  });
  router.post('/api/say', async (req, res) => {
    const { person, chatId: chat, text } = parse(sayBody, req.body);
    res.json(await service.say(person, chat, text));
  });
  router.post('/api/clock', async (req, res) => {
    res.json(await service.moveClock(parse(clockBody, req.body)));
  });
  router.get('/api/files/:key', (req, res) => sendFile(service, req, res));

  router.use('/api', answerProblems);
  router.use(express.static(publicDir, { index: 'index.html', fallthrough: true }));

  return router;
}

function sendFile(service: SandboxService, req: Request, res: Response): void {
  const file = service.file(String(req.params.key));
  if (!file) throw new SandboxProblem(404, '文件不存在');

  res.attachment(file.name).type('application/octet-stream').send(file.bytes);
}

/** The value, or a SandboxProblem (400) that names what was wrong. */
function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const where = result.error.issues[0]?.path.join('.') || 'body';

  throw new SandboxProblem(400, `请求有误：${where}`);
}

/** A refused request answers its status with the reason; anything else goes on to a 500. */
function answerProblems(error: unknown, _req: Request, res: Response, next: (e: unknown) => void) {
  if (!(error instanceof SandboxProblem)) return next(error);

  res.status(error.status).json({ error: error.message });
}
