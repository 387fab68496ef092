/**
 * The dossier as a zip for the archive: the record as JSON, the readable dossier page and the
 * printable 督办通知单 as it was rendered when archived. Entries are dated with the archive
 * time, so the same dossier always gives the same file.
 */
import JSZip from 'jszip';
import type { Dossier } from '../domain/dossier.js';
import type { Policy } from '../domain/policy.js';
import { dossierPage } from './html/dossier.page.js';
import { printableNoticePage } from './html/notice-print.page.js';

/** File names inside the zip (ASCII, so every unzip tool shows them). */
export const dossierFiles = {
  record: 'dossier.json',
  page: 'dossier.html',
  notice: 'notice.html',
} as const;

/**
 * The zip file's bytes. `policy` serves only dossiers archived before the printed notice was
 * kept in them.
 */
export async function dossierZip(dossier: Dossier, policy: Policy): Promise<Buffer> {
  const zip = new JSZip();
  const options = { date: dossier.archivedAt };
  // The notice is its own file; the record keeps the data it was made from.
  const { printedNotice, ...record } = dossier;

  zip.file(dossierFiles.record, JSON.stringify(record, null, 2), options);
  zip.file(dossierFiles.page, dossierPage(dossier), options);
  zip.file(dossierFiles.notice, printedNotice ?? noticeOfOlderDossier(dossier, policy), options);

  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * Limitation: a dossier archived before the printed notice was kept in it gets one rendered
 * now, with today's policy (scoring line, close of day) and page layout; its data and office
 * are still those archived.
 */
function noticeOfOlderDossier(dossier: Dossier, policy: Policy): string {
  const office = { ...dossier.office };

  return printableNoticePage({ assignment: dossier.assignment, office, policy });
}

/** 「2025-督办-0012.zip」. */
export function dossierFileName(dossier: Dossier): string {
  return `${dossier.archiveNumber}.zip`;
}
