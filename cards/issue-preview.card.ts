/**
 * The preview of an issue (CARDS.md 「Forms」): what will be sent, to whom, the number each
 * enterprise will get and the points each notice costs; 确认交办 (primary), 修改, 取消. Nothing
 * exists until 确认交办.
 */
import { fullMoment } from '../src/domain/format.js';
import type { PreparedIssue } from '../src/domain/issue.js';
import type { CardHeader, Card, CardElement, HeaderTemplate, ActionValue } from './card.js';
import {
  buildCard,
  buttonRow,
  escapeText,
  fieldLines,
  foldable,
  gap,
  hr,
  markdown,
  red,
} from './elements.js';
import { categoryLabels, levelLabels } from './labels.js';
import { officeActions } from './office-actions.js';

export interface IssuePreviewData {
  draftId: string;
  prepared: Pick<
    PreparedIssue,
    | 'title'
    | 'content'
    | 'category'
    | 'level'
    | 'confidential'
    | 'form'
    | 'enterprises'
    | 'deadline'
    | 'rule'
    | 'calendarFallback'
  >;
  /** The notice number each enterprise would get, in order (not reserved until confirmed). */
  numbers: string[];
  /** The policy's points for a notice received (negative: a deduction). */
  noticePoints: number;
}

const levelTemplates: Record<PreparedIssue['level'], HeaderTemplate> = {
  routine: 'blue',
  important: 'orange',
  critical: 'red',
  fixed: 'blue',
};

export function issuePreviewCard(data: IssuePreviewData): Card {
  const { prepared: p } = data;
  const elements: CardElement[] = [
    fieldLines([
      ['事项', escapeText(p.title)],
      ['类别', categoryLabels[p.category]],
      ['时限', deadlineText(data)],
      ['形式', p.form === 'oral' ? '口头' : '书面'],
    ]),
    foldable('内容与要求', p.content),
    hr(),
    markdown(enterpriseLines(data)),
    markdown(`<font color='grey'>编号以确认交办时为准；确认后通知单立即发出。</font>`),
    ...buttonRow(actionsOf(data.draftId)),
  ];

  return buildCard('交办预览', levelTemplates[p.level], elements, {
    subtitle: '请核对后确认交办',
    tags: tagsOf(data.prepared),
  });
}

function deadlineText({ prepared: p }: IssuePreviewData): string {
  const fallback = p.calendarFallback ? '\n（该年节假日安排未公布，按周一至周五计算）' : '';

  return `${fullMoment(p.deadline)}（${p.rule}）${fallback}`;
}

/** 「**承办单位（3 家）** … 城投 珠国资督〔2025〕12号 扣 0.5 分」. */
function enterpriseLines(data: IssuePreviewData): string {
  const cost = Math.abs(data.noticePoints);
  const verb = data.noticePoints <= 0 ? '扣' : '加';
  const lines = data.prepared.enterprises.map(
    (e, index) =>
      `${escapeText(e.shortName)}${gap}${data.numbers[index] ?? ''}${gap}${verb} ${cost} 分`,
  );
  const count = data.prepared.enterprises.length;
  const warning = data.prepared.confidential
    ? `\n${red('涉密：内容仅在单聊中向承办单位显示')}`
    : '';

  return [`**承办单位（${count} 家）**`, ...lines].join('\n') + warning;
}

function actionsOf(draftId: string) {
  const value = (a: string): ActionValue => ({ a, d: draftId });

  return [
    { label: '确认交办', value: value(officeActions.confirmIssue), primary: true },
    { label: '修改', value: value(officeActions.editIssue), primary: false },
    { label: '取消', value: value(officeActions.cancelIssue), primary: false },
  ];
}

function tagsOf(p: IssuePreviewData['prepared']): NonNullable<CardHeader['text_tag_list']> {
  const tag = (content: string, color: string) => ({
    tag: 'text_tag' as const,
    text: { tag: 'plain_text' as const, content },
    color,
  });
  const tags = [tag(levelLabels[p.level], 'blue'), tag(categoryLabels[p.category], 'neutral')];

  return p.confidential ? [...tags, tag('涉密', 'red')] : tags;
}
