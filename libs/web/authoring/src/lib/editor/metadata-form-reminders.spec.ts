import { FormControl } from '@angular/forms';
import {
  formatReminderDays,
  parseReminderDays,
  reminderDaysValidator,
} from './metadata-form-reminders';

describe('reminder days', () => {
  it('reads whole days, largest first, repeats dropped', () => {
    expect(parseReminderDays('7, 1')).toEqual({ ok: true, days: [7, 1] });
    expect(parseReminderDays('1,7')).toEqual({ ok: true, days: [7, 1] });
    expect(parseReminderDays(' 14 ; 3  7 ')).toEqual({ ok: true, days: [14, 7, 3] });
    expect(parseReminderDays('7, 7, 1, 1')).toEqual({ ok: true, days: [7, 1] });
    expect(parseReminderDays('3,')).toEqual({ ok: true, days: [3] });
    expect(parseReminderDays('007')).toEqual({ ok: true, days: [7] });
  });

  it('takes an empty field as no reminders', () => {
    expect(parseReminderDays('')).toEqual({ ok: true, days: [] });
    expect(parseReminderDays('  , ')).toEqual({ ok: true, days: [] });
  });

  it('refuses what is not a whole number of days', () => {
    for (const text of ['7 hari', '1.5', '-1', 'satu', '7,1a', '1e1']) {
      expect(parseReminderDays(text)).toEqual({ ok: false, problem: 'format' });
    }
  });

  it('keeps each day within 1–90', () => {
    expect(parseReminderDays('0')).toEqual({ ok: false, problem: 'range' });
    expect(parseReminderDays('91, 1')).toEqual({ ok: false, problem: 'range' });
    expect(parseReminderDays('90, 1')).toEqual({ ok: true, days: [90, 1] });
  });

  it('allows at most 4 reminders, counted after dropping repeats', () => {
    expect(parseReminderDays('30, 14, 7, 1')).toEqual({ ok: true, days: [30, 14, 7, 1] });
    expect(parseReminderDays('30, 14, 7, 3, 1')).toEqual({ ok: false, problem: 'tooMany' });
    expect(parseReminderDays('7, 7, 7, 3, 1, 1')).toEqual({ ok: true, days: [7, 3, 1] });
  });

  it('writes the days back for the field', () => {
    expect(formatReminderDays([1, 7])).toBe('7, 1');
    expect(formatReminderDays([])).toBe('');
    expect(formatReminderDays(undefined)).toBe('');
  });

  it('validates a form control with the problem as the error', () => {
    expect(reminderDaysValidator(new FormControl('7, 1'))).toBeNull();
    expect(reminderDaysValidator(new FormControl(''))).toBeNull();
    expect(reminderDaysValidator(new FormControl(null))).toBeNull();
    expect(reminderDaysValidator(new FormControl('1, 2, 3, 4, 5'))).toEqual({
      reminderDays: 'tooMany',
    });
  });
});
