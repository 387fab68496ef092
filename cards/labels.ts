/**
 * How the domain's codes read on a card: levels, categories, states and completion in Chinese,
 * and the colours CARDS.md gives them. Shared by every card builder; no I/O.
 */
import type { Assignment, Completion } from '../src/domain/assignment.js';
import type { AssignmentState, Category, Level } from '../src/domain/types.js';
import type { CardHeader, HeaderTemplate } from './card.js';

/** Level names as tags show them. */
export const levelLabels: Record<Level, string> = {
  routine: '一般',
  important: '重要',
  critical: '特别重大',
  fixed: '按期',
};

/** Category names (policy §二), as short as a tag allows. */
export const categoryLabels: Record<Category, string> = {
  govWorkReport: '政府工作报告',
  majorDecision: '重大决策部署',
  targetTask: '目标任务',
  deputyProposal: '人大建议/政协提案',
  districtInstruction: '区领导批示',
  sasacMeeting: '国资监管会议',
  reformAndParty: '国企改革与党建',
  bureauInstruction: '局领导批示交办',
  other: '其他',
};

/** States as the 状态 line shows them. */
export const stateLabels: Record<AssignmentState, string> = {
  issued: '待签收',
  acknowledged: '已签收',
  in_progress: '办理中',
  awaiting_signoff: '待第一责任人审签',
  under_review: '督查室审核中',
  completed: '已办结',
  archived: '已归档',
  refused: '拒不办理',
  withdrawn: '已撤销',
};

/** 完成情况 choices of the feedback form. */
export const completionLabels: Record<Completion, string> = {
  done: '已完成',
  partial: '部分完成',
  unable: '无法完成',
};

/** Header colour by level (CARDS.md); `fixed` items read like routine ones. */
const levelTemplates: Record<Level, HeaderTemplate> = {
  routine: 'blue',
  important: 'orange',
  critical: 'red',
  fixed: 'blue',
};

const levelTagColours: Record<Level, string> = {
  routine: 'blue',
  important: 'orange',
  critical: 'red',
  fixed: 'turquoise',
};

/**
 * The header colour of an assignment's card: green once completed, grey when withdrawn,
 * archived or refused, carmine while overdue, else the level's colour.
 */
export function headerTemplateOf(assignment: Assignment, overdue: boolean): HeaderTemplate {
  if (assignment.state === 'completed') return 'green';
  if (['withdrawn', 'archived', 'refused'].includes(assignment.state)) return 'grey';
  if (overdue) return 'carmine';

  return levelTemplates[assignment.level];
}

/** Header tags: the level, the category, and 涉密 for confidential items. */
export function headerTagsOf(assignment: Assignment): NonNullable<CardHeader['text_tag_list']> {
  const tag = (content: string, color: string) => ({
    tag: 'text_tag' as const,
    text: { tag: 'plain_text' as const, content },
    color,
  });
  const tags = [
    tag(levelLabels[assignment.level], levelTagColours[assignment.level]),
    tag(categoryLabels[assignment.category], 'neutral'),
  ];

  return assignment.confidential ? [...tags, tag('涉密', 'red')] : tags;
}
