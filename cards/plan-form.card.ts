/** 填报承办措施: 责任领导, 责任部门, 责任人, 工作措施, 计划完成日期 (CARDS.md 「Forms」). */
import type { Assignment } from '../src/domain/assignment.js';
import type { Policy } from '../src/domain/policy.js';
import type { Card } from './card.js';
import { formActions, formCard, type FormState } from './form-card.js';
import { dateControl, personControl, textControl } from './form-fields.js';
import { formIntro } from './form-intro.js';

export interface PlanFormData extends FormState {
  assignment: Assignment;
  /** open_ids offered by both person pickers; empty offers the chat's members. */
  candidates: string[];
  limits: Policy['limits'];
}

export function planFormCard(data: PlanFormData): Card {
  const { assignment: a, limits, candidates } = data;
  const values = data.values ?? {};

  return formCard({
    assignment: a,
    title: '填报承办措施',
    intro: formIntro(a),
    fields: [
      {
        name: 'leader',
        label: '责任领导',
        required: true,
        control: personControl('leader', { candidates, value: values.leader, required: true }),
      },
      {
        name: 'department',
        label: '责任部门',
        required: true,
        control: textControl('department', {
          value: values.department,
          maxLength: limits.comment,
          placeholder: '如：工程管理部',
          required: true,
        }),
      },
      {
        name: 'owner',
        label: '责任人',
        required: true,
        control: personControl('owner', { candidates, value: values.owner, required: true }),
      },
      {
        name: 'measures',
        label: '工作措施',
        required: true,
        control: textControl('measures', {
          value: values.measures,
          maxLength: limits.content,
          multiline: true,
          placeholder: '具体措施、步骤和时间安排',
          required: true,
        }),
      },
      {
        name: 'plannedDay',
        label: '计划完成日期',
        required: true,
        control: dateControl('plannedDay', { value: values.plannedDay, required: true }),
        hint: `不晚于时限 ${a.deadlineDay}`,
      },
    ],
    submit: { label: '提交', action: formActions.submitPlan },
    group: data.group,
    carry: data.carry,
    error: data.error,
  });
}
