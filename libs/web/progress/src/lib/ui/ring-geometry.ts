/** What the SVG progress ring draws for `value` of `max` (e.g. 14 of 20 JP). */
export interface RingGeometry {
  /** Radius of the stroke's centre line, inside a `size` × `size` view box. */
  radius: number;
  circumference: number;
  /** `stroke-dashoffset` of the filled arc: the circumference when empty, 0 when full. */
  dashOffset: number;
  /** 0–100, capped: a value above the target fills the ring once. */
  percent: number;
  /** The value reached the target. */
  reached: boolean;
}

/**
 * Geometry of a progress ring. A missing or non-positive `max` (no target, e.g. NON_ASN)
 * draws an empty ring; negative values (a year with only reversals) count as zero.
 */
export function ringGeometry(
  value: number,
  max: number | null,
  size = 120,
  stroke = 12,
): RingGeometry {
  const radius = Math.max(0, (size - stroke) / 2);
  const circumference = 2 * Math.PI * radius;
  const safeValue = Number.isFinite(value) ? Math.max(0, value) : 0;
  const ratio = max && max > 0 ? Math.min(1, safeValue / max) : 0;
  const percent = Math.round(ratio * 1000) / 10;
  return {
    radius,
    circumference,
    dashOffset: circumference * (1 - ratio),
    percent,
    reached: !!max && max > 0 && safeValue >= max,
  };
}
