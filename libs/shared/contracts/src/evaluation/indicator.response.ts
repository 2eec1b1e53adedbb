import type { IndicatorDirection } from './indicator.dto';

export interface IndicatorValueView {
  orgUnitId: string;
  orgUnitName: string;
  before: number;
  after: number | null;
  measuredBefore: string;
  measuredAfter: string | null;
  /** after − before; null until measured after. */
  change: number | null;
  /** The change in percent of `before` (2 decimals); null without `after` or when before = 0. */
  changePercent: number | null;
  /** The change went the indicator's way; null until measured after or without change. */
  improved: boolean | null;
  note: string;
  /** The caller may change or remove this OPD's values (an admin whose reach holds the OPD). */
  editable: boolean;
  updatedAt: string;
}

export interface IndicatorView {
  id: string;
  courseId: string;
  name: string;
  unit: string;
  direction: IndicatorDirection;
  description: string;
  /** By OPD name: all OPDs for the course's authors and reviewers, otherwise those in the caller's reach. */
  values: IndicatorValueView[];
  /** Over the values listed: OPDs, those measured after, those improved. */
  summary: { opds: number; measured: number; improved: number };
}

/** GET /evaluation/courses/:courseId/indicators. */
export interface CourseIndicators {
  courseId: string;
  /** The caller may add, change and remove indicators (an admin who reviews the course). */
  canDefine: boolean;
  /** 'all' OPDs' values, or only those in the caller's admin 'reach'. */
  scope: 'all' | 'reach';
  indicators: IndicatorView[];
}
