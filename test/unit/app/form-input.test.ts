import { describe, expect, it } from 'vitest';
import {
  readDay,
  readPercent,
  readPerson,
  typedValues,
  type InputProblems,
} from '../../../src/app/enterprise/form-input.js';
import { directory, people } from '../../support/fixtures.js';

describe('readDay', () => {
  it.each([
    ['2025-06-10 +0800', '2025-06-10', undefined],
    ['2025-06-10', '2025-06-10', undefined],
    ['2025-02-30', undefined, '「2025-02-30」不是有效日期，请重新选择'],
    ['2025-02-30 +0800', undefined, '「2025-02-30 +0800」不是有效日期，请重新选择'],
    ['下周一', undefined, '「下周一」不是有效日期，请重新选择'],
    ['', undefined, undefined],
  ])('reads %j as %j', (raw, day, problem) => {
    const problems: InputProblems = {};

    expect(readDay({ day: raw }, 'day', problems)).toBe(day);
    expect(problems.day).toBe(problem);
  });
});

describe('readPercent', () => {
  it.each([
    ['60', 60, undefined],
    ['60%', 60, undefined],
    ['６０％', 60, undefined],
    ['100', 100, undefined],
    ['150', 150, undefined],
    ['六十', undefined, '「六十」不是 0 到 100 之间的整数'],
    ['60.5', undefined, '「60.5」不是 0 到 100 之间的整数'],
    ['-1', undefined, '「-1」不是 0 到 100 之间的整数'],
  ])('reads %j as %j', (raw, percent, problem) => {
    const problems: InputProblems = {};

    expect(readPercent({ percent: raw }, 'percent', problems)).toBe(percent);
    expect(problems.percent).toBe(problem);
  });
});

describe('readPerson', () => {
  it('names a picked person from the directory, or by open_id when unknown', () => {
    expect(readPerson({ p: people.head.openId }, 'p', directory)).toEqual({
      openId: people.head.openId,
      name: '城投张总',
    });
    expect(readPerson({ p: 'ou_unknown' }, 'p', directory)).toEqual({
      openId: 'ou_unknown',
      name: 'ou_unknown',
    });
    expect(readPerson({}, 'p', directory)).toBeUndefined();
  });
});

describe('typedValues', () => {
  it('keeps the text fields, with a picked day as the day alone', () => {
    expect(typedValues({ a: 'x', day: '2025-06-10 +0800', n: 3, list: ['y'] })).toEqual({
      a: 'x',
      day: '2025-06-10',
    });
  });
});
