import type { UrgentKind } from '../domain/policy.js';
import { isDuplicateKey } from './mongo-errors.js';
import { UrgentPushModel } from './urgent-push.model.js';

/** True when this urgent push on this message was already made. */
export async function urgentPushMade(messageId: string, kind: UrgentKind): Promise<boolean> {
  return (await UrgentPushModel.exists({ _id: `${messageId}:${kind}` })) !== null;
}

/** Records an urgent push as made; recording it twice keeps one. */
export async function recordUrgentPush(
  messageId: string,
  kind: UrgentKind,
  openIds: string[],
  at: Date,
): Promise<void> {
  try {
    await UrgentPushModel.create({ _id: `${messageId}:${kind}`, messageId, kind, openIds, at });
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
  }
}
