/**
 * Drives assignments through the real lifecycle (issueItem, performAction) for tests that need
 * a seeded store: reports, dossiers, digests.
 */
import { createChineseCalendar } from '../../src/domain/calendar.js';
import { prepareIssue } from '../../src/domain/issue.js';
import type { InputOf, TransitionName } from '../../src/domain/lifecycle/index.js';
import type { Actor, Directory, Level } from '../../src/domain/types.js';
import { issueItem } from '../../src/store/issue.repo.js';
import { performAction } from '../../src/store/perform-action.js';
import { at, directory as fixtureDirectory, people, policy } from './fixtures.js';

export const calendar = createChineseCalendar({ holidays: [], workdays: [] });

/** Issues one notice to one enterprise at `now`; returns its assignment id. */
export async function issueOne(
  enterpriseId: string,
  now: Date,
  options: { title?: string; level?: Level; confidential?: boolean; directory?: Directory } = {},
): Promise<string> {
  const draft = {
    title: options.title ?? `督办事项 ${enterpriseId}`,
    content: '请按要求办理并书面反馈。',
    category: 'targetTask' as const,
    level: options.level ?? ('routine' as const),
    confidential: options.confidential ?? false,
    enterpriseIds: [enterpriseId],
  };
  const context = { now, policy, calendar, directory: options.directory ?? fixtureDirectory };
  const prepared = prepareIssue(draft, people.supervisor, context);
  if ('ok' in prepared) throw new Error(prepared.message);
  const issued = await issueItem(
    prepared,
    { actor: people.supervisor, channel: 'command' },
    policy,
  );

  return issued.assignments[0]!.id;
}

/** Carries out one action; throws with the refusal's message if it is refused. */
export async function act<Name extends TransitionName>(
  id: string,
  action: Name,
  actor: Actor,
  input: InputOf<Name>,
  now: Date,
) {
  const result = await performAction(
    { assignmentId: id, action, actor, input, channel: 'card' },
    { now, policy, calendar },
  );
  if (!result.ok) throw new Error(`${action}: ${result.refusal.message}`);

  return result;
}

/** An enterprise's liaison and head among the fixture people. */
export interface Team {
  liaison: Actor;
  head: Actor;
}

export const teams: Record<'chengtou' | 'wenlv', Team> = {
  chengtou: { liaison: people.liaison, head: people.head },
  wenlv: { liaison: people.otherLiaison, head: people.otherHead },
};

/** Acknowledge (at `acknowledgedAt`, default `day` 10:00), plan, submit and sign off on `day`. */
export async function bringToReview(
  id: string,
  day: string,
  options: { team?: Team; acknowledgedAt?: Date; plannedDay?: string } = {},
) {
  const team = options.team ?? teams.chengtou;
  await act(id, 'acknowledge', team.liaison, {}, options.acknowledgedAt ?? at(`${day} 10:00`));
  await submitAndSignOff(id, day, { team, withPlan: true, plannedDay: options.plannedDay });
}

/** Plan (when `withPlan`; planned for `plannedDay`, default `day`), submit the result and have the head approve it, on `day`. */
export async function submitAndSignOff(
  id: string,
  day: string,
  options: { team?: Team; withPlan?: boolean; plannedDay?: string } = {},
) {
  const now = at(`${day} 10:00`);
  const { liaison, head } = options.team ?? teams.chengtou;
  const withPlan = options.withPlan ?? false;
  if (withPlan) {
    const plan = {
      leader: { openId: head.openId, name: head.name },
      department: '办公室',
      owner: { openId: liaison.openId, name: liaison.name },
      measures: '按期推进',
      plannedDay: options.plannedDay ?? day,
    };
    await act(id, 'submitPlan', liaison, plan, now);
  }
  await act(id, 'submitFeedback', liaison, { result: '已完成', completion: 'done' }, now);
  await act(id, 'signOff', head, { decision: 'approved' }, now);
}
