import type { Level } from '../../domain/types.js';

/** Filters of 列表, by what a person sees; `open` is every matter not finished (未办结). */
export type ListFilter = 'open' | 'awaitingAck' | 'inProgress' | 'overdue' | 'completed';

/** A parsed chat command. Numbers are as typed; the handler looks them up. */
export type Command =
  | { name: 'help' }
  | { name: 'newForm' }
  | {
      name: 'issueLine';
      title: string;
      enterprises: string[];
      level?: Level;
      /** 'YYYY-MM-DD' or the typed text when it is not a valid date (the handler says why). */
      deadline?: string;
      content?: string;
      category?: string;
      confidential: boolean;
      oral: boolean;
    }
  | { name: 'list'; filter?: ListFilter; page: number }
  | { name: 'view'; number: string }
  | { name: 'nudge'; number: string; urgent: boolean; message: string }
  | { name: 'extend'; number: string; day: string; reason: string }
  | { name: 'return'; number: string; reason: string }
  | { name: 'complete'; number: string; highQuality: boolean }
  | { name: 'withdraw'; number: string; reason: string }
  | { name: 'refuse'; number: string; reason: string }
  | { name: 'archive'; number: string }
  | { name: 'statistics'; period?: string }
  | { name: 'score'; year?: number }
  | { name: 'export'; period?: string }
  | { name: 'mine' }
  | { name: 'reloadDirectory' };

export type CommandName = Command['name'];

/** A command that could not be read: what was wrong, and the closest command if any. */
export interface CommandError {
  name: 'error';
  message: string;
  /** The command the text most likely meant, for the help card. */
  suggestion?: CommandName;
}
