/** 报送进展: 进展情况, 完成比例, 存在问题, 下一步 (CARDS.md 「Forms」). */
import type { Assignment } from '../src/domain/assignment.js';
import type { Policy } from '../src/domain/policy.js';
import type { Card } from './card.js';
import { formActions, formCard, type FormState } from './form-card.js';
import { textControl } from './form-fields.js';
import { formIntro } from './form-intro.js';

export interface ProgressFormData extends FormState {
  assignment: Assignment;
  limits: Policy['limits'];
}

export function progressFormCard(data: ProgressFormData): Card {
  const { assignment: a, limits } = data;
  const values = data.values ?? {};
  const last = a.progress.at(-1);
  const intro = formIntro(a, last ? [['上次报送', `${last.percent}%`]] : []);
  const text = (name: string, placeholder: string, required: boolean) =>
    textControl(name, {
      value: values[name],
      maxLength: limits.content,
      multiline: true,
      placeholder,
      required,
    });

  return formCard({
    assignment: a,
    title: '报送进展',
    intro,
    fields: [
      {
        name: 'text',
        label: '进展情况',
        required: true,
        control: text('text', '目前完成了哪些工作', true),
      },
      {
        name: 'percent',
        label: '完成比例（%）',
        required: true,
        control: textControl('percent', {
          value: values.percent,
          maxLength: 4,
          placeholder: '0 到 100 的整数，如 60',
          required: true,
        }),
      },
      {
        name: 'problems',
        label: '存在问题',
        required: false,
        control: text('problems', '如无可不填', false),
      },
      {
        name: 'nextSteps',
        label: '下一步',
        required: false,
        control: text('nextSteps', '下一步工作安排', false),
      },
    ],
    submit: { label: '提交进展', action: formActions.reportProgress },
    group: data.group,
    carry: data.carry,
    error: data.error,
  });
}
