import { editDistance } from '../../domain/edit-distance.js';
import type { CommandName } from './command.js';
import { commandWords } from './vocabulary.js';

/**
 * The command a mistyped message most likely meant: one whose word appears in the text, else
 * the word closest by edit distance (at most a third of its length). Undefined if none is close.
 */
export function closestCommand(text: string): CommandName | undefined {
  const head = text.split(' ')[0]?.toLowerCase() ?? '';
  const contained = commandWords.find(([word]) => word.length > 1 && text.includes(word));
  if (contained) return contained[1];

  let best: { name: CommandName; distance: number } | undefined;
  for (const [word, name] of commandWords) {
    const distance = editDistance(head, word.toLowerCase());
    const tolerated = Math.max(1, Math.floor(word.length / 3));
    if (distance <= tolerated && (!best || distance < best.distance)) best = { name, distance };
  }

  return best?.name;
}
