/**
 * Automatic 归档: finished assignments (completed, refused, withdrawn) are archived by the
 * system `policy.archive.autoArchiveAfterDays` days after they were finished (0 = never).
 */
import { addDays, atTime, dayOf } from '../../domain/dates.js';
import { systemActor } from '../../domain/directory.js';
import type { RuntimeContext } from '../../runtime.js';
import { AssignmentModel } from '../../store/assignment.model.js';
import { archiveAssignment } from './archive-assignment.js';

/** How many assignments one run archives at most; the next run takes the rest. */
export const autoArchiveBatch = 500;

type AutoArchiveContext = Pick<
  RuntimeContext,
  'policy' | 'calendar' | 'clock' | 'events' | 'logger'
>;

/**
 * Archives what finished on or before the day `autoArchiveAfterDays` before today (Shanghai
 * days: 30 means a matter completed on 06-01 is archived from 07-01). Returns how many.
 */
export async function autoArchive(context: AutoArchiveContext, now: Date): Promise<number> {
  const days = context.policy.archive.autoArchiveAfterDays;
  if (days <= 0) return 0;
  const before = atTime(addDays(dayOf(now), 1 - days), '00:00');

  const due = await AssignmentModel.find(
    {
      $or: [
        { state: 'completed', completedAt: { $lt: before } },
        { state: 'refused', 'refusal.at': { $lt: before } },
        { state: 'withdrawn', 'withdrawal.at': { $lt: before } },
      ],
    },
    { _id: 1 },
  )
    .limit(autoArchiveBatch)
    .lean();

  let archived = 0;
  for (const { _id } of due) {
    const result = await archiveAssignment(context, systemActor, String(_id), 'system');
    if (result.ok) archived += 1;
  }
  context.logger.info({ archived, before }, 'finished assignments archived automatically');

  return archived;
}
