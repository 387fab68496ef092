/**
 * An enterprise's score report for an assessment year: every ledger entry with its reason,
 * notice and date, and the total (policy §六(三)); and the ranking the 积分 card shows.
 */
import type { LedgerEntry, LedgerKind } from '../domain/ledger.js';
import { rankEnterprises, type RankedEnterprise } from '../domain/ranking.js';
import type { Directory } from '../domain/types.js';
import { AssignmentModel } from '../store/assignment.model.js';
import { entriesFor, totalsFor } from '../store/ledger.repo.js';

export interface ScoreLine {
  at: Date;
  kind: LedgerKind;
  noticeNumber: string;
  /** The notice's title, or 「（涉密事项）」 for a confidential one: links get forwarded. */
  title: string;
  reason: string;
  milliPoints: number;
}

export interface ScoreReport {
  enterprise: { id: string; name: string; shortName: string };
  year: number;
  lines: ScoreLine[];
  totalMilliPoints: number;
}

/** What reading reports needs of the runtime: the directory in force. */
export interface DirectoryReader {
  current(): Promise<Directory>;
}

export const confidentialTitle = '（涉密事项）';

/** The report, or null when the enterprise is neither in the directory nor in the ledger. */
export async function loadScoreReport(
  directory: DirectoryReader,
  enterpriseId: string,
  year: number,
): Promise<ScoreReport | null> {
  const [current, entries] = await Promise.all([
    directory.current(),
    entriesFor(enterpriseId, year),
  ]);
  const known = current.enterprises.find((e) => e.id === enterpriseId);
  if (!known && entries.length === 0) return null;

  const titles = await titlesOf(entries);
  const lines = entries.map((entry) => lineOf(entry, titles));
  const enterprise = known
    ? { id: known.id, name: known.name, shortName: known.shortName }
    : { id: enterpriseId, name: enterpriseId, shortName: enterpriseId };

  return {
    enterprise,
    year,
    lines,
    totalMilliPoints: lines.reduce((sum, line) => sum + line.milliPoints, 0),
  };
}

/** Enterprises ranked by their points for the year (one $group with one $sum). */
export async function loadRanking(
  directory: DirectoryReader,
  year: number,
): Promise<RankedEnterprise[]> {
  const [current, totals] = await Promise.all([directory.current(), totalsFor(year)]);

  return rankEnterprises(current.enterprises, totals);
}

function lineOf(entry: LedgerEntry, titles: Map<string, string>): ScoreLine {
  return {
    at: entry.at,
    kind: entry.kind,
    noticeNumber: entry.noticeNumber,
    title: titles.get(entry.assignmentId) ?? '',
    reason: entry.reason,
    milliPoints: entry.milliPoints,
  };
}

/** Titles of the entries' notices, one query; confidential ones replaced. */
async function titlesOf(entries: LedgerEntry[]): Promise<Map<string, string>> {
  const ids = [...new Set(entries.map((e) => e.assignmentId))];
  if (ids.length === 0) return new Map();
  const docs = await AssignmentModel.find(
    { _id: { $in: ids } },
    { title: 1, confidential: 1 },
  ).lean();

  return new Map(docs.map((d) => [String(d._id), d.confidential ? confidentialTitle : d.title]));
}
