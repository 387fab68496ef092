import { describe, expect, it } from 'vitest';
import { failureReason } from '../../../cards/dead-letter.card.js';

describe('dead-letter alert reasons', () => {
  it.each([
    [230002, '机器人不在群内 230002'],
    [230025, '消息内容过长 230025'],
    ['timeout', '请求超时'],
  ])('says why %s failed: 「%s」', (code, reason) => {
    expect(failureReason(code)).toBe(reason);
  });
});
