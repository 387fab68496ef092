import type { AssignmentState, Category, Level, NoticeForm, PersonRef } from './types.js';

/** 承办措施: how the enterprise will do it. */
export interface Plan {
  leader: PersonRef;
  department: string;
  owner: PersonRef;
  measures: string;
  /** 计划完成日期, 'YYYY-MM-DD', not after the deadline. */
  plannedDay: string;
  at: Date;
  by: PersonRef;
}

/** 阶段性进展. */
export interface ProgressReport {
  text: string;
  /** 完成比例, 0–100. */
  percent: number;
  problems: string;
  nextSteps: string;
  at: Date;
  by: PersonRef;
}

export type Completion = 'done' | 'partial' | 'unable';

/** 反馈: the written result, before and after the head's 审签. */
export interface Feedback {
  result: string;
  completion: Completion;
  /** Why it is partial or cannot be done. */
  completionReason: string;
  /** Feishu document links. */
  links: string[];
  at: Date;
  by: PersonRef;
}

/** 审签 by the enterprise head. */
export interface SignOff {
  decision: 'approved' | 'rejected';
  comment: string;
  at: Date;
  by: PersonRef;
}

/** 审核 by the 督查室. */
export interface Review {
  decision: 'complete' | 'return' | 'perfunctory';
  /** 按时高质量完成 (only with `complete`). */
  onTimeHighQuality: boolean;
  reason: string;
  at: Date;
  by: PersonRef;
}

/**
 * 延期: requested by the enterprise, decided by the policy's decider; or set by the decider
 * without a request (`direct`). A request still pending when the matter closes (办结, 撤销,
 * 拒办) lapses: nobody may decide it any more.
 */
export interface Extension {
  /** 1, 2, … in order of request. */
  seq: number;
  requestedDay: string;
  reason: string;
  progress: string;
  requestedAt: Date;
  requestedBy: PersonRef;
  status: 'pending' | 'approved' | 'rejected' | 'lapsed';
  /** Set by the decider without a request (延期 <编号> <日期> <原因> typed by the 督查室). */
  direct?: boolean;
  /** The deadline granted: the day chosen, or the working day after it (see `chosenDay`). */
  decidedDay?: string;
  /** The day the decider chose, when it was a rest day and `decidedDay` is the next working day. */
  chosenDay?: string;
  decisionReason?: string;
  decidedAt?: Date;
  decidedBy?: PersonRef;
  /** The deadline before this extension, 'YYYY-MM-DD'. */
  previousDay: string;
  /** When the matter closed with this request undecided. */
  lapsedAt?: Date;
}

/**
 * 督办通知单 / 承办: one enterprise's share of an Item. Its id is `<year>-<seq>`, the same
 * pair that makes its notice number unique.
 */
export interface Assignment {
  id: string;
  itemId: string;
  enterpriseId: string;
  /** The enterprise's names at issue, for cards, refusals and the dossier. */
  enterpriseName: string;
  enterpriseShortName: string;
  year: number;
  seq: number;
  noticeNumber: string;

  // Copied from the Item so cards and queries need no join.
  title: string;
  content: string;
  category: Category;
  level: Level;
  confidential: boolean;
  form: NoticeForm;
  issuedAt: Date;
  issuedBy: PersonRef;

  state: AssignmentState;
  /** Incremented by every change; cards carry it to detect stale clicks. */
  version: number;
  deadline: Date;
  deadlineDay: string;
  /** The deadline at issue, before any extension. */
  originalDeadlineDay: string;

  acknowledgedAt?: Date;
  acknowledgedBy?: PersonRef;
  plan?: Plan;
  progress: ProgressReport[];
  feedback?: Feedback;
  signOffs: SignOff[];
  reviews: Review[];
  extensions: Extension[];
  /** When the deadline passed while open (recorded once; the −0.2 entry). */
  overdueAt?: Date;
  completedAt?: Date;
  /** Calendar days late at completion (0 = on time). */
  completedDaysLate?: number;
  refusal?: { reason: string; at: Date; by: PersonRef };
  withdrawal?: { reason: string; at: Date; by: PersonRef };
  archivedAt?: Date;
}

/** The extension awaiting a decision, if any. */
export function pendingExtension(assignment: Assignment): Extension | undefined {
  return assignment.extensions.find((extension) => extension.status === 'pending');
}

/** The extensions with a pending request marked lapsed at `at`: for a matter that closes. */
export function lapsePending(extensions: Extension[], at: Date): Extension[] {
  return extensions.map((e) =>
    e.status === 'pending' ? { ...e, status: 'lapsed', lapsedAt: at } : e,
  );
}
