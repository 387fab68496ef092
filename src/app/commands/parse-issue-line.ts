import type { Command, CommandError } from './command.js';
import { normalizeCommandText, splitList, withoutFinalStop } from './normalize.js';
import { parseTypedDay } from './parse-day.js';
import { fieldWords, levelWords, noWords, yesWords } from './vocabulary.js';

type IssueLine = Extract<Command, { name: 'issueLine' }>;
type Field = (typeof fieldWords)[string];

/** `企业:` and the other field markers (either colon), at the start or after a space. */
const fieldMarker = new RegExp(`(?:^|\\s)(${Object.keys(fieldWords).join('|')})\\s*[:：]`, 'g');

/**
 * The one-line form: `督办 <标题> 企业:<简称,…> 级别:<一般|重要|特别重大> 时限:<日期> 内容:<…>`.
 * Fields may come in any order; 内容 may contain spaces; the title may also be written
 * `标题:…`. `rest` is the text as typed: 标题 and 内容 are the notice's own words and are
 * kept exactly (trimmed); only the values read here (enterprises, level, date, flags) are
 * normalised. Unknown enterprises and the deadline's limits are checked later, against the
 * directory and the policy.
 */
export function parseIssueLine(rest: string, now: Date): IssueLine | CommandError {
  const fields = fieldsOf(rest);
  if ('name' in fields) return fields;
  const title = titleOf(fields);
  if (typeof title !== 'string') return title;

  const value = (field: Field) => {
    const typed = fields.values.get(field);
    return typed === undefined ? undefined : withoutFinalStop(normalizeCommandText(typed));
  };
  const enterprises = splitList(value('enterprises') ?? '');
  if (enterprises.length === 0) return fail('请写上承办企业，如 企业:城投,文旅');
  const levelText = value('level');
  const level = levelText ? levelWords[levelText.toLowerCase()] : 'routine';
  if (!level) return fail(`级别「${levelText}」不认识，可用：一般、重要、特别重大、按期`);
  const deadline = readDeadline(value('deadline'), now);
  if (typeof deadline === 'object') return deadline;
  const confidential = readConfidential(value('confidential'));
  if (typeof confidential === 'object') return confidential;
  const oral = readForm(value('form'));
  if (typeof oral === 'object') return oral;

  return {
    name: 'issueLine',
    title,
    enterprises,
    level,
    deadline,
    content: fields.values.get('content')?.trim(),
    category: value('category'),
    confidential,
    oral,
  };
}

interface TypedFields {
  /** The text before the first marker. */
  lead: string;
  values: Map<Field, string>;
}

function fieldsOf(rest: string): TypedFields | CommandError {
  const markers = [...rest.matchAll(fieldMarker)];
  const lead = (markers[0] ? rest.slice(0, markers[0].index) : rest).trim();
  const values = new Map<Field, string>();
  for (const [index, marker] of markers.entries()) {
    const field = fieldWords[marker[1] as string] as Field;
    // A field written twice would silently drop the first (企业:城投 … 企业:文旅): ask instead.
    if (values.has(field)) return fail(`「${marker[1]}:」写了两次，请合并为一处`);
    const start = (marker.index ?? 0) + marker[0].length;
    const end = markers[index + 1]?.index ?? rest.length;
    values.set(field, rest.slice(start, end));
  }

  return { lead, values };
}

/** The words before the first field, or those after 标题: / 事项:, never both. */
function titleOf({ lead, values }: TypedFields): string | CommandError {
  const marked = values.get('title')?.trim();
  if (marked !== undefined && lead) return fail('标题写了两处，请只写一处');
  // A title is one line, wherever the person broke it.
  const title = (marked ?? lead).replace(/\s*\n\s*/g, ' ');

  return title ? title : fail('请写上事项标题');
}

function readDeadline(text: string | undefined, now: Date): string | undefined | CommandError {
  if (!text) return undefined;
  const parsed = parseTypedDay(text, now);

  return 'error' in parsed ? fail(parsed.error) : parsed.day;
}

/** 是/否 and their many spellings; anything else is asked again, never guessed. */
function readConfidential(text: string | undefined): boolean | CommandError {
  if (text === undefined || text === '') return false;
  const word = text.toLowerCase();
  if (yesWords.includes(word)) return true;
  if (noWords.includes(word)) return false;

  return fail('涉密请写“是”或“否”');
}

/** 书面 (the default) or 口头: true when oral. */
function readForm(text: string | undefined): boolean | CommandError {
  if (text === undefined || text === '' || text === '书面') return false;
  if (text === '口头') return true;

  return fail('形式请写“书面”或“口头”');
}

function fail(message: string): CommandError {
  return {
    name: 'error',
    message: `${message}。格式：督办 <标题> 企业:<简称,…> 级别:<一般|重要|特别重大> 时限:<日期> 内容:<…>`,
    suggestion: 'issueLine',
  };
}
