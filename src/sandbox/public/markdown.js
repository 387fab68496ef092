/**
 * The subset of Feishu card markdown the bot writes, as HTML: **bold**, ~~strike~~,
 * [text](https://…) links, <font color='red'>…</font>, line breaks, and entities such as
 * &lt; shown as the character. Everything else is text, escaped. Pure: string in, string out.
 */

/** Text safe inside HTML content and attribute values. */
export function escapeHtml(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Like escapeHtml, but an entity already written (&lt; &amp; &#39; …) stays one. */
function escapeKeepingEntities(text) {
  return text
    .replace(/&(?!(?:lt|gt|amp|quot|apos|nbsp|#\d+|#x[0-9a-fA-F]+);)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A colour name usable in a class name, or '' for anything else. */
export function colourClass(prefix, colour) {
  return /^[a-z][a-z_-]{0,20}$/.test(String(colour ?? '')) ? `${prefix}${colour}` : '';
}

const fontTag = /<font\s+color\s*=\s*['"]?([A-Za-z_-]+)['"]?\s*>|<\/font>/g;

/** Splits out <font> tags, escapes the text between them, and balances what is left open. */
function withFonts(content) {
  let html = '';
  let open = 0;
  let last = 0;
  for (const match of content.matchAll(fontTag)) {
    html += escapeKeepingEntities(content.slice(last, match.index));
    last = match.index + match[0].length;
    if (match[1] !== undefined) {
      html += `<span class="fs-font ${colourClass('fs-c-', match[1].toLowerCase())}">`;
      open += 1;
    } else if (open > 0) {
      html += '</span>';
      open -= 1;
    }
  }
  html += escapeKeepingEntities(content.slice(last));

  return html + '</span>'.repeat(open);
}

/** Feishu markdown to HTML. */
export function renderMarkdown(content) {
  return withFonts(String(content ?? ''))
    .replace(
      /\[([^\]\n]+)\]\((https?:\/\/[^)\s]+|\/[^)\s]*)\)/g,
      (_all, text, url) => `<a href="${url}" target="_blank" rel="noopener">${text}</a>`,
    )
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/~~(.+?)~~/g, '<del>$1</del>')
    .replace(/\r?\n/g, '<br>');
}
