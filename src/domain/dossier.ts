/**
 * 归档 (policy §四(六)): the dossier of a finished assignment, frozen when it is archived:
 * the notice and everything done on it, the reminders sent, its score entries and the audit
 * timeline, under archive metadata. Pure: the store gathers the parts.
 */
import type { Assignment } from './assignment.js';
import type { LedgerEntry } from './ledger.js';
import type { Channel, Office, PersonRef } from './types.js';

/** One line of the audit timeline, without the snapshot the audit record carries. */
export interface TimelineEntry {
  at: Date;
  action: string;
  outcome?: string;
  actor: PersonRef;
  channel: Channel;
  before?: string;
  after?: string;
  reason?: string;
  /** Set when the attempt was refused: who tried what, and why not. */
  refusal?: { code: string; message: string };
}

/** A reminder pushed for the assignment, as the reminders record keeps it. */
export interface ReminderRecord {
  kind: string;
  dueAt: Date;
  status: string;
  sentAt?: Date;
  messages?: number;
}

export interface Dossier {
  assignmentId: string;
  /** 档号: 「2025-督办-0012」, from the notice's year and number. */
  archiveNumber: string;
  /** 年度: the notice's year (its assessment year). */
  year: number;
  /** 保管期限, from the policy: 永久, 30年 or 10年. */
  retention: string;
  archivedAt: Date;
  archivedBy: PersonRef;
  office: Pick<Office, 'name' | 'supervisionUnit'>;
  /** The assignment as archived: notice, plan, progress, feedback, sign-offs, reviews, extensions. */
  assignment: Assignment;
  ledger: LedgerEntry[];
  reminders: ReminderRecord[];
  timeline: TimelineEntry[];
  /**
   * The printable 督办通知单 (HTML) as rendered when archived, so the archived copy never
   * changes with a later policy, directory or page layout. Absent in dossiers archived before
   * it was kept.
   */
  printedNotice?: string;
}

export interface DossierParts {
  assignment: Assignment;
  archivedBy: PersonRef;
  office: Office;
  retention: string;
  ledger: LedgerEntry[];
  reminders: ReminderRecord[];
  /** Audit events oldest first; anything beyond TimelineEntry's fields is left out. */
  timeline: TimelineEntry[];
  /** The printable notice rendered at archive time (src/reports/html/notice-print.page.ts). */
  printedNotice: string;
}

/**
 * 档号 of a notice: its year, 督办, and its number within the year in four digits. Notice
 * numbers are unique per year, so archive numbers are too, with no counter to keep.
 */
export function archiveNumberOf(year: number, seq: number): string {
  return `${year}-督办-${String(seq).padStart(4, '0')}`;
}

/** Assembles the dossier of an archived assignment. Throws if it is not archived. */
export function buildDossier(parts: DossierParts): Dossier {
  const { assignment } = parts;
  if (assignment.state !== 'archived' || !assignment.archivedAt) {
    throw new Error(`assignment ${assignment.id} is not archived`);
  }

  return {
    assignmentId: assignment.id,
    archiveNumber: archiveNumberOf(assignment.year, assignment.seq),
    year: assignment.year,
    retention: parts.retention,
    archivedAt: assignment.archivedAt,
    archivedBy: parts.archivedBy,
    office: { name: parts.office.name, supervisionUnit: parts.office.supervisionUnit },
    assignment,
    ledger: parts.ledger,
    reminders: parts.reminders.map(pickReminder),
    timeline: parts.timeline.map(pickTimeline),
    printedNotice: parts.printedNotice,
  };
}

function pickTimeline(event: TimelineEntry): TimelineEntry {
  const { at, action, outcome, actor, channel, before, after, reason, refusal } = event;
  const entry: TimelineEntry = {
    at,
    action,
    actor: { openId: actor.openId, name: actor.name },
    channel,
  };
  const optional = { outcome, before, after, reason, refusal };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined && value !== null) Object.assign(entry, { [key]: value });
  }

  return entry;
}

function pickReminder(record: ReminderRecord): ReminderRecord {
  const { kind, dueAt, status, sentAt, messages } = record;

  return { kind, dueAt, status, ...(sentAt ? { sentAt } : {}), ...(messages ? { messages } : {}) };
}
