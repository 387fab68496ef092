import type { Level } from '../../domain/types.js';
import type { CommandName, ListFilter } from './command.js';

/** Command words, Chinese first, then English aliases (case-insensitive). */
export const commandWords: Array<[string, CommandName]> = [
  ['新建督办', 'newForm'],
  ['新建', 'newForm'],
  ['督办', 'issueLine'],
  ['列表', 'list'],
  ['查看', 'view'],
  ['催办', 'nudge'],
  ['延期', 'extend'],
  ['退回', 'return'],
  ['办结', 'complete'],
  ['撤销', 'withdraw'],
  ['拒办', 'refuse'],
  ['拒不办理', 'refuse'], // the policy's own words (§六(三))
  ['拒绝办理', 'refuse'],
  ['归档', 'archive'],
  ['统计', 'statistics'],
  ['积分', 'score'],
  ['导出', 'export'],
  ['我的督办', 'mine'],
  ['重新加载', 'reloadDirectory'],
  ['帮助', 'help'],
  ['new', 'newForm'],
  ['issue', 'issueLine'],
  ['list', 'list'],
  ['view', 'view'],
  ['show', 'view'],
  ['nudge', 'nudge'],
  ['extend', 'extend'],
  ['return', 'return'],
  ['complete', 'complete'],
  ['done', 'complete'],
  ['withdraw', 'withdraw'],
  ['refuse', 'refuse'],
  ['archive', 'archive'],
  ['stats', 'statistics'],
  ['statistics', 'statistics'],
  ['score', 'score'],
  ['export', 'export'],
  ['mine', 'mine'],
  ['my', 'mine'],
  ['reload', 'reloadDirectory'],
  ['help', 'help'],
  ['?', 'help'],
  ['？', 'help'],
];

export const levelWords: Record<string, Level> = {
  一般: 'routine',
  一般事项: 'routine',
  重要: 'important',
  重要事项: 'important',
  特别重大: 'critical',
  特别重大事项: 'critical',
  重大: 'critical',
  按期: 'fixed',
  固定: 'fixed',
  按文件: 'fixed',
  routine: 'routine',
  important: 'important',
  critical: 'critical',
  fixed: 'fixed',
};

export const filterWords: Record<string, ListFilter> = {
  待签收: 'awaitingAck',
  未签收: 'awaitingAck',
  未办结: 'open',
  未完成: 'open',
  在办: 'open',
  办理中: 'inProgress',
  逾期: 'overdue',
  已逾期: 'overdue',
  已办结: 'completed',
  办结: 'completed',
  已完成: 'completed',
  pending: 'awaitingAck',
  open: 'open',
  overdue: 'overdue',
  done: 'completed',
};

/** 列表's words for every matter (the list without a filter). */
export const allWords = ['全部', '所有', 'all'];

/** 涉密: yes and no as people write them (after full-width letters and digits are narrowed). */
export const yesWords = ['是', '是的', '对', '涉密', 'y', 'yes', 'true', '1'];
export const noWords = ['否', '不', '不是', '不涉密', '非涉密', 'n', 'no', 'false', '0'];

/** Field names of the one-line 督办 form, with the aliases people use. */
export const fieldWords: Record<
  string,
  'title' | 'enterprises' | 'level' | 'deadline' | 'content' | 'category' | 'confidential' | 'form'
> = {
  标题: 'title',
  事项: 'title',
  企业: 'enterprises',
  单位: 'enterprises',
  承办单位: 'enterprises',
  级别: 'level',
  时限: 'deadline',
  期限: 'deadline',
  截止: 'deadline',
  内容: 'content',
  要求: 'content',
  类别: 'category',
  涉密: 'confidential',
  形式: 'form',
};
