/**
 * 催办: a reminder written by a person of the 督查室 (CARDS.md 「Reminders」), with their
 * words. Number, title, deadline and state, never the content; the buttons of the state.
 */
import type { Assignment } from '../src/domain/assignment.js';
import { shortMoment } from '../src/domain/format.js';
import type { Card, CardElement } from './card.js';
import { buildCard, buttonRow, escapeText, fieldLines, foldable, hr } from './elements.js';
import { headerTagsOf } from './labels.js';
import { actionsFor, type Viewer } from './notice-actions.js';
import { deadlineLine, stateLine, type DeadlineStatus } from './notice-lines.js';

export interface NudgeCardData {
  assignment: Assignment;
  viewer: Extract<Viewer, 'liaison' | 'head'>;
  /** Who nudges: their name and unit as the header shows them (「督查室 王督查」). */
  from: { name: string; unit: string };
  /** Their words, as typed (escaped here); empty for a nudge without words. */
  words: string;
  at: Date;
  deadline: DeadlineStatus;
}

/** The orange 催办 card: 「催办 · 督查室 王督查」. */
export function nudgeCard(data: NudgeCardData): Card {
  const { assignment: a } = data;
  const words = data.words.trim() || '请抓紧办理，按时反馈。';
  const elements: CardElement[] = [
    foldable(`催办（${shortMoment(data.at)}）`, words),
    fieldLines([
      ['事项', escapeText(a.title)],
      ['承办单位', a.enterpriseName],
      ['时限', deadlineLine(a, data.deadline)],
      ['状态', stateLine(a)],
    ]),
  ];
  const actions = actionsFor(a, data.viewer);
  if (actions.length > 0) elements.push(hr(), ...buttonRow(actions));

  return buildCard(`催办 · ${data.from.unit} ${data.from.name}`, 'orange', elements, {
    subtitle: a.noticeNumber,
    tags: headerTagsOf(a),
  });
}
