import type { DigestAssignment, DigestFigures, DigestWeek } from '../domain/digest.js';
import type { PersonRef } from '../domain/types.js';
import { openStates } from '../domain/types.js';
import { AssignmentModel } from './assignment.model.js';
import { isDuplicateKey } from './mongo-errors.js';
import { ReportModel, ReportRemarkModel } from './report.model.js';

export interface StoredDigest {
  id: string;
  generatedAt: Date;
  figures: DigestFigures;
}

export interface Remark {
  reportId: string;
  by: PersonRef;
  text: string;
  at: Date;
}

/** The digest's id for the week it reports on. */
export function digestId(week: DigestWeek): string {
  return `digest-${week.id}`;
}

/** Stores the digest unless that week's already exists; returns the one stored. */
export async function saveDigest(
  digest: StoredDigest,
): Promise<{ digest: StoredDigest; created: boolean }> {
  try {
    await ReportModel.create({
      _id: digest.id,
      kind: 'digest',
      generatedAt: digest.generatedAt,
      figures: digest.figures,
    });
    return { digest, created: true };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const existing = await loadDigest(digest.id);
    if (!existing) throw error;
    return { digest: existing, created: false };
  }
}

export async function loadDigest(id: string): Promise<StoredDigest | null> {
  const doc = await ReportModel.findById(id).lean();

  return doc
    ? { id: doc._id, generatedAt: doc.generatedAt, figures: doc.figures as DigestFigures }
    : null;
}

/** The latest digests, newest first. */
export async function recentDigests(limit: number): Promise<StoredDigest[]> {
  const docs = await ReportModel.find({ kind: 'digest' })
    .sort({ generatedAt: -1 })
    .limit(limit)
    .lean();

  return docs.map((doc) => ({
    id: doc._id,
    generatedAt: doc.generatedAt,
    figures: doc.figures as DigestFigures,
  }));
}

/** Records a leader's remarks; the existing remark instead if this leader already wrote one. */
export async function addRemark(remark: Remark): Promise<{ remark: Remark; created: boolean }> {
  const _id = `${remark.reportId}:${remark.by.openId}`;
  try {
    await ReportRemarkModel.create({ _id, ...remark });
    return { remark, created: true };
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const existing = await ReportRemarkModel.findById(_id).lean();
    if (!existing) throw error;
    return { remark: toRemark(existing), created: false };
  }
}

/** A report's remarks, oldest first. */
export async function remarksOf(reportId: string): Promise<Remark[]> {
  const docs = await ReportRemarkModel.find({ reportId }).sort({ at: 1 }).lean();

  return docs.map(toRemark);
}

/**
 * What the digest reads: notices issued or completed in the week, and every open one (one
 * query; the open ones are served by the (state, deadline) index).
 */
export async function loadDigestAssignments(week: DigestWeek): Promise<DigestAssignment[]> {
  const inWeek = { $gte: week.start, $lt: week.end };
  const docs = await AssignmentModel.find(
    { $or: [{ issuedAt: inWeek }, { completedAt: inWeek }, { state: { $in: openStates } }] },
    {
      noticeNumber: 1,
      enterpriseId: 1,
      enterpriseShortName: 1,
      title: 1,
      issuedAt: 1,
      deadline: 1,
      deadlineDay: 1,
      state: 1,
      completedAt: 1,
      'signOffs.decision': 1,
      'signOffs.at': 1,
      'withdrawal.at': 1,
    },
  ).lean();

  // The projection above names exactly the fields of DigestAssignment.
  return docs.map(({ _id, ...fields }) => ({ id: _id, ...fields }) as DigestAssignment);
}

function toRemark(doc: {
  reportId: string;
  by?: { openId?: string | null; name?: string | null } | null;
  text: string;
  at: Date;
}): Remark {
  return {
    reportId: doc.reportId,
    by: { openId: doc.by?.openId ?? '', name: doc.by?.name ?? '' },
    text: doc.text,
    at: doc.at,
  };
}
