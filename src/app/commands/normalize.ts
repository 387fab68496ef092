/**
 * Makes typed text uniform before parsing: people type on phones, with full-width or
 * half-width punctuation, extra spaces, and brackets of every kind.
 */
export function normalizeCommandText(text: string): string {
  return text
    .replace(/[\u200b-\u200d\ufeff]/g, '') // zero-width characters pasted from documents
    .replace(/\u3000/g, ' ') // full-width space
    .replace(/[：]/g, ':')
    .replace(/[，、；;]/g, ',')
    .replace(/[［【]/g, '[')
    .replace(/[］】]/g, ']')
    .replace(/﹝/g, '〔') // the small brackets some input methods offer for 〔〕
    .replace(/﹞/g, '〕')
    .replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[／]/g, '/')
    .replace(/[－—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:@\S+\s+)+/, ''); // a leftover @mention of someone else
}

/** Drops the full stop or exclamation people end a sentence with: 列表 逾期。 */
export function withoutFinalStop(text: string): string {
  return text.replace(/[。.!！?？]+$/, '').trim();
}

/** Splits "a, b,c" into ['a', 'b', 'c'] (commas already normalised). */
export function splitList(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((part) => part.trim())
    .filter(Boolean);
}
