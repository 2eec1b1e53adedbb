import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import type { MeResponse } from '@siantar/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { LANGUAGE_STORAGE_KEY, LanguageService } from './language.service';

const me = (language: 'id' | 'en'): MeResponse => ({
  id: 'u1',
  nip: '199001152015031004',
  name: 'Rina Marpaung',
  email: 'asn@siantar.test',
  phone: null,
  position: 'Staf',
  rank: null,
  employmentType: 'PNS',
  orgUnit: { id: 'o1', code: 'DISDUKCAPIL', name: 'Disdukcapil', kind: 'opd' },
  roles: ['learner'],
  supervisor: null,
  adminScope: null,
  language,
  active: true,
  createdAt: '2025-01-01T00:00:00.000Z',
});

describe('LanguageService', () => {
  let service: LanguageService;
  let translate: TranslateService;
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideTranslateService()],
    });
    service = TestBed.inject(LanguageService);
    translate = TestBed.inject(TranslateService);
    backend = TestBed.inject(HttpTestingController);
    translate.setTranslation('id', { nav: { home: 'Beranda' } });
    translate.setTranslation('en', { nav: { home: 'Home' } });
  });

  afterEach(() => backend.verify());

  it('defaults to Indonesian', async () => {
    await service.init();
    expect(service.current()).toBe('id');
    expect(translate.getCurrentLang()).toBe('id');
    expect(document.documentElement.lang).toBe('id');
    expect(translate.instant('nav.home')).toBe('Beranda');
  });

  it('switches to English before sign-in and remembers it in localStorage', async () => {
    await service.init();
    await firstValueFrom(service.change('en'));
    expect(service.current()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(translate.instant('nav.home')).toBe('Home');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    backend.expectNone('/api/v1/me');
  });

  it('starts with the stored language', async () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    await service.init();
    expect(service.current()).toBe('en');
  });

  it('uses the signed-in user language and saves a change with PATCH /me', async () => {
    const auth = TestBed.inject(AuthService);
    auth.setUser(me('id'));
    await service.init();
    expect(service.current()).toBe('id');

    const done = firstValueFrom(service.change('en'));
    const req = backend.expectOne('/api/v1/me');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ language: 'en' });
    req.flush(me('en'));
    await done;

    expect(auth.user()?.language).toBe('en');
    expect(service.current()).toBe('en');
    expect(translate.instant('nav.home')).toBe('Home');
  });

  it('follows the language of a user who signs in', async () => {
    await service.init();
    TestBed.inject(AuthService).setUser(me('en'));
    TestBed.tick();
    await Promise.resolve();
    expect(service.current()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
