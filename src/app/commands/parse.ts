import { dayOf } from '../../domain/dates.js';
import { parsePeriod } from '../../domain/period.js';
import type { Command, CommandError, CommandName, ListFilter } from './command.js';
import { exampleOf } from './examples.js';
import { cleanTypedText, normalizeCommandText, splitList, withoutFinalStop } from './normalize.js';
import { parseTypedDay } from './parse-day.js';
import { parseIssueLine } from './parse-issue-line.js';
import { bareInteger, leadingNumber } from './parse-number.js';
import { closestCommand } from './suggest.js';
import { allWords, commandWords, filterWords } from './vocabulary.js';

/** Longest words first, so 新建督办 and 我的督办 win over 督办. */
const wordsByLength = [...commandWords].sort((a, b) => b[0].length - a[0].length);

/** A date at the start of 延期's tail, spaces allowed inside: 2025 年 6 月 20 日, 6/20. */
const leadingDay =
  /^(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?|\d{1,2}\s*[-/.月]\s*\d{1,2}\s*[日号]?)(?:[\s,:]+|$)/;

/** 至, 到 or 延至 before 延期's date: 延期 12号 延至6月20日. */
const towardsWord = /^(?:延期至|延至|至|到)\s*/;

/** 优质 or 高质量, but not 不优质, 非高质量 or 未按时高质量. */
const highQualityWord = /(优质|高质量)/;
const deniedQuality = /[不非未没无]\s*(按时)?\s*(高质量|优质)/;

/**
 * Reads a chat message as a command. Forgiving of how people type (full- and half-width
 * punctuation, brackets, date formats); anything not understood is an error with the closest
 * command, for the help card.
 */
export function parseCommand(text: string, now: Date): Command | CommandError {
  const typed = cleanTypedText(text);
  const normalized = normalizeCommandText(typed);
  if (!normalized) return { name: 'help' };

  const found = wordsByLength.find(([word]) => startsWithWord(normalized, word));
  if (!found) return bareNumber(normalized, now) ?? unknown(normalized);
  const [word, name] = found;
  const rest = normalized
    .slice(word.length)
    .replace(/^[:\s]+/, '')
    .trim();
  // The same words as typed: normalising changes characters, never the command word's length.
  const typedRest = typed.slice(word.length).replace(/^[:：\s]+/, '');

  // 督办列表, 督办 帮助: the 督办 is a habit, the command follows. 新建督办 with fields is the line.
  if (name === 'issueLine' && !rest.includes(':')) {
    const inner = wordsByLength.find(([w, n]) => n !== 'issueLine' && startsWithWord(rest, w));
    if (inner) return parseCommand(rest, now);
  }
  if (name === 'issueLine' || (name === 'newForm' && rest.includes(':'))) {
    return parseIssueLine(typedRest, now);
  }

  return parseArguments(name, withoutFinalStop(rest), now);
}

/**
 * A number typed alone means "show me that one". Only the number: a word before it
 * (撤回 珠国资督〔2025〕12号) is a command not understood, answered with the closest one.
 */
function bareNumber(text: string, now: Date): Command | null {
  const found = leadingNumber(withoutFinalStop(text), now);
  if (!found || found.rest) return null;

  return { name: 'view', number: found.number };
}

function startsWithWord(text: string, word: string): boolean {
  const head = text.slice(0, word.length).toLowerCase();
  if (head !== word.toLowerCase()) return false;
  // An English alias must stand alone: "list" but not "listing".
  return !/^[a-z]/i.test(word) || !/[a-z]/i.test(text.charAt(word.length));
}

function parseArguments(name: CommandName, rest: string, now: Date): Command | CommandError {
  switch (name) {
    case 'list':
      return parseList(rest);
    case 'score':
      return parseScore(rest, now);
    case 'view':
    case 'archive':
      return withNumber(name, rest, now, () => ({ name }));
    case 'nudge':
      return withNumber(name, rest, now, (tail) => parseNudge(tail));
    case 'extend':
      return withNumber(name, rest, now, (tail) => parseExtend(tail, now));
    case 'return':
    case 'withdraw':
    case 'refuse':
      return withNumber(name, rest, now, (tail) => reasonFor(name, tail));
    case 'complete':
      return withNumber(name, rest, now, (tail) => ({
        highQuality: highQualityWord.test(tail) && !deniedQuality.test(tail),
      }));
    case 'statistics':
    case 'export':
      return { name, period: rest || undefined };
    default:
      return { name } as Command;
  }
}

function parseList(rest: string): Command | CommandError {
  let filter: ListFilter | undefined;
  let page = 1;
  for (const word of splitList(rest)) {
    const key = word.toLowerCase();
    if (/^第?\d+页?$/.test(word)) page = Math.max(1, Number(word.replace(/\D/g, '')));
    else if (Object.hasOwn(filterWords, key)) filter = filterWords[key];
    else if (allWords.includes(key)) filter = undefined;
    else {
      const known = '列表 全部 / 未办结 / 待签收 / 办理中 / 逾期 / 已办结';
      return error(`不认识「${word}」，可用：${known}`, 'list');
    }
  }

  return { name: 'list', filter, page };
}

type Tail<N extends CommandName> = Omit<Extract<Command, { name: N }>, 'name' | 'number'>;

/** Commands about one notice: the number first, then the rest. */
function withNumber<N extends CommandName>(
  name: N,
  rest: string,
  now: Date,
  parseTail: (tail: string) => Tail<N> | CommandError,
): Command | CommandError {
  const found = leadingNumber(rest, now);
  if (!found) {
    const integer = bareInteger(rest);
    if (integer) {
      const year = dayOf(now).slice(0, 4);
      return error(`编号请写成「${integer}号」或「珠国资督〔${year}〕${integer}号」`, name);
    }
    return error(`请写上通知单编号，如：${exampleOf(name)}`, name);
  }
  const tail = parseTail(found.rest);
  if ('name' in tail && tail.name === 'error') return tail as CommandError;

  return { name, number: found.number, ...tail } as Command;
}

/** 催办's tail: an optional 加急 (however it is followed: 加急！ 加急,请… 加急请…), then the words. */
export function parseNudge(tail: string): Tail<'nudge'> {
  const urgentWord = /^(?:加急|urgent\b)[\s,:!！。]*/i.exec(tail);
  const message = urgentWord ? tail.slice(urgentWord[0].length) : tail;

  return { urgent: urgentWord !== null, message: message.trim() };
}

function parseExtend(typed: string, now: Date): Tail<'extend'> | CommandError {
  const tail = typed.replace(towardsWord, '');
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

/**
 * 积分 [年]: a year as 统计 reads one (2025, 2025年度, 今年, 去年). A period that is not a
 * whole year is refused: the ranking is per assessment year.
 */
function parseScore(rest: string, now: Date): Command | CommandError {
  if (!rest) return { name: 'score' };
  const typed = rest.replace(/\s+/g, '');
  const period = parsePeriod(typed, now);
  if ('ok' in period) {
    // A year written in digits was read and is out of range: say that, not how to write one.
    if (/^\d{4}(?:年度?)?$/.test(typed)) return error(period.message, 'score');
    return error('年份请写成 2025、今年或去年，如：积分 2025', 'score');
  }
  if (period.kind !== 'year') return error('积分按年度排名，请写年份，如：积分 2025', 'score');

  return { name: 'score', year: Number(period.key) };
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
