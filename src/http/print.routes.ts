/**
 * Pages reached by signed, expiring links from cards: the printable 督办通知单 and an
 * enterprise's score report. The signature is the permission: a missing, changed or expired
 * one gets a 403 page in Chinese, and nothing is read.
 */
import { Router, type Request, type Response } from 'express';
import { loadAssignment } from '../store/assignment.repo.js';
import { printableNoticePage } from '../reports/html/notice-print.page.js';
import { messagePage } from '../reports/html/page.js';
import { scoreReportPage } from '../reports/html/score-report.page.js';
import { loadScoreReport } from '../reports/score-report.js';
import {
  createReportLinks,
  noticePath,
  scorePath,
  type LinkCheck,
} from '../reports/signed-links.js';
import type { RuntimeContext } from '../runtime.js';

type PrintContext = Pick<RuntimeContext, 'env' | 'clock' | 'directory' | 'policy'>;

/** Mounted at `/`: GET /print/notice/:assignmentId and GET /reports/score/:enterpriseId/:year. */
export function createPrintRouter(context: PrintContext): Router {
  const router = Router();
  const links = createReportLinks(context.env);
  const checked = (req: Request, res: Response, path: string): boolean => {
    const check = links.verify(path, req.query.exp, req.query.sig, context.clock.now());
    if (check !== 'valid') refuse(res, check);
    return check === 'valid';
  };

  router.get('/print/notice/:assignmentId', async (req, res) => {
    const { assignmentId } = req.params;
    if (!checked(req, res, noticePath(assignmentId))) return;
    const assignment = await loadAssignment(assignmentId);
    if (!assignment) return notFound(res, '未找到该督办通知单');

    const { office } = await context.directory.current();
    sendPage(res, printableNoticePage({ assignment, office, policy: context.policy }));
  });

  router.get('/reports/score/:enterpriseId/:year', async (req, res) => {
    const { enterpriseId } = req.params;
    const year = Number(req.params.year);
    if (!Number.isInteger(year) || !checked(req, res, scorePath(enterpriseId, year))) {
      if (!res.headersSent) refuse(res, 'invalid');
      return;
    }
    const report = await loadScoreReport(context.directory, enterpriseId, year);
    if (!report) return notFound(res, '未找到该企业');

    sendPage(res, scoreReportPage(report, context.clock.now()));
  });

  return router;
}

function refuse(res: Response, check: Exclude<LinkCheck, 'valid'>): void {
  const message =
    check === 'expired'
      ? '链接已过期，请在督办助手中重新打开卡片获取新链接。'
      : '链接无效，请在督办助手中重新打开卡片获取链接。';
  res.status(403).type('html').send(messagePage('无法打开', message));
}

function notFound(res: Response, message: string): void {
  res.status(404).type('html').send(messagePage('未找到', message));
}

/** Pages behind links are private: never cached by a proxy, never indexed. */
export function sendPage(res: Response, html: string): void {
  res
    .set('Cache-Control', 'private, no-store')
    .set('X-Robots-Tag', 'noindex')
    .type('html')
    .send(html);
}
