/**
 * The sandbox page's card renderer (src/sandbox/public/card-render.js): Card JSON 2.0 to the
 * HTML the page shows. Built cards of the bot render with every text, button and control and
 * nothing left unsupported; markdown shows what Feishu shows and nothing a text could inject.
 */
import { describe, expect, it } from 'vitest';
import type { Card } from '../../../cards/card.js';
import { issueFormCard } from '../../../cards/issue-form.card.js';
import { noticeCard } from '../../../cards/notice.card.js';
import { planFormCard } from '../../../cards/plan-form.card.js';
import { reviewCard } from '../../../cards/review.card.js';
import { renderCard } from '../../../src/sandbox/public/card-render.js';
import { renderMarkdown } from '../../../src/sandbox/public/markdown.js';
import { buttonsOf, elementsOf } from '../../support/card-inspect.js';
import { directory, people, policy } from '../../support/fixtures.js';
import { inState } from '../../support/states.js';

const directoryPeople = directory.people.map((p) => ({ openId: p.openId, name: p.name }));
const render = (card: Card) => renderCard(card, { people: directoryPeople });

/** The attribute values of every element matching `selector`-like tag and attribute. */
function attributeValues(html: string, attribute: string): string[] {
  return [...html.matchAll(new RegExp(`${attribute}="([^"]*)"`, 'g'))].map((m) => m[1]!);
}

function unescape(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const builtCards: Array<[string, () => Card]> = [
  [
    'the notice (issued, liaison)',
    () =>
      noticeCard({
        assignment: inState.issued(),
        viewer: 'liaison',
        visibility: 'full',
        deadline: { kind: 'left', workingDays: 5 },
        scoring: policy.scoring,
      }),
  ],
  [
    'the plan form',
    () =>
      planFormCard({
        assignment: inState.acknowledged(),
        candidates: [people.head.openId, people.liaison.openId],
        limits: policy.limits,
      }),
  ],
  [
    'the review card',
    () =>
      reviewCard({
        assignment: inState.underReview(),
        round: 1,
        deadline: { kind: 'left', workingDays: 1 },
        scoring: policy.scoring,
        limits: policy.limits,
      }),
  ],
  [
    'the 新建督办 form',
    () =>
      issueFormCard({
        enterprises: directory.enterprises,
        rules: ['一般事项 5 个工作日 → 2025-05-28'],
        capDay: '2025-06-20',
        maxDaysFromIssue: 30,
        limits: policy.limits,
        values: { enterpriseIds: ['wenlv'] },
      }),
  ],
];

describe('renderCard on the bot’s own cards', () => {
  it.each(builtCards)('renders %s with nothing unsupported', (_name, build) => {
    const html = render(build());

    expect(html).not.toContain('不支持的组件');
  });

  it.each(builtCards)('gives %s every button with the value it carries', (_name, build) => {
    const card = build();
    const html = render(card);

    const values = attributeValues(html, 'data-value').map((v) => JSON.parse(unescape(v)));
    expect(values).toEqual(buttonsOf(card).map((b) => b.value));
    for (const button of buttonsOf(card)) expect(html).toContain(`>${button.label}</button>`);
  });

  it.each(builtCards)('gives %s every form control by its name', (_name, build) => {
    const card = build();
    const named = elementsOf(card).filter(
      (e) => e.name && !['button', 'form'].includes(String(e.tag)),
    );

    expect(attributeValues(render(card), 'data-field')).toEqual(named.map((e) => String(e.name)));
  });
});

describe('renderCard', () => {
  const card = (elements: unknown[], header?: unknown) =>
    ({ schema: '2.0', config: { update_multi: true }, header, body: { elements } }) as Card;

  it('colours the header by its template and shows title, subtitle and tags', () => {
    const html = render(
      card([], {
        title: { tag: 'plain_text', content: '督办通知单' },
        subtitle: { tag: 'plain_text', content: '珠国资督〔2025〕12号' },
        template: 'orange',
        text_tag_list: [
          { tag: 'text_tag', text: { tag: 'plain_text', content: '重要' }, color: 'orange' },
        ],
      }),
    );

    expect(html).toContain('class="fs-header fs-header--orange"');
    expect(html).toContain('<span class="fs-title">督办通知单</span>');
    expect(html).toContain('<span class="fs-tag fs-tag--orange">重要</span>');
    expect(html).toContain('<div class="fs-subtitle">珠国资督〔2025〕12号</div>');
  });

  it.each([
    [
      'a primary submit button',
      {
        tag: 'button',
        name: 'complete',
        type: 'primary_filled',
        form_action_type: 'submit',
        text: { tag: 'plain_text', content: '通过办结' },
        behaviors: [{ type: 'callback', value: { a: 'review', d: 'complete' } }],
      },
      'class="fs-btn fs-btn--primary_filled" data-value="{&quot;a&quot;:&quot;review&quot;,&quot;d&quot;:&quot;complete&quot;}" data-name="complete" data-submit="true">通过办结</button>',
    ],
    [
      'a link button',
      {
        tag: 'button',
        text: { tag: 'plain_text', content: '打开' },
        behaviors: [{ type: 'open_url', default_url: 'https://example.com/a?b=1&c=2' }],
      },
      '<a class="fs-btn fs-btn--default" href="https://example.com/a?b=1&amp;c=2" target="_blank" rel="noopener">打开</a>',
    ],
    [
      'a one-line input',
      {
        tag: 'input',
        name: 'department',
        required: true,
        default_value: '工程"部',
        max_length: 100,
      },
      '<input type="text" class="fs-input" data-field="department" data-kind="input" data-required="true" maxlength="100" value="工程&quot;部">',
    ],
    [
      'a multi-line input',
      {
        tag: 'input',
        name: 'measures',
        input_type: 'multiline_text',
        rows: 3,
        placeholder: { tag: 'plain_text', content: '具体措施' },
      },
      '<textarea class="fs-input" data-field="measures" data-kind="input" placeholder="具体措施" rows="3"></textarea>',
    ],
    [
      'a select with its initial option',
      {
        tag: 'select_static',
        name: 'level',
        initial_option: 'important',
        options: [
          { text: { tag: 'plain_text', content: '一般' }, value: 'routine' },
          { text: { tag: 'plain_text', content: '重要' }, value: 'important' },
        ],
      },
      '<option value="important" selected>重要</option>',
    ],
    [
      'a person picker named from the directory',
      { tag: 'select_person', name: 'leader', options: [{ value: people.head.openId }] },
      `<option value="${people.head.openId}">${people.head.name}</option>`,
    ],
    [
      'a multi-select with its chosen values',
      {
        tag: 'multi_select_static',
        name: 'enterpriseIds',
        selected_values: ['wenlv'],
        options: [{ text: { tag: 'plain_text', content: '文旅' }, value: 'wenlv' }],
      },
      '<input type="checkbox" value="wenlv" checked>文旅',
    ],
    [
      'a date picker with its date',
      { tag: 'date_picker', name: 'plannedDay', initial_date: '2025-05-28' },
      '<input type="date" class="fs-input fs-date" data-field="plannedDay" data-kind="date" value="2025-05-28">',
    ],
    [
      'a ticked checker',
      {
        tag: 'checker',
        name: 'quality',
        checked: true,
        text: { tag: 'plain_text', content: '按时高质量完成' },
      },
      'data-field="quality" data-kind="checker" checked><span>按时高质量完成</span>',
    ],
    [
      'an open collapsible panel',
      {
        tag: 'collapsible_panel',
        expanded: true,
        header: { title: { tag: 'plain_text', content: '办理结果' } },
        elements: [{ tag: 'markdown', content: '已完成' }],
      },
      '<details class="fs-panel" open><summary>办理结果</summary>',
    ],
    ['an element it does not know', { tag: 'chart' }, '[不支持的组件 chart]'],
  ])('renders %s', (_name, element, expected) => {
    expect(render(card([element]))).toContain(expected);
  });

  it('offers everyone in the directory in a person picker without options', () => {
    const html = render(card([{ tag: 'select_person', name: 'owner' }]));

    expect(attributeValues(html, 'option value').filter(Boolean)).toEqual(
      directoryPeople.map((p) => p.openId),
    );
  });
});

describe('renderMarkdown', () => {
  it.each([
    ['bold', '**事项**\u3000关于', '<strong>事项</strong>\u3000关于'],
    [
      'a colour',
      "<font color='red'>逾期 2 天</font>",
      '<span class="fs-font fs-c-red">逾期 2 天</span>',
    ],
    [
      'an unclosed colour',
      "<font color='grey'>提示",
      '<span class="fs-font fs-c-grey">提示</span>',
    ],
    ['line breaks', '第一行\n第二行', '第一行<br>第二行'],
    ['strike-through', '~~旧~~', '<del>旧</del>'],
    [
      'a link',
      '[附件 1](https://example.feishu.cn/docx/abc?x=1&y=2)',
      '<a href="https://example.feishu.cn/docx/abc?x=1&amp;y=2" target="_blank" rel="noopener">附件 1</a>',
    ],
    ['an escaped tag as text', '&lt;at id=all&gt;', '&lt;at id=all&gt;'],
    ['a script as text', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['a javascript link as text', '[x](javascript:alert(1))', '[x](javascript:alert(1))'],
    [
      'a colour that tries to add an attribute',
      `<font color='red' onclick='x'>a</font>`,
      "&lt;font color='red' onclick='x'&gt;a",
    ],
  ])('shows %s', (_name, markdown, html) => {
    expect(renderMarkdown(markdown)).toBe(html);
  });
});
