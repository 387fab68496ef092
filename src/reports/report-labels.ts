/**
 * Chinese labels the report files and pages show for states and standings. Levels and
 * categories read as on the cards (cards/labels.ts); states are shorter here than on a card
 * (「待审签」 rather than 「待第一责任人审签」), to fit a table cell.
 */
import type { Standing } from '../domain/statistics.js';
import type { AssignmentState } from '../domain/types.js';

export { categoryLabels, levelLabels } from '../../cards/labels.js';

export const stateLabels: Record<AssignmentState, string> = {
  issued: '待签收',
  acknowledged: '已签收',
  in_progress: '办理中',
  awaiting_signoff: '待审签',
  under_review: '审核中',
  completed: '已办结',
  archived: '已归档',
  refused: '拒不办理',
  withdrawn: '已撤销',
};

const finishedLabels: Record<Exclude<Standing, 'open' | 'overdueOpen'>, string> = {
  completedOnTime: '按时办结',
  completedLate: '逾期办结',
  refused: '拒不办理',
  withdrawn: '已撤销',
};

/** 「办理中（逾期）」「按时办结」「逾期办结（已归档）」: a notice's status in one cell. */
export function standingLabel(standing: Standing, state: AssignmentState): string {
  if (standing === 'open') return stateLabels[state];
  if (standing === 'overdueOpen') return `${stateLabels[state]}（逾期）`;
  const label = finishedLabels[standing];

  return state === 'archived' ? `${label}（已归档）` : label;
}
