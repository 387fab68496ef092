import type { Card } from '../../cards/card.js';

/** A shared (patchable) Card JSON 2.0 card showing one line of text. */
export function cardSaying(text: string): Card {
  return {
    schema: '2.0',
    config: { update_multi: true },
    body: { elements: [{ tag: 'markdown', content: text }] },
  };
}
