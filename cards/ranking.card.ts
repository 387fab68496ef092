/**
 * 积分: enterprises ranked by points for the year, each linking to its score report
 * (CARDS.md 「Queries」). Links are signed and expire; the caller makes them.
 */
import { formatPoints } from '../src/domain/ledger.js';
import type { RankedEnterprise } from '../src/domain/ranking.js';
import type { Card } from './card.js';
import { buildCard, gap, escapeText, markdown } from './elements.js';

export interface RankingCardData {
  year: number;
  ranking: RankedEnterprise[];
  /** The signed link to an enterprise's score report. */
  reportUrl: (enterpriseId: string) => string;
  /** How many days the links work, said under the list. */
  linkDays: number;
}

/** The ranking card: 「1. 城投  -3.2 分」, the name linking to the ledger. */
export function rankingCard(data: RankingCardData): Card {
  const lines = data.ranking.map((r) => {
    const name = `[${escapeText(r.shortName)}](${data.reportUrl(r.enterpriseId)})`;
    return `${r.rank}. ${name}${gap}${formatPoints(r.milliPoints)} 分`;
  });
  const empty = lines.length === 0 ? ['暂无企业'] : [];

  return buildCard(
    '督办积分排名',
    'blue',
    [
      markdown([...lines, ...empty].join('\n')),
      markdown(
        `<font color='grey'>按${data.year}年度积分台账合计，分高者在前；点击企业查看积分明细（链接 ${data.linkDays} 日内有效）。</font>`,
      ),
    ],
    { subtitle: `${data.year}年度` },
  );
}
