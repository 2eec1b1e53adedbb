import {
  CATEGORY_DEFAULTS,
  type CategoryPreference,
  type NotifyCategory,
} from '@siantar/contracts';
import { AppError } from '@siantar/server-core';

export type FieldError = { path: string; message: string };

export const invalidPreferences = (errors: FieldError[]) =>
  new AppError(
    400,
    'validation',
    `Pengaturan notifikasi tidak valid: ${errors.map((e) => `${e.path} — ${e.message}`).join('; ')}.`,
    errors,
  );

/** Checks what a user or an admin asks for: each category once; mandatory ones stay fully on. */
export function categoryErrors(categories: CategoryPreference[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<NotifyCategory>();
  categories.forEach((c, i) => {
    if (seen.has(c.category))
      errors.push({ path: `categories[${i}].category`, message: 'disebut dua kali' });
    seen.add(c.category);
    if (CATEGORY_DEFAULTS[c.category].mandatory && (!c.email || !c.inApp || c.digest))
      errors.push({
        path: `categories[${i}]`,
        message: `notifikasi "${c.category}" wajib dan tidak dapat dimatikan atau digabung`,
      });
  });
  return errors;
}
