/** 签收: one click, issued → acknowledged. */
import type { CardActionContext, CardActionResponse } from '../../feishu/handlers.js';
import { resolveActor } from './actor.js';
import { performAndAnswer } from './answer.js';
import type { EnterpriseContext } from './context.js';

export async function acknowledge(
  context: EnterpriseContext,
  click: CardActionContext,
): Promise<CardActionResponse> {
  const who = await resolveActor(context, click);
  if ('answer' in who) return who.answer;

  return performAndAnswer(context, click, who.actor, {
    action: 'acknowledge',
    input: {},
    success: '已签收',
  });
}
