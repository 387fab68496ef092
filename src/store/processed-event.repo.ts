import { isDuplicateKey } from './mongo-errors.js';
import { ProcessedEventModel } from './processed-event.model.js';

/** Records a delivery key; true when it was new, false when it had been recorded before. */
export async function recordProcessed(key: string, at: Date): Promise<boolean> {
  try {
    await ProcessedEventModel.create({ _id: key, at });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/** Deletes rows recorded before `before`; answers how many went. */
export async function deleteProcessedBefore(before: Date): Promise<number> {
  const result = await ProcessedEventModel.deleteMany({ at: { $lt: before } });

  return result.deletedCount;
}
