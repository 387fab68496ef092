/**
 * The 督办情况统计表 as an .xlsx laid out as an official table: title, issuing unit, date and
 * period above, a frozen header, a totals line, the column definitions under it, A4 landscape
 * print setup; and the per-notice list on a second sheet.
 */
import ExcelJS from 'exceljs';
import { dayOf } from '../domain/dates.js';
import { fullMoment } from '../domain/format.js';
import type { Policy } from '../domain/policy.js';
import type { StatisticsTable } from '../domain/statistics.js';
import {
  itemCells,
  itemHeaders,
  statisticsNotes,
  summaryCells,
  summaryHeaderLine,
} from './statistics-columns.js';

/** Who the table is from, as printed above it. */
export interface TableHeading {
  /** 珠山区财政局（国资办）: the title reads 「…督办情况统计表」. */
  officeName: string;
  /** 填报单位: 区国有资产管理中心（督查室）. */
  issuingUnit: string;
}

export const summarySheetName = '督办情况统计表';
export const itemSheetName = '督办事项明细';

// A Chinese character is about two "characters" of Excel's width unit.
const summaryWidths = [6, 36, 11, 8, 10, 10, 10, 10, 8, 8, 8, 10, 9];
const itemWidths = [6, 26, 44, 10, 14, 12, 12, 18, 10];

const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const bodyFont = { name: '宋体', size: 11 };
const pointsFormat = '+0.0##;-0.0##;0';
/** ExcelJS's PaperSize.A4 (a const enum, which isolated modules cannot import). */
const paperA4 = 9;

/** Builds the workbook and returns the .xlsx file's bytes. */
export async function statisticsWorkbook(
  table: StatisticsTable,
  heading: TableHeading,
  policy: Policy,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '督办助手';
  workbook.created = table.generatedAt;

  addSummarySheet(workbook, table, heading, policy);
  addItemSheet(workbook, table, heading);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addSummarySheet(
  workbook: ExcelJS.Workbook,
  table: StatisticsTable,
  heading: TableHeading,
  policy: Policy,
): void {
  const headerRow = 4;
  const sheet = newSheet(workbook, summarySheetName, summaryWidths, headerRow);
  const lastColumn = summaryWidths.length;

  writeTitle(sheet, `${heading.officeName}督办情况统计表`, lastColumn);
  writeMeta(
    sheet,
    2,
    lastColumn,
    `填报单位：${heading.issuingUnit}`,
    `制表日期：${dayOf(table.generatedAt)}`,
  );
  const { period } = table;
  const span = `统计期间：${period.label}（${period.fromDay} 至 ${period.toDay}），状态截至 ${fullMoment(table.generatedAt)}`;
  writeMeta(sheet, 3, lastColumn, span, '');

  writeHeader(sheet, headerRow, summaryHeaderLine());
  table.rows.forEach((row, index) => writeBodyRow(sheet, [index + 1, ...summaryCells(row)], [2]));
  const totals = writeBodyRow(sheet, ['', ...summaryCells(table.totals)], [2]);
  totals.font = { ...bodyFont, bold: true };
  sheet.getColumn(lastColumn).numFmt = pointsFormat;

  writeNotes(sheet, lastColumn, statisticsNotes(policy));
}

function addItemSheet(
  workbook: ExcelJS.Workbook,
  table: StatisticsTable,
  heading: TableHeading,
): void {
  const headerRow = 3;
  const sheet = newSheet(workbook, itemSheetName, itemWidths, headerRow);
  const lastColumn = itemWidths.length;

  writeTitle(sheet, `${heading.officeName}督办事项明细`, lastColumn);
  writeMeta(
    sheet,
    2,
    lastColumn,
    `统计期间：${table.period.label}`,
    `制表日期：${dayOf(table.generatedAt)}`,
  );
  writeHeader(sheet, headerRow, ['序号', ...itemHeaders]);
  table.items.forEach((item, index) =>
    writeBodyRow(sheet, [index + 1, ...itemCells(item)], [2, 3]),
  );
}

function newSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  widths: number[],
  headerRow: number,
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }],
    pageSetup: {
      paperSize: paperA4,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${headerRow}:${headerRow}`,
    },
  });
  sheet.columns = widths.map((width) => ({ width }));

  return sheet;
}

function writeTitle(sheet: ExcelJS.Worksheet, title: string, lastColumn: number): void {
  sheet.mergeCells(1, 1, 1, lastColumn);
  const cell = sheet.getCell(1, 1);
  cell.value = title;
  cell.font = { name: '方正小标宋简体', size: 18, bold: true };
  cell.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 36;
}

/** A line above the table: text on the left, and optionally more on the right. */
function writeMeta(
  sheet: ExcelJS.Worksheet,
  rowNumber: number,
  lastColumn: number,
  left: string,
  right: string,
): void {
  const split = right ? Math.ceil(lastColumn / 2) : lastColumn;
  sheet.mergeCells(rowNumber, 1, rowNumber, split);
  sheet.getCell(rowNumber, 1).value = left;
  sheet.getCell(rowNumber, 1).font = bodyFont;
  if (!right) return;

  sheet.mergeCells(rowNumber, split + 1, rowNumber, lastColumn);
  const cell = sheet.getCell(rowNumber, split + 1);
  cell.value = right;
  cell.font = bodyFont;
  cell.alignment = { horizontal: 'right' };
}

function writeHeader(sheet: ExcelJS.Worksheet, rowNumber: number, headers: string[]): void {
  const row = sheet.getRow(rowNumber);
  row.values = headers;
  row.height = 30;
  row.eachCell((cell) => {
    cell.font = { ...bodyFont, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = border;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7ECF3' } };
  });
}

/** A bordered line of the table; `textColumns` (1-based) are left-aligned and wrap. */
function writeBodyRow(
  sheet: ExcelJS.Worksheet,
  values: Array<string | number>,
  textColumns: number[],
): ExcelJS.Row {
  const row = sheet.addRow(values);
  row.font = bodyFont;
  row.eachCell({ includeEmpty: true }, (cell, column) => {
    cell.border = border;
    const text = textColumns.includes(column);
    cell.alignment = { vertical: 'middle', horizontal: text ? 'left' : 'center', wrapText: text };
  });

  return row;
}

function writeNotes(sheet: ExcelJS.Worksheet, lastColumn: number, notes: string[]): void {
  sheet.addRow([]);
  for (const [index, note] of ['说明：', ...notes].entries()) {
    const row = sheet.addRow([index === 0 ? note : `${index}. ${note}`]);
    sheet.mergeCells(row.number, 1, row.number, lastColumn);
    row.getCell(1).font = { name: '宋体', size: 10 };
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    row.height = note.length > 60 ? 28 : 16;
  }
}
