/**
 * The operations pages behind ADMIN_TOKEN (mounted at /admin): statistics downloads (.xlsx,
 * CSV), the ranking and score reports, dossier zips, and an index page linking them.
 */
import { Router, type Request, type Response } from 'express';
import { dayOf } from '../domain/dates.js';
import { parsePeriod } from '../domain/period.js';
import { dossierFileName, dossierZip } from '../reports/dossier-zip.js';
import { messagePage } from '../reports/html/page.js';
import { rankingPage, scoreReportPage } from '../reports/html/score-report.page.js';
import { adminIndexPage } from '../reports/html/admin-index.page.js';
import { loadRanking, loadScoreReport } from '../reports/score-report.js';
import { statisticsCsv } from '../reports/statistics.csv.js';
import { buildStatisticsTable } from '../reports/statistics.service.js';
import { statisticsWorkbook } from '../reports/statistics.xlsx.js';
import type { RuntimeContext } from '../runtime.js';
import { listDossiers, loadDossier } from '../store/dossier.repo.js';
import { recentDigests, remarksOf } from '../store/report.repo.js';
import { requireAdminToken } from './admin-auth.js';
import { sendPage } from './print.routes.js';

type AdminContext = Pick<RuntimeContext, 'env' | 'clock' | 'directory' | 'policy' | 'calendar'>;

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function createAdminRouter(context: AdminContext): Router {
  const router = Router();
  router.use(requireAdminToken(context.env.ADMIN_TOKEN));

  router.get('/', async (req, res) => {
    const year = Number(dayOf(context.clock.now()).slice(0, 4));
    const digests = await recentDigests(5);
    const remarks = await Promise.all(digests.map((d) => remarksOf(d.id)));
    const dossiers = await listDossiers(year);
    sendPage(res, adminIndexPage({ year, digests, remarks, dossiers, href: hrefFor(req) }));
  });

  router.get('/reports/statistics.:format', async (req, res) => {
    const { format } = req.params;
    if (format !== 'xlsx' && format !== 'csv') return notFound(res, '只提供 xlsx 和 csv 两种格式');
    const now = context.clock.now();
    const period = parsePeriod(stringOf(req.query.period), now);
    if ('ok' in period) return badRequest(res, period.message);

    const table = await buildStatisticsTable(context, period, now);
    const name = `督办情况统计表-${period.key}.${format}`;
    if (format === 'csv') {
      const part = req.query.part === 'items' ? 'items' : 'summary';
      return download(
        res,
        name,
        'text/csv; charset=utf-8',
        Buffer.from(statisticsCsv(table, part)),
      );
    }
    const { office } = await context.directory.current();
    const heading = { officeName: office.name, issuingUnit: office.supervisionUnit };
    download(res, name, xlsxType, await statisticsWorkbook(table, heading, context.policy));
  });

  router.get('/reports/score', async (req, res) => {
    const year = yearOf(req, context);
    if (year === null) return badRequest(res, '年份请写成 2025');
    const ranking = await loadRanking(context.directory, year);
    const href = hrefFor(req);
    sendPage(
      res,
      rankingPage(year, ranking, (id) =>
        href(`/admin/reports/score/${encodeURIComponent(id)}`, { year }),
      ),
    );
  });

  router.get('/reports/score/:enterpriseId', async (req, res) => {
    const year = yearOf(req, context);
    if (year === null) return badRequest(res, '年份请写成 2025');
    const report = await loadScoreReport(context.directory, req.params.enterpriseId, year);
    if (!report) return notFound(res, '未找到该企业');
    sendPage(res, scoreReportPage(report, context.clock.now()));
  });

  router.get('/archive/:file', async (req, res) => {
    const match = /^(.+)\.zip$/.exec(req.params.file);
    const dossier = match?.[1] ? await loadDossier(match[1]) : null;
    if (!dossier) return notFound(res, '该督办尚未归档，或编号有误');
    download(
      res,
      dossierFileName(dossier),
      'application/zip',
      await dossierZip(dossier, context.policy),
    );
  });

  return router;
}

/** Links that keep the `?token=` a browser came with, so the next page opens too. */
function hrefFor(req: Request) {
  const token = typeof req.query.token === 'string' ? req.query.token : undefined;

  return (path: string, query: Record<string, string | number> = {}): string => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) params.set(key, String(value));
    if (token) params.set('token', token);
    const search = params.toString();
    return search ? `${path}?${search}` : path;
  };
}

function yearOf(req: Request, context: AdminContext): number | null {
  const text = stringOf(req.query.year) ?? dayOf(context.clock.now()).slice(0, 4);
  const year = Number(text);

  return /^\d{4}$/.test(text) && year >= 2000 && year <= 2100 ? year : null;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A file download; the name is given in ASCII-safe and UTF-8 forms (RFC 6266). */
function download(res: Response, fileName: string, type: string, body: Buffer): void {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_');
  res
    .set(
      'Content-Disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .set('Cache-Control', 'private, no-store')
    .type(type)
    .send(body);
}

function badRequest(res: Response, message: string): void {
  res.status(400).type('html').send(messagePage('请求有误', message));
}

function notFound(res: Response, message: string): void {
  res.status(404).type('html').send(messagePage('未找到', message));
}
