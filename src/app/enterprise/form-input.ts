/**
 * Reading a submitted form (`action.form_value`): text, a person picked, a day picked, a whole
 * percentage. Anything unreadable is left out of the input and its reason kept under the field's
 * name, so the domain's own check names the field and the answer can give the precise reason.
 */
import { parseDay } from '../../domain/dates.js';
import { personName } from '../../domain/directory.js';
import type { Directory, PersonRef } from '../../domain/types.js';

export type FormValue = Record<string, unknown> | undefined;

/** Why a field could not be read, by field name. */
export type InputProblems = Record<string, string>;

/** A text field as typed (trimming and limits are the domain's). */
export function readString(form: FormValue, name: string): string | undefined {
  const value = form?.[name];

  return typeof value === 'string' ? value : undefined;
}

/** Every field as the person gave it, to refill a refused form. */
export function typedValues(form: FormValue): Record<string, string> {
  const entries = Object.entries(form ?? {}).filter(([, value]) => typeof value === 'string');

  return Object.fromEntries(entries.map(([key, value]) => [key, dayPart(String(value))]));
}

/** A picked person: the open_id, with the directory's name (the open_id if unknown to it). */
export function readPerson(form: FormValue, name: string, directory: Directory) {
  const openId = readString(form, name)?.trim();
  if (!openId) return undefined;

  return { openId, name: personName(directory, openId) } satisfies PersonRef;
}

/**
 * A day from a date picker ('2025-06-10 +0800') or typed ('2025-06-10'). A day that does not
 * exist is refused with its own reason.
 */
export function readDay(form: FormValue, name: string, problems: InputProblems) {
  const raw = readString(form, name)?.trim();
  if (!raw) return undefined;
  const day = parseDay(dayPart(raw));
  if (!day) problems[name] = `「${raw}」不是有效日期，请重新选择`;

  return day ?? undefined;
}

/** A whole percentage 0–100 as typed: 「60」「60%」「６０」. */
export function readPercent(form: FormValue, name: string, problems: InputProblems) {
  const raw = readString(form, name)?.trim();
  if (!raw) return undefined;
  const digits = raw
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[%％]$/, '')
    .trim();
  if (!/^\d{1,3}$/.test(digits)) {
    problems[name] = `「${raw}」不是 0 到 100 之间的整数`;
    return undefined;
  }

  return Number(digits);
}

/** The 'YYYY-MM-DD' of a picker's 'YYYY-MM-DD +0800', or the text unchanged. */
function dayPart(text: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})\s+[+-]\d{4}$/.exec(text.trim());

  return match?.[1] ?? text;
}
