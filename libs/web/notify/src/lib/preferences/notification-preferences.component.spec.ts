import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter } from '@angular/router';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import type { NotificationPreferencesView } from '@siantar/contracts';
import { defaultView, notifyStrings } from '../testing/fixtures';
import { NotificationPreferencesComponent } from './notification-preferences.component';

const URL = '/api/v1/my/notification-preferences';

describe('NotificationPreferencesComponent', () => {
  let fixture: ComponentFixture<NotificationPreferencesComponent>;
  let http: HttpTestingController;
  let snack: jest.SpyInstance;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const row = (category: string): HTMLElement =>
    root().querySelector(`[data-category="${category}"]`) as HTMLElement;
  const toggle = (category: string, index: 0 | 1 | 2): HTMLButtonElement =>
    row(category).querySelectorAll<HTMLButtonElement>('button[role=switch]')[index];
  const quietSwitch = (): HTMLButtonElement =>
    Array.from(root().querySelectorAll<HTMLButtonElement>('button[role=switch]')).at(
      -1,
    ) as HTMLButtonElement;
  const times = (): HTMLInputElement[] =>
    Array.from(root().querySelectorAll<HTMLInputElement>('input[type=time]'));
  const submit = async (): Promise<void> => {
    root().querySelector<HTMLButtonElement>('[data-testid=notify-save]')?.click();
    await fixture.whenStable();
  };

  async function render(view: NotificationPreferencesView = defaultView()): Promise<void> {
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
      validation: { required: 'Wajib diisi.' },
    });
    translate.use('id');
    snack = jest.spyOn(TestBed.inject(MatSnackBar), 'open');
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(NotificationPreferencesComponent);
    fixture.detectChanges();
    http.expectOne(URL).flush(view);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  it('lists every category by its Indonesian name, with a one-line explanation', async () => {
    await render();
    const rows = Array.from(root().querySelectorAll<HTMLElement>('[data-testid=notify-category]'));
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
    const enrolment = row('enrolment');
    expect(enrolment.getAttribute('role')).toBe('group');
    const name = document.getElementById(enrolment.getAttribute('aria-labelledby') ?? '');
    expect(name?.textContent?.trim()).toBe('Pendaftaran pelatihan');
    expect(enrolment.textContent).toContain('Email');
    expect(enrolment.textContent).toContain('Di aplikasi');
    expect(enrolment.textContent).toContain('Ringkasan harian');
  });

  it('locks a mandatory category, and the digest while email is off', async () => {
    await render();
    const mandatory = row('live-change');
    expect(mandatory.textContent).toContain('Wajib — tidak dapat dimatikan');
    for (const i of [0, 1, 2] as const) {
      expect(toggle('live-change', i).disabled).toBe(true);
    }
    expect(row('enrolment').querySelector('[data-testid=notify-mandatory]')).toBeNull();

    // grading: email off by default, so no digest.
    expect(toggle('grading', 0).getAttribute('aria-checked')).toBe('false');
    expect(toggle('grading', 2).disabled).toBe(true);
    // inactivity: email and digest on; email off takes the digest with it.
    expect(toggle('inactivity', 2).getAttribute('aria-checked')).toBe('true');
    toggle('inactivity', 0).click();
    await fixture.whenStable();
    expect(toggle('inactivity', 2).disabled).toBe(true);
    expect(toggle('inactivity', 2).getAttribute('aria-checked')).toBe('false');
    toggle('inactivity', 0).click();
    await fixture.whenStable();
    expect(toggle('inactivity', 2).disabled).toBe(false);
  });

  it('saves the changed category and quiet hours (21:00–07:00 by default)', async () => {
    await render();
    expect(times().map((t) => [t.value, t.disabled])).toEqual([
      ['21:00', true],
      ['07:00', true],
    ]);
    expect(root().textContent).toContain(
      'Email dan pemberitahuan ditahan selama jam tenang (WIB) dan dikirim setelahnya',
    );
    toggle('enrolment', 0).click();
    quietSwitch().click();
    await fixture.whenStable();
    expect(times().every((t) => !t.disabled)).toBe(true);
    const end = times()[1];
    end.value = '06:30';
    end.dispatchEvent(new Event('input'));
    await submit();

    const put = http.expectOne(URL);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      categories: [{ category: 'enrolment', email: false, inApp: true, digest: false }],
      quietHours: { start: '21:00', end: '06:30' },
    });
    // Busy while it saves.
    expect(root().querySelector('mat-progress-spinner')).not.toBeNull();
    expect(root().querySelector<HTMLButtonElement>('[data-testid=notify-save]')?.disabled).toBe(
      true,
    );
    const saved = defaultView({ start: '21:00', end: '06:30' });
    saved.categories = saved.categories.map((c) =>
      c.category === 'enrolment' ? { ...c, email: false } : c,
    );
    put.flush(saved);
    await fixture.whenStable();
    expect(root().querySelector('mat-progress-spinner')).toBeNull();
    expect(snack).toHaveBeenCalledWith(
      'Pengaturan notifikasi tersimpan.',
      'Tutup',
      expect.anything(),
    );
    expect(toggle('enrolment', 0).getAttribute('aria-checked')).toBe('false');

    // Saved again unchanged: nothing to change.
    await submit();
    expect(http.expectOne(URL).request.body).toEqual({});
  });

  it('shows the 400 errors next to the right controls', async () => {
    await render(defaultView({ start: '22:00', end: '05:00' }));
    toggle('deadline', 1).click();
    await fixture.whenStable();
    await submit();
    http.expectOne(URL).flush(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        code: 'validation',
        detail: 'Pengaturan notifikasi tidak valid: …',
        errors: [
          { path: 'categories[0]', message: 'tidak dapat dimatikan' },
          { path: 'quietHours.start', message: 'start harus jam dan menit 00:00–23:59' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(
      row('deadline').querySelector('[data-testid=notify-category-error]')?.textContent,
    ).toContain('tidak dapat dimatikan');
    const startField = times()[0].closest('mat-form-field') as HTMLElement;
    expect(startField.querySelector('mat-error')?.textContent).toContain(
      'start harus jam dan menit',
    );
    expect(times()[0].getAttribute('aria-invalid')).toBe('true');
    expect(root().querySelector('[role=alert]')?.textContent).toContain(
      'Periksa isian yang ditandai',
    );
  });

  it('stops equal start and end times before sending', async () => {
    await render(defaultView({ start: '22:00', end: '05:00' }));
    const end = times()[1];
    end.value = '22:00';
    end.dispatchEvent(new Event('input'));
    await submit();
    http.expectNone(URL);
    const endField = end.closest('mat-form-field') as HTMLElement;
    expect(endField.querySelector('mat-error')?.textContent).toContain(
      'Jam mulai dan selesai tidak boleh sama.',
    );
  });
});
