import { NOTIFY_CATEGORIES, type NotifyCategory } from '@siantar/contracts';

/**
 * A category's three switches, as both the user's preferences (`/profil/notifikasi`) and the
 * admins' defaults (`/admin/notifikasi`) hold them.
 */
export interface CategorySwitches {
  email: boolean;
  inApp: boolean;
  digest: boolean;
}

const order = (c: NotifyCategory): number => NOTIFY_CATEGORIES.indexOf(c);

/**
 * The rows of known categories in their fixed order (the server may answer in any order, or
 * with a category this build does not know yet). The input is left as it was.
 */
export function inCategoryOrder<T extends { category: NotifyCategory }>(rows: readonly T[]): T[] {
  return rows
    .filter((r) => order(r.category) >= 0)
    .sort((a, b) => order(a.category) - order(b.category));
}

/** The daily digest only bundles emails: without email, no digest. */
export function withoutOrphanDigest<T extends CategorySwitches>(row: T): T {
  return row.email ? { ...row } : { ...row, digest: false };
}

/** Which switches of a row cannot be used. */
export interface SwitchLocks {
  email: boolean;
  inApp: boolean;
  digest: boolean;
}

/**
 * A mandatory category reaches everyone by email and in the app, never bundled: all its
 * switches are locked (the api refuses anything else, from users and admins alike). Otherwise
 * only the digest locks, while email is off.
 */
export function switchLocks(
  row: Pick<CategorySwitches, 'email'> & { mandatory: boolean },
): SwitchLocks {
  if (row.mandatory) {
    return { email: true, inApp: true, digest: true };
  }
  return { email: false, inApp: false, digest: !row.email };
}

/** What a row may hold, by the rules of `switchLocks`. */
export function allowedSwitches<T extends CategorySwitches & { mandatory: boolean }>(row: T): T {
  if (row.mandatory) {
    return { ...row, email: true, inApp: true, digest: false };
  }
  return withoutOrphanDigest(row);
}

export const sameSwitches = (a: CategorySwitches, b: CategorySwitches): boolean =>
  a.email === b.email && a.inApp === b.inApp && a.digest === b.digest;

const INDEXED = /^categories(?:\[(\d+)\]|\.(\d+))(?:\.(.+))?$/;

/**
 * The category a 400's error path is about: paths like `categories[2]` or
 * `categories.2.email` index into the request's `categories` (which may hold only some).
 * Undefined for any other path.
 */
export function categoryOfErrorPath(
  path: string,
  sent: readonly { category: NotifyCategory }[] | undefined,
): NotifyCategory | undefined {
  const indexed = INDEXED.exec(path);
  if (!indexed) {
    return undefined;
  }
  return sent?.[Number(indexed[1] ?? indexed[2])]?.category;
}
