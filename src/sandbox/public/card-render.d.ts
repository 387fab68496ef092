/** Types of card-render.js, for the tests that import it. */

export interface RenderOptions {
  /** The directory's people, for person pickers: names by open_id. */
  people?: Array<{ openId: string; name: string }>;
}

/** Card JSON 2.0 as HTML. */
export function renderCard(card: unknown, options?: RenderOptions): string;
