/**
 * The audit trail as people read it on 查看: 「05-21 10:00 王督查 交办」, one line per event,
 * with the reason where one was given.
 */
import { shortMoment } from '../src/domain/format.js';
import { clip, escapeText } from './elements.js';

/** One event of the timeline, as the detail card shows it. */
export interface TimelineLine {
  at: Date;
  actorName: string;
  action: string;
  outcome?: string;
  reason?: string;
}

/** Action (and outcome) names in Chinese; an unknown action is shown as recorded. */
const actionLabels: Record<string, string | Record<string, string>> = {
  issue: '交办',
  acknowledge: '签收',
  submitPlan: '填报承办措施',
  reportProgress: '报送进展',
  submitFeedback: '提交反馈',
  signOff: { approved: '第一责任人审签同意', rejected: '第一责任人退回修改' },
  review: { complete: '审核办结', return: '退回重办', perfunctory: '认定敷衍，退回重办' },
  recordRefusal: '认定拒不办理',
  withdraw: '撤销',
  requestExtension: '申请延期',
  decideExtension: { approved: '批准延期', rejected: '不批准延期' },
  grantExtension: '延长时限',
  recordOverdue: '逾期',
  archive: '归档',
  nudge: { urgent: '催办（加急）', '': '催办' },
};

/** 「审核办结」「催办（加急）」. */
export function actionLabel(action: string, outcome?: string): string {
  const label = actionLabels[action];
  if (typeof label === 'string') return label;
  if (label) return label[outcome ?? ''] ?? label[''] ?? action;

  return action;
}

/** 「05-21 10:00 王督查 退回重办：缺少数据支撑」 (the reason escaped and cut to 60). */
export function timelineText(line: TimelineLine): string {
  const reason = line.reason ? `：${escapeText(clip(line.reason, 60))}` : '';

  return `${shortMoment(line.at)}\u3000${line.actorName}\u3000${actionLabel(line.action, line.outcome)}${reason}`;
}
