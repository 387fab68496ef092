/**
 * The sandbox's JSON API as the page uses it, on a sandbox started in this process: who is in
 * the switcher and which chats each person has, typing in a group (@督办助手), refusals of bad
 * input that change nothing, and the clock control firing the reminders that have come due.
 */
import { Redis } from 'ioredis';
import type { Card } from '../../../cards/card.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../../src/domain/calendar.js';
import { atTime } from '../../../src/domain/dates.js';
import { clockInputValue } from '../../../src/sandbox/sandbox-clock.js';
import type { MessageView } from '../../../src/sandbox/sandbox-messages.js';
import { silentLogger } from '../../../src/logging/logger.js';
import { startSandbox, type Sandbox } from '../../../src/sandbox/start-sandbox.js';
import { loadAssignment } from '../../../src/store/assignment.repo.js';
import { buttonsOf } from '../../support/card-inspect.js';
import { pollUntil } from '../../support/poll.js';
import { deleteKeys } from '../../support/services.js';
import { dropDatabase, testMongoUri, testRedisUrl, uniqueName } from '../../support/test-env.js';

/** People of config/directory.sandbox.yaml. */
const wangMin = 'ou_cefa1f9659fdbccc2ea34ca891c933f4';
const liuYang = 'ou_6a9c059f313c1bcc74c30b9bf48fa705';
const zhangZhiqiang = 'ou_9dc43c9d39e419acf9b9654192d44c5c';
const officeChat = 'oc_5e1d0c7a9b3f4e2d8c6a1b0f9e8d7c6b';

const dbName = uniqueName('sandboxapi');
const queuePrefix = uniqueName('sandboxapi');
let sandbox: Sandbox;
let api: string;

beforeAll(async () => {
  sandbox = await startSandbox({
    source: { MONGODB_URI: testMongoUri, REDIS_URL: testRedisUrl, PORT: '0', LOG_LEVEL: 'silent' },
    logger: () => silentLogger(),
    dbName,
    queuePrefix,
  });
  api = `${sandbox.pageUrl}/api`;
});

afterAll(async () => {
  await sandbox?.stop();
  await dropDatabase(dbName);
  const redis = new Redis(testRedisUrl);
  await deleteKeys(redis, `${queuePrefix}:*`);
  await redis.quit();
});

/** An answer of the API: its status and JSON body, typed by the caller. */
interface Answer<T> {
  status: number;
  body: T;
}

async function get<T = unknown>(path: string): Promise<Answer<T>> {
  const response = await fetch(`${api}${path}`);
  return { status: response.status, body: (await response.json()) as T };
}

async function post<T = unknown>(path: string, body: unknown): Promise<Answer<T>> {
  const response = await fetch(`${api}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

type Chat = { chatId: string; title: string; kind: string; count: number; urgent: boolean };

async function chatsOf(person: string): Promise<Chat[]> {
  return (await get<{ chats: Chat[] }>(`/overview?person=${person}`)).body.chats;
}

async function messagesIn(person: string, chatId: string): Promise<MessageView[]> {
  return (await get<MessageView[]>(`/messages?person=${person}&chat=${chatId}`)).body;
}

function titleOf(view: MessageView): string {
  return (view.card as { header?: { title: { content: string } } })?.header?.title.content ?? '';
}

async function privateChat(person: string): Promise<string> {
  return (await chatsOf(person))[0]!.chatId;
}

describe('the switcher', () => {
  it('lists everyone in the demo directory with their roles, office first', async () => {
    type Person = { name: string; roleLabel: string; group: string };
    const { body } = await get<{ people: Person[]; nowText: string }>('/overview');
    const people = body.people;

    expect(people.map((p) => `${p.group} ${p.name} ${p.roleLabel}`)).toEqual([
      '区国资办 李建国 国资办领导',
      '区国资办 王敏 督查室',
      '区国资办 陈晓东 督查室',
      '区国资办 周立新 纪检监察组',
      '城投 张志强 城投 第一责任人',
      '城投 刘洋 城投 联络员',
      '文旅 黄海涛 文旅 第一责任人',
      '文旅 孙丽 文旅 联络员',
      '水务 郑国华 水务 第一责任人',
      '水务 吴婷 水务 联络员',
    ]);
    expect(body.nowText).toMatch(
      /^\d{4}-\d{2}-\d{2} 周. \d{2}:\d{2} · (工作日|工作日 · 非工作时间|休息日)$/,
    );
  });

  it.each([
    [wangMin, ['督办助手 p2p', '督查室工作群 group']],
    [liuYang, ['督办助手 p2p', '城投督办群 group']],
  ])('gives %s a private chat with the bot and their group chats', async (person, chats) => {
    expect((await chatsOf(person)).map((c) => `${c.title} ${c.kind}`)).toEqual(chats);
  });
});

describe('typing', () => {
  it('in a group sends an @督办助手 message the bot answers in that group', async () => {
    const sent = await post('/say', { person: wangMin, chatId: officeChat, text: '帮助' });
    expect(sent.status).toBe(200);

    const messages = await pollUntil(
      () => messagesIn(wangMin, officeChat),
      (views) => views.some((v) => v.from.kind === 'bot'),
    );
    expect(messages[0]).toMatchObject({ type: 'text', text: '帮助', from: { name: '王敏' } });
    expect(messages.filter((v) => v.from.kind === 'bot').map(titleOf)).toContain('督办助手 · 帮助');
  });
});

describe('a file the bot sends', () => {
  it('has a link that downloads it', async () => {
    const chat = await privateChat(wangMin);
    await post('/say', { person: wangMin, chatId: chat, text: '导出' });

    const file = await pollUntil(
      async () => (await messagesIn(wangMin, chat)).find((v) => v.type === 'file'),
      Boolean,
      20_000,
    );
    const response = await fetch(new URL(file!.file!.url, sandbox.pageUrl));

    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('.xlsx');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('bad input', () => {
  it.each([
    ['an unknown person', () => get('/overview?person=ou_nobody'), 400, '通讯录中没有 ou_nobody'],
    [
      'a chat the person is not in',
      () => get(`/messages?person=${liuYang}&chat=${officeChat}`),
      404,
      '此人不在这个会话中',
    ],
    [
      'an empty text',
      () => post('/say', { person: wangMin, chatId: officeChat, text: '  ' }),
      400,
      '请输入内容',
    ],
    [
      'a click on no card',
      () => post('/click', { person: wangMin, messageId: 'om_0000', value: { a: 'x' } }),
      404,
      '找不到这张卡片',
    ],
    [
      'a click without a value',
      () => post('/click', { person: wangMin, messageId: 'om_0000', value: 'x' }),
      400,
      '请求有误：value',
    ],
    [
      'a clock moved back',
      () => post('/clock', { to: '2020-01-01T09:00' }),
      400,
      '时间只能向后调整',
    ],
    [
      'a date that does not exist',
      () => post('/clock', { to: '2030-02-30T09:00' }),
      400,
      '「2030-02-30T09:00」不是有效的日期时间',
    ],
  ])('answers %s with the reason and changes nothing', async (_case, call, status, reason) => {
    const messages = sandbox.fake.allMessages().length;
    const offset = sandbox.clock.offset;

    const answer = await call();

    expect(answer).toEqual({ status, body: { error: reason } });
    expect(sandbox.fake.allMessages().length).toBe(messages);
    expect(sandbox.clock.offset).toBe(offset);
  });
});

/** Issues one routine notice to 城投 by the one-line command and 确认交办; its assignment id. */
async function issueToChengtou(): Promise<string> {
  const chat = await privateChat(wangMin);
  const line = '督办 关于排查供水管网隐患的督办 企业:城投 级别:一般 内容:请报送排查结果。';
  await post('/say', { person: wangMin, chatId: chat, text: line });
  const preview = await pollUntil(
    async () => (await messagesIn(wangMin, chat)).find((v) => titleOf(v) === '交办预览'),
    Boolean,
  );
  const confirm = buttonsOf(preview!.card as Card).find((b) => b.label === '确认交办')!;
  const clicked = await post<{ toast: unknown }>('/click', {
    person: wangMin,
    messageId: preview!.id,
    value: confirm.value,
  });
  expect(clicked.body.toast).toEqual({ type: 'success', content: '已交办 1 家' });

  const liaisonChat = await privateChat(liuYang);
  const notice = await pollUntil(
    async () => (await messagesIn(liuYang, liaisonChat)).find((v) => titleOf(v) === '督办通知单'),
    Boolean,
  );
  return String(buttonsOf(notice!.card as Card)[0]!.value.id);
}

describe('the clock control', () => {
  it('jumping past the deadline fires the overdue notice with its urgent push at once', async () => {
    const id = await issueToChengtou();
    const { deadlineDay } = (await loadAssignment(id))!;
    const after = addWorkingDays(deadlineDay, 1, sandbox.runtime.context.calendar);
    const headChat = await privateChat(zhangZhiqiang);
    const overdueCards = async () =>
      (await messagesIn(zhangZhiqiang, headChat)).filter((v) => titleOf(v).startsWith('已逾期'));
    expect(await overdueCards()).toEqual([]);

    const moved = await post<{ nowText: string }>('/clock', {
      to: clockInputValue(atTime(after, '10:00')),
    });

    expect(moved.status).toBe(200);
    expect(moved.body.nowText).toContain(`${after} 周`);
    // The urgent push follows the send: wait for both.
    const [overdue] = await pollUntil(
      overdueCards,
      (views) => views[0]?.urgent.length === 1,
      30_000,
    );
    expect(overdue!.urgent).toEqual([
      { label: '应用内加急', openIds: [zhangZhiqiang], names: ['张志强'] },
    ]);
    expect((await chatsOf(zhangZhiqiang))[0]!.urgent).toBe(true);
    expect((await chatsOf(liuYang))[0]!.urgent).toBe(false);
  });
});
