import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import type { MeResponse, Role } from '@siantar/contracts';
import { USER_EVENTS_SOCKET_FACTORY } from '@siantar/web-assessment';
import { AuthService, provideAppIcons } from '@siantar/web-core';
import { appRoutes } from './app.routes';

const NOTIFICATIONS = '/api/v1/my/notifications';

const me = (roles: Role[]): MeResponse => ({
  id: 'u1',
  nip: '198703122010012001',
  name: roles.includes('admin') ? 'Dedi Simanjuntak' : 'Rina Marpaung',
  email: 'x@siantar.test',
  phone: null,
  position: 'Staf',
  rank: null,
  employmentType: 'PNS',
  orgUnit: {
    id: 'o1',
    code: 'DISDUKCAPIL',
    name: 'Dinas Kependudukan dan Pencatatan Sipil',
    kind: 'opd',
  },
  roles,
  supervisor: null,
  adminScope: null,
  language: 'id',
  active: true,
  createdAt: '2025-01-01T00:00:00.000Z',
});

describe('app routes and shell', () => {
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        // As the app: route parameters reach the pages' inputs (/verify/:code).
        provideRouter(appRoutes, withComponentInputBinding()),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ fallbackLang: 'id' }),
        provideAppIcons(),
        // The shell listens for nudges: no real socket in a unit test.
        { provide: USER_EVENTS_SOCKET_FACTORY, useValue: () => new Promise(() => undefined) },
      ],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('id', {
      nav: { home: 'Beranda', profile: 'Profil', users: 'Pengguna', orgUnits: 'Unit Organisasi' },
      home: { welcome: 'Selamat datang, {{name}}', orgUnit: 'Unit organisasi: {{orgUnit}}' },
      authoring: { nav: 'Penulisan kursus' },
      assessment: { nav: { banks: 'Bank soal', quizzes: 'Kuis', grading: 'Penilaian esai' } },
      learning: { nav: { myLearning: 'Pembelajaran Saya', catalog: 'Katalog Pelatihan' } },
      live: { nav: 'Sesi Langsung' },
      evaluation: {
        nav: {
          evaluation: 'Evaluasi',
          myFollowUps: 'Tindak lanjut saya',
          teamFollowUps: 'Tindak lanjut tim',
        },
        courses: { title: 'Evaluasi program' },
        mine: { title: 'Tindak lanjut saya' },
        team: { title: 'Tindak lanjut tim' },
      },
      progress: { nav: { hours: 'Jam Pelajaran Saya', team: 'Tim Saya', dashboard: 'Dasbor' } },
      certificates: {
        nav: { mine: 'Sertifikat Saya', admin: 'Sertifikat' },
        mine: { title: 'Sertifikat Saya', emptyTitle: 'Belum ada sertifikat' },
        admin: { title: 'Sertifikat' },
        verify: { notFound: 'Sertifikat tidak ditemukan' },
      },
      notify: {
        bell: { label: 'Notifikasi, {{count}} belum dibaca' },
        prefs: { title: 'Pengaturan notifikasi' },
        ops: { nav: 'Antrean' },
        admin: {
          nav: { defaults: 'Notifikasi', log: 'Log pengiriman' },
          defaults: { title: 'Notifikasi bawaan' },
          log: { title: 'Log pengiriman' },
        },
      },
    });
    translate.use('id');
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    // Admin screens load their data, the bell its notifications; nothing else may be requested.
    TestBed.inject(HttpTestingController)
      .match(() => true)
      .forEach((r) =>
        r.flush(r.request.url === NOTIFICATIONS ? { items: [], unread: 0, nextBefore: null } : []),
      );
  });

  const root = (): HTMLElement => harness.fixture.nativeElement as HTMLElement;
  const navLinks = (): string[] =>
    Array.from(root().querySelectorAll('nav a')).map((a) => a.textContent?.trim() ?? '');
  const url = (): string => TestBed.inject(Router).url;

  it('sends a signed-out visitor to /masuk', async () => {
    await harness.navigateByUrl('/beranda');
    expect(url()).toBe('/masuk');
    await harness.navigateByUrl('/admin/pengguna');
    expect(url()).toBe('/masuk');
  });

  it('shows a learner her name, her OPD and only the everyone-navigation', async () => {
    TestBed.inject(AuthService).setUser(me(['learner']));
    await harness.navigateByUrl('/');
    expect(url()).toBe('/beranda');
    expect(root().querySelector('h1')?.textContent).toContain('Selamat datang, Rina Marpaung');
    expect(root().textContent).toContain('Dinas Kependudukan dan Pencatatan Sipil');
    expect(navLinks()).toEqual([
      'Beranda',
      'Pembelajaran Saya',
      'Jam Pelajaran Saya',
      'Sertifikat Saya',
      'Katalog Pelatihan',
      'Sesi Langsung',
      'Tindak lanjut saya',
      'Profil',
    ]);
    await harness.fixture.whenStable();
    expect(root().querySelector('[aria-current=page]')?.textContent).toContain('Beranda');
  });

  it('keeps a learner out of the admin screens', async () => {
    TestBed.inject(AuthService).setUser(me(['learner']));
    await harness.navigateByUrl('/admin/pengguna');
    expect(url()).toBe('/beranda');
  });

  it('gives an admin the admin navigation and screens', async () => {
    TestBed.inject(AuthService).setUser(me(['learner', 'admin']));
    await harness.navigateByUrl('/admin/unit-organisasi');
    expect(url()).toBe('/admin/unit-organisasi');
    expect(navLinks()).toEqual([
      'Beranda',
      'Pembelajaran Saya',
      'Jam Pelajaran Saya',
      'Sertifikat Saya',
      'Katalog Pelatihan',
      'Sesi Langsung',
      'Tindak lanjut saya',
      'Profil',
      'Penulisan kursus',
      'Bank soal',
      'Kuis',
      'Penilaian esai',
      'Dasbor',
      'Evaluasi',
      'Pengguna',
      'Unit Organisasi',
      'Sertifikat',
      'Antrean',
      'Log pengiriman',
    ]);
  });

  it('gives a city-wide admin the notification defaults too, and both notification screens', async () => {
    TestBed.inject(AuthService).setUser({
      ...me(['learner', 'admin']),
      adminScope: { id: 'root', code: 'PEMKO', name: 'Pemerintah Kota', kind: 'pemda' },
    });
    await harness.navigateByUrl('/admin/notifikasi');
    expect(url()).toBe('/admin/notifikasi');
    expect(navLinks().slice(-3)).toEqual(['Antrean', 'Notifikasi', 'Log pengiriman']);
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/v1/admin/notification-defaults').flush({ categories: [] });
    await harness.fixture.whenStable();
    expect(root().querySelector('h1')?.textContent).toContain('Notifikasi bawaan');
    expect(root().querySelector('[aria-current=page]')?.textContent).toContain('Notifikasi');

    await harness.navigateByUrl('/admin/notifikasi/log');
    expect(url()).toBe('/admin/notifikasi/log');
    http
      .expectOne((r) => r.url === '/api/v1/admin/notification-deliveries')
      .flush({ items: [], nextBefore: null, emailBounce: null });
    await harness.fixture.whenStable();
    expect(root().querySelector('h1')?.textContent).toContain('Log pengiriman');
    // The more specific entry is the current one.
    expect(root().querySelector('[aria-current=page]')?.textContent).toContain('Log pengiriman');
  });

  it('gives a supervisor "Tim saya" and keeps them out of the dashboard', async () => {
    TestBed.inject(AuthService).setUser(me(['learner', 'supervisor']));
    await harness.navigateByUrl('/laporan');
    expect(url()).toBe('/beranda');
    expect(navLinks()).toContain('Tim Saya');
    expect(navLinks()).toContain('Tindak lanjut tim');
    expect(navLinks()).not.toContain('Dasbor');
    expect(navLinks()).not.toContain('Evaluasi');

    // The team's follow-ups: the route's mode reaches the screen.
    await harness.navigateByUrl('/evaluasi/tim');
    expect(url()).toBe('/evaluasi/tim');
    TestBed.inject(HttpTestingController)
      .expectOne((r) => r.url === '/api/v1/follow-ups/team')
      .flush({ items: [], total: 0, limit: 20, offset: 0 });
    await harness.fixture.whenStable();
    expect(root().querySelector('h1')?.textContent).toContain('Tindak lanjut tim');
    expect(root().querySelector('[aria-current=page]')?.textContent).toContain('Tindak lanjut tim');
  });

  it('opens the evaluation list for an admin and "Tindak lanjut saya" for everyone, not the list', async () => {
    TestBed.inject(AuthService).setUser(me(['learner', 'admin']));
    await harness.navigateByUrl('/evaluasi');
    expect(url()).toBe('/evaluasi');
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/v1/authoring/courses').flush([]);
    await harness.fixture.whenStable();
    expect(root().querySelector('h1')?.textContent).toContain('Evaluasi program');
    expect(root().querySelector('[aria-current=page]')?.textContent).toContain('Evaluasi');

    TestBed.inject(AuthService).setUser(me(['learner']));
    await harness.navigateByUrl('/profil');
    await harness.navigateByUrl('/evaluasi');
    expect(url()).toBe('/beranda');
    await harness.navigateByUrl('/evaluasi/tindak-lanjut');
    expect(url()).toBe('/evaluasi/tindak-lanjut');
    http
      .expectOne((r) => r.url === '/api/v1/my/follow-ups')
      .flush({ items: [], total: 0, limit: 20, offset: 0 });
    await harness.fixture.whenStable();
    expect(root().querySelector('h1')?.textContent).toContain('Tindak lanjut saya');
    expect(root().querySelector('[aria-current=page]')?.textContent).toContain(
      'Tindak lanjut saya',
    );
  });

  it('gives every signed-in user the bell with the unread count, and the preferences page', async () => {
    TestBed.inject(AuthService).setUser(me(['learner']));
    await harness.navigateByUrl('/beranda');
    await harness.fixture.whenStable();
    TestBed.inject(HttpTestingController)
      .expectOne(NOTIFICATIONS)
      .flush({ items: [], unread: 4, nextBefore: null });
    await harness.fixture.whenStable();
    const bell = root().querySelector('header [data-testid=notification-bell]');
    expect(bell?.getAttribute('aria-label')).toBe('Notifikasi, 4 belum dibaca');

    await harness.navigateByUrl('/profil/notifikasi');
    expect(url()).toBe('/profil/notifikasi');
    TestBed.inject(HttpTestingController)
      .expectOne('/api/v1/my/notification-preferences')
      .flush({ categories: [], quietHours: null });
    await harness.fixture.whenStable();
    expect(root().querySelector('h1')?.textContent).toContain('Pengaturan notifikasi');
    // Still under "Profil" in the navigation.
    expect(root().querySelector('[aria-current=page]')?.textContent).toContain('Profil');
  });

  it('shows the certificate verification page to anyone, outside the signed-in shell', async () => {
    const http = TestBed.inject(HttpTestingController);
    await harness.navigateByUrl('/verify/kodetidakada');
    expect(url()).toBe('/verify/kodetidakada');
    http
      .expectOne('/api/v1/public/certificates/kodetidakada')
      .flush(
        { type: 'about:blank', title: 'Not Found', status: 404, code: 'x', detail: 'x' },
        { status: 404, statusText: 'Not Found' },
      );
    await harness.fixture.whenStable();
    expect(root().querySelector('h1')?.textContent).toContain('Sertifikat tidak ditemukan');
    expect(root().querySelector('nav')).toBeNull();

    // Signed in: the same public page, not the shell, and no detour to the home page.
    TestBed.inject(AuthService).setUser(me(['learner']));
    await harness.navigateByUrl('/verify/kodelain');
    expect(url()).toBe('/verify/kodelain');
    http
      .expectOne('/api/v1/public/certificates/kodelain')
      .flush(
        { type: 'about:blank', title: 'Not Found', status: 404, code: 'x', detail: 'x' },
        { status: 404, statusText: 'Not Found' },
      );
    await harness.fixture.whenStable();
    expect(root().querySelector('h1')?.textContent).toContain('Sertifikat tidak ditemukan');
    expect(root().querySelector('[data-testid=toolbar-user]')).toBeNull();
  });

  it('gives a learner "Sertifikat Saya" (not taken for an enrolment) and keeps them out of the admin list', async () => {
    TestBed.inject(AuthService).setUser(me(['learner']));
    await harness.navigateByUrl('/belajar/sertifikat');
    expect(url()).toBe('/belajar/sertifikat');
    TestBed.inject(HttpTestingController).expectOne('/api/v1/my/certificates').flush([]);
    await harness.fixture.whenStable();
    expect(root().querySelector('h1')?.textContent).toContain('Sertifikat Saya');
    expect(root().querySelector('[aria-current=page]')?.textContent).toContain('Sertifikat Saya');
    await harness.navigateByUrl('/admin/sertifikat');
    expect(url()).toBe('/beranda');
  });

  it('opens the certificates of an admin’s reach under "Sertifikat"', async () => {
    TestBed.inject(AuthService).setUser(me(['learner', 'admin']));
    await harness.navigateByUrl('/admin/sertifikat');
    expect(url()).toBe('/admin/sertifikat');
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/v1/authoring/courses').flush([]);
    http
      .expectOne((r) => r.url === '/api/v1/admin/certificates')
      .flush({ items: [], total: 0, nextBefore: null });
    await harness.fixture.whenStable();
    expect(root().querySelector('h1')?.textContent).toContain('Sertifikat');
    expect(root().querySelector('[aria-current=page]')?.textContent?.trim()).toBe('Sertifikat');
  });

  it('keeps a signed-in user away from the sign-in page', async () => {
    TestBed.inject(AuthService).setUser(me(['learner']));
    await harness.navigateByUrl('/masuk');
    expect(url()).toBe('/beranda');
  });
});
