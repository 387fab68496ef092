import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import nock from 'nock';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createReportLinks } from '../../../src/reports/signed-links.js';
import { at, people } from '../../support/fixtures.js';
import { act, issueOne } from '../../support/lifecycle-actions.js';
import { startTestBot, type TestBot } from '../../support/test-bot.js';

let bot: TestBot;
const logLines: string[] = [];
const token = 'test-admin-token-0123456789';
let secretId: string;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1|localhost/);
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  bot = await startTestBot({ logger: pino({ level: 'debug' }, sink) });
  secretId = await issueOne('chengtou', at('2025-05-21 09:00'), {
    title: '关于区领导批示事项的督办',
    confidential: true,
  });
  await act(secretId, 'acknowledge', people.liaison, {}, at('2025-05-21 10:32'));
});

afterEach(() => {
  expect(nock.isDone()).toBe(true);
  nock.cleanAll();
});

afterAll(async () => {
  await bot?.stop();
  nock.enableNetConnect();
});

/** The link as the card would carry it, asked of this bot. */
function local(url: string): string {
  const parsed = new URL(url);

  return `${bot.url}${parsed.pathname}${parsed.search}`;
}

const links = () => createReportLinks(bot.context.env);

describe('GET /print/notice/:id through a signed link', () => {
  it('shows the whole 督办通知单 for printing, a confidential one included', async () => {
    const response = await fetch(local(links().printableNoticeUrl(secretId, new Date())));
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    for (const text of [
      '珠山区财政局（国资办）督办通知单',
      '珠国资督〔2025〕1号',
      '关于区领导批示事项的督办',
      '请按要求和时限认真办理并书面反馈。'.slice(0, 4),
      '珠山区城市建设投资有限公司',
      '2025-05-21',
      '2025-05-28 17:30 前',
      '王督查（督查室）',
      '收到本通知单扣 0.5 分',
      '城投联络员',
      '2025-05-21 10:32',
      '第一责任人签字',
      '涉密',
      '@page { size: A4',
    ]) {
      expect(html).toContain(text);
    }
  });

  it.each([
    ['expired', (url: string) => url, -46, '链接已过期'],
    [
      'for another notice',
      (url: string) => url.replace(/notice\/[^?]+/, 'notice/2025-2'),
      0,
      '链接无效',
    ],
    [
      'with its expiry moved',
      (url: string) => url.replace(/exp=(\d+)/, (_m, exp: string) => `exp=${Number(exp) + 999}`),
      0,
      '链接无效',
    ],
    ['without a signature', (url: string) => url.replace(/&sig=.*/, ''), 0, '链接无效'],
  ])('answers 403 in Chinese to a link %s', async (_case, tamper, daysAgo, message) => {
    const madeAt = new Date(Date.now() + daysAgo * 86_400_000);
    const response = await fetch(tamper(local(links().printableNoticeUrl(secretId, madeAt))));

    expect(response.status).toBe(403);
    expect(await response.text()).toContain(message);
  });
});

describe('the operations pages', () => {
  const paths = [
    '/admin/',
    '/admin/reports/statistics.xlsx?period=2025',
    '/admin/reports/statistics.csv?period=2025',
    '/admin/reports/score?year=2025',
    '/admin/reports/score/chengtou?year=2025',
    `/admin/archive/2025-1.zip`,
  ];

  it.each(paths)('answers 401 to %s without the token, or with a wrong one', async (path) => {
    const bare = await fetch(`${bot.url}${path}`);
    const wrong = await fetch(`${bot.url}${path}`, {
      headers: { authorization: 'Bearer not-the-token' },
    });

    expect(bare.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(await bare.text()).toContain('需要管理口令');
  });

  it('serves the .xlsx to a Bearer token, as the table of the year', async () => {
    const response = await fetch(`${bot.url}/admin/reports/statistics.xlsx?period=2025`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('督办情况统计表')!;

    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('督办情况统计表-2025.xlsx')}`,
    );
    expect((sheet.getRow(5).values as unknown[]).slice(2, 4)).toEqual([
      '珠山区城市建设投资有限公司',
      1,
    ]);
  });

  it('serves the CSV with a BOM to ?token= and refuses a period it cannot read', async () => {
    const csv = await fetch(
      `${bot.url}/admin/reports/statistics.csv?period=2025-05&part=items&token=${token}`,
    );
    const bad = await fetch(
      `${bot.url}/admin/reports/statistics.csv?period=2025-13&token=${token}`,
    );
    const bytes = Buffer.from(await csv.arrayBuffer());

    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('珠国资督〔2025〕1号,关于区领导批示事项的督办');
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('没有 13 月');
  });

  it('links the index to the downloads, keeping the browser’s token', async () => {
    const html = await (await fetch(`${bot.url}/admin/?token=${token}`)).text();

    expect(html).toContain(`/admin/reports/statistics.xlsx?period=`);
    expect(html).toContain(`token=${token}`);
  });

  it('answers 404 for the zip of a notice that is not archived', async () => {
    const response = await fetch(`${bot.url}/admin/archive/${secretId}.zip?token=${token}`);

    expect(response.status).toBe(404);
    expect(await response.text()).toContain('尚未归档');
  });

  it('never writes the token or a link signature to the log', async () => {
    const link = local(links().printableNoticeUrl(secretId, new Date()));
    const signature = new URL(link).searchParams.get('sig')!;
    await fetch(link);
    await fetch(`${bot.url}/admin/?token=${token}`);
    await fetch(`${bot.url}/admin/?token=wrong-token-value-1234`);
    await fetch(`${bot.url}/admin/`, { headers: { authorization: `Bearer ${token}` } });

    const log = logLines.join('');
    expect(log).toContain('/admin/?token=[redacted]');
    expect(log).not.toContain(token);
    expect(log).not.toContain('wrong-token-value-1234');
    expect(log).not.toContain(signature);
  });
});
