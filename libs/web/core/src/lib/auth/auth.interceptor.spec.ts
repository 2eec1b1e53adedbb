import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { AuthTokensResponse, MeResponse } from '@siantar/contracts';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';

const user: MeResponse = {
  id: 'u1',
  nip: '199001152015031004',
  name: 'Rina Marpaung',
  email: 'asn@siantar.test',
  phone: null,
  position: 'Pengadministrasi Umum',
  rank: 'II/c',
  employmentType: 'PNS',
  orgUnit: { id: 'o1', code: 'DISDUKCAPIL', name: 'Dinas Kependudukan', kind: 'opd' },
  roles: ['learner'],
  supervisor: null,
  adminScope: null,
  language: 'id',
  active: true,
  createdAt: '2025-01-01T00:00:00.000Z',
};

function tokens(accessToken: string): AuthTokensResponse {
  return {
    accessToken,
    accessTokenExpiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    refreshToken: 'r',
    refreshTokenExpiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    user,
  };
}

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let auth: AuthService;
  let router: Router;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthService);
    router = TestBed.inject(Router);
    jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
  });

  afterEach(() => backend.verify());

  async function signIn(token: string): Promise<void> {
    const done = firstValueFrom(auth.login({ login: 'asn@siantar.test', password: 'x' }));
    backend.expectOne('/api/v1/auth/login').flush(tokens(token));
    await done;
  }

  it('adds the bearer token to API calls', async () => {
    await signIn('access-1');
    const result = firstValueFrom(http.get('/api/v1/me'));
    const req = backend.expectOne('/api/v1/me');
    expect(req.request.headers.get('Authorization')).toBe('Bearer access-1');
    req.flush(user);
    await expect(result).resolves.toEqual(user);
  });

  it('does not send the token to other origins or to static files', () => {
    auth.setUser(user);
    http.get('i18n/id.json').subscribe();
    http.get('https://example.org/api/v1/x').subscribe();
    expect(backend.expectOne('i18n/id.json').request.headers.has('Authorization')).toBe(false);
    expect(
      backend.expectOne('https://example.org/api/v1/x').request.headers.has('Authorization'),
    ).toBe(false);
  });

  it('refreshes once on a 401 and retries every waiting request with the new token', async () => {
    await signIn('stale');
    const first = firstValueFrom(http.get('/api/v1/users'));
    const second = firstValueFrom(http.get('/api/v1/org-units'));

    backend
      .expectOne('/api/v1/users')
      .flush({ status: 401, detail: 'expired' }, { status: 401, statusText: 'Unauthorized' });
    backend
      .expectOne('/api/v1/org-units')
      .flush({ status: 401, detail: 'expired' }, { status: 401, statusText: 'Unauthorized' });

    // Single flight: two 401s, one refresh call, sent with the cookie and an empty body.
    const refresh = backend.expectOne('/api/v1/auth/refresh');
    expect(refresh.request.withCredentials).toBe(true);
    expect(refresh.request.body).toEqual({});
    refresh.flush(tokens('fresh'));

    const retried = backend.match(() => true);
    expect(retried.map((r) => r.request.url).sort()).toEqual([
      '/api/v1/org-units',
      '/api/v1/users',
    ]);
    for (const r of retried) {
      expect(r.request.headers.get('Authorization')).toBe('Bearer fresh');
      r.flush({ ok: r.request.url });
    }
    await expect(first).resolves.toEqual({ ok: '/api/v1/users' });
    await expect(second).resolves.toEqual({ ok: '/api/v1/org-units' });
    expect(auth.accessToken()).toBe('fresh');
  });

  it('retries only once: a second 401 reaches the caller', async () => {
    await signIn('stale');
    const result = firstValueFrom(http.get('/api/v1/users'));
    backend.expectOne('/api/v1/users').flush(null, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/v1/auth/refresh').flush(tokens('fresh'));
    backend.expectOne('/api/v1/users').flush(null, { status: 401, statusText: 'Unauthorized' });
    await expect(result).rejects.toMatchObject({ status: 401 });
    backend.expectNone('/api/v1/auth/refresh');
  });

  it('clears the session and goes to /masuk when the refresh fails', async () => {
    await signIn('stale');
    const result = firstValueFrom(http.get('/api/v1/users'));
    backend.expectOne('/api/v1/users').flush(null, { status: 401, statusText: 'Unauthorized' });
    backend
      .expectOne('/api/v1/auth/refresh')
      .flush({ status: 401, detail: 'no session' }, { status: 401, statusText: 'Unauthorized' });
    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(auth.isAuthenticated()).toBe(false);
    expect(router.navigateByUrl).toHaveBeenCalledWith('/masuk');
  });

  it('never refreshes on a failed sign-in (wrong password)', async () => {
    const result = firstValueFrom(auth.login({ login: 'asn@siantar.test', password: 'bad' }));
    backend
      .expectOne('/api/v1/auth/login')
      .flush(
        { status: 401, detail: 'NIP/email atau kata sandi salah' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await expect(result).rejects.toMatchObject({ status: 401 });
    backend.expectNone('/api/v1/auth/refresh');
  });

  it('does not touch other errors', async () => {
    await signIn('ok');
    const result = firstValueFrom(http.get('/api/v1/users'));
    backend.expectOne('/api/v1/users').flush(null, { status: 403, statusText: 'Forbidden' });
    await expect(result).rejects.toMatchObject({ status: 403 });
    backend.expectNone('/api/v1/auth/refresh');
  });
});
