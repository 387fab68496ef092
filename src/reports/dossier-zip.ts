/**
 * The dossier as a zip for the archive: the record as JSON, the readable dossier page and the
 * printable 督办通知单. Entries are dated with the archive time, so the same dossier always
 * gives the same file.
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

/** The zip file's bytes. */
export async function dossierZip(dossier: Dossier, policy: Policy): Promise<Buffer> {
  const zip = new JSZip();
  const options = { date: dossier.archivedAt };
  const office = { ...dossier.office };

  zip.file(dossierFiles.record, JSON.stringify(dossier, null, 2), options);
  zip.file(dossierFiles.page, dossierPage(dossier), options);
  zip.file(
    dossierFiles.notice,
    printableNoticePage({ assignment: dossier.assignment, office, policy }),
    options,
  );

  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** 「2025-督办-0012.zip」. */
export function dossierFileName(dossier: Dossier): string {
  return `${dossier.archiveNumber}.zip`;
}
