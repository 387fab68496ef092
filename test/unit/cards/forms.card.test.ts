import { describe, expect, it } from 'vitest';
import type { Card } from '../../../cards/card.js';
import { extensionFormCard } from '../../../cards/extension-form.card.js';
import { feedbackFormCard } from '../../../cards/feedback-form.card.js';
import { planFormCard } from '../../../cards/plan-form.card.js';
import { progressFormCard } from '../../../cards/progress-form.card.js';
import { signOffReturnFormCard } from '../../../cards/sign-off-return-form.card.js';
import { people, policy } from '../../support/fixtures.js';
import { inState } from '../../support/states.js';
import {
  buttonsOf,
  cardBytes,
  cardText,
  elementsOf,
  fieldsOf,
  textBeside,
} from '../../support/card-inspect.js';

const limits = policy.limits;
const candidates = [people.head.openId, people.liaison.openId];

type Build = (extra: {
  values?: Record<string, string>;
  error?: { message: string; field?: string };
}) => Card;
const forms: Array<[string, Build, string[], string, string]> = [
  [
    'plan',
    (extra) => planFormCard({ assignment: inState.acknowledged(), candidates, limits, ...extra }),
    ['leader', 'department', 'owner', 'measures', 'plannedDay'],
    'submitPlan',
    '提交',
  ],
  [
    'progress',
    (extra) => progressFormCard({ assignment: inState.inProgress(), limits, ...extra }),
    ['text', 'percent', 'problems', 'nextSteps'],
    'reportProgress',
    '提交进展',
  ],
  [
    'feedback',
    (extra) => feedbackFormCard({ assignment: inState.inProgress(), limits, ...extra }),
    ['result', 'completion', 'completionReason', 'links'],
    'submitFeedback',
    '提交第一责任人审签',
  ],
  [
    'sign-off return',
    (extra) => signOffReturnFormCard({ assignment: inState.awaitingSignoff(), limits, ...extra }),
    ['comment'],
    'returnSignOff',
    '退回修改',
  ],
  [
    'extension',
    (extra) =>
      extensionFormCard({
        assignment: inState.issued(),
        capDay: '2025-06-20',
        maxDaysFromIssue: 30,
        limits,
        ...extra,
      }),
    ['day', 'reason', 'progress'],
    'requestExtension',
    '提交延期申请',
  ],
];

describe.each(forms)('%s form', (_name, build, fields, action, submitLabel) => {
  it('has its fields, named as the handler reads them, inside one form', () => {
    const card = build({});
    const form = elementsOf(card).find((node) => node.tag === 'form');

    expect([...fieldsOf(card).keys()]).toEqual(fields);
    expect(JSON.stringify(form)).toContain(`"form_action_type":"submit"`);
  });

  it('submits with the action, the assignment and its version; 取消 goes back', () => {
    const card = build({});
    const [submit, cancel] = buttonsOf(card);

    expect(submit).toMatchObject({
      label: submitLabel,
      submit: true,
      value: { a: action, id: '2025-12' },
    });
    expect(typeof submit?.value.v).toBe('number');
    expect(cancel).toMatchObject({ label: '取消', submit: false, value: { a: 'cancelForm' } });
  });

  it('shows the number of the notice', () => {
    expect(build({}).header?.subtitle?.content).toBe('珠国资督〔2025〕12号');
  });

  it('comes back with the reason beside the field, keeping what was typed', () => {
    const field = fields.at(-1)!;
    const card = build({
      values: { [field]: '2025-05-27' },
      error: { message: '这里不对', field },
    });

    expect(textBeside(card, field)).toContain('这里不对');
    const control = fieldsOf(card).get(field)!;
    expect([control.default_value, control.initial_date]).toContain('2025-05-27');
  });

  it('shows a reason about no particular field at the top', () => {
    const card = build({ error: { message: '整体有误' } });

    expect(String(card.body.elements[0]?.content)).toContain('整体有误');
  });

  it('never asks Feishu for more than 1,000 characters in a box', () => {
    for (const control of fieldsOf(build({})).values()) {
      if (control.tag === 'input') expect(Number(control.max_length)).toBeLessThanOrEqual(1000);
    }
  });

  it('stays under 30 KB filled to the brim', () => {
    const values = Object.fromEntries(fields.map((f) => [f, '𠀀'.repeat(1000)]));

    expect(cardBytes(build({ values }))).toBeLessThan(30 * 1024);
  });
});

describe('plan form', () => {
  it('offers the given people in both person pickers and keeps a choice', () => {
    const card = planFormCard({
      assignment: inState.acknowledged(),
      candidates,
      limits,
      values: { leader: people.head.openId },
    });
    const leader = fieldsOf(card).get('leader')!;

    expect(leader.tag).toBe('select_person');
    expect(leader.options).toEqual(candidates.map((value) => ({ value })));
    expect(leader.initial_option).toBe(people.head.openId);
    expect(fieldsOf(card).get('owner')?.options).toEqual(leader.options);
  });

  it('leaves the choice to the chat members when no people are given', () => {
    const card = planFormCard({ assignment: inState.acknowledged(), candidates: [], limits });

    expect(fieldsOf(card).get('leader')).not.toHaveProperty('options');
  });

  it('states that the planned day may not pass the deadline', () => {
    const card = planFormCard({ assignment: inState.acknowledged(), candidates, limits });

    expect(cardText(card)).toContain('不晚于时限 2025-05-28');
    expect(fieldsOf(card).get('plannedDay')?.tag).toBe('date_picker');
  });
});

describe('feedback form', () => {
  it('offers 已完成 / 部分完成 / 无法完成', () => {
    const card = feedbackFormCard({ assignment: inState.inProgress(), limits });
    const options = fieldsOf(card).get('completion')?.options as Array<{
      text: { content: string };
    }>;

    expect(options.map((o) => o.text.content)).toEqual(['已完成', '部分完成', '无法完成']);
  });
});

describe('extension form', () => {
  it('states the cap', () => {
    const card = extensionFormCard({
      assignment: inState.issued(),
      capDay: '2025-06-20',
      maxDaysFromIssue: 30,
      limits,
    });

    expect(cardText(card)).toContain('最晚可延至 2025-06-20（交办之日起 30 日）');
  });
});

describe('forms on the group chat copy', () => {
  it('mark every button as the group copy', () => {
    const card = planFormCard({
      assignment: inState.acknowledged(),
      candidates,
      limits,
      group: true,
    });

    expect(buttonsOf(card).every((b) => b.value.w === 'g')).toBe(true);
  });
});
