import type { Completion, Feedback } from '../assignment.js';
import { shortMoment } from '../format.js';
import { alreadyDone, invalidInput } from '../refusal.js';
import { firstRefusal, readText } from './input.js';
import { precheck, refOf, stateRefusal, transitioned, type Transition } from './outcome.js';

export interface FeedbackInput {
  /** 办理结果. */
  result?: string;
  /** 完成情况. */
  completion?: Completion;
  /** Why partial or impossible. */
  completionReason?: string;
  /** 附件链接: Feishu documents, one per line or comma-separated. */
  links?: string;
}

const maxLinks = 10;

/** 提交反馈: the written result goes to the head for 审签. in_progress → awaiting_signoff. */
export const submitFeedback: Transition<FeedbackInput> = (assignment, actor, input, context) => {
  const refusal = precheck(assignment, actor, 'feedback', context);
  if (refusal) return refusal;
  if (assignment.state === 'awaiting_signoff' && assignment.feedback) {
    const { by, at } = assignment.feedback;
    return alreadyDone(`反馈已由 ${by.name} 于 ${shortMoment(at)} 提交，待第一责任人审签`);
  }
  if (assignment.state !== 'in_progress') return stateRefusal(assignment);

  const { limits } = context.policy;
  const result = readText(input.result, 'result', '办理结果', limits.feedback);
  const reason = readText(input.completionReason, 'completionReason', '原因', limits.reason, true);
  const invalid = firstRefusal(result, reason);
  if (invalid) return invalid;
  const completion = input.completion;
  if (!completion || !['done', 'partial', 'unable'].includes(completion)) {
    return invalidInput('请选择完成情况', 'completion');
  }
  if (completion !== 'done' && !reason) {
    return invalidInput('部分完成或无法完成时，请说明原因', 'completionReason');
  }
  const links = readLinks(input.links);
  if (!Array.isArray(links)) return links;

  const feedback: Feedback = {
    result: result as string,
    completion,
    completionReason: reason as string,
    links,
    at: context.now,
    by: refOf(actor),
  };

  return transitioned(
    assignment,
    { state: 'awaiting_signoff', feedback },
    { action: 'submitFeedback' },
  );
};

/** Links separated by whitespace, commas or 、; each must be an http(s) URL. */
function readLinks(text: string | undefined) {
  const links = (text ?? '').split(/[\s,，、]+/).filter(Boolean);
  if (links.length > maxLinks) return invalidInput(`附件链接最多 ${maxLinks} 个`, 'links');
  const bad = links.find((link) => !/^https?:\/\/\S+$/.test(link));
  if (bad) return invalidInput(`附件链接格式不正确：${bad}`, 'links');

  return links;
}
