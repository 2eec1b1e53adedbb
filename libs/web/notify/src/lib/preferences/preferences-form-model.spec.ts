import { NOTIFY_CATEGORIES, type ProblemDetails } from '@siantar/contracts';
import { defaultView } from '../testing/fixtures';
import {
  type PreferencesFormValue,
  errorsByField,
  formToRequest,
  hasChanges,
  hasFieldErrors,
  normaliseRow,
  quietHoursProblem,
  rowLocks,
  viewToForm,
} from './preferences-form-model';

const problem = (errors: { path: string; message: string }[]): ProblemDetails => ({
  type: 'about:blank',
  title: 'Bad Request',
  status: 400,
  detail: 'Pengaturan notifikasi tidak valid',
  code: 'validation',
  errors,
});

function edit(
  form: PreferencesFormValue,
  category: string,
  change: Partial<{ email: boolean; inApp: boolean; digest: boolean }>,
): PreferencesFormValue {
  return {
    ...form,
    categories: form.categories.map((c) => (c.category === category ? { ...c, ...change } : c)),
  };
}

describe('preferences form model', () => {
  it('reads the view in the fixed category order, quiet hours defaulting to 21:00–07:00', () => {
    const form = viewToForm(defaultView());
    expect(form.categories.map((c) => c.category)).toEqual([...NOTIFY_CATEGORIES]);
    expect(form.categories[0]).toEqual({
      category: 'enrolment',
      email: true,
      inApp: true,
      digest: false,
      mandatory: false,
    });
    expect(form.quietEnabled).toBe(false);
    expect([form.quietStart, form.quietEnd]).toEqual(['21:00', '07:00']);

    const on = viewToForm(defaultView({ start: '22:30', end: '06:00' }));
    expect(on).toMatchObject({ quietEnabled: true, quietStart: '22:30', quietEnd: '06:00' });
  });

  it('sends nothing when nothing changed', () => {
    const form = viewToForm(defaultView());
    expect(formToRequest(form, form)).toEqual({});
    expect(hasChanges(form, form)).toBe(false);
  });

  it('sends only the changed categories and the quiet hours', () => {
    const before = viewToForm(defaultView());
    const after = {
      ...edit(before, 'enrolment', { email: false }),
      quietEnabled: true,
    };
    expect(formToRequest(before, after)).toEqual({
      categories: [{ category: 'enrolment', email: false, inApp: true, digest: false }],
      quietHours: { start: '21:00', end: '07:00' },
    });
  });

  it('turns quiet hours off with null, and keeps the times for turning them on again', () => {
    const before = viewToForm(defaultView({ start: '22:00', end: '05:00' }));
    const off = { ...before, quietEnabled: false };
    expect(formToRequest(before, off)).toEqual({ quietHours: null });
    expect(off.quietStart).toBe('22:00');
    expect(formToRequest(before, { ...before, quietEnd: '06:00' })).toEqual({
      quietHours: { start: '22:00', end: '06:00' },
    });
    // Times edited while off are not a change.
    expect(formToRequest(off, { ...off, quietStart: '20:00' })).toEqual({});
  });

  it('drops the digest with email: there is nothing to bundle', () => {
    const before = viewToForm(defaultView());
    // inactivity: email and digest on by default.
    const after = edit(before, 'inactivity', { email: false });
    expect(formToRequest(before, after).categories).toEqual([
      { category: 'inactivity', email: false, inApp: true, digest: false },
    ]);
    expect(normaliseRow({ ...after.categories[6], digest: true }).digest).toBe(false);
    expect(rowLocks({ email: false, mandatory: false })).toEqual({
      email: false,
      inApp: false,
      digest: true,
    });
    expect(rowLocks({ email: true, mandatory: false }).digest).toBe(false);
  });

  it('keeps a mandatory category on and never sends it', () => {
    const before = viewToForm(defaultView());
    const row = before.categories.find((c) => c.category === 'live-change');
    expect(row).toMatchObject({ mandatory: true, email: true, inApp: true, digest: false });
    expect(rowLocks({ email: true, mandatory: true })).toEqual({
      email: true,
      inApp: true,
      digest: true,
    });
    const after = edit(before, 'live-change', { email: false, inApp: false });
    expect(formToRequest(before, after)).toEqual({});
    // Whatever the server sent, a mandatory row reads as on.
    const odd = defaultView();
    odd.categories = odd.categories.map((c) =>
      c.category === 'live-change' ? { ...c, email: false, digest: true } : c,
    );
    expect(viewToForm(odd).categories[3]).toMatchObject({ email: true, digest: false });
  });

  it('checks the quiet-hours window like the server does', () => {
    const form = { ...viewToForm(defaultView()), quietEnabled: true };
    expect(quietHoursProblem(form)).toBeNull();
    expect(quietHoursProblem({ ...form, quietEnd: '21:00' })).toBe('same');
    expect(quietHoursProblem({ ...form, quietStart: '' })).toBe('required');
    expect(quietHoursProblem({ ...form, quietEnabled: false, quietEnd: '21:00' })).toBeNull();
  });

  it('puts each 400 error next to its control, by the index into the request sent', () => {
    const before = viewToForm(defaultView());
    const request = formToRequest(
      before,
      edit(edit(before, 'deadline', { email: false }), 'grading', { email: true }),
    );
    expect(request.categories?.map((c) => c.category)).toEqual(['deadline', 'grading']);

    const errors = errorsByField(
      problem([
        { path: 'categories[1]', message: 'notifikasi "grading" wajib' },
        { path: 'categories.0.email', message: 'email must be a boolean value' },
        { path: 'categories[1].category', message: 'disebut dua kali' },
        { path: 'quietHours', message: 'jam mulai dan selesai tidak boleh sama' },
        { path: 'quietHours.start', message: 'start harus jam dan menit 00:00–23:59' },
        { path: 'quietHours.end', message: 'end harus jam dan menit 00:00–23:59' },
        { path: 'categories[7]', message: 'tidak ada' },
        { path: 'extra', message: 'kolom "extra" tidak dikenal' },
      ]),
      request,
    );
    expect(errors.categories).toEqual({
      deadline: ['email must be a boolean value'],
      grading: ['notifikasi "grading" wajib', 'disebut dua kali'],
    });
    expect(errors.quietHours).toEqual(['jam mulai dan selesai tidak boleh sama']);
    expect(errors.quietStart).toEqual(['start harus jam dan menit 00:00–23:59']);
    expect(errors.quietEnd).toEqual(['end harus jam dan menit 00:00–23:59']);
    expect(errors.other).toEqual([
      'categories[7]: tidak ada',
      'extra: kolom "extra" tidak dikenal',
    ]);
    expect(hasFieldErrors(errors)).toBe(true);

    const none = errorsByField(problem([]), request);
    expect(hasFieldErrors(none)).toBe(false);
    expect(errorsByField(null, request).other).toEqual([]);
  });
});
