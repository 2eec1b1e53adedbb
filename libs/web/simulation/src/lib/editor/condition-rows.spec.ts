import type { Condition } from '@siantar/scenario';
import { conditionFrom, conditionMode, conditionRows, switchMode } from './condition-rows';

const low: Condition = { variable: 'sabar', op: 'lt', value: 3 };
const high: Condition = { variable: 'sabar', op: 'gte', value: 1 };

describe('condition rows', () => {
  it('tells which conditions the builder edits', () => {
    expect(conditionMode(undefined)).toBe('none');
    expect(conditionMode(low)).toBe('single');
    expect(conditionMode({ all: [low, high] })).toBe('all');
    expect(conditionMode({ any: [low, high] })).toBe('advanced');
    expect(conditionMode({ not: low })).toBe('advanced');
    expect(conditionMode({ all: [low, { not: high }] })).toBe('advanced');
  });

  it('reads rows and builds the condition back', () => {
    expect(conditionRows({ all: [low, high] })).toEqual([low, high]);
    expect(conditionRows({ any: [low] })).toEqual([]);
    expect(conditionFrom('single', [low])).toEqual(low);
    expect(conditionFrom('all', [low, high])).toEqual({ all: [low, high] });
    expect(conditionFrom('all', [])).toBeUndefined();
    expect(conditionFrom('none', [low])).toBeUndefined();
  });

  it('keeps what it can when switching mode', () => {
    expect(switchMode(undefined, 'single', 'sabar')).toEqual({
      variable: 'sabar',
      op: 'gte',
      value: 0,
    });
    expect(switchMode(low, 'all', 'x')).toEqual({ all: [low] });
    expect(switchMode({ all: [low, high] }, 'single', 'x')).toEqual(low);
    expect(switchMode(low, 'none', 'x')).toBeUndefined();
  });
});
