/**
 * The 督办情况统计表 as CSV: UTF-8 with a byte-order mark (without it Excel on Windows reads
 * the Chinese as GBK and shows mojibake), CRLF line ends and RFC 4180 quoting.
 */
import type { StatisticsTable } from '../domain/statistics.js';
import { itemCells, itemHeaders, summaryCells, summaryHeaderLine } from './statistics-columns.js';

/** Which table: the per-enterprise summary (with its totals line) or the per-notice list. */
export type CsvPart = 'summary' | 'items';

const byteOrderMark = '\uFEFF';

/** The CSV text of one part of the table, BOM included. */
export function statisticsCsv(table: StatisticsTable, part: CsvPart): string {
  const lines =
    part === 'summary'
      ? [
          summaryHeaderLine(),
          ...table.rows.map((row, index) => [index + 1, ...summaryCells(row)]),
          ['', ...summaryCells(table.totals)],
        ]
      : [
          ['序号', ...itemHeaders],
          ...table.items.map((item, index) => [index + 1, ...itemCells(item)]),
        ];

  return byteOrderMark + lines.map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * One field, quoted when it holds a comma, quote or line break. Text that a spreadsheet would
 * run as a formula (starting with = + - @) gets a leading apostrophe: titles are typed by
 * people, and a file from the office must not execute anything when opened.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;

  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
