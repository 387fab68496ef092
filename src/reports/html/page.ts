/**
 * The frame of every page this service serves to a browser: printable notices, score reports,
 * dossiers and the operations pages. Plain HTML with print styles; no scripts but the print
 * button.
 */

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const baseStyle = `
  body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; color: #111;
         max-width: 210mm; margin: 0 auto; padding: 12mm; line-height: 1.6; }
  h1 { text-align: center; font-size: 22pt; letter-spacing: 2pt; margin: 0 0 4mm; }
  .meta { display: flex; justify-content: space-between; font-size: 11pt; margin-bottom: 3mm; }
  table { width: 100%; border-collapse: collapse; font-size: 11.5pt; }
  th, td { border: 1px solid #000; padding: 2.5mm 3mm; vertical-align: top; text-align: left; }
  th { white-space: nowrap; width: 7em; font-weight: bold; background: #f3f3f3; }
  td.num, th.num { text-align: right; width: 6em; }
  .pre { white-space: pre-wrap; }
  th.part { text-align: center; letter-spacing: 4pt; }
  .secret { color: #b00; font-weight: bold; border: 2px solid #b00; padding: 0 2mm; }
  .toolbar { text-align: right; margin-bottom: 4mm; }
  .note { font-size: 10pt; color: #444; }
  @page { size: A4; margin: 18mm 16mm; }
  @media print { body { padding: 0; max-width: none; } .toolbar { display: none; }
                 th { background: none; } a { color: inherit; text-decoration: none; } }
`;

/**
 * A whole HTML document; `body` is already-escaped HTML. `style` is added after the base
 * styles (a page's own layout, such as the one-page notice).
 */
export function page(
  title: string,
  body: string,
  options: { printButton?: boolean; style?: string } = {},
): string {
  const toolbar = options.printButton
    ? '<div class="toolbar"><button onclick="window.print()">打印</button></div>'
    : '';

  return [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(title)}</title><style>${baseStyle}${options.style ?? ''}</style></head>`,
    `<body>${toolbar}${body}</body></html>`,
  ].join('\n');
}

/** A short page that explains a refusal in Chinese (401, 403, 404). */
export function messagePage(title: string, message: string): string {
  return page(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}

/** A table row of 「label | value」 cells; values are escaped here. */
export function fieldRow(cells: Array<[string, string, string?]>): string {
  const html = cells
    .map(([label, value, cls]) => {
      const attr = cls ? ` class="${cls}"` : '';
      return `<th>${escapeHtml(label)}</th><td${attr}>${escapeHtml(value)}</td>`;
    })
    .join('');

  return `<tr>${html}</tr>`;
}

/**
 * A row of one label and a value across the other three columns (escaped here); `pre` keeps
 * line breaks, `blankMm` leaves that much height to write in by hand.
 */
export function wideRow(
  label: string,
  value: string,
  options: { pre?: boolean; blankMm?: number } = {},
): string {
  const cls = options.pre ? ' class="pre"' : '';
  const height = options.blankMm ? ` style="height: ${options.blankMm}mm"` : '';

  return `<tr><th>${escapeHtml(label)}</th><td colspan="3"${cls}${height}>${escapeHtml(value)}</td></tr>`;
}
