import { invalidInput } from '../refusal.js';
import { firstRefusal, readText } from './input.js';
import { precheck, refOf, stateRefusal, transitioned, type Transition } from './outcome.js';

export interface ProgressInput {
  /** 进展情况. */
  text?: string;
  /** 完成比例, whole percent 0–100. */
  percent?: number;
  /** 存在问题. */
  problems?: string;
  /** 下一步. */
  nextSteps?: string;
}

/** 报送进展: an interim report on a long matter. Stays in_progress. */
export const reportProgress: Transition<ProgressInput> = (assignment, actor, input, context) => {
  const refusal = precheck(assignment, actor, 'progress', context);
  if (refusal) return refusal;
  if (assignment.state !== 'in_progress') return stateRefusal(assignment);

  const { limits } = context.policy;
  const text = readText(input.text, 'text', '进展情况', limits.content);
  const problems = readText(input.problems, 'problems', '存在问题', limits.content, true);
  const nextSteps = readText(input.nextSteps, 'nextSteps', '下一步', limits.content, true);
  const invalid = firstRefusal(text, problems, nextSteps);
  if (invalid) return invalid;
  const percent = input.percent;
  if (percent === undefined || !Number.isInteger(percent) || percent < 0 || percent > 100) {
    return invalidInput('完成比例应为 0 到 100 之间的整数', 'percent');
  }

  const report = {
    text: text as string,
    percent,
    problems: problems as string,
    nextSteps: nextSteps as string,
    at: context.now,
    by: refOf(actor),
  };

  return transitioned(
    assignment,
    { progress: [...assignment.progress, report] },
    { action: 'reportProgress' },
  );
};
