import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { provideTranslateService } from '@ngx-translate/core';
import type { MeResponse, Role } from '@siantar/contracts';
import { AuthService, provideAppIcons } from '@siantar/web-core';
import { provideLiveIcons } from '../live-icons';
import { session } from '../room/testing/room-fixtures';
import { LiveSessionsComponent } from './live-sessions.component';

const HOUR = 3_600_000;

describe('LiveSessionsComponent', () => {
  let fixture: ComponentFixture<LiveSessionsComponent>;
  let http: HttpTestingController;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;

  async function open(roles: Role[]): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ fallbackLang: 'id' }),
        provideAppIcons(),
        provideLiveIcons(),
      ],
    });
    TestBed.inject(AuthService).setUser({ id: 'u1', name: 'Rina', roles } as MeResponse);
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LiveSessionsComponent);
    fixture.detectChanges();
    const now = Date.now();
    http.expectOne('/api/v1/my/live-sessions').flush([
      session({
        id: 'live',
        title: 'Sedang berlangsung',
        startsAt: new Date(now - HOUR).toISOString(),
        endsAt: new Date(now + HOUR).toISOString(),
        canManage: roles.includes('trainer'),
      }),
      session({
        id: 'later',
        title: 'Minggu depan',
        startsAt: new Date(now + 7 * 24 * HOUR).toISOString(),
        endsAt: new Date(now + 7 * 24 * HOUR + HOUR).toISOString(),
      }),
    ]);
    http
      .expectOne('/api/v1/my/calendar-feed-url')
      .flush({ url: 'https://siantar.test/api/v1/calendar/abc.ics' });
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('lets a learner into a running session only, and shows the feed URL', async () => {
    await open(['learner']);
    const cards = root().querySelectorAll('[data-testid=live-session]');
    expect(cards).toHaveLength(2);
    expect(cards[0].querySelector('a[data-testid=live-enter]')?.getAttribute('href')).toBe(
      '/live/live',
    );
    expect(cards[1].querySelector('[data-testid=live-enter]')).toBeNull();
    expect(cards[1].querySelector('button[disabled]')).not.toBeNull();
    expect(root().querySelector('[data-testid=live-schedule]')).toBeNull();
    expect(root().querySelector('[data-testid=live-edit]')).toBeNull();
    expect(root().querySelector<HTMLInputElement>('[data-testid=feed-url]')?.value).toBe(
      'https://siantar.test/api/v1/calendar/abc.ics',
    );
  });

  it('gives a trainer scheduling, and edit and cancel on the sessions they manage', async () => {
    await open(['learner', 'trainer']);
    expect(root().querySelector('[data-testid=live-schedule]')).not.toBeNull();
    const cards = root().querySelectorAll('[data-testid=live-session]');
    expect(cards[0].querySelector('[data-testid=live-edit]')).not.toBeNull();
    expect(cards[0].querySelector('[data-testid=live-cancel]')).not.toBeNull();
    expect(cards[1].querySelector('[data-testid=live-edit]')).toBeNull();
  });
});
