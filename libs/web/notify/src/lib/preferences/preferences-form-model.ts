import type {
  CategoryPreference,
  NotificationPreferencesView,
  NotifyCategory,
  ProblemDetails,
  UpdateNotificationPreferencesRequest,
} from '@siantar/contracts';
import {
  type SwitchLocks,
  allowedSwitches,
  categoryOfErrorPath,
  inCategoryOrder,
  sameSwitches,
  switchLocks,
} from '../shared/category-rows';

/** One category's switches as the form holds them. */
export interface CategoryRowValue {
  category: NotifyCategory;
  email: boolean;
  inApp: boolean;
  digest: boolean;
  mandatory: boolean;
}

export interface PreferencesFormValue {
  categories: CategoryRowValue[];
  quietEnabled: boolean;
  /** HH:MM, WIB; kept while quiet hours are off so that turning them on again restores them. */
  quietStart: string;
  quietEnd: string;
}

/** Offered when quiet hours are turned on for the first time. */
export const DEFAULT_QUIET_HOURS = { start: '21:00', end: '07:00' } as const;

/** Which switches of a row cannot be used: all of a mandatory one, the digest without email. */
export type RowLocks = SwitchLocks;

export function rowLocks(row: Pick<CategoryRowValue, 'email' | 'mandatory'>): RowLocks {
  return switchLocks(row);
}

/**
 * What a row may hold: a mandatory category is always on, by email and in the app, without
 * digest (as the server enforces); a digest only bundles emails, so no email, no digest.
 */
export function normaliseRow(row: CategoryRowValue): CategoryRowValue {
  return allowedSwitches(row);
}

/** The server's view as form values, in the categories' fixed order. */
export function viewToForm(view: NotificationPreferencesView): PreferencesFormValue {
  const categories = inCategoryOrder(view.categories).map((c) =>
    normaliseRow({
      category: c.category,
      email: c.email,
      inApp: c.inApp,
      digest: c.digest,
      mandatory: c.mandatory,
    }),
  );
  return {
    categories,
    quietEnabled: view.quietHours !== null,
    quietStart: view.quietHours?.start ?? DEFAULT_QUIET_HOURS.start,
    quietEnd: view.quietHours?.end ?? DEFAULT_QUIET_HOURS.end,
  };
}

const quietOf = (v: PreferencesFormValue): { start: string; end: string } | null =>
  v.quietEnabled ? { start: v.quietStart, end: v.quietEnd } : null;

/**
 * The PUT body: only the categories that were changed (the others keep following the admins'
 * defaults) and never a mandatory one; quiet hours when they were changed, null to turn them off.
 */
export function formToRequest(
  before: PreferencesFormValue,
  after: PreferencesFormValue,
): UpdateNotificationPreferencesRequest {
  const body: UpdateNotificationPreferencesRequest = {};
  const categories: CategoryPreference[] = [];
  for (const raw of after.categories) {
    const row = normaliseRow(raw);
    const was = before.categories.find((c) => c.category === row.category);
    if (row.mandatory || (was && sameSwitches(normaliseRow(was), row))) {
      continue;
    }
    categories.push({
      category: row.category,
      email: row.email,
      inApp: row.inApp,
      digest: row.digest,
    });
  }
  if (categories.length > 0) {
    body.categories = categories;
  }
  const q0 = quietOf(before);
  const q1 = quietOf(after);
  if (q0?.start !== q1?.start || q0?.end !== q1?.end) {
    body.quietHours = q1;
  }
  return body;
}

/** Something to save. */
export function hasChanges(before: PreferencesFormValue, after: PreferencesFormValue): boolean {
  return Object.keys(formToRequest(before, after)).length > 0;
}

/** The check the server makes too: a window needs two different times. */
export function quietHoursProblem(v: PreferencesFormValue): 'required' | 'same' | null {
  if (!v.quietEnabled) {
    return null;
  }
  if (!v.quietStart || !v.quietEnd) {
    return 'required';
  }
  return v.quietStart === v.quietEnd ? 'same' : null;
}

/** A 400's `errors[]` sorted by where they show: a category's row, a quiet-hours time, or the top. */
export interface PreferencesErrors {
  categories: Partial<Record<NotifyCategory, string[]>>;
  quietStart: string[];
  quietEnd: string[];
  /** About the quiet-hours window as a whole (e.g. equal start and end). */
  quietHours: string[];
  other: string[];
}

/**
 * Reads paths like `categories[2]`, `categories.2.email` (the index is into the request's
 * `categories`, which only has the changed ones), `quietHours`, `quietHours.start`.
 */
export function errorsByField(
  problem: ProblemDetails | null,
  request: UpdateNotificationPreferencesRequest,
): PreferencesErrors {
  const out: PreferencesErrors = {
    categories: {},
    quietStart: [],
    quietEnd: [],
    quietHours: [],
    other: [],
  };
  for (const { path, message } of problem?.errors ?? []) {
    const category = categoryOfErrorPath(path, request.categories);
    if (category) {
      (out.categories[category] ??= []).push(message);
      continue;
    }
    if (path === 'quietHours.start') {
      out.quietStart.push(message);
    } else if (path === 'quietHours.end') {
      out.quietEnd.push(message);
    } else if (path === 'quietHours' || path.startsWith('quietHours.')) {
      out.quietHours.push(message);
    } else {
      out.other.push(path ? `${path}: ${message}` : message);
    }
  }
  return out;
}

/** True when some error could be shown next to its control. */
export function hasFieldErrors(errors: PreferencesErrors): boolean {
  return (
    Object.keys(errors.categories).length > 0 ||
    errors.quietStart.length > 0 ||
    errors.quietEnd.length > 0 ||
    errors.quietHours.length > 0
  );
}
