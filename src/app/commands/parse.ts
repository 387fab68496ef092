import { parseNoticeNumber } from '../../domain/notice-number.js';
import type { Command, CommandError, CommandName } from './command.js';
import { exampleOf } from './examples.js';
import { normalizeCommandText, splitList, withoutFinalStop } from './normalize.js';
import { parseTypedDay } from './parse-day.js';
import { parseIssueLine } from './parse-issue-line.js';
import { closestCommand } from './suggest.js';
import { commandWords, filterWords } from './vocabulary.js';

/** Longest words first, so 新建督办 and 我的督办 win over 督办. */
const wordsByLength = [...commandWords].sort((a, b) => b[0].length - a[0].length);

/**
 * A notice number at the start of the text: 珠国资督〔2025〕12号, 珠国资督 〔2025〕第12号, [2025]12,
 * 2025-12; then a space, a comma or a colon before whatever follows.
 */
const numberPattern =
  /^((?:\S*?\s?)[〔[(（]\s*\d{4}\s*[〕\])）]\s*第?\s*\d+\s*号?|\d{4}-\d+)(?:[\s,:]+|$)/;

/** A date at the start of 延期's tail, spaces allowed inside: 2025 年 6 月 20 日, 6/20. */
const leadingDay =
  /^(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?|\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?)(?:[\s,:]+|$)/;

/** 优质 or 高质量, but not 不优质, 非高质量 or 未按时高质量. */
const highQualityWord = /(优质|高质量)/;
const deniedQuality = /[不非未没无]\s*(按时)?\s*(高质量|优质)/;

/**
 * Reads a chat message as a command. Forgiving of how people type (full- and half-width
 * punctuation, brackets, date formats); anything not understood is an error with the closest
 * command, for the help card.
 */
export function parseCommand(text: string, now: Date): Command | CommandError {
  const normalized = normalizeCommandText(text);
  if (!normalized) return { name: 'help' };

  const found = wordsByLength.find(([word]) => startsWithWord(normalized, word));
  if (!found) return bareNumber(normalized) ?? unknown(normalized);
  const [word, name] = found;
  const rest = normalized
    .slice(word.length)
    .replace(/^[:\s]+/, '')
    .trim();

  // 督办列表, 督办 帮助: the 督办 is a habit, the command follows. 新建督办 with fields is the line.
  if (name === 'issueLine' && !rest.includes(':')) {
    const inner = wordsByLength.find(([w, n]) => n !== 'issueLine' && startsWithWord(rest, w));
    if (inner) return parseCommand(rest, now);
  }
  if (name === 'newForm' && rest.includes(':')) return parseIssueLine(rest, now);

  return parseArguments(name, name === 'issueLine' ? rest : withoutFinalStop(rest), now);
}

/**
 * A number typed alone means "show me that one". Only the number: a word before it
 * (撤回 珠国资督〔2025〕12号) is a command not understood, answered with the closest one.
 */
function bareNumber(text: string): Command | null {
  // Spaces inside the number go; one after the prefix only when it is a prefix (珠国资督 〔…).
  const compact = withoutFinalStop(text)
    .replace(/督\s+(?=[〔[(（])/, '督')
    .replace(/([〔[(（〕\])）])\s+|\s+(?=[〕\])）])/g, '$1');
  if (/\s/.test(compact) || !parseNoticeNumber(compact)) return null;

  return { name: 'view', number: compact };
}

function startsWithWord(text: string, word: string): boolean {
  const head = text.slice(0, word.length).toLowerCase();
  if (head !== word.toLowerCase()) return false;
  // An English alias must stand alone: "list" but not "listing".
  return !/^[a-z]/i.test(word) || !/[a-z]/i.test(text.charAt(word.length));
}

function parseArguments(name: CommandName, rest: string, now: Date): Command | CommandError {
  switch (name) {
    case 'issueLine':
      return parseIssueLine(rest, now);
    case 'list':
      return parseList(rest);
    case 'view':
    case 'archive':
      return withNumber(name, rest, () => ({ name }));
    case 'nudge':
      return withNumber(name, rest, (tail) => parseNudge(tail));
    case 'extend':
      return withNumber(name, rest, (tail) => parseExtend(tail, now));
    case 'return':
    case 'withdraw':
    case 'refuse':
      return withNumber(name, rest, (tail) => reasonFor(name, tail));
    case 'complete':
      return withNumber(name, rest, (tail) => ({
        highQuality: highQualityWord.test(tail) && !deniedQuality.test(tail),
      }));
    case 'statistics':
    case 'export':
      return { name, period: rest || undefined };
    case 'score':
      return parseScore(rest);
    default:
      return { name } as Command;
  }
}

function parseList(rest: string): Command | CommandError {
  const words = splitList(rest);
  const filterWord = words.find((w) => filterWords[w.toLowerCase()] ?? filterWords[w]);
  const pageWord = words.find((w) => /^第?\d+页?$/.test(w));
  const unknownWord = words.find((w) => w !== filterWord && w !== pageWord);
  if (unknownWord) {
    return error(`不认识「${unknownWord}」，可用：列表 待签收 / 办理中 / 逾期 / 已办结`, 'list');
  }
  const filter = filterWord
    ? (filterWords[filterWord] ?? filterWords[filterWord.toLowerCase()])
    : undefined;

  const page = pageWord ? Math.max(1, Number(pageWord.replace(/\D/g, ''))) : 1;

  return { name: 'list', filter, page };
}

type Tail<N extends CommandName> = Omit<Extract<Command, { name: N }>, 'name' | 'number'>;

/** Commands about one notice: the number first, then the rest. */
function withNumber<N extends CommandName>(
  name: N,
  rest: string,
  parseTail: (tail: string) => Tail<N> | CommandError,
): Command | CommandError {
  const match = numberPattern.exec(rest);
  if (!match?.[1] || !parseNoticeNumber(match[1])) {
    return error(`请写上通知单编号，如：${exampleOf(name)}`, name);
  }
  const tail = parseTail(rest.slice(match[0].length).trim());
  if ('name' in tail && tail.name === 'error') return tail as CommandError;

  return { name, number: match[1], ...tail } as Command;
}

/** 催办's tail: an optional 加急 (however it is followed: 加急！ 加急,请… 加急请…), then the words. */
export function parseNudge(tail: string): Tail<'nudge'> {
  const urgentWord = /^(?:加急|urgent\b)[\s,:!！。]*/i.exec(tail);
  const message = urgentWord ? tail.slice(urgentWord[0].length) : tail;

  return { urgent: urgentWord !== null, message: message.trim() };
}

function parseExtend(tail: string, now: Date): Tail<'extend'> | CommandError {
  const match = leadingDay.exec(tail) ?? /^(\S+?)(?:[\s,:]+|$)/.exec(tail);
  if (!match?.[1])
    return error('请写上延期后的日期，如：延期 珠国资督〔2025〕12号 2025-06-20 原因', 'extend');
  const parsed = parseTypedDayOrError(match[1].replace(/\s+/g, ''), now);
  if ('message' in parsed) return parsed;

  return { day: parsed.day, reason: tail.slice(match[0].length).trim() };
}

function reasonFor(name: 'return' | 'withdraw' | 'refuse', tail: string) {
  if (name === 'withdraw') return { reason: tail };
  if (!tail) return error(`请写上原因，如：${exampleOf(name)}`, name);

  return { reason: tail };
}

function parseScore(rest: string): Command | CommandError {
  if (!rest) return { name: 'score' };
  const year = /^(\d{4})(?:年度?)?$/.exec(rest.replace(/\s+/g, ''));
  if (!year || Number(year[1]) < 2000 || Number(year[1]) > 2100) {
    return error('年份请写成 2025，如：积分 2025', 'score');
  }

  return { name: 'score', year: Number(year[1]) };
}

function unknown(text: string): CommandError {
  const suggestion = closestCommand(text);

  return { name: 'error', message: `没有看懂「${text.slice(0, 20)}」`, suggestion };
}

function error(message: string, suggestion: CommandName): CommandError {
  return { name: 'error', message, suggestion };
}

function parseTypedDayOrError(text: string, now: Date): { day: string } | CommandError {
  const parsed = parseTypedDay(text, now);

  return 'error' in parsed ? error(parsed.error, 'extend') : parsed;
}
