import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MeResponse, NotificationView } from '@siantar/contracts';
import { UserEventsService } from '@siantar/web-assessment';
import { AuthService } from '@siantar/web-core';
import { FakeUserEvents, notification, page } from '../testing/fixtures';
import { NotificationStore, appPath } from './notification.store';

const LIST = '/api/v1/my/notifications';

describe('NotificationStore', () => {
  let http: HttpTestingController;
  let events: FakeUserEvents;
  let auth: AuthService;
  let store: NotificationStore;

  const firstPage = () =>
    http.expectOne((r) => r.method === 'GET' && r.url === LIST && !r.params.has('before'));

  /** Signs in and answers the first page. */
  function signIn(items: NotificationView[], unread: number, nextBefore: string | null = null) {
    auth.setUser({ id: 'u1', name: 'Rina' } as MeResponse);
    TestBed.tick();
    firstPage().flush(page(items, unread, nextBefore));
  }

  beforeEach(() => {
    events = new FakeUserEvents();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: UserEventsService, useValue: events },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
    store = TestBed.inject(NotificationStore);
  });

  afterEach(() => http.verify());

  it('loads nothing while signed out, then the first page and the count on sign-in', () => {
    TestBed.tick();
    http.expectNone(LIST);
    expect(store.loaded()).toBe(false);

    const a = notification();
    const b = notification({ readAt: '2026-11-28T01:00:00.000Z' });
    auth.setUser({ id: 'u1', name: 'Rina' } as MeResponse);
    TestBed.tick();
    expect(store.loading()).toBe(true);
    expect(events.subscribedTo).toEqual(['notification']);
    firstPage().flush(page([a, b], 7, b.id));

    expect(store.loading()).toBe(false);
    expect(store.loaded()).toBe(true);
    expect(store.items().map((n) => n.id)).toEqual([a.id, b.id]);
    expect(store.unread()).toBe(7);
    expect(store.badge()).toBe('7');
    expect(store.hasMore()).toBe(true);
  });

  it('clears everything on sign-out and loads again for the next user', () => {
    signIn([notification()], 1);
    auth.clear();
    TestBed.tick();
    expect(store.items()).toEqual([]);
    expect(store.unread()).toBe(0);
    expect(store.loaded()).toBe(false);

    auth.setUser({ id: 'u2', name: 'Dedi' } as MeResponse);
    TestBed.tick();
    firstPage().flush(page([], 0));
    expect(store.loaded()).toBe(true);
  });

  it('keeps the same list when the signed-in user is only updated (e.g. the language)', () => {
    signIn([notification()], 1);
    auth.setUser({ id: 'u1', name: 'Rina', language: 'en' } as MeResponse);
    TestBed.tick();
    http.expectNone(LIST);
    expect(store.items()).toHaveLength(1);
  });

  it('puts a live notification on top, counts it, and tells the bell', () => {
    const old = notification({ readAt: '2026-11-28T01:00:00.000Z' });
    signIn([old], 0);
    const arrived: string[] = [];
    store.arrivals.subscribe((n) => arrived.push(n.title));

    const fresh = notification({ title: 'Esai Anda sudah dinilai', category: 'grading' });
    events.notifications.next(fresh);
    expect(store.items().map((n) => n.id)).toEqual([fresh.id, old.id]);
    expect(store.unread()).toBe(1);
    expect(arrived).toEqual(['Esai Anda sudah dinilai']);

    // The same event twice (e.g. two tabs' reconnects) is shown and counted once.
    events.notifications.next(fresh);
    expect(store.items()).toHaveLength(2);
    expect(store.unread()).toBe(1);
    expect(arrived).toHaveLength(1);
  });

  it('reloads after every reconnection and keeps what was pushed while it loaded', () => {
    const a = notification();
    signIn([a], 1);
    events.connectsSubject.next();
    const request = firstPage();
    expect(store.loading()).toBe(true);

    const during = notification({ title: 'Sesi dibatalkan' });
    events.notifications.next(during);
    const missed = notification({ title: 'Terlewat saat terputus' });
    // The server's page has what was missed while disconnected, not yet the newest push.
    request.flush(page([missed, a], 2));

    expect(store.items().map((n) => n.title)).toEqual(['Sesi dibatalkan', missed.title, a.title]);
    expect(store.unread()).toBe(3);
  });

  it('a newer reload replaces one in flight', () => {
    signIn([], 0);
    store.refresh();
    const first = firstPage();
    store.refresh();
    expect(first.cancelled).toBe(true);
    firstPage().flush(page([notification()], 1));
    expect(store.unread()).toBe(1);
  });

  it('marks one read at once, then on the server; a read one sends nothing', () => {
    const a = notification();
    const b = notification();
    signIn([a, b], 2);

    store.markRead(a);
    expect(store.unread()).toBe(1);
    expect(store.items()[0].readAt).not.toBeNull();
    const post = http.expectOne(`${LIST}/${a.id}/read`);
    expect(post.request.method).toBe('POST');
    post.flush(null, { status: 204, statusText: 'No Content' });

    store.markRead(a);
    store.markRead(store.items()[0]);
    http.expectNone(`${LIST}/${a.id}/read`);
    expect(store.unread()).toBe(1);
  });

  it('never counts below zero', () => {
    // The server counted before a notification came in: its count says 0, the item is unread.
    const a = notification();
    signIn([a], 0);
    store.markRead(a);
    http.expectOne(`${LIST}/${a.id}/read`).flush(null, { status: 204, statusText: 'No Content' });
    expect(store.unread()).toBe(0);
    expect(store.badge()).toBe('');

    store.push(notification({ readAt: '2026-11-29T00:00:00.000Z' }));
    expect(store.unread()).toBe(0);
  });

  it('resyncs from the server when marking read fails', () => {
    const a = notification();
    signIn([a], 1);
    store.markRead(a);
    http.expectOne(`${LIST}/${a.id}/read`).flush(
      { status: 404, detail: 'Notifikasi tidak ditemukan' },
      {
        status: 404,
        statusText: 'Not Found',
      },
    );
    firstPage().flush(page([], 0));
    expect(store.items()).toEqual([]);
  });

  it('marks all read, with one request; nothing to do when all is read', () => {
    const a = notification();
    const b = notification({ readAt: '2026-11-28T01:00:00.000Z' });
    const c = notification();
    signIn([a, b, c], 25, c.id);

    store.markAllRead();
    expect(store.unread()).toBe(0);
    expect(store.items().every((n) => n.readAt !== null)).toBe(true);
    expect(store.items()[1].readAt).toBe('2026-11-28T01:00:00.000Z');
    const post = http.expectOne(`${LIST}/read-all`);
    expect(post.request.method).toBe('POST');
    post.flush(null, { status: 204, statusText: 'No Content' });

    store.markAllRead();
    http.expectNone(`${LIST}/read-all`);
  });

  it('loads older pages with nextBefore until there are none', () => {
    const first = [notification(), notification()];
    signIn(first, 3, first[1].id);

    store.loadMore();
    store.loadMore(); // one at a time
    const more = http.expectOne((r) => r.url === LIST && r.params.get('before') === first[1].id);
    expect(store.loadingMore()).toBe(true);
    const older = notification({ title: 'Lebih lama' });
    // A repeat of an item already shown (it moved pages meanwhile) is not shown twice.
    more.flush(page([first[1], older], 9, null));

    expect(store.loadingMore()).toBe(false);
    expect(store.items().map((n) => n.id)).toEqual([first[0].id, first[1].id, older.id]);
    expect(store.hasMore()).toBe(false);
    // The count is kept locally between reloads.
    expect(store.unread()).toBe(3);

    store.loadMore();
    http.expectNone((r) => r.params.has('before'));
  });

  it('shows the badge as 99+ above 99', () => {
    signIn([], 100);
    expect(store.badge()).toBe('99+');
  });

  it('keeps a failed first page as a problem, and loads when the panel opens', () => {
    auth.setUser({ id: 'u1', name: 'Rina' } as MeResponse);
    TestBed.tick();
    firstPage().flush(null, { status: 0, statusText: 'Unknown Error' });
    expect(store.problem()).not.toBeNull();
    expect(store.loaded()).toBe(false);

    store.ensureLoaded();
    firstPage().flush(page([notification()], 1));
    expect(store.problem()).toBeNull();
    store.ensureLoaded();
    http.expectNone(LIST);
  });
});

describe('appPath', () => {
  it('follows app paths only', () => {
    expect(appPath('/belajar/kursus/1')).toBe('/belajar/kursus/1');
    expect(appPath(null)).toBeNull();
    expect(appPath('https://example.com/')).toBeNull();
    expect(appPath('//example.com/')).toBeNull();
    expect(appPath('/\\example.com')).toBeNull();
    expect(appPath('javascript:alert(1)')).toBeNull();
  });
});
