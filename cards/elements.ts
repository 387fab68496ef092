/**
 * Small Card JSON 2.0 building blocks shared by the card builders: text, buttons, panels.
 * Element shapes follow Feishu's JSON 2.0 component reference (FEISHU.md "Card JSON 2.0").
 */
import type { Card, CardElement, CardHeader, HeaderTemplate } from './card.js';
import type { CardAction } from './notice-actions.js';

/** The ideographic space that separates a label from its value, as Chinese forms do. */
export const gap = '\u3000';

/** Text past this many characters goes into a collapsed panel instead of the card's face. */
export const foldAfterChars = 120;

export function plain(content: string): { tag: 'plain_text'; content: string } {
  return { tag: 'plain_text', content };
}

/**
 * People's text made safe for a markdown element: angle brackets become entities, so a typed
 * `<at id=all>` or `<font>` shows as text instead of mentioning everyone or restyling the card.
 */
export function escapeText(text: string): string {
  return text.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** At most `max` characters (code points), with 「…」 when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text];

  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

/** Red text, for warnings and the reason a field was refused. */
export function red(text: string): string {
  return `<font color='red'>${text}</font>`;
}

export function markdown(content: string): CardElement {
  return { tag: 'markdown', content };
}

export function hr(): CardElement {
  return { tag: 'hr' };
}

/** Lines of 「**label** value」 (an ideographic space between), one per entry, in one markdown. */
export function fieldLines(lines: Array<[string, string]>): CardElement {
  return markdown(lines.map(([label, value]) => `**${label}**${gap}${value}`).join('\n'));
}

/** A collapsed panel holding long text (markdown already escaped by the caller). */
export function panel(title: string, content: string, expanded = false): CardElement {
  return {
    tag: 'collapsible_panel',
    expanded,
    header: { title: plain(title) },
    border: { color: 'grey' },
    elements: [markdown(content)],
  };
}

/** Long text folded into a panel; short text as a 「**label** text」 line. */
export function foldable(label: string, text: string): CardElement {
  const safe = escapeText(text);
  if ([...text].length <= foldAfterChars && !text.includes('\n')) {
    return markdown(`**${label}**${gap}${safe}`);
  }

  return panel(`${label}（点击展开）`, safe);
}

/** A callback button carrying the action's value. */
export function button(action: CardAction): CardElement {
  return {
    tag: 'button',
    text: plain(action.label),
    type: action.primary ? 'primary_filled' : 'default',
    behaviors: [{ type: 'callback', value: action.value }],
  };
}

/** A callback shown as a text link (a card's footer: 「查看详情」). */
export function linkButton(action: CardAction): CardElement {
  return { ...button(action), type: 'text' };
}

/** Buttons side by side, wrapping on a narrow phone screen; nothing when there are none. */
export function buttonRow(actions: CardAction[]): CardElement[] {
  if (actions.length === 0) return [];
  const ordered = [...actions].sort((a, b) => Number(b.primary) - Number(a.primary));

  return [
    {
      tag: 'column_set',
      flex_mode: 'flow',
      horizontal_spacing: '8px',
      columns: ordered.map((action) => ({
        tag: 'column',
        width: 'auto',
        elements: [button(action)],
      })),
    },
  ];
}

export interface HeaderOptions {
  subtitle?: string;
  tags?: CardHeader['text_tag_list'];
}

/** A card whose replacement changes every copy a person holds (`update_multi`). */
export function buildCard(
  title: string,
  template: HeaderTemplate,
  elements: CardElement[],
  options: HeaderOptions = {},
): Card {
  const header: CardHeader = { title: plain(title), template };
  if (options.subtitle) header.subtitle = plain(options.subtitle);
  if (options.tags && options.tags.length > 0) header.text_tag_list = options.tags;

  return { schema: '2.0', config: { update_multi: true }, header, body: { elements } };
}
