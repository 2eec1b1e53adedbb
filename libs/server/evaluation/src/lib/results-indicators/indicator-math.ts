import type { IndicatorDirection } from '@siantar/contracts';

export interface IndicatorChange {
  change: number | null;
  changePercent: number | null;
  improved: boolean | null;
}

/** Half away from zero, so that a fall and a rise of the same size round alike. */
const round = (x: number, digits: number) =>
  (Math.sign(x) * Math.round(Math.abs(x) * 10 ** digits)) / 10 ** digits;

/**
 * The change from before to after: in the indicator's unit, in percent of the value before
 * (none when it was 0), and whether it went the way the indicator wants (none without a
 * value after or without change).
 */
export function indicatorChange(
  direction: IndicatorDirection,
  before: number,
  after: number | null,
): IndicatorChange {
  if (after === null) return { change: null, changePercent: null, improved: null };
  const change = round(after - before, 4);
  return {
    change,
    changePercent: before === 0 ? null : round(((after - before) / Math.abs(before)) * 100, 2),
    improved: change === 0 ? null : direction === 'lower-is-better' ? change < 0 : change > 0,
  };
}
