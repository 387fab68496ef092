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

function editDistance(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let previous = Array.from({ length: right.length + 1 }, (_, j) => j);
  for (let i = 1; i <= left.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= right.length; j += 1) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }

  return previous[right.length] ?? 0;
}
