import type { Assignment } from '../../src/domain/assignment.js';
import { at, buildAssignment, people } from './fixtures.js';

const liaison = { openId: people.liaison.openId, name: people.liaison.name };
const head = { openId: people.head.openId, name: people.head.name };
const supervisor = { openId: people.supervisor.openId, name: people.supervisor.name };

const acknowledged: Partial<Assignment> = {
  state: 'acknowledged',
  version: 2,
  acknowledgedAt: at('2025-05-21 10:32'),
  acknowledgedBy: liaison,
};

const planned: Partial<Assignment> = {
  ...acknowledged,
  state: 'in_progress',
  version: 3,
  plan: {
    leader: head,
    department: '工程管理部',
    owner: { openId: people.owner.openId, name: people.owner.name },
    measures: '成立专班，倒排工期。',
    plannedDay: '2025-05-27',
    at: at('2025-05-21 15:00'),
    by: liaison,
  },
};

const submitted: Partial<Assignment> = {
  ...planned,
  state: 'awaiting_signoff',
  version: 4,
  feedback: {
    result: '已完成改造方案报批。',
    completion: 'done',
    completionReason: '',
    links: [],
    at: at('2025-05-26 16:00'),
    by: liaison,
  },
};

const signedOff: Partial<Assignment> = {
  ...submitted,
  state: 'under_review',
  version: 5,
  signOffs: [{ decision: 'approved', comment: '', at: at('2025-05-27 09:00'), by: head }],
};

/** The same assignment in each state of the lifecycle, as the transitions leave it. */
export const inState = {
  issued: () => buildAssignment(),
  acknowledged: () => buildAssignment(acknowledged),
  inProgress: () => buildAssignment(planned),
  awaitingSignoff: () => buildAssignment(submitted),
  underReview: () => buildAssignment(signedOff),
  /** Signed off two days after the deadline (2025-05-28). */
  underReviewLate: () =>
    buildAssignment({
      ...signedOff,
      signOffs: [{ decision: 'approved', comment: '', at: at('2025-05-30 09:00'), by: head }],
    }),
  completed: () =>
    buildAssignment({
      ...signedOff,
      state: 'completed',
      version: 6,
      completedAt: at('2025-05-27 11:00'),
      completedDaysLate: 0,
      reviews: [
        {
          decision: 'complete',
          onTimeHighQuality: true,
          reason: '',
          at: at('2025-05-27 11:00'),
          by: supervisor,
        },
      ],
    }),
  /** Returned for rework at review (退回重办) by 王督查 at 05-27 11:00. */
  returned: () => reviewedBack('return'),
  /** Judged perfunctory at review (认定敷衍) by 王督查 at 05-27 11:00. */
  judgedPerfunctory: () => reviewedBack('perfunctory'),
  /** Returned by the head at sign-off (退回修改) at 05-27 09:00. */
  rejectedAtSignOff: () =>
    buildAssignment({
      ...submitted,
      state: 'in_progress',
      version: 5,
      signOffs: [
        { decision: 'rejected', comment: '数据需核实', at: at('2025-05-27 09:00'), by: head },
      ],
    }),
  withdrawn: () =>
    buildAssignment({
      state: 'withdrawn',
      version: 2,
      withdrawal: { reason: '重复交办', at: at('2025-05-22 09:00'), by: supervisor },
    }),
  refused: () =>
    buildAssignment({
      ...acknowledged,
      state: 'refused',
      version: 3,
      refusal: { reason: '明确表示不办理', at: at('2025-05-23 09:00'), by: supervisor },
    }),
  archived: () =>
    buildAssignment({
      ...signedOff,
      state: 'archived',
      version: 7,
      archivedAt: at('2025-06-30 09:00'),
    }),
};

function reviewedBack(decision: 'return' | 'perfunctory'): Assignment {
  return buildAssignment({
    ...signedOff,
    state: 'in_progress',
    version: 6,
    reviews: [
      {
        decision,
        onTimeHighQuality: false,
        reason: '缺少数据',
        at: at('2025-05-27 11:00'),
        by: supervisor,
      },
    ],
  });
}

/** `assignment` with an extension request pending (by the liaison, to 2025-06-10). */
export function withPendingExtension(assignment: Assignment): Assignment {
  return {
    ...assignment,
    extensions: [
      {
        seq: 1,
        requestedDay: '2025-06-10',
        reason: '需协调规划部门',
        progress: '',
        requestedAt: at('2025-05-21 16:00'),
        requestedBy: liaison,
        status: 'pending',
        previousDay: assignment.deadlineDay,
      },
    ],
  };
}
