/** 提交反馈: the form, and its submission to the head for 审签 (in progress → awaiting sign-off). */
import { feedbackFormCard } from '../../../cards/feedback-form.card.js';
import type { Completion } from '../../domain/assignment.js';
import type { EnterpriseContext } from './context.js';
import type { FormSpec } from './form-flow.js';
import { readString } from './form-input.js';

const completions: Completion[] = ['done', 'partial', 'unable'];

export function feedbackForm(context: EnterpriseContext): FormSpec<'submitFeedback'> {
  return {
    action: 'submitFeedback',
    probe: {},
    build: (assignment, _directory, state) =>
      feedbackFormCard({ assignment, limits: context.policy.limits, ...state }),
    parse: (form) => {
      const completion = readString(form, 'completion') as Completion | undefined;
      return {
        result: readString(form, 'result'),
        completion: completion && completions.includes(completion) ? completion : undefined,
        completionReason: readString(form, 'completionReason'),
        links: readString(form, 'links'),
      };
    },
    success: '已提交第一责任人审签',
  };
}
