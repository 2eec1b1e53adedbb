import { NOTIFY_CATEGORIES, type ProblemDetails } from '@siantar/contracts';
import { defaultsView } from '../testing/fixtures';
import {
  defaultsErrors,
  defaultsToRows,
  lastChange,
  rowsToRequest,
  setSwitch,
} from './defaults-model';

describe('notification defaults model', () => {
  it('reads the view in the fixed category order, a digest only with email', () => {
    const view = defaultsView();
    view.categories = view.categories.map((c) =>
      c.category === 'grading'
        ? { ...c, email: false, digest: true }
        : // Saved before the rule: shown as it now applies.
          c.category === 'live-change'
          ? { ...c, email: false }
          : c,
    );
    const rows = defaultsToRows(view);
    expect(rows.map((r) => r.category)).toEqual([...NOTIFY_CATEGORIES]);
    expect(rows.find((r) => r.category === 'grading')).toMatchObject({
      email: false,
      digest: false,
    });
    expect(rows.find((r) => r.category === 'live-change')).toMatchObject({
      mandatory: true,
      email: true,
      inApp: true,
      digest: false,
    });
  });

  it('turns a switch, email off taking the digest with it', () => {
    const rows = defaultsToRows(defaultsView());
    const off = setSwitch(rows, 'inactivity', 'email', false);
    expect(off.find((r) => r.category === 'inactivity')).toMatchObject({
      email: false,
      inApp: true,
      digest: false,
    });
    expect(rows.find((r) => r.category === 'inactivity')?.digest).toBe(true);
  });

  it('sends only the changed categories, nothing when nothing changed', () => {
    const saved = defaultsToRows(defaultsView());
    expect(rowsToRequest(saved, saved)).toEqual({ categories: [] });
    let rows = setSwitch(saved, 'grading', 'email', true);
    rows = setSwitch(rows, 'grading', 'digest', true);
    // A mandatory row does not move, so it is no change either.
    rows = setSwitch(rows, 'live-change', 'inApp', false);
    // Changed and changed back: not a change.
    rows = setSwitch(setSwitch(rows, 'review', 'inApp', false), 'review', 'inApp', true);
    expect(rowsToRequest(saved, rows)).toEqual({
      categories: [{ category: 'grading', email: true, inApp: true, digest: true }],
    });
  });

  it('says who changed the defaults last', () => {
    const view = defaultsView();
    expect(lastChange(defaultsToRows(view))).toBeNull();
    view.categories = view.categories.map((c) =>
      c.category === 'deadline'
        ? { ...c, updatedAt: '2026-12-01T02:00:00.000Z', updatedBy: 'Dedi Simanjuntak' }
        : c.category === 'review'
          ? { ...c, updatedAt: '2026-12-03T03:15:00.000Z', updatedBy: 'Sri Hartati' }
          : c,
    );
    expect(lastChange(defaultsToRows(view))).toEqual({
      at: '2026-12-03T03:15:00.000Z',
      by: 'Sri Hartati',
    });
  });

  it('puts a 400 error on the row its index names, the rest on top', () => {
    const problem: ProblemDetails = {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      code: 'validation',
      detail: 'Notifikasi bawaan tidak valid',
      errors: [
        { path: 'categories[1]', message: 'kategori wajib perlu email atau di aplikasi' },
        { path: 'categories', message: 'paling sedikit 1' },
      ],
    };
    const request = {
      categories: [
        { category: 'deadline' as const, email: true, inApp: true, digest: false },
        { category: 'live-change' as const, email: false, inApp: false, digest: false },
      ],
    };
    expect(defaultsErrors(problem, request)).toEqual({
      categories: { 'live-change': ['kategori wajib perlu email atau di aplikasi'] },
      other: ['categories: paling sedikit 1'],
    });
    expect(defaultsErrors(null, request)).toEqual({ categories: {}, other: [] });
  });
});
