/**
 * 督办通知单: the card each enterprise holds for an assignment, in its current state, for the
 * person (or chat) looking at it. CARDS.md 「督办通知单」 is the specification.
 */
import type { Assignment } from '../src/domain/assignment.js';
import { dayOf } from '../src/domain/dates.js';
import type { Policy } from '../src/domain/policy.js';
import type { Card, CardElement } from './card.js';
import {
  buildCard,
  buttonRow,
  escapeText,
  fieldLines,
  foldable,
  hr,
  linkButton,
  markdown,
  panel,
} from './elements.js';
import { headerTagsOf, headerTemplateOf, stateLabels } from './labels.js';
import { actionsFor, detailAction, type CardAction, type Viewer } from './notice-actions.js';
import {
  deadlineLine,
  extensionLine,
  planLine,
  returnedLine,
  scoringLine,
  stateLine,
  workExcerpts,
  isLate,
  type DeadlineStatus,
} from './notice-lines.js';

/** Shown instead of a confidential item's content to those who may not read it. */
export const confidentialNotice = '涉密内容，请在与督办助手的单聊中查看';

export interface NoticeCardData {
  assignment: Assignment;
  /** Decides the buttons (cards/notice-actions.ts). `group` is the enterprise chat's copy. */
  viewer: Viewer;
  /** `summary`: number, title, state and deadline only (confidential, need to know). */
  visibility: 'full' | 'summary';
  deadline: DeadlineStatus;
  scoring: Policy['scoring'];
  /** The deadline was counted Monday–Friday for want of the year's holiday schedule. */
  calendarFallback?: boolean;
  /** Buttons after the state's own, e.g. 「返回我的督办」. */
  extraActions?: CardAction[];
  /** Signed link to the printable 督办通知单 (A4, to be signed: the written form). */
  printUrl?: string;
}

/**
 * The notice card. A group chat's copy of a confidential item, and anyone whose visibility
 * is `summary`, get the summary variant without the requirements or any buttons.
 */
export function noticeCard(data: NoticeCardData): Card {
  const { assignment: a } = data;
  const summary = data.visibility === 'summary' || (data.viewer === 'group' && a.confidential);
  const elements = summary ? summaryElements(data) : fullElements(data);
  const overdue = isLate(data.deadline);

  return buildCard('督办通知单', headerTemplateOf(a, overdue), elements, {
    subtitle: a.noticeNumber,
    tags: headerTagsOf(a),
  });
}

function fullElements(data: NoticeCardData): CardElement[] {
  const { assignment: a } = data;
  const elements: CardElement[] = [
    fieldLines([['事项', escapeText(a.title)]]),
    foldable('办理要求', a.content),
    fieldLines([
      ['承办单位', a.enterpriseName],
      ['交办', dayOf(a.issuedAt)],
      ['时限', deadlineLine(a, data.deadline, data.calendarFallback)],
      ['督办人', `${a.issuedBy.name}（督查室）`],
      ['考核', scoringLine(data.scoring)],
    ]),
    hr(),
    ...progressElements(a),
  ];

  return [...elements, hr(), ...actionElements(data), footer(data)];
}

/** State, plan, extension and the work so far; long texts folded. */
function progressElements(a: Assignment): CardElement[] {
  const lines: Array<[string, string]> = [['状态', stateLine(a)]];
  const returned = returnedLine(a);
  if (returned) lines.push(['退回', returned]);
  const plan = planLine(a);
  if (plan) lines.push(['承办措施', plan]);
  const extension = extensionLine(a);
  if (extension) lines.push(['延期', extension]);
  const excerpts = workExcerpts(a).map(([title, text]) => panel(title, escapeText(text)));

  return [fieldLines(lines), ...excerpts];
}

function actionElements(data: NoticeCardData): CardElement[] {
  const own = actionsFor(data.assignment, data.viewer).map((action) =>
    data.viewer === 'group' ? inGroup(action) : action,
  );

  return buttonRow([...own, ...(data.extraActions ?? [])]);
}

/** 「查看详情 · 打印通知单」 under the buttons, on the right (CARDS.md). */
function footer(data: NoticeCardData): CardElement {
  const detail = detailAction(data.assignment);
  const links = [linkButton(data.viewer === 'group' ? inGroup(detail) : detail)];
  if (data.printUrl) links.push(markdown(`[打印通知单](${data.printUrl})`));

  return {
    tag: 'column_set',
    flex_mode: 'flow',
    horizontal_align: 'right',
    columns: links.map((element) => ({
      tag: 'column',
      width: 'auto',
      vertical_align: 'center',
      elements: [element],
    })),
  };
}

/** Marks a button as the group chat copy's, so the answer to its click stays group-safe. */
export function inGroup(action: CardAction): CardAction {
  return { ...action, value: { ...action.value, w: 'g' } };
}

function summaryElements(data: NoticeCardData): CardElement[] {
  const { assignment: a } = data;

  return [
    fieldLines([
      ['事项', escapeText(a.title)],
      ['状态', stateLabels[a.state]],
      ['时限', deadlineLine(a, data.deadline, data.calendarFallback)],
    ]),
    markdown(confidentialNotice),
  ];
}
