import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  type TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter } from '@angular/router';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import type { DeliveryLogPage, MeResponse } from '@siantar/contracts';
import { AuthService, provideAppIcons } from '@siantar/web-core';
import { of } from 'rxjs';
import { delivery, deliveryPage, notifyStrings, person } from '../testing/fixtures';
import { DeliveryLogComponent, PERSON_SEARCH_DEBOUNCE_MS } from './delivery-log.component';

const LOG = '/api/v1/admin/notification-deliveries';
const USERS = '/api/v1/users';

describe('DeliveryLogComponent', () => {
  let fixture: ComponentFixture<DeliveryLogComponent>;
  let http: HttpTestingController;
  let snack: jest.SpyInstance;
  let confirm: jest.Mock;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const items = (): HTMLElement[] =>
    Array.from(root().querySelectorAll<HTMLElement>('[data-testid=log-item]'));
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string): T | null =>
    root().querySelector<T>(`[data-testid=${id}]`);
  const overlay = (): HTMLElement =>
    document.querySelector('.cdk-overlay-container') as HTMLElement;
  const logRequest = (): TestRequest => http.expectOne((r) => r.url === LOG);
  const settle = async (): Promise<void> => {
    await fixture.whenStable();
    fixture.detectChanges();
  };
  const flushLog = async (page: DeliveryLogPage): Promise<TestRequest> => {
    const req = logRequest();
    req.flush(page);
    await settle();
    return req;
  };

  async function render(me: Partial<MeResponse> = {}): Promise<void> {
    confirm = jest.fn(() => ({ afterClosed: () => of(true) }));
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ fallbackLang: 'id' }),
        provideAppIcons(),
        { provide: MatDialog, useValue: { open: confirm } },
      ],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('id', {
      ...notifyStrings('id'),
      common: { close: 'Tutup', loading: 'Memuat…' },
    });
    translate.use('id');
    TestBed.inject(AuthService).setUser(
      person({ id: 'admin-1', name: 'Dedi', roles: ['admin'], ...me }) as MeResponse,
    );
    snack = jest.spyOn(TestBed.inject(MatSnackBar), 'open');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DeliveryLogComponent);
    fixture.detectChanges();
    await fixture.whenStable();
  }

  /** Types into the person field, waits out the debounce and answers the people search. */
  async function search(text: string): Promise<void> {
    const input = byTestId<HTMLInputElement>('log-person') as HTMLInputElement;
    input.focus();
    input.value = text;
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, PERSON_SEARCH_DEBOUNCE_MS + 30));
  }

  afterEach(() => {
    http.verify();
    overlay()?.replaceChildren();
  });

  it('lists the newest deliveries of everyone in reach: WIB time, person, title, channel, status', async () => {
    await render();
    const first = await flushLog(
      deliveryPage([
        delivery({ status: 'sent' }),
        delivery({
          at: '2026-12-02T20:30:00.000Z',
          title: null,
          event: 'live.session-cancelled',
          channel: 'in-app',
          status: 'failed',
          detail: 'SMTP 451 coba lagi nanti',
          user: { id: 'u2', name: 'Bonar Sitorus', nip: null, email: 'bonar@siantar.test' },
        }),
      ]),
    );
    expect(first.request.params.keys()).toEqual([]);
    const [sent, failed] = items();
    expect(sent.querySelector('time')?.textContent).toBe('3 Des 2026, 10.15 WIB');
    expect(sent.querySelector('time')?.getAttribute('datetime')).toBe('2026-12-03T03:15:00.000Z');
    expect(sent.textContent).toContain('Anda terdaftar di Pelayanan Prima');
    expect(sent.textContent).toContain('lewat email');
    expect(sent.textContent).toContain('Rina Marpaung');
    expect(sent.textContent).toContain('198503122010011002');
    const sentChip = sent.querySelector('[data-testid=log-status-chip]') as HTMLElement;
    expect(sentChip.textContent?.trim()).toBe('Terkirim');
    expect(sentChip.classList).toContain('sb-log-status-sent');
    expect(sentChip.classList).toContain('sb-chip');
    expect(sent.querySelector('[data-testid=log-detail]')).toBeNull();

    // 20:30 UTC is 03:30 the next day in WIB; no title: the event.
    expect(failed.querySelector('time')?.textContent).toBe('3 Des 2026, 03.30 WIB');
    expect(failed.querySelector('.sb-code')?.textContent).toBe('live.session-cancelled');
    expect(failed.textContent).toContain('lewat di aplikasi');
    expect(failed.textContent).toContain('bonar@siantar.test');
    const failedChip = failed.querySelector('[data-testid=log-status-chip]') as HTMLElement;
    expect(failedChip.textContent?.trim()).toBe('Gagal');
    expect(failedChip.classList).toContain('sb-log-status-failed');
    expect(failed.querySelector('[data-testid=log-detail]')?.textContent).toBe(
      'SMTP 451 coba lagi nanti',
    );
    expect(byTestId('log-more')).toBeNull();
    expect(byTestId('bounce-banner')).toBeNull();
  });

  it('loads 50 more with nextBefore, appended, until there are no more', async () => {
    await render();
    await flushLog(deliveryPage([delivery(), delivery()], '998'));
    expect(items()).toHaveLength(2);
    byTestId<HTMLButtonElement>('log-more')?.click();
    await settle();
    expect(byTestId<HTMLButtonElement>('log-more')?.disabled).toBe(true);
    const more = await flushLog(deliveryPage([delivery({ title: 'Yang lebih lama' })], null));
    expect(more.request.params.get('before')).toBe('998');
    expect(items()).toHaveLength(3);
    expect(items()[2].textContent).toContain('Yang lebih lama');
    expect(byTestId('log-more')).toBeNull();
  });

  it('keeps the list when loading more fails, and says why', async () => {
    await render();
    await flushLog(deliveryPage([delivery()], '990'));
    byTestId<HTMLButtonElement>('log-more')?.click();
    await settle();
    logRequest().flush(
      { type: 'about:blank', title: 'x', status: 503, code: 'x', detail: 'Coba lagi sebentar.' },
      { status: 503, statusText: 'Unavailable' },
    );
    await settle();
    expect(items()).toHaveLength(1);
    expect(root().textContent).toContain('Coba lagi sebentar.');
    expect(byTestId<HTMLButtonElement>('log-more')?.disabled).toBe(false);
  });

  it('filters by status', async () => {
    await render();
    await flushLog(deliveryPage([delivery()]));
    root().querySelector<HTMLElement>('[data-testid=log-status] .mat-mdc-select-trigger')?.click();
    await settle();
    const options = Array.from(overlay().querySelectorAll<HTMLElement>('mat-option'));
    expect(options.map((o) => o.textContent?.trim())).toEqual([
      'Semua',
      'Terkirim',
      'Dilewati',
      'Ditunda',
      'Gagal',
      'Memantul',
    ]);
    options[5].click();
    await settle();
    const filtered = await flushLog(deliveryPage([]));
    expect(filtered.request.params.get('status')).toBe('bounced');
    expect(filtered.request.params.has('userId')).toBe(false);
    expect(byTestId('log-empty')?.textContent).toContain(
      'Tidak ada catatan pengiriman yang cocok dengan saringan ini.',
    );
  });

  it('says so when nothing was delivered yet', async () => {
    await render();
    await flushLog(deliveryPage([]));
    expect(byTestId('log-empty')?.textContent?.trim()).toBe('Belum ada catatan pengiriman.');
  });

  it('shows why the log could not load, and tries again', async () => {
    await render();
    logRequest().flush(
      {
        type: 'about:blank',
        title: 'x',
        status: 500,
        code: 'x',
        detail: 'Server sedang gangguan.',
      },
      { status: 500, statusText: 'Internal Server Error' },
    );
    await settle();
    expect(root().querySelector('[role=alert]')?.textContent).toContain('Server sedang gangguan.');
    expect(byTestId('log-empty')).toBeNull();
    byTestId<HTMLButtonElement>('log-retry')?.click();
    await settle();
    await flushLog(deliveryPage([delivery()]));
    expect(items()).toHaveLength(1);
    expect(byTestId('log-retry')).toBeNull();
  });

  it('picks a person, shows their bouncing address and marks it valid again', async () => {
    await render();
    await flushLog(deliveryPage([delivery()]));
    const rina = person();

    // One letter is too few to search.
    await search('r');
    http.expectNone((r) => r.url === USERS);
    await search('rina');
    const found = http.expectOne((r) => r.url === USERS);
    expect(found.request.params.get('q')).toBe('rina');
    found.flush({ items: [rina], total: 1, limit: 10, offset: 0 });
    await settle();
    const option = overlay().querySelector<HTMLElement>('mat-option');
    expect(option?.textContent).toContain('Rina Marpaung');
    expect(option?.textContent).toContain('Dinas Kependudukan');
    option?.click();
    await settle();
    expect(byTestId<HTMLInputElement>('log-person')?.value).toBe('Rina Marpaung');

    const mine = await flushLog(
      deliveryPage(
        [delivery({ status: 'bounced', detail: '550 5.1.1 mailbox unavailable' })],
        null,
        {
          at: '2026-12-01T01:00:00.000Z',
          reason: '550 5.1.1 mailbox unavailable',
        },
      ),
    );
    expect(mine.request.params.get('userId')).toBe(rina.id);
    const banner = byTestId('bounce-banner') as HTMLElement;
    expect(banner.textContent).toContain(
      'Alamat email rina@siantar.test memantul sejak 1 Des 2026, 08.00 WIB: 550 5.1.1 mailbox unavailable',
    );

    byTestId<HTMLButtonElement>('bounce-clear')?.click();
    await settle();
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(confirm.mock.calls[0][1]).toMatchObject({
      data: {
        title: 'notify.admin.log.confirmTitle',
        params: { email: 'rina@siantar.test', name: 'Rina Marpaung' },
      },
    });
    const cleared = http.expectOne(`/api/v1/admin/users/${rina.id}/email-bounce`);
    expect(cleared.request.method).toBe('DELETE');
    cleared.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(snack).toHaveBeenCalledWith(
      'Alamat rina@siantar.test ditandai valid; email dikirim lagi ke alamat ini.',
      'Tutup',
      expect.anything(),
    );
    // Reloaded: the mark is gone.
    const again = await flushLog(deliveryPage([delivery()], null, null));
    expect(again.request.params.get('userId')).toBe(rina.id);
    expect(byTestId('bounce-banner')).toBeNull();

    // Clearing the person goes back to everyone.
    byTestId<HTMLButtonElement>('log-person-clear')?.click();
    await settle();
    const everyone = await flushLog(deliveryPage([]));
    expect(everyone.request.params.has('userId')).toBe(false);
    expect(byTestId<HTMLInputElement>('log-person')?.value).toBe('');
  });

  it('leaves the mark when the admin does not confirm, and shows a failed clearing', async () => {
    await render();
    await flushLog(deliveryPage([]));
    await search('rina');
    http
      .expectOne((r) => r.url === USERS)
      .flush({ items: [person()], total: 1, limit: 10, offset: 0 });
    await settle();
    overlay().querySelector<HTMLElement>('mat-option')?.click();
    await settle();
    await flushLog(
      deliveryPage([], null, { at: '2026-12-01T01:00:00.000Z', reason: 'hard bounce' }),
    );

    confirm.mockReturnValueOnce({ afterClosed: () => of(false) });
    byTestId<HTMLButtonElement>('bounce-clear')?.click();
    await settle();
    http.expectNone((r) => r.method === 'DELETE');

    byTestId<HTMLButtonElement>('bounce-clear')?.click();
    await settle();
    http
      .expectOne((r) => r.method === 'DELETE')
      .flush(
        {
          type: 'about:blank',
          title: 'Forbidden',
          status: 403,
          code: 'forbidden',
          detail: 'Pegawai ini di luar wilayah Anda.',
        },
        { status: 403, statusText: 'Forbidden' },
      );
    await settle();
    expect(byTestId('bounce-banner')?.textContent).toContain('Pegawai ini di luar wilayah Anda.');
    expect(byTestId<HTMLButtonElement>('bounce-clear')?.disabled).toBe(false);
  });

  it('links to the defaults only for a city-wide admin', async () => {
    await render();
    await flushLog(deliveryPage([]));
    expect(root().querySelector('a[href="/admin/notifikasi"]')).toBeNull();
    TestBed.inject(AuthService).setUser(
      person({
        roles: ['admin'],
        adminScope: { id: 'root', code: 'PEMKO', name: 'Pemerintah Kota', kind: 'pemda' },
      }) as MeResponse,
    );
    await settle();
    expect(root().querySelector('a[href="/admin/notifikasi"]')?.textContent).toContain(
      'Atur notifikasi bawaan',
    );
  });
});
