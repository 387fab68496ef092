import { shortMoment } from '../format.js';
import { alreadyDone, wrongState } from '../refusal.js';
import { authorize } from '../permissions.js';
import { transitioned, type Transition } from './outcome.js';

/** Finished matters may be archived: completed, refused or withdrawn. */
const archivableStates = ['completed', 'refused', 'withdrawn'];

/** 归档: the finished assignment is frozen. → archived; every later change is refused. */
export const archive: Transition<Record<string, never>> = (a, actor, _input, context) => {
  const permission = authorize(actor, 'archive', a, context.policy);
  if (!permission.ok) return permission;
  if (a.state === 'archived' && a.archivedAt) {
    return alreadyDone(`该督办已于 ${shortMoment(a.archivedAt)} 归档`);
  }
  if (!archivableStates.includes(a.state)) return wrongState('办结后方可归档');

  return transitioned(a, { state: 'archived', archivedAt: context.now }, { action: 'archive' });
};
