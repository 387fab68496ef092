import type { Command, CommandError } from './command.js';
import { splitList, withoutFinalStop } from './normalize.js';
import { parseTypedDay } from './parse-day.js';
import { fieldWords, levelWords } from './vocabulary.js';

type IssueLine = Extract<Command, { name: 'issueLine' }>;
type Field = (typeof fieldWords)[string];

/** `企业:` and the other field markers, at the start or after a space. */
const fieldMarker = new RegExp(`(?:^|\\s)(${Object.keys(fieldWords).join('|')})\\s*:`, 'g');

/**
 * The one-line form: `督办 <标题> 企业:<简称,…> 级别:<一般|重要|特别重大> 时限:<日期> 内容:<…>`.
 * Fields may come in any order; 内容 may contain spaces. Unknown enterprises and the deadline's
 * limits are checked later, against the directory and the policy.
 */
export function parseIssueLine(rest: string, now: Date): IssueLine | CommandError {
  const markers = [...rest.matchAll(fieldMarker)];
  const title = (markers[0] ? rest.slice(0, markers[0].index) : rest).trim();
  if (!title) return fail('请写上事项标题');

  const fields = new Map<Field, string>();
  for (const [index, marker] of markers.entries()) {
    const field = fieldWords[marker[1] as string] as Field;
    // A field written twice would silently drop the first (企业:城投 … 企业:文旅): ask instead.
    if (fields.has(field)) return fail(`「${marker[1]}:」写了两次，请合并为一处`);
    const start = (marker.index ?? 0) + marker[0].length;
    const end = markers[index + 1]?.index ?? rest.length;
    const value = rest.slice(start, end).trim();
    fields.set(field, field === 'content' ? value : withoutFinalStop(value));
  }

  const enterprises = splitList(fields.get('enterprises') ?? '');
  if (enterprises.length === 0) return fail('请写上承办企业，如 企业:城投,文旅');
  const levelText = fields.get('level');
  const level = levelText ? levelWords[levelText] : 'routine';
  if (!level) return fail(`级别「${levelText}」不认识，可用：一般、重要、特别重大、按期`);
  const deadline = readDeadline(fields.get('deadline'), now);
  if (typeof deadline === 'object') return deadline;

  return {
    name: 'issueLine',
    title,
    enterprises,
    level,
    deadline,
    content: fields.get('content'),
    category: fields.get('category'),
    confidential: /^(是|涉密|yes|y)$/i.test(fields.get('confidential') ?? ''),
    oral: fields.get('form') === '口头',
  };
}

function readDeadline(text: string | undefined, now: Date): string | undefined | CommandError {
  if (!text) return undefined;
  const parsed = parseTypedDay(text, now);

  return 'error' in parsed ? fail(parsed.error) : parsed.day;
}

function fail(message: string): CommandError {
  return {
    name: 'error',
    message: `${message}。格式：督办 <标题> 企业:<简称,…> 级别:<一般|重要|特别重大> 时限:<日期> 内容:<…>`,
    suggestion: 'issueLine',
  };
}
