import { pendingExtension, type Assignment } from '../src/domain/assignment.js';
import type { ActionValue } from './card.js';

/**
 * Who is looking at a card, which decides its buttons: the enterprise's liaison or head, the
 * enterprise group chat (buttons act for whoever clicks, after the permission check), the
 * 督查室 and leaders, or anyone else (no buttons).
 */
export type Viewer = 'liaison' | 'head' | 'group' | 'office' | 'other';

/** One button of a card: its label, what it carries back, and whether it is the primary one. */
export interface CardAction {
  label: string;
  value: ActionValue;
  primary: boolean;
}

/** Action names carried in `ActionValue.a` by the enterprise's buttons. */
export const enterpriseActions = {
  acknowledge: 'acknowledge',
  openPlanForm: 'openPlanForm',
  openProgressForm: 'openProgressForm',
  openFeedbackForm: 'openFeedbackForm',
  openExtensionForm: 'openExtensionForm',
  approveSignOff: 'approveSignOff',
  openSignOffReturnForm: 'openSignOffReturnForm',
  /** 查看详情 in the notice's footer: the notice with its timeline. */
  openDetail: 'openNoticeDetail',
} as const;

/**
 * 查看详情 (CARDS.md footer): the detail with its timeline, as the 查看 command shows it, in place
 * of the notice. It carries no version: it changes nothing, so a stale card may still use it.
 */
export function detailAction(assignment: Pick<Assignment, 'id'>): CardAction {
  return {
    label: '查看详情',
    value: { a: enterpriseActions.openDetail, id: assignment.id },
    primary: false,
  };
}

/**
 * The buttons an assignment's card shows in its current state, for this viewer (CARDS.md
 * 「Buttons follow the state」). Buttons carry the version the card was built from.
 */
export function actionsFor(assignment: Assignment, viewer: Viewer): CardAction[] {
  if (viewer === 'office' || viewer === 'other') return [];
  const button = (label: string, a: string, primary = false): CardAction => ({
    label,
    value: { a, id: assignment.id, v: assignment.version },
    primary,
  });
  const extension = pendingExtension(assignment)
    ? []
    : [button('申请延期', enterpriseActions.openExtensionForm)];

  switch (assignment.state) {
    case 'issued':
      return [button('签收', enterpriseActions.acknowledge, true), ...extension];
    case 'acknowledged':
      return [button('填报承办措施', enterpriseActions.openPlanForm, true), ...extension];
    case 'in_progress':
      return [
        button('报送进展', enterpriseActions.openProgressForm),
        button('提交反馈', enterpriseActions.openFeedbackForm, true),
        ...extension,
      ];
    case 'awaiting_signoff':
      return viewer === 'head'
        ? [
            button('同意报送', enterpriseActions.approveSignOff, true),
            button('退回修改', enterpriseActions.openSignOffReturnForm),
          ]
        : [];
    default:
      return [];
  }
}
