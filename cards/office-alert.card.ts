/**
 * The 督查室's line about an ignored or overdue matter (CARDS.md 「Reminders」: 「a line in
 * the 督查室 chat」): one short card without a header, so a chat reads as a list.
 */
import type { Assignment } from '../src/domain/assignment.js';
import { fullMoment } from '../src/domain/format.js';
import type { Card } from './card.js';
import { escapeText, markdown, red } from './elements.js';

/**
 * - `unacknowledged`: not acknowledged in the time the policy allows.
 * - `dueSoon`: the deadline is near (0 working days left: today) and the matter is open.
 * - `overdue`: the deadline has passed while open.
 */
export type OfficeAlert =
  | { kind: 'unacknowledged' }
  | { kind: 'dueSoon'; workingDaysLeft: number }
  | { kind: 'overdue'; daysLate: number; overduePoints: number };

export interface OfficeAlertData {
  assignment: Assignment;
  alert: OfficeAlert;
  /** Who in the enterprise was reminded just now, by name; `urgent` ones with 加急. */
  told: Array<{ name: string; urgent: boolean }>;
}

/** 「【逾期】城投 珠国资督〔2025〕12号《…》已逾期 1 天…；已提醒 城投联络员、城投张总（加急）」. */
export function officeAlertCard(data: OfficeAlertData): Card {
  const { assignment: a, alert } = data;
  const subject = `${a.enterpriseShortName} ${a.noticeNumber}《${escapeText(a.title)}》`;
  const told = data.told.map((p) => (p.urgent ? `${p.name}（加急）` : p.name)).join('、');
  const reminded = told ? `；已提醒 ${told}` : '；承办单位未登记联系人，请电话督促';
  const line = `**${tagOf(alert)}** ${subject}${factOf(a, alert)}${reminded}`;

  return { schema: '2.0', config: { update_multi: true }, body: { elements: [markdown(line)] } };
}

function tagOf(alert: OfficeAlert): string {
  if (alert.kind === 'overdue') return red('【逾期】');
  return alert.kind === 'dueSoon' ? '【临近时限】' : '【未签收】';
}

function factOf(a: Assignment, alert: OfficeAlert): string {
  switch (alert.kind) {
    case 'unacknowledged':
      return `于 ${fullMoment(a.issuedAt)} 交办，至今未签收`;
    case 'dueSoon':
      return alert.workingDaysLeft > 0
        ? `距时限还有 ${alert.workingDaysLeft} 个工作日（${fullMoment(a.deadline)}），尚未办结`
        : `今日 ${fullMoment(a.deadline).slice(11)} 到期，尚未办结`;
    case 'overdue': {
      const late = alert.daysLate > 0 ? `已逾期 ${alert.daysLate} 天` : '已超过时限';
      const points =
        alert.overduePoints === 0 ? '' : `，已加扣 ${Math.abs(alert.overduePoints)} 分`;
      return `${late}（时限 ${fullMoment(a.deadline)}）${points}`;
    }
  }
}
