import { invalidInput, type Refusal } from '../refusal.js';

/** A text field: trimmed, required unless `optional`, at most `max` characters. */
export function readText(
  value: unknown,
  field: string,
  label: string,
  max: number,
  optional = false,
): string | Refusal {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text && !optional) return invalidInput(`请填写${label}`, field);
  if ([...text].length > max) return invalidInput(`${label}不能超过 ${max} 字`, field);

  return text;
}

export function isRefusal(value: unknown): value is Refusal {
  return typeof value === 'object' && value !== null && (value as Refusal).ok === false;
}

/** The first refusal among already-read values, if any. */
export function firstRefusal(...values: unknown[]): Refusal | null {
  return (values.find(isRefusal) as Refusal | undefined) ?? null;
}
