/**
 * The vocabulary of the domain, one code term per policy term (DESIGN.md §2).
 * Plain data only: no SDK, database or queue types.
 */

/** 办理时限 levels (policy §五). */
export const levels = ['routine', 'important', 'critical', 'fixed'] as const;
export type Level = (typeof levels)[number];

/** 督查督办工作内容 (policy §二). */
export const categories = [
  'govWorkReport',
  'majorDecision',
  'targetTask',
  'deputyProposal',
  'districtInstruction',
  'sasacMeeting',
  'reformAndParty',
  'bureauInstruction',
  'other',
] as const;
export type Category = (typeof categories)[number];

/** Office roles, held by people of the 国资办 (not per enterprise). */
export const officeRoles = ['leader', 'supervisor', 'discipline'] as const;
export type OfficeRole = (typeof officeRoles)[number];

/** Enterprise roles, held per enterprise. `owner` (责任人) comes from a plan, not the directory. */
export type EnterpriseRole = 'head' | 'liaison';

/** 书面 or 口头 (policy §三: 以书面为主). */
export type NoticeForm = 'written' | 'oral';

/** Where an action came from, recorded in the audit trail. */
export type Channel = 'card' | 'command' | 'web' | 'system';

/** The Assignment lifecycle (DESIGN.md §3). `overdue` is derived, not a state. */
export const assignmentStates = [
  'issued',
  'acknowledged',
  'in_progress',
  'awaiting_signoff',
  'under_review',
  'completed',
  'archived',
  'refused',
  'withdrawn',
] as const;
export type AssignmentState = (typeof assignmentStates)[number];

/** States in which the enterprise still owes work: reminders and overdue apply. */
export const openStates: readonly AssignmentState[] = [
  'issued',
  'acknowledged',
  'in_progress',
  'awaiting_signoff',
  'under_review',
];

export function isOpen(state: AssignmentState): boolean {
  return openStates.includes(state);
}

/** A person as the directory knows them. Feishu `open_id` is the identity. */
export interface Person {
  openId: string;
  userId?: string;
  name: string;
  /** Office roles; enterprise roles come from the enterprises list. */
  roles: OfficeRole[];
}

/** 出资监管企业. `head` is the 第一责任人, `liaisons` the 专人. */
export interface Enterprise {
  id: string;
  name: string;
  shortName: string;
  headOpenId: string;
  liaisonOpenIds: string[];
  /** The enterprise's group chat with the bot, if any. */
  chatId?: string;
}

export interface Office {
  name: string;
  /** 区国有资产管理中心（督查室）. */
  supervisionUnit: string;
  /** The 督查室 group chat, if any. */
  chatId?: string;
}

export interface Directory {
  office: Office;
  people: Person[];
  enterprises: Enterprise[];
}

/** Someone acting: who they are and every role they hold. */
export interface Actor {
  openId: string;
  name: string;
  officeRoles: OfficeRole[];
  enterpriseRoles: Array<{ enterpriseId: string; role: EnterpriseRole }>;
  /** True for the bot's own scheduled actions (overdue, automatic archive). */
  system?: boolean;
}

/** A person named on a record, with the name they had at the time. */
export interface PersonRef {
  openId: string;
  name: string;
}
