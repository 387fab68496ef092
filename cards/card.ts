/**
 * Card JSON 2.0 as Feishu takes it (FEISHU.md). Builders in this folder take data and return
 * a Card; they do no I/O. Elements are typed loosely: Feishu's schema is wide and we only
 * build, never read, them.
 */
export type HeaderTemplate =
  'blue' | 'orange' | 'red' | 'carmine' | 'green' | 'yellow' | 'grey' | 'turquoise' | 'purple';

export interface CardHeader {
  title: { tag: 'plain_text'; content: string };
  subtitle?: { tag: 'plain_text'; content: string };
  template: HeaderTemplate;
  text_tag_list?: Array<{
    tag: 'text_tag';
    text: { tag: 'plain_text'; content: string };
    color: string;
  }>;
}

/** One element of a card body: markdown, button, form, column_set, … */
export type CardElement = { tag: string } & Record<string, unknown>;

export interface Card {
  schema: '2.0';
  config: { update_multi: true; [key: string]: unknown };
  header?: CardHeader;
  body: { elements: CardElement[] };
}

/**
 * What a button or form carries back in `action.value`: the action, the assignment it acts
 * on, and the version of the assignment the card was built from (stale-card detection).
 * Short keys keep cards small (30 KB limit).
 */
export interface ActionValue {
  /** The action's name, e.g. `acknowledge`, `submitPlan`, `review`. */
  a: string;
  /** Assignment id (`2025-12`), when the action is about one. */
  id?: string;
  /** Assignment version the card showed. */
  v?: number;
  /** Anything else the action needs (a page number, a filter, a draft id). */
  [key: string]: unknown;
}
