/** 申请延期: 申请延至 (with the cap stated), 原因, 目前进展 (CARDS.md 「Forms」). */
import type { Assignment } from '../src/domain/assignment.js';
import type { Policy } from '../src/domain/policy.js';
import type { Card } from './card.js';
import { formActions, formCard, type FormState } from './form-card.js';
import { dateControl, textControl } from './form-fields.js';
import { formIntro } from './form-intro.js';

export interface ExtensionFormData extends FormState {
  assignment: Assignment;
  /** The latest day any deadline may have (src/domain/deadlines.ts `deadlineCap`). */
  capDay: string;
  /** The policy's `deadlines.maxDaysFromIssue`, for the sentence stating the cap. */
  maxDaysFromIssue: number;
  limits: Policy['limits'];
}

export function extensionFormCard(data: ExtensionFormData): Card {
  const { assignment: a, limits } = data;
  const values = data.values ?? {};
  const cap = `最晚可延至 ${data.capDay}（交办之日起 ${data.maxDaysFromIssue} 日）`;

  return formCard({
    assignment: a,
    title: '申请延期',
    intro: formIntro(a, [['延期上限', cap]]),
    fields: [
      {
        name: 'day',
        label: '申请延至',
        required: true,
        control: dateControl('day', { value: values.day, required: true }),
        hint: cap,
      },
      {
        name: 'reason',
        label: '原因',
        required: true,
        control: textControl('reason', {
          value: values.reason,
          maxLength: limits.reason,
          multiline: true,
          placeholder: '不能如期办结的原因',
          required: true,
        }),
      },
      {
        name: 'progress',
        label: '目前进展',
        required: false,
        control: textControl('progress', {
          value: values.progress,
          maxLength: limits.content,
          multiline: true,
          placeholder: '已完成的工作',
        }),
      },
    ],
    submit: { label: '提交延期申请', action: formActions.requestExtension },
    group: data.group,
    carry: data.carry,
    error: data.error,
  });
}
