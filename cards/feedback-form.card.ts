/** 提交反馈: 办理结果, 完成情况 (+ 原因), 附件链接 → to the head for 审签 (CARDS.md 「Forms」). */
import type { Assignment } from '../src/domain/assignment.js';
import type { Policy } from '../src/domain/policy.js';
import type { Card } from './card.js';
import { formActions, formCard, type FormState } from './form-card.js';
import { selectControl, textControl } from './form-fields.js';
import { formIntro } from './form-intro.js';
import { completionLabels } from './labels.js';

export interface FeedbackFormData extends FormState {
  assignment: Assignment;
  limits: Policy['limits'];
}

export function feedbackFormCard(data: FeedbackFormData): Card {
  const { assignment: a, limits } = data;
  const values = data.values ?? {};
  const choices = Object.entries(completionLabels) as Array<[string, string]>;

  return formCard({
    assignment: a,
    title: '提交反馈',
    intro: formIntro(a),
    fields: [
      {
        name: 'result',
        label: '办理结果',
        required: true,
        control: textControl('result', {
          value: values.result,
          maxLength: limits.feedback,
          multiline: true,
          placeholder: '办理情况和结果',
          required: true,
        }),
      },
      {
        name: 'completion',
        label: '完成情况',
        required: true,
        control: selectControl('completion', { choices, value: values.completion, required: true }),
      },
      {
        name: 'completionReason',
        label: '原因',
        required: false,
        control: textControl('completionReason', {
          value: values.completionReason,
          maxLength: limits.reason,
          multiline: true,
          placeholder: '部分完成或无法完成时必填',
        }),
      },
      {
        name: 'links',
        label: '附件链接',
        required: false,
        control: textControl('links', {
          value: values.links,
          maxLength: 1000,
          multiline: true,
          placeholder: '飞书文档链接，每行一个',
        }),
      },
    ],
    submit: { label: '提交第一责任人审签', action: formActions.submitFeedback },
    group: data.group,
    carry: data.carry,
    error: data.error,
  });
}
