/** For someone the directory does not know: how to be registered, with their open_id to copy. */
import type { Card } from './card.js';
import { buildCard, markdown } from './elements.js';

/** What an unregistered person is told (CARDS.md 「Queries」). */
export const notRegistered = '您尚未登记为督办联系人，请联系区国资办督查室';

export function registrationCard(openId: string): Card {
  return buildCard('督办助手 · 尚未登记', 'grey', [
    markdown(`**${notRegistered}**`),
    markdown('登记时请将下面的 open_id 发给督查室：'),
    markdown(`\`\`\`\n${openId}\n\`\`\``),
  ]);
}
