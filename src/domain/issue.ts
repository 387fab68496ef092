import type { Assignment } from './assignment.js';
import type { WorkingCalendar } from './calendar.js';
import { atTime, dayOf } from './dates.js';
import {
  computeDeadline,
  deadlineCap,
  movedDayNote,
  placeChosenDay,
  validateDeadlineOverride,
} from './deadlines.js';
import { shanghaiYear } from './format.js';
import { firstRefusal, readText } from './lifecycle/input.js';
import { formatNoticeNumber, assignmentIdOf } from './notice-number.js';
import { authorizeOffice } from './permissions.js';
import type { Policy } from './policy.js';
import { invalidInput, type Refusal } from './refusal.js';
import {
  categories,
  levels,
  type Actor,
  type Category,
  type Directory,
  type Enterprise,
  type Level,
  type NoticeForm,
} from './types.js';

/** 立项: what the 督查室 fills in, by form card or one-line command. */
export interface IssueDraft {
  title?: string;
  content?: string;
  category?: Category;
  level?: Level;
  /** Enterprise ids, in the order the notices are numbered. */
  enterpriseIds?: string[];
  /** 'YYYY-MM-DD': the date a `fixed` item's document names, or an override of the level's. */
  deadlineDay?: string;
  confidential?: boolean;
  form?: NoticeForm;
}

/** A draft checked and completed: ready to be numbered and sent. */
export interface PreparedIssue {
  title: string;
  content: string;
  category: Category;
  level: Level;
  confidential: boolean;
  form: NoticeForm;
  enterprises: Enterprise[];
  issuedAt: Date;
  deadline: Date;
  deadlineDay: string;
  /** How the deadline was set, for the form and preview: 「一般事项 5 个工作日」. */
  rule: string;
  /** True when a year the calendar does not cover was counted Monday–Friday. */
  calendarFallback: boolean;
  issuedBy: { openId: string; name: string };
}

export interface IssueContext {
  now: Date;
  policy: Policy;
  calendar: WorkingCalendar;
  directory: Directory;
}

/** Checks a draft and computes its deadline. Nothing is stored: this backs the preview too. */
export function prepareIssue(
  draft: IssueDraft,
  actor: Actor,
  context: IssueContext,
): PreparedIssue | Refusal {
  const permission = authorizeOffice(actor, 'issue');
  if (!permission.ok) return permission;

  const { limits } = context.policy;
  const title = readText(draft.title, 'title', '事项标题', limits.title);
  const content = readText(draft.content, 'content', '内容与要求', limits.content);
  const invalid = firstRefusal(title, content) ?? checkChoices(draft);
  if (invalid) return invalid;
  const enterprises = resolveEnterprises(draft.enterpriseIds ?? [], context.directory);
  if (!Array.isArray(enterprises)) return enterprises;

  const level = draft.level as Level;
  const deadline = decideDeadline(level, draft.deadlineDay, context);
  if ('ok' in deadline) return deadline;

  return {
    title: title as string,
    content: content as string,
    category: draft.category as Category,
    level,
    confidential: draft.confidential ?? false,
    form: draft.form ?? 'written',
    enterprises,
    issuedAt: context.now,
    ...deadline,
    issuedBy: { openId: actor.openId, name: actor.name },
  };
}

function checkChoices(draft: IssueDraft): Refusal | null {
  if (!draft.category || !categories.includes(draft.category)) {
    return invalidInput('请选择督办类别', 'category');
  }
  if (!draft.level || !levels.includes(draft.level)) return invalidInput('请选择级别', 'level');

  return null;
}

function resolveEnterprises(ids: string[], directory: Directory): Enterprise[] | Refusal {
  if (ids.length === 0) return invalidInput('请选择承办单位', 'enterpriseIds');
  if (new Set(ids).size !== ids.length) return invalidInput('承办单位有重复', 'enterpriseIds');
  const found = ids.map((id) => directory.enterprises.find((e) => e.id === id));
  const missing = ids.find((_, index) => !found[index]);
  if (missing) return invalidInput(`未找到承办单位：${missing}`, 'enterpriseIds');

  return found as Enterprise[];
}

type DecidedDeadline = Pick<
  PreparedIssue,
  'deadline' | 'deadlineDay' | 'rule' | 'calendarFallback'
>;

function decideDeadline(
  level: Level,
  day: string | undefined,
  context: IssueContext,
): DecidedDeadline | Refusal {
  const { now, policy, calendar } = context;
  if (level === 'fixed' && !day) return invalidInput('按期事项请填写时限', 'deadlineDay');
  if (day) {
    const check = validateDeadlineOverride(now, level, day, policy);
    if (!check.ok) return invalidInput(check.message, 'deadlineDay');
  }
  if (day && level !== 'fixed') return chosenDeadline(day, context);
  const computed = computeDeadline({ issuedAt: now, level, fixedDay: day }, policy, calendar);

  return {
    deadline: computed.deadline,
    deadlineDay: computed.day,
    rule: computed.rule,
    calendarFallback: computed.fallback,
  };
}

/** The 督查室's own date: on its working day (within the cap), the card saying so if moved. */
function chosenDeadline(day: string, context: IssueContext): DecidedDeadline | Refusal {
  const { now, policy, calendar } = context;
  const cap = deadlineCap(now, 'routine', day, policy);
  const placed = placeChosenDay(day, cap, policy, calendar);
  if (!placed.ok) return invalidInput(placed.message, 'deadlineDay');

  const note = movedDayNote(placed);
  return {
    deadline: atTime(placed.day, policy.deadlines.endOfDay),
    deadlineDay: placed.day,
    rule: note ? `督查室指定时限；${note}` : '督查室指定时限',
    calendarFallback: calendar.uncoveredYears(dayOf(now), placed.day).length > 0,
  };
}

/** What numbering needs of an issue (also rebuilt from a stored item). */
export type NumberedIssue = Omit<PreparedIssue, 'enterprises' | 'rule' | 'calendarFallback'> & {
  enterprises: Array<Pick<Enterprise, 'id' | 'name' | 'shortName'>>;
};

/** The assignments of a numbered item: notice i gets number firstSeq + i. */
export function assignmentsFor(
  prepared: NumberedIssue,
  item: { id: string; firstSeq: number },
  policy: Policy,
): Assignment[] {
  const year = shanghaiYear(prepared.issuedAt);

  return prepared.enterprises.map((enterprise, index) => {
    const seq = item.firstSeq + index;
    return {
      id: assignmentIdOf(year, seq),
      itemId: item.id,
      enterpriseId: enterprise.id,
      enterpriseName: enterprise.name,
      enterpriseShortName: enterprise.shortName,
      year,
      seq,
      noticeNumber: formatNoticeNumber(policy.noticeNumber.prefix, year, seq),
      title: prepared.title,
      content: prepared.content,
      category: prepared.category,
      level: prepared.level,
      confidential: prepared.confidential,
      form: prepared.form,
      issuedAt: prepared.issuedAt,
      issuedBy: prepared.issuedBy,
      state: 'issued',
      version: 1,
      deadline: prepared.deadline,
      deadlineDay: prepared.deadlineDay,
      originalDeadlineDay: prepared.deadlineDay,
      progress: [],
      signOffs: [],
      reviews: [],
      extensions: [],
    };
  });
}
