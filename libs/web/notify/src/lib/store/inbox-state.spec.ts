import { notification, page } from '../testing/fixtures';
import {
  EMPTY_INBOX,
  badgeText,
  withAllRead,
  withFirstPage,
  withNextPage,
  withPushed,
  withRead,
} from './inbox-state';

const READ = '2026-11-28T00:00:00.000Z';

describe('inbox state', () => {
  it('shows the badge from 1 to 99, then 99+, and nothing at 0 or below', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(-3)).toBe('');
    expect(badgeText(1)).toBe('1');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });

  it('puts pushes that the first page lacks on top, newest first, counted once', () => {
    const a = notification();
    const b = notification();
    const c = notification({ readAt: READ });
    const s = withFirstPage(page([a], 4), [b, a, c]);
    expect(s.items.map((n) => n.id)).toEqual([c.id, b.id, a.id]);
    expect(s.unread).toBe(5);
    expect(s.loaded).toBe(true);
  });

  it('never goes below zero, whatever the server said', () => {
    expect(withFirstPage(page([], -2)).unread).toBe(0);
    const a = notification();
    const s = withRead({ ...EMPTY_INBOX, items: [a], unread: 0 }, a.id, READ);
    expect(s.unread).toBe(0);
    expect(withAllRead({ ...EMPTY_INBOX, unread: 4 }, READ).unread).toBe(0);
  });

  it('reads nothing twice and nothing it does not have', () => {
    const a = notification({ readAt: READ });
    const state = { ...EMPTY_INBOX, items: [a], unread: 2 };
    expect(withRead(state, a.id, '2026-11-29T00:00:00.000Z')).toBe(state);
    expect(withRead(state, 'other', READ)).toBe(state);
  });

  it('appends an older page without repeats and keeps the count', () => {
    const a = notification();
    const b = notification();
    const s = withNextPage(
      { ...EMPTY_INBOX, items: [a], unread: 1, nextBefore: a.id },
      page([a, b], 9, 'x'),
    );
    expect(s.items.map((n) => n.id)).toEqual([a.id, b.id]);
    expect(s.unread).toBe(1);
    expect(s.nextBefore).toBe('x');
  });

  it('counts an unread push and not a read one', () => {
    const s1 = withPushed(EMPTY_INBOX, notification());
    expect(s1.unread).toBe(1);
    const s2 = withPushed(s1, notification({ readAt: READ }));
    expect(s2.unread).toBe(1);
    expect(s2.items).toHaveLength(2);
  });
});
