import { editDistance } from '../../domain/edit-distance.js';
import type { CommandName } from './command.js';
import { commandWords } from './vocabulary.js';

/** Longest first, so 我的督办 is found in a text before the 督办 inside it. */
const wordsByLength = [...commandWords].sort((a, b) => b[0].length - a[0].length);

/**
 * The command a mistyped message most likely meant: the word closest to its first word by edit
 * distance (at most a third of the word's length), else the longest command word inside that
 * first word. The rest is the person's own words (拒不理睬 12号 已催办三次): a command word
 * there says nothing about the command. Undefined if none is close.
 */
export function closestCommand(text: string): CommandName | undefined {
  const head = text.split(' ')[0]?.toLowerCase() ?? '';
  let best: { name: CommandName; distance: number } | undefined;
  for (const [word, name] of commandWords) {
    const distance = editDistance(head, word.toLowerCase());
    const tolerated = Math.max(1, Math.floor(word.length / 3));
    // A tie goes to the word that starts like the text: 退办 meant 退回 rather than 督办.
    const score = distance - (word.toLowerCase().startsWith(head.charAt(0)) ? 0.5 : 0);
    if (distance <= tolerated && (!best || score < best.distance)) best = { name, distance: score };
  }
  if (best) return best.name;

  return wordsByLength.find(([word]) => word.length > 1 && head.includes(word.toLowerCase()))?.[1];
}
