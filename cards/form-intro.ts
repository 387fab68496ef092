/** The lines above every enterprise form: which matter, and by when. */
import type { Assignment } from '../src/domain/assignment.js';
import { fullMoment } from '../src/domain/format.js';
import type { CardElement } from './card.js';
import { escapeText, fieldLines } from './elements.js';

/** Raw form input by field name, as submitted; used to refill a refused form. */
export type FormValues = Record<string, string | undefined>;

export function formIntro(a: Assignment, extra: Array<[string, string]> = []): CardElement[] {
  return [fieldLines([['事项', escapeText(a.title)], ['时限', fullMoment(a.deadline)], ...extra])];
}
