import type {
  CategoryPreference,
  NotificationDefaultsView,
  NotifyCategory,
  ProblemDetails,
  UpdateNotificationDefaultsRequest,
} from '@siantar/contracts';
import {
  type CategorySwitches,
  allowedSwitches,
  categoryOfErrorPath,
  inCategoryOrder,
  sameSwitches,
} from '../shared/category-rows';

/** One category of the admins' defaults as the screen holds it. */
export interface DefaultRow extends CategorySwitches {
  category: NotifyCategory;
  /** Always by email and in the app, never in the digest: for users and admins alike. */
  mandatory: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
}

export type Switch = keyof CategorySwitches;

/**
 * The server's view as rows, in the categories' fixed order, holding only what may be saved
 * (a mandatory category fully on, a digest only with email).
 */
export function defaultsToRows(view: NotificationDefaultsView): DefaultRow[] {
  return inCategoryOrder(view.categories).map((c) =>
    allowedSwitches({
      category: c.category,
      email: c.email,
      inApp: c.inApp,
      digest: c.digest,
      mandatory: c.mandatory,
      updatedAt: c.updatedAt,
      updatedBy: c.updatedBy,
    }),
  );
}

/** One switch flipped; email off takes the digest with it; a mandatory row does not move. */
export function setSwitch(
  rows: readonly DefaultRow[],
  category: NotifyCategory,
  name: Switch,
  on: boolean,
): DefaultRow[] {
  return rows.map((r) => (r.category === category ? allowedSwitches({ ...r, [name]: on }) : r));
}

/**
 * The PUT body: only the categories that differ from what the server has, so that "changed by"
 * stays true of the others. Empty `categories` means nothing to save.
 */
export function rowsToRequest(
  saved: readonly DefaultRow[],
  current: readonly DefaultRow[],
): UpdateNotificationDefaultsRequest {
  const categories: CategoryPreference[] = [];
  for (const raw of current) {
    const row = allowedSwitches(raw);
    const was = saved.find((s) => s.category === row.category);
    if (was && sameSwitches(allowedSwitches(was), row)) {
      continue;
    }
    categories.push({
      category: row.category,
      email: row.email,
      inApp: row.inApp,
      digest: row.digest,
    });
  }
  return { categories };
}

/** The most recent admin change of any category; null while all follow the built-in defaults. */
export function lastChange(rows: readonly DefaultRow[]): { at: string; by: string | null } | null {
  let latest: { at: string; by: string | null; t: number } | null = null;
  for (const r of rows) {
    const t = r.updatedAt ? Date.parse(r.updatedAt) : Number.NaN;
    if (!Number.isNaN(t) && (!latest || t > latest.t)) {
      latest = { at: r.updatedAt as string, by: r.updatedBy, t };
    }
  }
  return latest ? { at: latest.at, by: latest.by } : null;
}

/** A 400's `errors[]`: those about one category (by its index in the request), and the rest. */
export interface DefaultsErrors {
  categories: Partial<Record<NotifyCategory, string[]>>;
  other: string[];
}

export function defaultsErrors(
  problem: ProblemDetails | null,
  request: UpdateNotificationDefaultsRequest,
): DefaultsErrors {
  const out: DefaultsErrors = { categories: {}, other: [] };
  for (const { path, message } of problem?.errors ?? []) {
    const category = categoryOfErrorPath(path, request.categories);
    if (category) {
      (out.categories[category] ??= []).push(message);
    } else {
      out.other.push(path ? `${path}: ${message}` : message);
    }
  }
  return out;
}
