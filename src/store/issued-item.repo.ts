/**
 * What the 督查室 is told after issuing: the item as numbered, read back from the store (so a
 * second confirmation of the same preview gets the same answer as the first), and the `issue`
 * audit events to hand to the event bus.
 */
import { formatNoticeNumber, assignmentIdOf } from '../domain/notice-number.js';
import { AuditEventModel } from './audit-event.model.js';
import type { AuditEvent } from './audit-event.repo.js';
import { ItemModel } from './item.model.js';

/** One notice of an issued item. */
export interface IssuedNotice {
  assignmentId: string;
  enterpriseId: string;
  enterpriseShortName: string;
  seq: number;
  noticeNumber: string;
}

/** An item as numbered: `issuing` until every record of it exists, then `issued`. */
export interface IssuedSummary {
  itemId: string;
  status: 'issuing' | 'issued';
  title: string;
  confidential: boolean;
  year: number;
  deadline: Date;
  deadlineDay: string;
  issuedAt: Date;
  issuedBy: { openId: string; name: string };
  notices: IssuedNotice[];
}

/** The item with this id and its notices in numbering order, or null if it was never issued. */
export async function loadIssuedItem(
  itemId: string,
  noticePrefix: string,
): Promise<IssuedSummary | null> {
  const item = await ItemModel.findById(itemId).lean();
  if (!item) return null;

  const notices = item.enterprises.map((enterprise, index) => {
    const seq = item.firstSeq + index;
    return {
      assignmentId: assignmentIdOf(item.year, seq),
      enterpriseId: enterprise.id ?? '',
      enterpriseShortName: enterprise.shortName ?? '',
      seq,
      noticeNumber: formatNoticeNumber(noticePrefix, item.year, seq),
    };
  });

  return {
    itemId: String(item._id),
    status: item.status,
    title: item.title,
    confidential: item.confidential,
    year: item.year,
    deadline: item.deadline,
    deadlineDay: item.deadlineDay,
    issuedAt: item.issuedAt,
    issuedBy: { openId: item.issuedBy.openId, name: item.issuedBy.name },
    notices,
  };
}

/** The `issue` events of these assignments (their version-1 transitions), one query. */
export async function issueEventsOf(assignmentIds: string[]): Promise<AuditEvent[]> {
  if (assignmentIds.length === 0) return [];
  const keys = assignmentIds.map((id) => `${id}:v1`);

  return AuditEventModel.find({ key: { $in: keys } }).lean<AuditEvent[]>();
}
