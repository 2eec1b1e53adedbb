import type { Condition, ConditionOp } from '@siantar/scenario';

export interface SimpleCondition {
  variable: string;
  op: ConditionOp;
  value: number;
}

/**
 * What the condition builder can show: none, one comparison, all of several comparisons;
 * anything else (any / not / nested) is `advanced`, shown as JSON and replaceable.
 */
export type ConditionMode = 'none' | 'single' | 'all' | 'advanced';

const isSimple = (c: Condition): c is SimpleCondition => 'variable' in c;

export function conditionMode(c: Condition | undefined): ConditionMode {
  if (!c) return 'none';
  if (isSimple(c)) return 'single';
  if ('all' in c && c.all.every(isSimple)) return 'all';
  return 'advanced';
}

/** The comparisons the builder edits (empty for none and advanced). */
export function conditionRows(c: Condition | undefined): SimpleCondition[] {
  if (!c) return [];
  if (isSimple(c)) return [c];
  if ('all' in c && c.all.every(isSimple)) return c.all as SimpleCondition[];
  return [];
}

/** The condition the builder's mode and rows stand for. */
export function conditionFrom(
  mode: Exclude<ConditionMode, 'advanced'>,
  rows: SimpleCondition[],
): Condition | undefined {
  if (mode === 'none' || rows.length === 0) return undefined;
  return mode === 'single' ? rows[0] : { all: rows };
}

/** Switching mode keeps what can be kept: the first row for single, every row for all. */
export function switchMode(
  c: Condition | undefined,
  mode: Exclude<ConditionMode, 'advanced'>,
  defaultVariable: string,
): Condition | undefined {
  const rows = conditionRows(c);
  const seed: SimpleCondition[] = rows.length
    ? rows
    : [{ variable: defaultVariable, op: 'gte', value: 0 }];
  if (mode === 'none') return undefined;
  return conditionFrom(mode, mode === 'single' ? seed.slice(0, 1) : seed);
}
