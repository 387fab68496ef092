/**
 * 新建督办 (CARDS.md 「Forms」): 事项, 内容与要求, 类别, 级别, 承办单位 (multi-select), 时限 with the
 * rule of each level shown, 涉密, 形式 → 预览. Left empty, 时限 follows the level chosen: a
 * card cannot refill a date when the level changes, so the rules are spelled out instead.
 */
import type { Policy } from '../src/domain/policy.js';
import { categories, type Category, type Level, type NoticeForm } from '../src/domain/types.js';
import type { ActionValue, Card, CardElement } from './card.js';
import { buildCard, button } from './elements.js';
import { dateControl, selectControl, textControl } from './form-fields.js';
import { categoryLabels, levelLabels } from './labels.js';
import { officeActions } from './office-actions.js';
import {
  checkerControl,
  fieldBlock,
  multiSelectControl,
  strayProblem,
  submitButton,
  type FieldProblem,
  type LabelledField,
} from './office-form.js';

/** What the form shows filled in: a draft being changed (修改) or a refused submission. */
export interface IssueFormValues {
  title?: string;
  content?: string;
  category?: Category;
  level?: Level;
  enterpriseIds?: string[];
  deadlineDay?: string;
  confidential?: boolean;
  form?: NoticeForm;
}

export interface IssueFormData {
  enterprises: Array<{ id: string; shortName: string }>;
  /** Each level's deadline if issued now: 「一般事项 5 个工作日 → 2025-05-28」. */
  rules: string[];
  /** The latest day a deadline may have now (issue day + maxDaysFromIssue). */
  capDay: string;
  maxDaysFromIssue: number;
  limits: Policy['limits'];
  values?: IssueFormValues;
  problem?: FieldProblem;
  /** The card is in a group chat: its buttons say so, so a confidential preview goes privately. */
  group?: boolean;
}

const levelChoices: Level[] = ['routine', 'important', 'critical', 'fixed'];

export function issueFormCard(data: IssueFormData): Card {
  const fields = formFields(data);
  const marked = (value: ActionValue): ActionValue => (data.group ? { ...value, w: 'g' } : value);
  const form: CardElement = {
    tag: 'form',
    name: 'issue',
    elements: [
      ...fields.flatMap((field) => fieldBlock(field, data.problem)),
      submitButton('preview', '预览', marked({ a: officeActions.previewIssue }), true),
    ],
  };
  const cancel = button({ label: '取消', value: { a: officeActions.cancelIssue }, primary: false });

  return buildCard('新建督办', 'blue', [...strayProblem(fields, data.problem), form, cancel], {
    subtitle: '填写后预览，确认后交办',
  });
}

/**
 * Limitation: Feishu's input takes at most 1,000 characters, so 内容与要求 typed in the form is
 * capped there although the policy allows `limits.content`; longer requirements can be issued
 * with the one-line 督办 command.
 */
function formFields(data: IssueFormData): LabelledField[] {
  const values = data.values ?? {};
  const { limits } = data;

  return [
    text('title', '事项', values.title, limits.title, false, '如：关于推进老城区改造项目的督办'),
    text('content', '内容与要求', values.content, limits.content, true, '办理要求、报送内容'),
    choice('category', '类别', categoryChoices(), values.category),
    choice('level', '级别', levelOptions(), values.level ?? 'routine'),
    enterpriseField(data),
    deadlineField(data),
    {
      name: 'confidential',
      label: '涉密',
      required: false,
      control: checkerControl('confidential', '涉密（内容仅在单聊中显示）', values.confidential),
    },
    choice(
      'form',
      '形式',
      [
        ['written', '书面'],
        ['oral', '口头'],
      ],
      values.form ?? 'written',
    ),
  ];
}

function enterpriseField(data: IssueFormData): LabelledField {
  const choices = data.enterprises.map((e): [string, string] => [e.id, e.shortName]);

  return {
    name: 'enterpriseIds',
    label: '承办单位',
    required: true,
    control: multiSelectControl('enterpriseIds', choices, data.values?.enterpriseIds),
    hint: '可多选，每家单位各收到一张通知单',
  };
}

function deadlineField(data: IssueFormData): LabelledField {
  return {
    name: 'deadlineDay',
    label: '时限',
    required: false,
    control: dateControl('deadlineDay', { value: data.values?.deadlineDay }),
    hint: deadlineHint(data),
  };
}

function deadlineHint(data: IssueFormData): string {
  const rules = data.rules.join('；');

  return `不选则按级别计算：${rules}。按期事项须选择日期；最晚 ${data.capDay}（交办之日起 ${data.maxDaysFromIssue} 日）`;
}

function text(
  name: string,
  label: string,
  value: string | undefined,
  maxLength: number,
  multiline: boolean,
  placeholder: string,
): LabelledField {
  return {
    name,
    label,
    required: true,
    control: textControl(name, { value, maxLength, multiline, placeholder, required: true }),
  };
}

function choice(
  name: string,
  label: string,
  choices: Array<[string, string]>,
  value: string | undefined,
): LabelledField {
  return {
    name,
    label,
    required: true,
    control: selectControl(name, { choices, value, required: true }),
  };
}

function categoryChoices(): Array<[string, string]> {
  return categories.map((c) => [c, categoryLabels[c]]);
}

function levelOptions(): Array<[string, string]> {
  return levelChoices.map((level) => [level, levelLabels[level]]);
}
