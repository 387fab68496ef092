import type { Level } from './types.js';

/** "HH:mm", Asia/Shanghai. */
export type ClockTime = string;

/** Who receives a step of an escalation ladder. */
export type EscalationStep = 'liaison' | 'head' | 'office';

/** Feishu urgent pushes (加急). SMS and phone use a paid quota. */
export type UrgentKind = 'app' | 'sms' | 'phone';

/**
 * The office's rules as numbers (POLICY_FILE). Defaults follow 珠国资办〔2025〕2号 and
 * DESIGN.md; see config/policy.example.yaml for the meaning of each field.
 */
export interface Policy {
  noticeNumber: { prefix: string };
  deadlines: {
    dayCounting: 'working' | 'calendar';
    /** Days per level; `fixed` items carry their own date. */
    levelDays: Record<Exclude<Level, 'fixed'>, number>;
    /** No deadline may pass the issue day plus this many calendar days (extensions included). */
    maxDaysFromIssue: number;
    endOfDay: ClockTime;
  };
  workingHours: { start: ClockTime; end: ClockTime; allowOutsideHours: boolean };
  /** Extra holidays and make-up days; `coveredYears`: years whose whole schedule they give. */
  calendar: { holidays: string[]; workdays: string[]; coveredYears: number[] };
  reminders: {
    time: ClockTime;
    acknowledgement: { firstAfterWorkingHours: number; escalateAfterWorkingDays: number };
    /** Days before the deadline (0 = the deadline day), per level. */
    beforeDeadline: Record<Level, number[]>;
    overdueRepeatDaily: boolean;
    weeklyProgressOverDays: number;
    /** ISO weekday, 1 = Monday. */
    weeklyProgressWeekday: number;
  };
  escalation: Array<{ step: EscalationStep; urgent: UrgentKind[] }>;
  /** Points per event; negative is a deduction. */
  scoring: {
    noticeReceived: number;
    onTimeHighQuality: number;
    overdue: number;
    perfunctory: number;
    refusal: number;
  };
  extensions: { deciders: Record<Level, 'supervisor' | 'leader'> };
  /** Longest text accepted in forms, in characters. */
  limits: { title: number; content: number; feedback: number; reason: number; comment: number };
  archive: { autoArchiveAfterDays: number; retention: string };
  digest: { weekday: number; time: ClockTime };
}

/** The defaults of DESIGN.md, used by tests and as the base of the policy file. */
export const defaultPolicy: Policy = {
  noticeNumber: { prefix: '珠国资督' },
  deadlines: {
    dayCounting: 'working',
    levelDays: { routine: 5, important: 10, critical: 10 },
    maxDaysFromIssue: 30,
    endOfDay: '17:30',
  },
  workingHours: { start: '09:00', end: '17:30', allowOutsideHours: false },
  calendar: { holidays: [], workdays: [], coveredYears: [] },
  reminders: {
    time: '09:00',
    acknowledgement: { firstAfterWorkingHours: 2, escalateAfterWorkingDays: 1 },
    beforeDeadline: {
      routine: [2, 1, 0],
      important: [3, 1, 0],
      critical: [7, 3, 1, 0],
      fixed: [3, 1, 0],
    },
    overdueRepeatDaily: true,
    weeklyProgressOverDays: 10,
    weeklyProgressWeekday: 1,
  },
  escalation: [
    { step: 'liaison', urgent: [] },
    { step: 'head', urgent: ['app'] },
    { step: 'office', urgent: [] },
  ],
  scoring: {
    noticeReceived: -0.5,
    onTimeHighQuality: 0.2,
    overdue: -0.2,
    perfunctory: -0.2,
    refusal: -1,
  },
  extensions: {
    deciders: {
      routine: 'supervisor',
      important: 'supervisor',
      critical: 'leader',
      fixed: 'leader',
    },
  },
  limits: { title: 80, content: 4000, feedback: 4000, reason: 500, comment: 500 },
  archive: { autoArchiveAfterDays: 30, retention: '30年' },
  digest: { weekday: 1, time: '08:30' },
};
