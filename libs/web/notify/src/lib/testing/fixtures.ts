import {
  CATEGORY_DEFAULTS,
  NOTIFY_CATEGORIES,
  type NotificationListResponse,
  type NotificationPreferencesView,
  type NotificationView,
} from '@siantar/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Observable, Subject } from 'rxjs';

let seq = 0;

/** A notification; ids are UUID-shaped and unique within a test run. */
export function notification(over: Partial<NotificationView> = {}): NotificationView {
  seq++;
  return {
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    category: 'enrolment',
    title: `Notifikasi ${seq}`,
    body: 'Anda terdaftar di pelatihan Pelayanan Prima.',
    link: '/belajar',
    createdAt: '2026-11-29T03:00:00.000Z',
    readAt: null,
    ...over,
  };
}

export function page(
  items: NotificationView[],
  unread: number,
  nextBefore: string | null = null,
): NotificationListResponse {
  return { items, unread, nextBefore };
}

/** Stands in for UserEventsService: only the `notification` event and `connects`. */
export class FakeUserEvents {
  readonly notifications = new Subject<NotificationView>();
  readonly connectsSubject = new Subject<void>();
  readonly connects: Observable<void> = this.connectsSubject.asObservable();
  subscribedTo: string[] = [];

  on(event: string): Observable<NotificationView> {
    this.subscribedTo.push(event);
    if (event !== 'notification') {
      return new Subject<NotificationView>();
    }
    return this.notifications.asObservable();
  }
}

/** The server's view with the built-in defaults, in a shuffled order. */
export function defaultView(
  quietHours: NotificationPreferencesView['quietHours'] = null,
): NotificationPreferencesView {
  return {
    categories: [...NOTIFY_CATEGORIES].reverse().map((category) => ({
      category,
      email: CATEGORY_DEFAULTS[category].email,
      inApp: CATEGORY_DEFAULTS[category].inApp,
      digest: CATEGORY_DEFAULTS[category].digest,
      mandatory: CATEGORY_DEFAULTS[category].mandatory,
    })),
    quietHours,
  };
}

/** The app's real strings of the notify area (apps/web/public/i18n/notify). */
export function notifyStrings(lang: 'id' | 'en' = 'id'): Record<string, unknown> {
  const file = join(__dirname, '../../../../../../apps/web/public/i18n/notify', `${lang}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}
