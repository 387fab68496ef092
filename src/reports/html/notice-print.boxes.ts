/**
 * The parts of the printable 督办通知单 the enterprise and the 督查室 fill in (policy §四(三),
 * §四(五)): 承办措施 with 责任领导, 责任部门 and 责任人, 办理结果, the head's 审签 and the
 * 督查室's 审核意见. Filled from the record where it has them, otherwise blank boxes to write
 * on, so one form serves the paper way and the bot's way alike.
 */
import { completionLabels } from '../../../cards/labels.js';
import type { Assignment, Review, SignOff } from '../../domain/assignment.js';
import { fullMoment } from '../../domain/format.js';
import { fieldRow, wideRow } from './page.js';

/** Blank space to write in by hand, in millimetres of height. */
const blankMm = { measures: 12, result: 22, signature: 12, review: 12 } as const;

/** Room for a signature or a date written by hand. */
const space = (ems: number) => '\u2003'.repeat(ems);
const dateLine = `日期：${space(3)}年${space(2)}月${space(2)}日`;

/** 承办措施: a heading row, then 责任领导 / 责任部门, 责任人 / 计划完成日期, 工作措施. */
export function planRows(a: Assignment): string[] {
  const plan = a.plan;

  return [
    '<tr><th colspan="4" class="part">承办措施</th></tr>',
    fieldRow([
      ['责任领导', plan?.leader.name ?? ''],
      ['责任部门', plan?.department ?? ''],
    ]),
    fieldRow([
      ['责任人', plan?.owner.name ?? ''],
      ['计划完成日期', plan?.plannedDay ?? ''],
    ]),
    wideRow('工作措施', plan?.measures ?? '', { pre: true, blankMm: plan ? 0 : blankMm.measures }),
  ];
}

/** 办理结果, with 完成情况 and who reported it. */
export function resultRow(a: Assignment): string {
  const feedback = a.feedback;
  if (!feedback) return wideRow('办理结果', '', { blankMm: blankMm.result });
  const reason = feedback.completionReason ? `（${feedback.completionReason}）` : '';
  const status = `完成情况：${completionLabels[feedback.completion]}${reason}`;
  const reporter = `报送人：${feedback.by.name} ${fullMoment(feedback.at)}`;

  return wideRow('办理结果', `${feedback.result}\n${status}；${reporter}`, { pre: true });
}

/** 第一责任人审签: the approval of the result shown, and always the line to sign on paper. */
export function signOffRow(a: Assignment): string {
  const approval = approvalOf(a);
  const signature = `第一责任人签字：${space(6)}${dateLine}`;
  if (!approval) return wideRow('第一责任人审签', signature, { blankMm: blankMm.signature });
  const comment = approval.comment ? `：${approval.comment}` : '';
  const opinion = `同意报送${comment}（${approval.by.name} ${fullMoment(approval.at)}）`;

  return wideRow('第一责任人审签', `${opinion}\n${signature}`, { pre: true });
}

const reviewLabels = { complete: '通过办结', return: '退回重办', perfunctory: '认定敷衍' } as const;

/** 督查室审核意见: the review of the approved result, or a blank box. */
export function reviewRow(a: Assignment): string {
  const review = reviewOf(a);
  if (!review) {
    return wideRow('督查室审核意见', `审核人：${space(6)}${dateLine}`, {
      blankMm: blankMm.review,
    });
  }
  const quality = review.onTimeHighQuality ? '，按时高质量完成' : '';
  const reason = review.reason ? `：${review.reason}` : '';
  const who = `（${review.by.name} ${fullMoment(review.at)}）`;

  return wideRow('督查室审核意见', `${reviewLabels[review.decision]}${quality}${reason}${who}`, {
    pre: true,
  });
}

/** The head's approval of the result on record; none once a newer result awaits sign-off. */
function approvalOf(a: Assignment): SignOff | undefined {
  const approval = a.signOffs.filter((s) => s.decision === 'approved').at(-1);
  if (!approval || !a.feedback || approval.at < a.feedback.at) return undefined;

  return approval;
}

/** The 督查室's review of that approved result. */
function reviewOf(a: Assignment): Review | undefined {
  const approval = approvalOf(a);
  const review = a.reviews.at(-1);
  if (!approval || !review || review.at < approval.at) return undefined;

  return review;
}
