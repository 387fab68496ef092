import type { Plan } from '../assignment.js';
import { shortMoment } from '../format.js';
import { alreadyDone, invalidInput } from '../refusal.js';
import type { PersonRef } from '../types.js';
import { firstRefusal, readText } from './input.js';
import { precheck, refOf, stateRefusal, transitioned, type Transition } from './outcome.js';

export interface PlanInput {
  /** 责任领导. */
  leader?: PersonRef;
  /** 责任部门. */
  department?: string;
  /** 责任人. */
  owner?: PersonRef;
  /** 工作措施. */
  measures?: string;
  /** 计划完成日期, 'YYYY-MM-DD' (already checked to exist by the caller's parser). */
  plannedDay?: string;
}

/** 填报承办措施: leader, department, owner, measures. acknowledged → in_progress. */
export const submitPlan: Transition<PlanInput> = (assignment, actor, input, context) => {
  const refusal = precheck(assignment, actor, 'plan', context);
  if (refusal) return refusal;
  if (assignment.plan) {
    const { by, at } = assignment.plan;
    return alreadyDone(`承办措施已由 ${by.name} 于 ${shortMoment(at)} 填报`);
  }
  if (assignment.state !== 'acknowledged') return stateRefusal(assignment);

  const { limits } = context.policy;
  const department = readText(input.department, 'department', '责任部门', limits.comment);
  const measures = readText(input.measures, 'measures', '工作措施', limits.content);
  const invalid = firstRefusal(department, measures);
  if (invalid) return invalid;
  if (!input.leader) return invalidInput('请选择责任领导', 'leader');
  if (!input.owner) return invalidInput('请选择责任人', 'owner');
  const dayProblem = checkPlannedDay(input.plannedDay, assignment.deadlineDay);
  if (dayProblem) return dayProblem;

  const plan: Plan = {
    leader: input.leader,
    department: department as string,
    owner: input.owner,
    measures: measures as string,
    plannedDay: input.plannedDay as string,
    at: context.now,
    by: refOf(actor),
  };

  return transitioned(assignment, { state: 'in_progress', plan }, { action: 'submitPlan' });
};

function checkPlannedDay(day: string | undefined, deadlineDay: string) {
  if (!day) return invalidInput('请选择计划完成日期', 'plannedDay');
  if (day > deadlineDay) {
    return invalidInput(`计划完成日期不能晚于时限 ${deadlineDay}`, 'plannedDay');
  }

  return null;
}
