/**
 * The weekly digest to leaders: figures computed once per week and stored, then a card to
 * every leader with the 阅示 form. Running it twice for the same week sends nothing new: the
 * report id comes from the week, and each card's uuid from the report and the leader.
 */
import { digestCard } from '../../../cards/digest.card.js';
import { peopleWithRole } from '../../domain/directory.js';
import { computeDigest, reportedWeek } from '../../domain/digest.js';
import type { RuntimeContext } from '../../runtime.js';
import { totalsFor } from '../../store/ledger.repo.js';
import {
  digestId,
  loadDigestAssignments,
  saveDigest,
  type StoredDigest,
} from '../../store/report.repo.js';

type DigestContext = Pick<RuntimeContext, 'directory' | 'outbox' | 'policy' | 'logger'>;

/** Builds (or finds) the digest of the week before `now` and sends it to every leader. */
export async function runWeeklyDigest(context: DigestContext, now: Date): Promise<StoredDigest> {
  const week = reportedWeek(now);
  const directory = await context.directory.current();
  const [assignments, totals] = await Promise.all([
    loadDigestAssignments(week),
    totalsFor(Number(week.toDay.slice(0, 4))),
  ]);
  const figures = computeDigest({ now, assignments, enterprises: directory.enterprises, totals });
  const { digest, created } = await saveDigest({ id: digestId(week), generatedAt: now, figures });

  const leaders = peopleWithRole(directory, 'leader');
  for (const leader of leaders) {
    const card = digestCard({
      reportId: digest.id,
      figures: digest.figures,
      maxLength: context.policy.limits.comment,
    });
    await context.outbox.enqueue({
      kind: 'send',
      to: { type: 'open_id', id: leader.openId },
      card,
      uuid: `${digest.id}:${leader.openId}`,
    });
  }
  context.logger.info(
    { reportId: digest.id, created, leaders: leaders.length },
    'weekly digest sent',
  );

  return digest;
}
