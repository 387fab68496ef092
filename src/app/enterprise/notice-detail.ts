/**
 * 查看详情 on the 督办通知单: the matter with its timeline (the card the 查看 command shows) in
 * place of the notice, and 「返回通知单」 to bring the notice back. The enterprise chat's copy
 * (`w: 'g'`) is everyone's there, so it shows the group's view whoever clicked: the summary for
 * a confidential matter, as the group's notice does.
 */
import { assignmentDetailCard } from '../../../cards/assignment-detail.card.js';
import { formActions } from '../../../cards/form-card.js';
import type { Assignment } from '../../domain/assignment.js';
import type { CardActionContext, CardActionResponse } from '../../feishu/handlers.js';
import { timelineLines } from '../office/view.js';
import type { EnterpriseContext } from './context.js';
import { withViewable } from './with-viewable.js';
import { audienceOfClick, deadlineStatusOf, type Audience } from './notice-view.js';

/** 查看详情: the matter with its timeline for those who may see it, as the clicked copy shows it. */
export async function openNoticeDetail(
  context: EnterpriseContext,
  click: CardActionContext,
): Promise<CardActionResponse> {
  return withViewable(context, click, async (actor, a) => {
    const seen = detailVisibility(a, audienceOfClick(actor, a, click.value));
    // 取消 on a form does the same: the notice as it now stands, for the same audience.
    const back = {
      a: formActions.cancelForm,
      id: a.id,
      ...(click.value.w === 'g' ? { w: 'g' } : {}),
    };
    const card = assignmentDetailCard({
      assignment: a,
      visibility: seen,
      deadline: deadlineStatusOf(a, context.clock.now(), context.calendar),
      timeline: seen === 'full' ? await timelineLines(a.id) : [],
      back,
      backLabel: '返回通知单',
    });

    return { card };
  });
}

/** As much as the notice in its place shows: a confidential matter's group copy is its summary. */
function detailVisibility(a: Assignment, audience: Audience): 'full' | 'summary' {
  if (audience.viewer === 'group' && a.confidential) return 'summary';

  return audience.visibility;
}
