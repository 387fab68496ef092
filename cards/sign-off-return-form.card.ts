/** 退回修改: the head sends the feedback back to the liaison with a comment (required). */
import type { Assignment } from '../src/domain/assignment.js';
import type { Policy } from '../src/domain/policy.js';
import type { Card } from './card.js';
import { clip, escapeText } from './elements.js';
import { formActions, formCard, type FormState } from './form-card.js';
import { textControl } from './form-fields.js';
import { formIntro } from './form-intro.js';

export interface SignOffReturnFormData extends FormState {
  assignment: Assignment;
  limits: Policy['limits'];
}

export function signOffReturnFormCard(data: SignOffReturnFormData): Card {
  const { assignment: a, limits } = data;
  const result = a.feedback ? escapeText(clip(a.feedback.result, 200)) : '';

  return formCard({
    assignment: a,
    title: '退回修改',
    intro: formIntro(a, result ? [['办理结果', result]] : []),
    fields: [
      {
        name: 'comment',
        label: '退回意见',
        required: true,
        control: textControl('comment', {
          value: data.values?.comment,
          maxLength: limits.comment,
          multiline: true,
          placeholder: '需要修改或补充的内容',
          required: true,
        }),
      },
    ],
    submit: { label: '退回修改', action: formActions.returnSignOff },
    group: data.group,
    carry: data.carry,
    error: data.error,
  });
}
