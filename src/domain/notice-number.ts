/**
 * 督办通知单 numbers: 珠国资督〔2025〕12号. Unique per year; the prefix comes from the policy.
 */
export function formatNoticeNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕${seq}号`;
}

/** The assignment id for a number: `<year>-<seq>`. */
export function assignmentIdOf(year: number, seq: number): string {
  return `${year}-${seq}`;
}

/**
 * Reads a notice number as people type it: 〔〕, [], ［］, 【】 or () around the year, with or
 * without the prefix and 号, or the bare id `2025-12`. Returns null when it is not one.
 */
export function parseNoticeNumber(text: string): { year: number; seq: number } | null {
  const cleaned = text.trim().replace(/\s+/g, '');
  const bare = /^(\d{4})-(\d{1,5})$/.exec(cleaned);
  const bracketed = /^[^\d〔[［【(（]*[〔[［【(（](\d{4})[〕\]］】)）]第?(\d{1,5})号?$/.exec(
    cleaned,
  );
  const match = bare ?? bracketed;
  if (!match) return null;

  const year = Number(match[1]);
  const seq = Number(match[2]);
  if (seq < 1 || year < 2000 || year > 2100) return null;

  return { year, seq };
}
