import { describe, expect, it } from 'vitest';
import { formatNoticeNumber, parseNoticeNumber } from '../../../src/domain/notice-number.js';
import { formatPoints, reversalOf, scoreEntry, toMilliPoints } from '../../../src/domain/ledger.js';
import { at, buildAssignment, policy } from '../../support/fixtures.js';

describe('notice numbers', () => {
  it('formats with the policy prefix', () => {
    expect(formatNoticeNumber('珠国资督', 2025, 12)).toBe('珠国资督〔2025〕12号');
  });

  it.each([
    ['珠国资督〔2025〕12号', { year: 2025, seq: 12 }],
    ['珠国资督[2025]12号', { year: 2025, seq: 12 }],
    ['珠国资督［2025］12', { year: 2025, seq: 12 }],
    ['珠国资督【2025】7号', { year: 2025, seq: 7 }],
    ['〔2025〕12号', { year: 2025, seq: 12 }],
    [' 2025-12 ', { year: 2025, seq: 12 }],
    ['珠国资督 〔2026〕 3 号', { year: 2026, seq: 3 }],
    ['12号', null],
    ['2025-0', null],
    ['珠国资督〔25〕12号', null],
    ['hello', null],
  ])('reads %s', (text, expected) => {
    expect(parseNoticeNumber(text)).toEqual(expected);
  });
});

describe('score entries', () => {
  const assignment = buildAssignment();

  it('keeps points in thousandths, so sums stay exact', () => {
    expect(toMilliPoints(-0.5) + toMilliPoints(0.2) + toMilliPoints(0.1)).toBe(-200);
    expect(formatPoints(-500)).toBe('-0.5');
    expect(formatPoints(200)).toBe('+0.2');
  });

  it('derives the key from the assignment and the kind, so recording twice keeps one', () => {
    const entry = scoreEntry(assignment, 'noticeReceived', policy, {
      at: at('2025-05-21 10:00'),
      byOpenId: 'ou_x',
    });

    expect(entry).toMatchObject({
      key: '2025-12:noticeReceived',
      milliPoints: -500,
      year: 2025,
      reason: '收到督办通知单',
    });
  });

  it('reverses an entry with a counter-entry naming it', () => {
    const entry = scoreEntry(assignment, 'overdue', policy, {
      at: at('2025-05-29 09:00'),
      byOpenId: 'system',
    });
    const reversal = reversalOf(entry, {
      at: at('2025-06-01 09:00'),
      byOpenId: 'ou_y',
      reason: '系统故障误记',
    });

    expect(reversal).toMatchObject({
      key: '2025-12:overdue:reversal',
      kind: 'reversal',
      milliPoints: 200,
      reverses: '2025-12:overdue',
      reason: '冲销「办理逾期」：系统故障误记',
    });
  });
});
