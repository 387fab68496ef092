/** Types of markdown.js, for the tests that import it. */

/** Text safe inside HTML content and attribute values. */
export function escapeHtml(text: unknown): string;

/** `${prefix}${colour}` when the colour is a plain name, else ''. */
export function colourClass(prefix: string, colour: unknown): string;

/** The subset of Feishu card markdown the bot writes, as HTML. */
export function renderMarkdown(content: unknown): string;
