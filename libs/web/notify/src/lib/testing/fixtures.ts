import {
  CATEGORY_DEFAULTS,
  type DeliveryLogItem,
  type DeliveryLogPage,
  NOTIFY_CATEGORIES,
  type NotificationDefaultsView,
  type NotificationListResponse,
  type NotificationPreferencesView,
  type NotificationView,
  type UserResponse,
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

/** The admins' defaults as the api answers before anyone changed them, in a shuffled order. */
export function defaultsView(): NotificationDefaultsView {
  return {
    categories: [...NOTIFY_CATEGORIES].reverse().map((category) => ({
      category,
      ...CATEGORY_DEFAULTS[category],
      updatedAt: null,
      updatedBy: null,
    })),
  };
}

/** A person as GET /users lists them. */
export function person(over: Partial<UserResponse> = {}): UserResponse {
  return {
    id: '7d0f3c2e-5a51-4c0e-9d57-3f1d2c9b8a01',
    nip: '198503122010011002',
    name: 'Rina Marpaung',
    email: 'rina@siantar.test',
    phone: null,
    position: 'Analis Kepegawaian',
    rank: 'III/a',
    employmentType: 'PNS',
    orgUnit: { id: 'o1', code: 'DISDUKCAPIL', name: 'Dinas Kependudukan', kind: 'opd' },
    roles: ['learner'],
    supervisor: null,
    adminScope: null,
    language: 'id',
    active: true,
    createdAt: '2025-01-01T00:00:00.000Z',
    ...over,
  };
}

let deliverySeq = 1000;

/** One delivery log line; ids count down like the api's (newest first). */
export function delivery(over: Partial<DeliveryLogItem> = {}): DeliveryLogItem {
  deliverySeq--;
  return {
    id: String(deliverySeq),
    at: '2026-12-03T03:15:00.000Z',
    user: {
      id: person().id,
      name: 'Rina Marpaung',
      nip: '198503122010011002',
      email: 'rina@siantar.test',
    },
    key: `enrolment:${deliverySeq}`,
    event: 'enrolment.created',
    category: 'enrolment',
    title: 'Anda terdaftar di Pelayanan Prima',
    channel: 'email',
    status: 'sent',
    detail: null,
    noticeStatus: 'done',
    ...over,
  };
}

export function deliveryPage(
  items: DeliveryLogItem[],
  nextBefore: string | null = null,
  emailBounce: DeliveryLogPage['emailBounce'] = null,
): DeliveryLogPage {
  return { items, nextBefore, emailBounce };
}

/** The app's real strings of the notify area (apps/web/public/i18n/notify). */
export function notifyStrings(lang: 'id' | 'en' = 'id'): Record<string, unknown> {
  const file = join(__dirname, '../../../../../../apps/web/public/i18n/notify', `${lang}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
}
