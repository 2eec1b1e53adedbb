import type { Params } from '@angular/router';
import {
  COMPETENCY_TYPES,
  type CompetencyType,
  EMPLOYMENT_TYPES,
  type EmploymentType,
  type ReportFilter,
} from '@siantar/contracts';

/** The dashboard's filters as they live in the URL (Indonesian query parameter names). */
export const FILTER_PARAMS = {
  year: 'tahun',
  orgUnitId: 'unit',
  courseId: 'kursus',
  competencyType: 'kompetensi',
  employmentType: 'status',
} as const satisfies Record<keyof ReportFilter, string>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function one(value: unknown): string | undefined {
  const v: unknown = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** Reads the filter from query parameters; anything malformed is dropped (the API would refuse it). */
export function filterFromParams(params: Params): ReportFilter {
  const filter: ReportFilter = {};
  const year = Number(one(params[FILTER_PARAMS.year]));
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) {
    filter.year = year;
  }
  const unit = one(params[FILTER_PARAMS.orgUnitId]);
  if (unit && UUID.test(unit)) {
    filter.orgUnitId = unit;
  }
  const course = one(params[FILTER_PARAMS.courseId]);
  if (course && UUID.test(course)) {
    filter.courseId = course;
  }
  const competency = one(params[FILTER_PARAMS.competencyType]);
  if (competency && (COMPETENCY_TYPES as readonly string[]).includes(competency)) {
    filter.competencyType = competency as CompetencyType;
  }
  const employment = one(params[FILTER_PARAMS.employmentType]);
  if (employment && (EMPLOYMENT_TYPES as readonly string[]).includes(employment)) {
    filter.employmentType = employment as EmploymentType;
  }
  return filter;
}

/**
 * The query parameters of a filter, for `router.navigate([], { queryParams })`: every filter
 * key is present, unset ones as null so that merging removes them from the URL.
 */
export function filterToParams(filter: ReportFilter): Record<string, string | null> {
  const params: Record<string, string | null> = {};
  for (const key of Object.keys(FILTER_PARAMS) as (keyof ReportFilter)[]) {
    const value = filter[key];
    params[FILTER_PARAMS[key]] =
      value === undefined || value === null || value === '' ? null : String(value);
  }
  return params;
}

/** The filter as API query parameters (only the set ones). */
export function filterToApiParams(filter: ReportFilter): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of Object.keys(FILTER_PARAMS) as (keyof ReportFilter)[]) {
    const value = filter[key];
    if (value !== undefined && value !== null && value !== '') {
      params[key] = String(value);
    }
  }
  return params;
}

/** Same filter? (Used to skip a reload when only other query parameters changed.) */
export function sameFilter(a: ReportFilter, b: ReportFilter): boolean {
  return (Object.keys(FILTER_PARAMS) as (keyof ReportFilter)[]).every((k) => a[k] === b[k]);
}

/**
 * The filter as a router link's query parameters (only the set ones): a drill-down or
 * breadcrumb link, or the person page, which hands them back to the dashboard.
 */
export function filterLinkParams(filter: ReportFilter): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filterToParams(filter)).filter(
      (entry): entry is [string, string] => entry[1] !== null,
    ),
  );
}
