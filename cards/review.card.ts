/**
 * 审核 (CARDS.md 「督查室 cards」): sent to the 督查室 when a head signs off a result. Shows the
 * result, the plan, who signed off and when, on time or how late; while it awaits review, a
 * tick 按时高质量完成 (only when on time), a reason, and 通过办结 / 退回重办 / 认定敷衍. Each copy
 * belongs to one round (the n-th approval): once decided, it shows the decision and who made it,
 * and the round that closed the matter offers 归档 until it is archived.
 */
import type { Assignment, Review, SignOff } from '../src/domain/assignment.js';
import { daysLate } from '../src/domain/deadlines.js';
import { archiveNumberOf } from '../src/domain/dossier.js';
import { shortMoment } from '../src/domain/format.js';
import type { Policy } from '../src/domain/policy.js';
import type { Card, CardElement } from './card.js';
import {
  buildCard,
  buttonRow,
  escapeText,
  fieldLines,
  gap,
  hr,
  markdown,
  panel,
  red,
} from './elements.js';
import { textControl } from './form-fields.js';
import { completionLabels, headerTagsOf, headerTemplateOf } from './labels.js';
import { deadlineLine, isLate, planLine, stateLine, type DeadlineStatus } from './notice-lines.js';
import { officeActions, type ReviewChoice } from './office-actions.js';
import {
  checkerControl,
  fieldBlock,
  strayProblem,
  submitButton,
  submitRow,
  type FieldProblem,
  type LabelledField,
} from './office-form.js';

export interface ReviewCardData {
  assignment: Assignment;
  /** Which approval this card is about: 1 for the first sign-off, 2 after a return, … */
  round: number;
  deadline: DeadlineStatus;
  scoring: Policy['scoring'];
  limits: Policy['limits'];
  /** A refused decision: the reason typed, and what was wrong. */
  reason?: string;
  problem?: FieldProblem;
}

/** The approvals of an assignment, oldest first: round n is the n-th. */
export function approvalsOf(a: Assignment): SignOff[] {
  return a.signOffs.filter((s) => s.decision === 'approved');
}

/**
 * The review that decided round `round`, if any. Reviews happen only under review, which only
 * an approval leads to, and each review leaves it: the n-th review decides the n-th approval.
 */
export function reviewOfRound(a: Assignment, round: number): Review | undefined {
  return a.reviews[round - 1];
}

export function reviewCard(data: ReviewCardData): Card {
  const { assignment: a, round } = data;
  const approval = approvalsOf(a)[round - 1];
  const decided = reviewOfRound(a, round);
  const current = round === approvalsOf(a).length;
  const open = current && !decided && a.state === 'under_review';
  const elements: CardElement[] = [
    fieldLines([
      ['承办单位', a.enterpriseName],
      ['事项', escapeText(a.title)],
      ['时限', deadlineLine(a, data.deadline)],
      ['审签', approval ? signOffText(a, approval) : '—'],
      ['承办措施', planLine(a) ?? '—'],
    ]),
    ...(current ? feedbackElements(a) : []),
    hr(),
    ...(open ? decisionForm(data, approval) : outcomeElements(a, decided)),
    ...(current && decided ? archiveElements(data) : []),
  ];

  return buildCard('督办审核', headerTemplateOf(a, isLate(data.deadline)), elements, {
    subtitle: a.noticeNumber,
    tags: headerTagsOf(a),
  });
}

function signOffText(a: Assignment, approval: SignOff): string {
  const late = daysLate(a.deadline, approval.at);
  const timing = late > 0 ? red(`逾期 ${late} 天`) : '按时';

  return `${approval.by.name} ${shortMoment(approval.at)} 同意报送（${timing}）`;
}

function feedbackElements(a: Assignment): CardElement[] {
  const feedback = a.feedback;
  if (!feedback) return [markdown('尚无反馈')];
  const lines: Array<[string, string]> = [
    ['完成情况', completionLabels[feedback.completion]],
    ['提交人', `${feedback.by.name} ${shortMoment(feedback.at)}`],
  ];
  if (feedback.completionReason) lines.push(['原因', escapeText(feedback.completionReason)]);
  if (feedback.links.length > 0) {
    lines.push(['附件', feedback.links.map((url, i) => `[附件 ${i + 1}](${url})`).join(gap)]);
  }

  return [panel('办理结果', escapeText(feedback.result), true), fieldLines(lines)];
}

function decisionForm(data: ReviewCardData, approval: SignOff | undefined): CardElement[] {
  const { assignment: a } = data;
  const onTime = approval ? daysLate(a.deadline, approval.at) === 0 : false;
  const fields = decisionFields(data, onTime);
  const late = onTime
    ? []
    : [markdown(`<font color='grey'>逾期报送，不能认定按时高质量完成</font>`)];

  return [
    ...strayProblem(fields, data.problem),
    ...late,
    {
      tag: 'form',
      name: 'review',
      elements: [
        ...fields.flatMap((f) => fieldBlock(f, data.problem)),
        submitRow(decisionButtons(data)),
      ],
    },
  ];
}

/** The tick (only for a result signed off on time) and the reason. */
function decisionFields(data: ReviewCardData, onTime: boolean): LabelledField[] {
  const bonus = Math.abs(data.scoring.onTimeHighQuality);
  const tick: LabelledField = {
    name: 'quality',
    label: '评价',
    required: false,
    control: checkerControl('quality', `按时高质量完成（抵扣 ${bonus} 分）`),
  };
  const reason: LabelledField = {
    name: 'reason',
    label: '意见',
    required: false,
    control: textControl('reason', {
      value: data.reason,
      maxLength: data.limits.reason,
      multiline: true,
      placeholder: '退回重办或认定敷衍时必填',
    }),
  };

  return onTime ? [tick, reason] : [reason];
}

/** 通过办结 (primary), 退回重办, 认定敷衍: each submits the form with its choice. */
function decisionButtons(data: ReviewCardData): CardElement[] {
  const { assignment: a } = data;
  const value = (d: ReviewChoice) => ({
    a: officeActions.review,
    id: a.id,
    v: a.version,
    r: data.round,
    d,
  });
  const penalty = Math.abs(data.scoring.perfunctory);

  return [
    submitButton('complete', '通过办结', value('complete'), true),
    submitButton('return', '退回重办', value('return')),
    submitButton('perfunctory', `认定敷衍（加扣 ${penalty} 分）`, value('perfunctory')),
  ];
}

/** The decision taken on this round, or where the matter stands if it went another way. */
function outcomeElements(a: Assignment, review: Review | undefined): CardElement[] {
  if (!review) return [fieldLines([['状态', stateLine(a)]])];
  const who = `${review.by.name} ${shortMoment(review.at)}`;
  const reason = review.reason ? `：${escapeText(review.reason)}` : '';
  const verdicts: Record<Review['decision'], string> = {
    complete: review.onTimeHighQuality ? '通过办结（按时高质量）' : '通过办结',
    return: `退回重办${reason}`,
    perfunctory: `认定敷衍，退回重办${reason}`,
  };

  return [fieldLines([['审核', `${verdicts[review.decision]}（${who}）`]])];
}

/** 归档 on the round that closed the matter; once archived, its 档号 instead. */
function archiveElements(data: ReviewCardData): CardElement[] {
  const { assignment: a } = data;
  if (a.state === 'archived') {
    return [fieldLines([['归档', `已归档（档号 ${archiveNumberOf(a.year, a.seq)}）`]])];
  }
  if (a.state !== 'completed') return [];
  const value = { a: officeActions.archive, id: a.id, v: a.version, r: data.round };

  return buttonRow([{ label: '归档', value, primary: false }]);
}
