import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/app/commands/parse.js';
import { parseTypedDay } from '../../../src/app/commands/parse-day.js';
import { at } from '../../support/fixtures.js';

const now = at('2025-05-21 10:00');
const parse = (text: string) => parseCommand(text, now);

describe('parseCommand', () => {
  it.each([
    ['帮助', { name: 'help' }],
    ['help', { name: 'help' }],
    ['', { name: 'help' }],
    ['新建督办', { name: 'newForm' }],
    ['NEW', { name: 'newForm' }],
    ['我的督办', { name: 'mine' }],
    ['列表', { name: 'list', page: 1 }],
    ['列表 逾期', { name: 'list', filter: 'overdue', page: 1 }],
    ['列表 待签收 2', { name: 'list', filter: 'awaitingAck', page: 2 }],
    ['list overdue', { name: 'list', filter: 'overdue', page: 1 }],
    ['查看 珠国资督〔2025〕12号', { name: 'view', number: '珠国资督〔2025〕12号' }],
    ['查看：珠国资督[2025]12号', { name: 'view', number: '珠国资督[2025]12号' }],
    ['查看 珠国资督【2025】12号', { name: 'view', number: '珠国资督[2025]12号' }],
    ['view 2025-12', { name: 'view', number: '2025-12' }],
    ['珠国资督〔2025〕12号', { name: 'view', number: '珠国资督〔2025〕12号' }],
    [
      '催办 珠国资督〔2025〕12号',
      { name: 'nudge', number: '珠国资督〔2025〕12号', urgent: false, message: '' },
    ],
    [
      '催办 2025-12 加急 请今天反馈',
      { name: 'nudge', number: '2025-12', urgent: true, message: '请今天反馈' },
    ],
    [
      '延期 2025-12 2025/6/10 需协调',
      { name: 'extend', number: '2025-12', day: '2025-06-10', reason: '需协调' },
    ],
    ['延期 2025-12 6月10日', { name: 'extend', number: '2025-12', day: '2025-06-10', reason: '' }],
    ['退回 2025-12 缺少数据 支撑', { name: 'return', number: '2025-12', reason: '缺少数据 支撑' }],
    ['办结 2025-12', { name: 'complete', number: '2025-12', highQuality: false }],
    ['办结 2025-12 优质', { name: 'complete', number: '2025-12', highQuality: true }],
    ['撤销 2025-12', { name: 'withdraw', number: '2025-12', reason: '' }],
    ['拒办 2025-12 三次催办未理', { name: 'refuse', number: '2025-12', reason: '三次催办未理' }],
    ['归档 2025-12', { name: 'archive', number: '2025-12' }],
    ['统计', { name: 'statistics' }],
    ['统计 2025-06', { name: 'statistics', period: '2025-06' }],
    ['积分', { name: 'score' }],
    ['积分 2025', { name: 'score', year: 2025 }],
    ['积分 ２０２５年', { name: 'score', year: 2025 }],
    ['导出 2025', { name: 'export', period: '2025' }],
    ['重新加载', { name: 'reloadDirectory' }],
    // As people type on phones: punctuation after the number or at the end, other brackets.
    ['查看 珠国资督〔2025〕12号。', { name: 'view', number: '珠国资督〔2025〕12号' }],
    ['珠国资督 〔2025〕第12号', { name: 'view', number: '珠国资督〔2025〕第12号' }],
    ['珠国资督﹝2025﹞12号\u200b', { name: 'view', number: '珠国资督〔2025〕12号' }],
    ['列表 逾期。', { name: 'list', filter: 'overdue', page: 1 }],
    ['列表 未签收 第2页', { name: 'list', filter: 'awaitingAck', page: 2 }],
    ['@刘洋 列表', { name: 'list', page: 1 }],
    ['督办列表', { name: 'list', page: 1 }],
    ['督办 帮助', { name: 'help' }],
    ['退回 2025-12，缺少数据', { name: 'return', number: '2025-12', reason: '缺少数据' }],
    ['退回 2025-12：缺少数据', { name: 'return', number: '2025-12', reason: '缺少数据' }],
    [
      '延期 2025-12 2025 年 6 月 20 日，需协调',
      { name: 'extend', number: '2025-12', day: '2025-06-20', reason: '需协调' },
    ],
    ['催办 2025-12 加急！', { name: 'nudge', number: '2025-12', urgent: true, message: '' }],
    [
      '催办 2025-12 加急,请今天反馈',
      { name: 'nudge', number: '2025-12', urgent: true, message: '请今天反馈' },
    ],
    ['催办 2025-12 城投', { name: 'nudge', number: '2025-12', urgent: false, message: '城投' }],
    ['办结 2025-12 按时高质量', { name: 'complete', number: '2025-12', highQuality: true }],
    ['办结 2025-12 不优质', { name: 'complete', number: '2025-12', highQuality: false }],
    [
      '办结 2025-12 质量一般，非高质量',
      { name: 'complete', number: '2025-12', highQuality: false },
    ],
    ['积分 2025 年', { name: 'score', year: 2025 }],
    // 列表's words for every matter and for the open ones.
    ['列表 全部', { name: 'list', page: 1 }],
    ['列表 所有 第2页', { name: 'list', page: 2 }],
    ['list all', { name: 'list', page: 1 }],
    ['列表 未办结', { name: 'list', filter: 'open', page: 1 }],
    ['列表 未完成', { name: 'list', filter: 'open', page: 1 }],
    ['列表 在办', { name: 'list', filter: 'open', page: 1 }],
    // A number without the year is this year's.
    ['查看 12号', { name: 'view', number: '〔2025〕12号' }],
    ['查看 第12号', { name: 'view', number: '〔2025〕12号' }],
    ['12号', { name: 'view', number: '〔2025〕12号' }],
    ['第 12 号。', { name: 'view', number: '〔2025〕12号' }],
    ['2025年12号', { name: 'view', number: '〔2025〕12号' }],
    ['查看 2024年第3号', { name: 'view', number: '〔2024〕3号' }],
    ['催办 12号加急', { name: 'nudge', number: '〔2025〕12号', urgent: true, message: '' }],
    [
      '催办 珠国资督〔2025〕12号加急，请今天反馈',
      { name: 'nudge', number: '珠国资督〔2025〕12号', urgent: true, message: '请今天反馈' },
    ],
    ['退回 12号缺少数据', { name: 'return', number: '〔2025〕12号', reason: '缺少数据' }],
    // The policy's own words for a refusal.
    [
      '拒不办理 2025-12 经三次催办仍未办理',
      { name: 'refuse', number: '2025-12', reason: '经三次催办仍未办理' },
    ],
    ['拒绝办理 12号 无正当理由', { name: 'refuse', number: '〔2025〕12号', reason: '无正当理由' }],
    // 积分 takes the year words 统计 takes.
    ['积分 今年', { name: 'score', year: 2025 }],
    ['积分 去年', { name: 'score', year: 2024 }],
    ['积分 2025年度', { name: 'score', year: 2025 }],
    // 延期's date after 至, 到 or 延至.
    [
      '延期 2025-12 至6月20日',
      { name: 'extend', number: '2025-12', day: '2025-06-20', reason: '' },
    ],
    [
      '延期 12号 延至6月20日 需协调',
      { name: 'extend', number: '〔2025〕12号', day: '2025-06-20', reason: '需协调' },
    ],
    [
      '延期 2025-12 到 2025/6/20，需协调',
      { name: 'extend', number: '2025-12', day: '2025-06-20', reason: '需协调' },
    ],
  ])('reads 「%s」', (text, expected) => {
    expect(parse(text)).toEqual(expected);
  });

  it.each([
    [
      '督办 关于老城区改造的督办 企业:城投,文旅 级别:重要 时限:2025-06-10 内容:请报送 推进情况',
      {
        title: '关于老城区改造的督办',
        enterprises: ['城投', '文旅'],
        level: 'important',
        deadline: '2025-06-10',
        content: '请报送 推进情况',
        confidential: false,
        oral: false,
      },
    ],
    [
      '督办 关于老城区改造的督办 企业：城投，文旅、水务 级别：特别重大 内容：请报送',
      {
        title: '关于老城区改造的督办',
        enterprises: ['城投', '文旅', '水务'],
        level: 'critical',
        deadline: undefined,
        content: '请报送',
      },
    ],
    [
      '督办 标题 内容:先写内容 企业:城投 时限:6月3日 涉密:是 形式:口头',
      {
        title: '标题',
        enterprises: ['城投'],
        level: 'routine',
        deadline: '2025-06-03',
        content: '先写内容',
        confidential: true,
        oral: true,
      },
    ],
    // 标题 and 内容 are the notice's own text: kept exactly as typed, punctuation and all.
    [
      '督办 一季度（1—3月）工作：复盘 企业：城投 内容：请于6月10日前报送，并附材料；逾期扣分。',
      {
        title: '一季度（1—3月）工作：复盘',
        enterprises: ['城投'],
        content: '请于6月10日前报送，并附材料；逾期扣分。',
      },
    ],
    [
      '督办 标题：关于“十四五”规划（2021—2025）的督办 企业:城投 内容:按【附件】要求, 报送',
      {
        title: '关于“十四五”规划（2021—2025）的督办',
        content: '按【附件】要求, 报送',
      },
    ],
    ['督办 企业:城投 事项:复盘工作 内容:x', { title: '复盘工作', enterprises: ['城投'] }],
    [
      '督办 标题 企业:城投和文旅、水务 时限：２０２５／６／３ 内容:x',
      { enterprises: ['城投和文旅', '水务'], deadline: '2025-06-03' },
    ],
  ])('reads the one-line issue form 「%s」', (text, expected) => {
    expect(parse(text)).toMatchObject({ name: 'issueLine', ...expected });
  });

  it.each([
    ['督办 企业:城投 内容:x', '请写上事项标题', 'issueLine'],
    ['督办 标题 级别:一般 内容:x', '请写上承办企业，如 企业:城投,文旅', 'issueLine'],
    [
      '督办 标题 企业:城投 级别:紧急 内容:x',
      '级别「紧急」不认识，可用：一般、重要、特别重大、按期',
      'issueLine',
    ],
    ['督办 标题 企业:城投 时限:2025-02-30 内容:x', '2025年2月30日 不存在，请检查日期', 'issueLine'],
    [
      '督办 标题 企业:城投 时限:下周五 内容:x',
      '「下周五」不是日期，请写成 2025-06-10 或 6月10日',
      'issueLine',
    ],
    ['查看', '请写上通知单编号，如：查看 珠国资督〔2025〕12号', 'view'],
    ['查看 十二号', '请写上通知单编号，如：查看 珠国资督〔2025〕12号', 'view'],
    // A bare integer could be a page, a day or a year: a number needs 号, its year or brackets.
    ['查看 12', '编号请写成「12号」或「珠国资督〔2025〕12号」', 'view'],
    ['催办 12 加急', '编号请写成「12号」或「珠国资督〔2025〕12号」', 'nudge'],
    ['12', '没有看懂「12」', undefined],
    ['退回 2025-12', '请写上原因，如：退回 珠国资督〔2025〕12号 缺少数据支撑', 'return'],
    ['延期 2025-12 2025-13-01', '2025年13月1日 不存在，请检查日期', 'extend'],
    [
      '列表 紧急',
      '不认识「紧急」，可用：列表 全部 / 未办结 / 待签收 / 办理中 / 逾期 / 已办结',
      'list',
    ],
    ['积分 明年吧', '年份请写成 2025、今年或去年，如：积分 2025', 'score'],
    ['积分 2025-05', '积分按年度排名，请写年份，如：积分 2025', 'score'],
    ['查查', '没有看懂「查查」', 'view'],
    ['你好', '没有看懂「你好」', undefined],
    ['lst', '没有看懂「lst」', 'list'],
    ['帮我看看统计', '没有看懂「帮我看看统计」', 'statistics'],
    ['撤回 珠国资督〔2025〕12号', '没有看懂「撤回 珠国资督〔2025〕12号」', 'withdraw'],
    ['退办 2025-12', '没有看懂「退办 2025-12」', 'return'],
    ['积分 1999', '年份 1999 超出范围（2000–2100）', 'score'],
    // The closest command looks at the first word only, never inside the reason.
    ['拒不理睬 12号 已催办', '没有看懂「拒不理睬 12号 已催办」', undefined],
    ['请问 催办怎么用', '没有看懂「请问 催办怎么用」', undefined],
    ['延期 2025-12 至下周', '「下周」不是日期，请写成 2025-06-10 或 6月10日', 'extend'],
    ['督办 标题 企业:城投 内容:请各 企业:文旅', '「企业:」写了两次，请合并为一处', 'issueLine'],
    ['督办 标题 企业:城投 涉密:也许 内容:x', '涉密请写“是”或“否”', 'issueLine'],
    ['督办 标题 企业:城投 形式:电话 内容:x', '形式请写“书面”或“口头”', 'issueLine'],
    ['督办 标题 标题:另一个 企业:城投 内容:x', '标题写了两处，请只写一处', 'issueLine'],
  ])('answers 「%s」 with what is wrong and the closest command', (text, message, suggestion) => {
    const result = parse(text);

    expect(result).toMatchObject({ name: 'error', suggestion });
    expect((result as { message: string }).message.startsWith(message)).toBe(true);
  });
});

describe('涉密 and 形式 in the one-line form', () => {
  const line = (field: string) => parse(`督办 标题 企业:城投 ${field} 内容:x`);

  it.each(['是', '是的', '对', '涉密', 'y', 'YES', 'true', '1', '１', 'ｙｅｓ', '是。'])(
    'reads 涉密:%s as confidential',
    (word) => {
      expect(line(`涉密:${word}`)).toMatchObject({ name: 'issueLine', confidential: true });
    },
  );

  it.each(['否', '不', '不涉密', '非涉密', 'n', 'No', 'false', '0', '０'])(
    'reads 涉密:%s as not confidential',
    (word) => {
      expect(line(`涉密：${word}`)).toMatchObject({ name: 'issueLine', confidential: false });
    },
  );

  it.each([
    ['形式:书面', false],
    ['形式：口头', true],
    ['', false],
  ])('reads 「%s」', (field, oral) => {
    expect(line(field)).toMatchObject({ name: 'issueLine', oral });
  });
});

describe('parseTypedDay', () => {
  it.each([
    ['2025-06-10', '2025-06-10'],
    ['2025/6/10', '2025-06-10'],
    ['2025.6.10', '2025-06-10'],
    ['2025年6月10日', '2025-06-10'],
    ['6月10日', '2025-06-10'],
    ['6/10', '2025-06-10'],
    // A day just past stays in this year, so the caller can say it has passed; one more
    // than half a year past means next year (1月5日 typed in December).
    ['5月20日', '2025-05-20'],
    ['11月20日', '2025-11-20'],
    ['2024-02-29', '2024-02-29'],
  ])('reads %s as %s', (text, day) => {
    expect(parseTypedDay(text, now)).toEqual({ day });
  });

  it.each(['2025-02-29', '2月30日', '13/1', 'tomorrow'])('refuses %s', (text) => {
    expect(parseTypedDay(text, now)).toHaveProperty('error');
  });

  it('reads 1月5日 typed in December as next January', () => {
    expect(parseTypedDay('1月5日', at('2025-12-20 10:00'))).toEqual({ day: '2026-01-05' });
  });
});
