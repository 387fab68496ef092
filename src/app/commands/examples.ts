import type { CommandName } from './command.js';

/** What each command does and an example, as the help card shows them. */
export const commandHelp: Record<CommandName, { summary: string; example: string }> = {
  newForm: { summary: '打开新建督办表单', example: '新建督办' },
  issueLine: {
    summary: '一句话交办',
    example:
      '督办 关于推进老城区改造的督办 企业:城投,文旅 级别:重要 时限:2025-06-10 内容:请报送推进情况',
  },
  list: { summary: '督办列表，可按状态筛选', example: '列表 逾期' },
  view: { summary: '查看一件督办及其过程', example: '查看 珠国资督〔2025〕12号' },
  nudge: { summary: '催办，可加急', example: '催办 珠国资督〔2025〕12号 加急 请今天内反馈' },
  extend: {
    summary: '申请或批准延期',
    example: '延期 珠国资督〔2025〕12号 2025-06-20 需协调规划部门',
  },
  return: { summary: '退回重办', example: '退回 珠国资督〔2025〕12号 缺少数据支撑' },
  complete: {
    summary: '审核办结（加“优质”记按时高质量）',
    example: '办结 珠国资督〔2025〕12号 优质',
  },
  withdraw: { summary: '撤销督办', example: '撤销 珠国资督〔2025〕12号 重复交办' },
  refuse: {
    summary: '认定无正当理由拒不办理',
    example: '拒办 珠国资督〔2025〕12号 经三次催办仍拒不办理',
  },
  archive: { summary: '办结后归档', example: '归档 珠国资督〔2025〕12号' },
  statistics: { summary: '督办情况统计', example: '统计 2025-06' },
  score: { summary: '企业督办积分排名', example: '积分 2025' },
  export: { summary: '导出督办情况统计表（Excel）', example: '导出 2025' },
  mine: { summary: '我承办的督办', example: '我的督办' },
  reloadDirectory: { summary: '重新加载人员与企业名录', example: '重新加载' },
  help: { summary: '查看可用命令', example: '帮助' },
};

export function exampleOf(name: CommandName): string {
  return commandHelp[name].example;
}
