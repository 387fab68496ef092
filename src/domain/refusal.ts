/**
 * Why an action was not carried out. Every refusal carries the sentence the user sees.
 * - notAllowed: this person may not do this (role or enterprise).
 * - wrongState: not possible in the assignment's current state.
 * - alreadyDone: the same action already happened (a double click, a second person).
 * - invalidInput: the form or command is incomplete or wrong; `field` names the input.
 */
export type RefusalCode = 'notAllowed' | 'wrongState' | 'alreadyDone' | 'invalidInput';

export interface Refusal {
  ok: false;
  code: RefusalCode;
  message: string;
  field?: string;
}

export function refuse(code: RefusalCode, message: string, field?: string): Refusal {
  return field ? { ok: false, code, message, field } : { ok: false, code, message };
}

export const notAllowed = (message: string): Refusal => refuse('notAllowed', message);
export const wrongState = (message: string): Refusal => refuse('wrongState', message);
export const alreadyDone = (message: string): Refusal => refuse('alreadyDone', message);
export const invalidInput = (message: string, field?: string): Refusal =>
  refuse('invalidInput', message, field);
