import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import {
  MatSnackBar,
  type MatSnackBarRef,
  type TextOnlySnackBar,
} from '@angular/material/snack-bar';
import { Router, provideRouter } from '@angular/router';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import type { MeResponse, NotificationView } from '@siantar/contracts';
import { UserEventsService } from '@siantar/web-assessment';
import { AuthService, provideAppIcons } from '@siantar/web-core';
import { Subject } from 'rxjs';
import { FakeUserEvents, notification, notifyStrings, page } from '../testing/fixtures';
import { provideNotifyIcons } from '../ui/notify-icons';
import { NotificationBellComponent, shortBody } from './notification-bell.component';

const LIST = '/api/v1/my/notifications';

describe('NotificationBellComponent', () => {
  let fixture: ComponentFixture<NotificationBellComponent>;
  let http: HttpTestingController;
  let events: FakeUserEvents;
  let navigate: jest.SpyInstance;
  let snack: jest.SpyInstance;

  const trigger = (): HTMLButtonElement =>
    (fixture.nativeElement as HTMLElement).querySelector(
      '[data-testid=notification-bell]',
    ) as HTMLButtonElement;
  const badge = (): HTMLElement | null =>
    (fixture.nativeElement as HTMLElement).querySelector('.mat-badge-content');
  const panel = (): HTMLElement | null => document.querySelector('.sb-notify-panel');
  const items = (): HTMLElement[] =>
    Array.from(document.querySelectorAll<HTMLElement>('[data-testid=notification-item]'));

  async function render(
    list: NotificationView[],
    unread: number,
    nextBefore: string | null = null,
  ) {
    events = new FakeUserEvents();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ fallbackLang: 'id' }),
        provideAppIcons(),
        provideNotifyIcons(),
        { provide: UserEventsService, useValue: events },
      ],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('id', { ...notifyStrings('id'), common: { close: 'Tutup' } });
    translate.use('id');
    navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    snack = jest.spyOn(TestBed.inject(MatSnackBar), 'open');
    http = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthService).setUser({ id: 'u1', name: 'Rina' } as MeResponse);
    fixture = TestBed.createComponent(NotificationBellComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    http.expectOne(LIST).flush(page(list, unread, nextBefore));
    await fixture.whenStable();
  }

  async function openMenu(): Promise<void> {
    trigger().click();
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    document.querySelector('.cdk-overlay-container')?.replaceChildren();
  });

  it('says how many are unread, shows the count as a badge and hides it at 0', async () => {
    await render([notification(), notification()], 2);
    expect(trigger().getAttribute('aria-label')).toBe('Notifikasi, 2 belum dibaca');
    expect(badge()?.textContent?.trim()).toBe('2');
    expect(badge()?.getAttribute('aria-hidden')).toBe('true');
    expect((fixture.nativeElement as HTMLElement).querySelector('.mat-badge-hidden')).toBeNull();

    await openMenu();
    (document.querySelector('[data-testid=notification-read-all]') as HTMLElement).click();
    http.expectOne(`${LIST}/read-all`).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(trigger().getAttribute('aria-label')).toBe('Notifikasi, 0 belum dibaca');
    expect(
      (fixture.nativeElement as HTMLElement).querySelector('.mat-badge-hidden'),
    ).not.toBeNull();
    // "Tandai semua dibaca" keeps the menu open.
    expect(panel()).not.toBeNull();
    expect(items().every((i) => i.dataset['unread'] === 'false')).toBe(true);
  });

  it('shows 99+ above 99', async () => {
    await render([], 120);
    expect(badge()?.textContent?.trim()).toBe('99+');
    expect(trigger().getAttribute('aria-label')).toBe('Notifikasi, 120 belum dibaca');
  });

  it('lists the newest, unread ones marked, with a relative time in Indonesian', async () => {
    const unread = notification({
      title: 'Pendaftaran berhasil',
      createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
    });
    const read = notification({ title: 'Lama', readAt: '2026-11-01T00:00:00.000Z' });
    await render([unread, read], 1);
    await openMenu();

    expect(panel()?.getAttribute('role')).toBe('menu');
    expect(panel()?.getAttribute('aria-label')).toBe('Notifikasi');
    const [first, second] = items();
    expect(first.getAttribute('role')).toBe('menuitem');
    expect(first.classList).toContain('sb-notify-unread');
    expect(first.textContent).toContain('Pendaftaran berhasil');
    expect(first.textContent).toContain('(belum dibaca)');
    expect(first.querySelector('time')?.textContent?.trim()).toBe('5 menit yang lalu');
    expect(second.classList).not.toContain('sb-notify-unread');
    const settings = document.querySelector('[data-testid=notification-settings]');
    expect(settings?.getAttribute('href')).toBe('/profil/notifikasi');
    expect(settings?.textContent).toContain('Pengaturan notifikasi');
  });

  it('opening one marks it read and follows its link', async () => {
    const a = notification({ link: '/belajar/abc' });
    await render([a], 1);
    await openMenu();
    items()[0].click();
    http.expectOne(`${LIST}/${a.id}/read`).flush(null, { status: 204, statusText: 'No Content' });
    expect(navigate).toHaveBeenCalledWith('/belajar/abc');
    await fixture.whenStable();
    expect(trigger().getAttribute('aria-label')).toBe('Notifikasi, 0 belum dibaca');
  });

  it('does not follow a link off the app', async () => {
    const a = notification({ link: 'https://example.com/' });
    await render([a], 1);
    await openMenu();
    items()[0].click();
    http.expectOne(`${LIST}/${a.id}/read`).flush(null, { status: 204, statusText: 'No Content' });
    expect(navigate).not.toHaveBeenCalled();
  });

  it('loads older ones with "Muat lebih banyak" and keeps the menu open', async () => {
    const first = notification();
    await render([first], 1, first.id);
    await openMenu();
    const more = document.querySelector<HTMLElement>('[data-testid=notification-more]');
    expect(more?.textContent).toContain('Muat lebih banyak');
    more?.click();
    const request = http.expectOne((r) => r.url === LIST && r.params.get('before') === first.id);
    request.flush(page([notification({ title: 'Lebih lama' })], 1, null));
    await fixture.whenStable();
    expect(panel()).not.toBeNull();
    expect(items().map((i) => i.querySelector('.sb-notify-title')?.textContent)).toEqual([
      first.title,
      'Lebih lama',
    ]);
    expect(document.querySelector('[data-testid=notification-more]')).toBeNull();
    // The button is gone: the keyboard lands on the first item it brought.
    expect(document.activeElement).toBe(items()[1]);
  });

  it('puts a live notification on top, bumps the count and shows its title in a snack bar', async () => {
    await render([], 0);
    const onAction = new Subject<void>();
    snack.mockReturnValue({
      onAction: () => onAction,
    } as unknown as MatSnackBarRef<TextOnlySnackBar>);
    const live = notification({ title: 'Esai Anda sudah dinilai', link: '/belajar/x' });
    events.notifications.next(live);
    await fixture.whenStable();
    expect(trigger().getAttribute('aria-label')).toBe('Notifikasi, 1 belum dibaca');
    expect(snack).toHaveBeenCalledWith('Esai Anda sudah dinilai', 'Buka', expect.anything());

    onAction.next();
    http
      .expectOne(`${LIST}/${live.id}/read`)
      .flush(null, { status: 204, statusText: 'No Content' });
    expect(navigate).toHaveBeenCalledWith('/belajar/x');
  });

  it('says so when there are none', async () => {
    await render([], 0);
    await openMenu();
    expect(document.querySelector('[data-testid=notification-empty]')?.textContent).toContain(
      'Belum ada notifikasi.',
    );
  });
});

describe('shortBody', () => {
  it('keeps short text and cuts long text at 160 characters', () => {
    expect(shortBody('  Satu\n dua  ')).toBe('Satu dua');
    const long = 'a'.repeat(400);
    expect(shortBody(long)).toHaveLength(160);
    expect(shortBody(long).endsWith('…')).toBe(true);
  });
});
