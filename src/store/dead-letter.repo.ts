import type { PersonRef } from '../domain/types.js';
import { DeadLetterModel } from './dead-letter.model.js';
import { isDuplicateKey } from './mongo-errors.js';

/** An outbox message that failed for good. `message` is the outbox job's message, as queued. */
export interface DeadLetter {
  _id: string;
  message: { kind: string };
  error: { code: number | string; message: string; status?: number };
  attempts: number;
  failedAt: Date;
  alert: boolean;
  retriedAt?: Date;
  retriedBy?: PersonRef;
}

/** Stores a dead letter; answers false when this job's failure was already recorded. */
export async function recordDeadLetter(letter: DeadLetter): Promise<boolean> {
  try {
    await DeadLetterModel.create(letter);
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

export async function findDeadLetter(id: string): Promise<DeadLetter | null> {
  return DeadLetterModel.findById(id).lean<DeadLetter | null>();
}

/** Marks a dead letter as sent again by this person. */
export async function markRetried(id: string, by: PersonRef, at: Date): Promise<void> {
  await DeadLetterModel.updateOne({ _id: id }, { $set: { retriedAt: at, retriedBy: by } });
}

/** The most recent dead letters, newest first. */
export async function recentDeadLetters(limit = 50): Promise<DeadLetter[]> {
  return DeadLetterModel.find().sort({ failedAt: -1 }).limit(limit).lean<DeadLetter[]>();
}
