/**
 * The index of the operations pages: this year's downloads, the ranking, the archive and the
 * latest weekly digests with the leaders' remarks (阅示).
 */
import { fullMoment } from '../../domain/format.js';
import type { Remark, StoredDigest } from '../../store/report.repo.js';
import { escapeHtml, page } from './page.js';

export interface AdminIndexData {
  year: number;
  digests: StoredDigest[];
  /** Remarks of each digest, in the same order. */
  remarks: Remark[][];
  dossiers: Array<{ assignmentId: string; archiveNumber: string }>;
  href: (path: string, query?: Record<string, string | number>) => string;
}

export function adminIndexPage(data: AdminIndexData): string {
  const { year, href } = data;
  const link = (path: string, label: string, query: Record<string, string | number> = {}) =>
    `<a href="${escapeHtml(href(path, query))}">${escapeHtml(label)}</a>`;
  const body = [
    '<h1>督办助手 · 运行管理</h1>',
    `<h2>${year}年度督办情况统计表</h2><ul>`,
    `<li>${link('/admin/reports/statistics.xlsx', 'Excel（.xlsx）', { period: year })}</li>`,
    `<li>${link('/admin/reports/statistics.csv', 'CSV（按企业）', { period: year })}</li>`,
    `<li>${link('/admin/reports/statistics.csv', 'CSV（督办明细）', { period: year, part: 'items' })}</li>`,
    '</ul><p class="note">其他期间：period=2025-Q2、2025-05 或 2025-05-01~2025-06-30。</p>',
    `<h2>积分</h2><ul><li>${link('/admin/reports/score', `${year}年度积分排名`, { year })}</li></ul>`,
    `<h2>${year}年度档案</h2>`,
    dossierList(data, link),
    '<h2>督办工作周报与领导阅示</h2>',
    digestList(data),
  ];

  return page('督办助手 · 运行管理', body.join('\n'));
}

function dossierList(data: AdminIndexData, link: (path: string, label: string) => string): string {
  if (data.dossiers.length === 0) return '<p>暂无</p>';
  const items = data.dossiers.map(
    (d) =>
      `<li>${link(`/admin/archive/${encodeURIComponent(d.assignmentId)}.zip`, `${d.archiveNumber}.zip`)}</li>`,
  );

  return `<ul>${items.join('')}</ul>`;
}

function digestList(data: AdminIndexData): string {
  if (data.digests.length === 0) return '<p>暂无</p>';
  const rows = data.digests.map((digest, index) => {
    const f = digest.figures;
    const remarks = (data.remarks[index] ?? [])
      .map(
        (r) => `${escapeHtml(r.by.name)}（${escapeHtml(fullMoment(r.at))}）：${escapeHtml(r.text)}`,
      )
      .join('<br>');
    const figures = `交办 ${f.issued} · 办结 ${f.closed} · 逾期 ${f.overdue} · 本周到期 ${f.atRisk}`;
    return `<tr><td>${escapeHtml(f.week.id)}</td><td>${escapeHtml(figures)}</td><td>${remarks || '尚未阅示'}</td></tr>`;
  });

  return `<table><tr><th>周次</th><th>情况</th><th>阅示</th></tr>${rows.join('')}</table>`;
}
