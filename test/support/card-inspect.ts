/**
 * Reading a built card the way a person would: its text, its buttons, its form fields. For
 * assertions on what a card shows, whatever the nesting of its elements.
 */
import type { ActionValue, Card } from '../../cards/card.js';

type Node = Record<string, unknown>;

/** Every element and sub-element of the card, depth first. */
export function elementsOf(card: Card): Node[] {
  const found: Node[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    const node = value as Node;
    if (typeof node.tag === 'string') found.push(node);
    Object.values(node).forEach(visit);
  };
  visit(card.body.elements);

  return found;
}

/** The text a reader sees: header, markdown, plain texts, in order, one per line. */
export function cardText(card: Card): string {
  const texts: string[] = [card.header?.title.content ?? '', card.header?.subtitle?.content ?? ''];
  for (const tag of card.header?.text_tag_list ?? []) texts.push(tag.text.content);
  for (const node of elementsOf(card)) {
    if (node.tag === 'markdown' || node.tag === 'plain_text') texts.push(String(node.content));
  }

  return texts.join('\n');
}

export interface ButtonSeen {
  label: string;
  value: ActionValue;
  primary: boolean;
  submit: boolean;
  /** A text-style button of a footer (「查看详情」), not one of the state's buttons. */
  footer: boolean;
}

/** Every button of the card, footer links included, with what each carries back. */
export function buttonsOf(card: Card): ButtonSeen[] {
  return elementsOf(card)
    .filter((node) => node.tag === 'button')
    .map((node) => {
      const behaviors = node.behaviors as Array<{ value: ActionValue }> | undefined;
      return {
        label: (node.text as { content: string }).content,
        value: behaviors?.[0]?.value as ActionValue,
        primary: node.type === 'primary_filled',
        submit: node.form_action_type === 'submit',
        footer: node.type === 'text',
      };
    });
}

/**
 * The labels of the buttons a card offers for its state (CARDS.md 「Buttons follow the state」);
 * footer links such as 「查看详情」 are in `footerLabels`.
 */
export function buttonLabels(card: Card): string[] {
  return buttonsOf(card)
    .filter((b) => !b.footer)
    .map((b) => b.label);
}

/** The labels of the card's footer links (text-style buttons). */
export function footerLabels(card: Card): string[] {
  return buttonsOf(card)
    .filter((b) => b.footer)
    .map((b) => b.label);
}

/** Form controls by name: input, pickers, selects. */
export function fieldsOf(card: Card): Map<string, Node> {
  const named = elementsOf(card).filter(
    (node) => !['button', 'form'].includes(String(node.tag)) && node.name,
  );

  return new Map(named.map((node) => [String(node.name), node]));
}

/** The card's size as Feishu counts it: bytes of its JSON. */
export function cardBytes(card: Card): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/** The text shown right under a form control (its hint and any reason it was refused). */
export function textBeside(card: Card, fieldName: string): string {
  const form = elementsOf(card).find((node) => node.tag === 'form');
  const siblings = (form?.elements ?? []) as Node[];
  const at = siblings.findIndex((node) => node.name === fieldName);
  if (at < 0) throw new Error(`no field ${fieldName} in the form`);
  const following = siblings.slice(at + 1);
  const end = following.findIndex((node) => node.tag !== 'markdown');

  return (end < 0 ? following : following.slice(0, end))
    .map((node) => String(node.content))
    .join('\n');
}
