/**
 * Zero-width characters pasted from documents, and a leftover @mention of someone else typed
 * before the command, removed; nothing else changed. The 督办 line's 标题 and 内容 are read
 * from this text, so the notice keeps its punctuation exactly as typed.
 */
export function cleanTypedText(text: string): string {
  return text
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .trim()
    .replace(/^(?:@\S+\s+)+/, '');
}

/**
 * Makes typed text uniform before parsing: people type on phones, with full-width or
 * half-width punctuation, extra spaces, and brackets of every kind.
 */
export function normalizeCommandText(text: string): string {
  return cleanTypedText(text)
    .replace(/\u3000/g, ' ') // full-width space
    .replace(/[：]/g, ':')
    .replace(/[，、；;]/g, ',')
    .replace(/[［【]/g, '[')
    .replace(/[］】]/g, ']')
    .replace(/﹝/g, '〔') // the small brackets some input methods offer for 〔〕
    .replace(/﹞/g, '〕')
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
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
