/**
 * 帮助 (CARDS.md 「Queries」): only the commands this person may use, each with an example.
 * Also the answer to anything not understood: what was wrong and the command it likely meant.
 */
import type { Card, CardElement } from './card.js';
import { buildCard, escapeText, hr, markdown, red } from './elements.js';

export interface HelpEntry {
  summary: string;
  example: string;
}

export interface HelpCardData {
  /** The commands this person may use, in the order to show them. */
  commands: HelpEntry[];
  /** What could not be understood, in the user's terms. */
  problem?: string;
  /** The command the text most likely meant. */
  suggestion?: HelpEntry;
}

export function helpCard(data: HelpCardData): Card {
  const top: CardElement[] = [];
  if (data.problem) top.push(markdown(red(escapeText(data.problem))));
  if (data.suggestion) {
    const { summary, example } = data.suggestion;
    top.push(markdown(`您是否要**${summary}**？例如：\n${escapeText(example)}`));
  }
  const lines = data.commands.map((c) => `**${c.summary}**\n${escapeText(c.example)}`);
  const list = markdown(lines.length > 0 ? lines.join('\n\n') : '暂无可用命令');
  const footer = markdown(
    `<font color='grey'>在与督办助手的单聊中直接发送，或在群里 @督办助手 后发送；编号可写作 珠国资督〔2025〕12号、[2025]12 或 2025-12。</font>`,
  );

  return buildCard(
    data.problem ? '督办助手 · 没有看懂' : '督办助手 · 帮助',
    data.problem ? 'orange' : 'blue',
    [...top, ...(top.length > 0 ? [hr()] : []), markdown('**可用命令**'), list, footer],
  );
}
