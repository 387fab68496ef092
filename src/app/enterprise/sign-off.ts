/**
 * 审签 by the enterprise head: 同意报送 (→ under review, to the 督查室) in one click, or 退回修改
 * through a form whose comment is required (→ in progress).
 */
import { signOffReturnFormCard } from '../../../cards/sign-off-return-form.card.js';
import type { CardActionContext, CardActionResponse } from '../../feishu/handlers.js';
import { resolveActor } from './actor.js';
import { performAndAnswer } from './answer.js';
import type { EnterpriseContext } from './context.js';
import type { FormSpec } from './form-flow.js';
import { readString } from './form-input.js';

/** 同意报送. */
export async function approveSignOff(
  context: EnterpriseContext,
  click: CardActionContext,
): Promise<CardActionResponse> {
  const who = await resolveActor(context, click);
  if ('answer' in who) return who.answer;

  return performAndAnswer(context, click, who.actor, {
    action: 'signOff',
    input: { decision: 'approved' },
    success: '已同意报送督查室',
  });
}

/** 退回修改: the comment form and its submission. */
export function signOffReturnForm(context: EnterpriseContext): FormSpec<'signOff'> {
  return {
    action: 'signOff',
    probe: { decision: 'rejected' },
    build: (assignment, _directory, state) =>
      signOffReturnFormCard({ assignment, limits: context.policy.limits, ...state }),
    parse: (form) => ({ decision: 'rejected', comment: readString(form, 'comment') }),
    success: '已退回修改',
  };
}
