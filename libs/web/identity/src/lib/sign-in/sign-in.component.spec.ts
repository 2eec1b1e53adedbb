import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import type { AuthTokensResponse, ProblemDetails } from '@siantar/contracts';
import { AuthService, authInterceptor } from '@siantar/web-core';
import { SignInComponent } from './sign-in.component';

describe('SignInComponent', () => {
  let fixture: ComponentFixture<SignInComponent>;
  let backend: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [SignInComponent],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideTranslateService({ fallbackLang: 'id' }),
      ],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('id', {
      signIn: { login: 'NIP atau email', password: 'Kata sandi', submit: 'Masuk' },
      validation: { required: 'Wajib diisi.' },
      errors: { generic: 'Terjadi kesalahan.' },
    });
    translate.use('id');
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SignInComponent);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  function type(label: string, value: string): void {
    const labelEl = Array.from(el.querySelectorAll('label')).find(
      (l) => l.textContent?.trim() === label,
    );
    const input = el.querySelector<HTMLInputElement>(`#${labelEl?.getAttribute('for') ?? 'none'}`);
    if (!input) {
      throw new Error(`no input labelled ${label}`);
    }
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await fixture.whenStable();
  }

  const alertText = (): string => el.querySelector('[role=alert]')?.textContent?.trim() ?? '';

  it('labels its fields and does not call the API when they are empty', async () => {
    await submit();
    backend.expectNone('/api/v1/auth/login');
    expect(el.textContent).toContain('Wajib diisi.');
  });

  it("shows the problem's detail when the password is wrong", async () => {
    type('NIP atau email', ' asn@siantar.test ');
    type('Kata sandi', 'salah-sekali');
    await submit();

    const req = backend.expectOne('/api/v1/auth/login');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ login: 'asn@siantar.test', password: 'salah-sekali' });
    const problem: ProblemDetails = {
      type: 'https://siantar.test/problems/auth.invalid-credentials',
      title: 'Unauthorized',
      status: 401,
      detail: 'NIP/email atau kata sandi salah.',
      code: 'auth.invalid-credentials',
    };
    req.flush(problem, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();

    expect(alertText()).toContain('NIP/email atau kata sandi salah.');
    // A failed sign-in never triggers a token refresh.
    backend.expectNone('/api/v1/auth/refresh');
  });

  it('shows the account-locked message', async () => {
    type('NIP atau email', '199001152015031004');
    type('Kata sandi', 'apa-saja-123');
    await submit();
    backend.expectOne('/api/v1/auth/login').flush(
      {
        type: 'about:blank',
        title: 'Locked',
        status: 423,
        detail: 'Akun dikunci sementara setelah 5 kali gagal masuk. Coba lagi dalam 15 menit.',
        code: 'auth.locked',
        requestId: 'req-42',
      },
      { status: 423, statusText: 'Locked' },
    );
    await fixture.whenStable();
    expect(alertText()).toContain('Akun dikunci sementara');
  });

  it('signs in and goes to /beranda', async () => {
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    type('NIP atau email', 'asn@siantar.test');
    type('Kata sandi', 'siantar-demo');
    await submit();
    const tokens = {
      accessToken: 'a',
      accessTokenExpiresAt: new Date(Date.now() + 60_000).toISOString(),
      refreshToken: 'r',
      refreshTokenExpiresAt: new Date(Date.now() + 60_000).toISOString(),
      user: { id: 'u1', name: 'Rina Marpaung', roles: ['learner'] },
    } as unknown as AuthTokensResponse;
    backend.expectOne('/api/v1/auth/login').flush(tokens);
    await fixture.whenStable();

    expect(navigate).toHaveBeenCalledWith('/beranda');
    expect(TestBed.inject(AuthService).user()?.name).toBe('Rina Marpaung');
    expect(alertText()).toBe('');
  });
});
