import type { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';

/** The api's bounds (`CourseMetadataFields.reminderDays`). */
export const REMINDER_DAY_MIN = 1;
export const REMINDER_DAY_MAX = 90;
export const REMINDERS_MAX = 4;

/** Why a reminder text cannot be saved; each has its own message (`reminderDaysError.*`). */
export type ReminderDaysProblem = 'format' | 'range' | 'tooMany';

export type ReminderDaysParse =
  { ok: true; days: number[] } | { ok: false; problem: ReminderDaysProblem };

/**
 * "7, 1" → [7, 1]: whole days before the deadline, separated by commas, semicolons or spaces;
 * repeats dropped, largest first (as the api keeps them). Empty → [] (no reminders).
 */
export function parseReminderDays(text: string): ReminderDaysParse {
  const parts = text
    .trim()
    .split(/[\s,;]+/)
    .filter((p) => p !== '');
  const days = new Set<number>();
  for (const part of parts) {
    if (!/^\d+$/.test(part)) {
      return { ok: false, problem: 'format' };
    }
    const day = Number(part);
    if (day < REMINDER_DAY_MIN || day > REMINDER_DAY_MAX) {
      return { ok: false, problem: 'range' };
    }
    days.add(day);
  }
  if (days.size > REMINDERS_MAX) {
    return { ok: false, problem: 'tooMany' };
  }
  return { ok: true, days: [...days].sort((a, b) => b - a) };
}

/** [1, 7] → "7, 1", for the text field. */
export function formatReminderDays(days: readonly number[] | null | undefined): string {
  return [...(days ?? [])].sort((a, b) => b - a).join(', ');
}

/** The error key the validator sets; its value is the problem. */
export const REMINDER_DAYS_ERROR = 'reminderDays';

/** For a text control holding reminder days. */
export const reminderDaysValidator: ValidatorFn = (
  control: AbstractControl,
): ValidationErrors | null => {
  const parsed = parseReminderDays(String(control.value ?? ''));
  return parsed.ok ? null : { [REMINDER_DAYS_ERROR]: parsed.problem };
};
