/**
 * 延期审批 (CARDS.md 「督查室 cards」): to the decider the policy names. Current deadline,
 * requested date, the cap, reason and progress; 批准 with a date that can be changed, 不批准
 * with a reason. Each copy is about one request (its seq): once decided, it says how and by whom;
 * a request left undecided when the matter closed says it lapsed. A rest day asked for or granted
 * says it moves to the next working day.
 */
import type { Assignment, Extension } from '../src/domain/assignment.js';
import { movedDayNote, shortMoment } from '../src/domain/format.js';
import { isOpen } from '../src/domain/types.js';
import type { Policy } from '../src/domain/policy.js';
import type { Card, CardElement } from './card.js';
import { buildCard, escapeText, fieldLines, foldable, hr } from './elements.js';
import { dateControl, textControl } from './form-fields.js';
import { headerTagsOf, headerTemplateOf } from './labels.js';
import { stateLine } from './notice-lines.js';
import { officeActions, type ExtensionChoice } from './office-actions.js';
import {
  fieldBlock,
  strayProblem,
  submitButton,
  submitRow,
  type FieldProblem,
  type LabelledField,
} from './office-form.js';

export interface ExtensionDecisionData {
  assignment: Assignment;
  /** The request this card is about. */
  seq: number;
  /** The latest day any deadline may have (`deadlineCap`). */
  capDay: string;
  /** Why the day asked for would move, when it is a rest day (`movedDayNote`); else ''. */
  requestedNote?: string;
  maxDaysFromIssue: number;
  /** Who decides, for the line under the buttons. */
  decider: 'supervisor' | 'leader';
  limits: Policy['limits'];
  /** A refused decision: what was typed, and what was wrong. */
  values?: { day?: string; reason?: string };
  problem?: FieldProblem;
}

export function extensionDecisionCard(data: ExtensionDecisionData): Card {
  const { assignment: a } = data;
  const request = a.extensions.find((e) => e.seq === data.seq);
  const elements: CardElement[] = request
    ? [...requestElements(data, request), hr(), ...decisionElements(data, request)]
    : [fieldLines([['状态', '未找到该延期申请']])];

  return buildCard('延期审批', headerTemplateOf(a, false), elements, {
    subtitle: a.noticeNumber,
    tags: headerTagsOf(a),
  });
}

function requestElements(data: ExtensionDecisionData, e: Extension): CardElement[] {
  const { assignment: a } = data;
  const elements: CardElement[] = [
    fieldLines([
      ['承办单位', a.enterpriseName],
      ['事项', escapeText(a.title)],
      ['当前时限', e.previousDay],
      [
        '申请延至',
        data.requestedNote ? `${e.requestedDay}（${data.requestedNote}）` : e.requestedDay,
      ],
      ['延期上限', `${data.capDay}（交办之日起 ${data.maxDaysFromIssue} 日）`],
      ['申请人', `${e.requestedBy.name} ${shortMoment(e.requestedAt)}`],
    ]),
    foldable('原因', e.reason),
  ];
  if (e.progress) elements.push(foldable('目前进展', e.progress));

  return elements;
}

function decisionElements(data: ExtensionDecisionData, e: Extension): CardElement[] {
  const { assignment: a } = data;
  if (e.status === 'pending' && isOpen(a.state)) return decisionForm(data, e);
  if (e.status === 'pending') return [fieldLines([['状态', stateLine(a)]])];
  if (e.status === 'lapsed')
    return [fieldLines([['审批', `未审批，申请已失效（${stateLine(a)}）`]])];
  const who =
    e.decidedBy && e.decidedAt ? `（${e.decidedBy.name} ${shortMoment(e.decidedAt)}）` : '';
  const reason = e.decisionReason ? `：${escapeText(e.decisionReason)}` : '';
  const moved = e.chosenDay
    ? `（${movedDayNote({ day: e.decidedDay ?? '', movedFrom: e.chosenDay })}）`
    : '';
  const verdict =
    e.status === 'approved' ? `已批准延至 ${e.decidedDay}${moved}` : `不批准${reason}`;

  return [fieldLines([['审批', `${verdict}${who}`]])];
}

function decisionForm(data: ExtensionDecisionData, e: Extension): CardElement[] {
  const fields = decisionFields(data, e);
  const value = (d: ExtensionChoice) => ({
    a: officeActions.decideExtension,
    id: data.assignment.id,
    s: e.seq,
    d,
  });
  const buttons = [
    submitButton('approve', '批准', value('approve'), true),
    submitButton('reject', '不批准', value('reject')),
  ];

  return [
    ...strayProblem(fields, data.problem),
    {
      tag: 'form',
      name: 'extension',
      elements: [...fields.flatMap((f) => fieldBlock(f, data.problem)), submitRow(buttons)],
    },
    fieldLines([['审批人', data.decider === 'leader' ? '局主要领导' : '督查室']]),
  ];
}

/** 批准延至 (the date asked for, changeable) and the reason (required to refuse). */
function decisionFields(data: ExtensionDecisionData, e: Extension): LabelledField[] {
  const values = data.values ?? {};

  return [
    {
      name: 'day',
      label: '批准延至',
      required: false,
      control: dateControl('day', { value: values.day ?? e.requestedDay }),
      hint: `可改为其他日期，不晚于 ${data.capDay}`,
    },
    {
      name: 'reason',
      label: '意见',
      required: false,
      control: textControl('reason', {
        value: values.reason,
        maxLength: data.limits.reason,
        multiline: true,
        placeholder: '不批准时必填',
      }),
    },
  ];
}
