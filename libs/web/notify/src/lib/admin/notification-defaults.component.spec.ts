import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter } from '@angular/router';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import { NOTIFY_CATEGORIES, type NotificationDefaultsView } from '@siantar/contracts';
import { defaultsView, notifyStrings } from '../testing/fixtures';
import { NotificationDefaultsComponent } from './notification-defaults.component';

const URL = '/api/v1/admin/notification-defaults';

describe('NotificationDefaultsComponent', () => {
  let fixture: ComponentFixture<NotificationDefaultsComponent>;
  let http: HttpTestingController;
  let snack: jest.SpyInstance;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const row = (category: string): HTMLElement =>
    root().querySelector(`[data-category="${category}"]`) as HTMLElement;
  const toggle = (category: string, name: 'email' | 'inApp' | 'digest'): HTMLButtonElement =>
    row(category).querySelector(`[data-switch=${name}] button[role=switch]`) as HTMLButtonElement;
  const checked = (category: string, name: 'email' | 'inApp' | 'digest'): boolean =>
    toggle(category, name).getAttribute('aria-checked') === 'true';
  const click = async (category: string, name: 'email' | 'inApp' | 'digest'): Promise<void> => {
    toggle(category, name).click();
    await fixture.whenStable();
  };
  const submit = async (): Promise<void> => {
    root().querySelector<HTMLButtonElement>('[data-testid=defaults-save]')?.click();
    await fixture.whenStable();
  };
  const alertText = (): string =>
    Array.from(root().querySelectorAll('[role=alert]'))
      .map((a) => a.textContent?.trim() ?? '')
      .join(' ');

  async function render(
    answer: NotificationDefaultsView | { status: number; body: object } = defaultsView(),
  ): Promise<void> {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ fallbackLang: 'id' }),
      ],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('id', {
      ...notifyStrings('id'),
      common: { close: 'Tutup', loading: 'Memuat…' },
    });
    translate.use('id');
    snack = jest.spyOn(TestBed.inject(MatSnackBar), 'open');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NotificationDefaultsComponent);
    fixture.detectChanges();
    const get = http.expectOne(URL);
    expect(get.request.method).toBe('GET');
    if ('status' in answer) {
      get.flush(answer.body, {
        status: answer.status,
        statusText: 'Error',
        headers: { 'content-type': 'application/problem+json' },
      });
    } else {
      get.flush(answer);
    }
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('lists every category by name with its email, in-app and digest switches', async () => {
    await render();
    const rows = Array.from(root().querySelectorAll<HTMLElement>('[data-testid=defaults-row]'));
    expect(
      rows.map((r) => r.querySelector('.sb-notify-category-name')?.textContent?.trim()),
    ).toEqual([
      'Pendaftaran pelatihan',
      'Batas waktu pelatihan',
      'Pengingat sesi langsung',
      'Perubahan/pembatalan sesi',
      'Hasil kuis dan penilaian esai',
      'Pelatihan selesai',
      'Belum ada kemajuan',
      'Pengingat 20 JP tahunan',
      'Tinjauan kursus (penulis)',
      'Laporan kepatuhan OPD bulanan',
      'Evaluasi pasca pelatihan',
    ]);
    // A real table: the category is the row header, the channels the column headers.
    expect(
      Array.from(root().querySelectorAll('thead th')).map((th) => th.textContent?.trim()),
    ).toEqual(['Jenis notifikasi', 'Email', 'Di aplikasi', 'Ringkasan harian']);
    expect(row('enrolment').querySelector('th[scope=row]')).not.toBeNull();
    // Each switch says what it is about, for screen readers and on the phone cards.
    expect(toggle('enrolment', 'inApp').getAttribute('aria-label')).toBe(
      'Di aplikasi: Pendaftaran pelatihan',
    );
    expect(checked('grading', 'email')).toBe(false);
    expect(checked('grading', 'inApp')).toBe(true);
    expect(checked('inactivity', 'digest')).toBe(true);
    // Mandatory is marked; optional is not.
    expect(row('live-change').querySelector('[data-testid=defaults-mandatory]')?.textContent).toBe(
      'Wajib — selalu lewat email dan di aplikasi',
    );
    expect(row('enrolment').querySelector('[data-testid=defaults-mandatory]')).toBeNull();
    expect(root().querySelector('[data-testid=defaults-last-change]')?.textContent).toContain(
      'Belum pernah diubah',
    );
  });

  it('saves only the changed categories, busy while it saves, then says so', async () => {
    await render();
    // No email, no digest: the digest unlocks with email.
    expect(toggle('grading', 'digest').disabled).toBe(true);
    await click('grading', 'email');
    expect(toggle('grading', 'digest').disabled).toBe(false);
    await click('grading', 'digest');
    await click('opd-report', 'inApp');
    await submit();

    const put = http.expectOne(URL);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      categories: [
        { category: 'grading', email: true, inApp: true, digest: true },
        { category: 'opd-report', email: true, inApp: true, digest: false },
      ],
    });
    expect(root().querySelector('mat-progress-spinner')).not.toBeNull();
    expect(root().querySelector<HTMLButtonElement>('[data-testid=defaults-save]')?.disabled).toBe(
      true,
    );
    expect(toggle('enrolment', 'email').disabled).toBe(true);

    const saved = defaultsView();
    saved.categories = saved.categories.map((c) =>
      c.category === 'grading'
        ? {
            ...c,
            email: true,
            digest: true,
            updatedAt: '2026-12-03T03:15:00.000Z',
            updatedBy: 'Dedi Simanjuntak',
          }
        : c.category === 'opd-report'
          ? {
              ...c,
              inApp: true,
              updatedAt: '2026-12-03T03:15:00.000Z',
              updatedBy: 'Dedi Simanjuntak',
            }
          : c,
    );
    put.flush(saved);
    await fixture.whenStable();
    expect(root().querySelector('mat-progress-spinner')).toBeNull();
    expect(snack).toHaveBeenCalledWith('Notifikasi bawaan tersimpan.', 'Tutup', expect.anything());
    expect(checked('grading', 'digest')).toBe(true);
    expect(root().querySelector('[data-testid=defaults-last-change]')?.textContent?.trim()).toBe(
      'Terakhir diubah oleh Dedi Simanjuntak pada 3 Desember 2026 pukul 10.15 WIB.',
    );

    // Saved again unchanged: nothing to send.
    await submit();
    http.expectNone(URL);
    expect(snack).toHaveBeenLastCalledWith(
      'Tidak ada perubahan untuk disimpan.',
      'Tutup',
      expect.anything(),
    );
  });

  it('keeps a mandatory category on by email and in the app, and says why', async () => {
    await render();
    for (const name of ['email', 'inApp', 'digest'] as const) {
      expect(toggle('live-change', name).disabled).toBe(true);
    }
    expect([checked('live-change', 'email'), checked('live-change', 'inApp')]).toEqual([
      true,
      true,
    ]);
    expect(checked('live-change', 'digest')).toBe(false);
    const describedBy = (toggle('live-change', 'email').getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
      .join(' ');
    expect(describedBy).toContain('Wajib — selalu lewat email dan di aplikasi');
    // Optional rows move freely.
    expect(toggle('enrolment', 'email').disabled).toBe(false);
    expect(toggle('enrolment', 'inApp').disabled).toBe(false);
  });

  it("shows the api's 400 next to the row it names", async () => {
    await render();
    await click('deadline', 'email');
    await click('review', 'inApp');
    await submit();
    http.expectOne(URL).flush(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        code: 'validation',
        detail: 'Notifikasi bawaan tidak valid',
        errors: [{ path: 'categories[1]', message: 'tidak dapat disimpan' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(row('review').querySelector('[data-testid=defaults-row-error]')?.textContent).toContain(
      'tidak dapat disimpan',
    );
    expect(row('deadline').querySelector('[data-testid=defaults-row-error]')).toBeNull();
    expect(alertText()).toContain('Periksa jenis notifikasi yang ditandai');
  });

  it("shows the api's detail when a 400 names no row", async () => {
    await render();
    await click('deadline', 'email');
    await submit();
    http.expectOne(URL).flush(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        code: 'validation',
        detail: 'Pengaturan notifikasi tidak valid: categories — paling sedikit 1.',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(alertText()).toContain('Pengaturan notifikasi tidak valid');
    expect(root().querySelector<HTMLButtonElement>('[data-testid=defaults-save]')?.disabled).toBe(
      false,
    );
  });

  it('tells an OPD admin why the page is closed to them', async () => {
    await render({
      status: 403,
      body: {
        type: 'about:blank',
        title: 'Forbidden',
        status: 403,
        code: 'forbidden',
        detail:
          'Bawaan notifikasi berlaku untuk seluruh kota; hanya admin BKPSDM yang mengubahnya.',
      },
    });
    expect(alertText()).toContain('hanya admin BKPSDM yang mengubahnya');
    expect(root().querySelector('table')).toBeNull();
    expect(root().querySelector('[data-testid=defaults-retry]')).toBeNull();
    expect(root().querySelector('a[href="/admin/notifikasi/log"]')).not.toBeNull();
  });

  it('offers to try again when loading failed', async () => {
    await render({
      status: 500,
      body: {
        type: 'about:blank',
        title: 'Internal',
        status: 500,
        code: 'x',
        detail: 'Server sedang gangguan.',
      },
    });
    root().querySelector<HTMLButtonElement>('[data-testid=defaults-retry]')?.click();
    await fixture.whenStable();
    http.expectOne(URL).flush(defaultsView());
    await fixture.whenStable();
    expect(root().querySelectorAll('[data-testid=defaults-row]')).toHaveLength(
      NOTIFY_CATEGORIES.length,
    );
    expect(alertText()).toBe('');
  });
});
