/**
 * After 确认交办 (CARDS.md 「督查室 cards」): 「已交办 3 家：城投 珠国资督〔2025〕12号 · 文旅 13号
 * · 水务 14号」, with the deadline. Also what a second confirmation of the same preview shows.
 */
import { fullMoment } from '../src/domain/format.js';
import type { Card } from './card.js';
import { buildCard, escapeText, fieldLines, markdown } from './elements.js';

export interface IssueConfirmationData {
  title: string;
  deadline: Date;
  issuedBy: { name: string };
  /** In numbering order; all of one year. */
  notices: Array<{ enterpriseShortName: string; noticeNumber: string; seq: number }>;
}

/** 「已交办 3 家：城投 珠国资督〔2025〕12号 · 文旅 13号 · 水务 14号」. */
export function issuedLine(notices: IssueConfirmationData['notices']): string {
  const parts = notices.map((n, index) =>
    index === 0
      ? `${n.enterpriseShortName} ${n.noticeNumber}`
      : `${n.enterpriseShortName} ${n.seq}号`,
  );

  return `已交办 ${notices.length} 家：${parts.join(' · ')}`;
}

export function issueConfirmationCard(data: IssueConfirmationData): Card {
  return buildCard(
    '已交办',
    'green',
    [
      markdown(`**${issuedLine(data.notices)}**`),
      fieldLines([
        ['事项', escapeText(data.title)],
        ['时限', fullMoment(data.deadline)],
        ['督办人', data.issuedBy.name],
      ]),
    ],
    { subtitle: '通知单已发出，承办单位签收后可在「列表」中查看' },
  );
}

/** What a preview or form becomes on 取消. */
export function issueCancelledCard(): Card {
  return buildCard('已取消交办', 'grey', [markdown('本次交办已取消，未发出任何通知单。')]);
}
