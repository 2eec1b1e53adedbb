import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { CertificateVerification } from '@siantar/contracts';
import { SKIP_AUTH_REFRESH } from '@siantar/web-core';
import { problem, verification } from '../testing/fixtures';
import { configureCertificatesTest } from '../testing/harness';
import { DEFAULT_RETRY_AFTER_S } from './retry-after';
import { VerifyCertificateComponent } from './verify-certificate.component';

const CODE = 'kq3m7x2abcdefghijklmnopqrstuvwxy';
const VERIFY = `/api/v1/public/certificates/${CODE}`;

describe('VerifyCertificateComponent', () => {
  let fixture: ComponentFixture<VerifyCertificateComponent>;
  let http: HttpTestingController;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string): T | null =>
    root().querySelector<T>(`[data-testid=${id}]`);
  const settle = async (): Promise<void> => {
    await fixture.whenStable();
    fixture.detectChanges();
  };
  /** The details as label → value pairs. */
  const details = (): Record<string, string> => {
    const dl = byTestId('verify-details') as HTMLElement;
    const out: Record<string, string> = {};
    const dts = Array.from(dl.querySelectorAll('dt'));
    for (const dt of dts) {
      out[dt.textContent?.trim() ?? ''] = (dt.nextElementSibling?.textContent ?? '')
        .replace(/\s+/g, ' ')
        .trim();
    }
    return out;
  };

  async function render(code = CODE): Promise<TestRequest> {
    configureCertificatesTest();
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(VerifyCertificateComponent);
    fixture.componentRef.setInput('code', code);
    fixture.detectChanges();
    await fixture.whenStable();
    return http.expectOne(`/api/v1/public/certificates/${code}`);
  }

  async function answer(req: TestRequest, body: CertificateVerification): Promise<void> {
    req.flush(body);
    await settle();
  }

  afterEach(() => http.verify());

  it('shows a valid certificate prominently, with what a verifier compares, without signing in', async () => {
    const req = await render();
    expect(byTestId('verify-page')?.getAttribute('data-state')).toBe('loading');
    expect(root().querySelector('h1')?.textContent).toContain('Memeriksa sertifikat');
    // Public: no refresh and no redirect to the sign-in page whatever the session.
    expect(req.request.context.get(SKIP_AUTH_REFRESH)).toBe(true);
    await answer(req, verification());

    const verdict = byTestId('verify-verdict') as HTMLElement;
    expect(verdict.querySelector('h1')?.textContent?.trim()).toBe('Sertifikat SAH');
    expect(verdict.textContent).toContain('tercatat dan berlaku');
    // An icon beside the words, never the colour alone.
    expect(verdict.querySelector('mat-icon svg')).not.toBeNull();
    expect(verdict.classList).toContain('sb-verify-valid');
    expect(details()).toEqual({
      'Nomor register': '0007/SKP/BKPSDM/2026',
      'Nama peserta': 'Rina Marpaung',
      NIP: '1985**********1002 (sebagian digit disamarkan)',
      Pelatihan: 'Pelayanan Prima',
      'Tanggal pelaksanaan': '3–7 November 2026',
      'Jam pelajaran': '12 JP',
      Penerbit: 'BKPSDM Kota Pematangsiantar',
      'Tanggal terbit': '7 November 2026',
      'Kode verifikasi': CODE,
    });
    expect(byTestId('verify-revocation')).toBeNull();
    expect(byTestId('verify-announce')?.textContent?.trim()).toBe('Sertifikat SAH');
    expect(root().textContent).toContain('Diperiksa pada');

    const print = jest.spyOn(window, 'print').mockImplementation(() => undefined);
    byTestId<HTMLButtonElement>('verify-print')?.click();
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });

  it('shows a revoked certificate with the date and the reason, and a re-issue count', async () => {
    const req = await render();
    await answer(
      req,
      verification({
        status: 'revoked',
        kind: 'webinar',
        title: 'Webinar Keamanan Siber',
        startDate: '2026-11-10',
        endDate: '2026-11-10',
        nipMasked: null,
        reissueCount: 2,
        revokedAt: '2026-11-25T18:00:00.000Z',
        revokeReason: 'Peserta tidak hadir penuh',
      }),
    );
    const verdict = byTestId('verify-verdict') as HTMLElement;
    expect(verdict.querySelector('h1')?.textContent?.trim()).toBe('Sertifikat DICABUT');
    expect(verdict.classList).toContain('sb-verify-revoked');
    expect(verdict.textContent).toContain('sudah dicabut dan tidak berlaku lagi');
    const revocation = byTestId('verify-revocation') as HTMLElement;
    // 18:00 UTC on the 25th is the 26th in WIB.
    expect(revocation.textContent).toContain('26 November 2026');
    expect(revocation.textContent).toContain('Peserta tidak hadir penuh');
    const d = details();
    expect(d['Webinar']).toBe('Webinar Keamanan Siber');
    expect(d['Tanggal pelaksanaan']).toBe('10 November 2026');
    expect(d['NIP']).toBe('Tidak tercantum');
    expect(d['Tanggal terbit']).toContain(
      'diterbitkan ulang 2 kali; yang berlaku adalah terbitan terakhir',
    );
  });

  it('says "Sertifikat tidak ditemukan" for an unknown code', async () => {
    const req = await render();
    req.flush(problem(404, 'Sertifikat tidak ditemukan.'), {
      status: 404,
      statusText: 'Not Found',
    });
    await settle();
    expect(root().querySelector('h1')?.textContent?.trim()).toBe('Sertifikat tidak ditemukan');
    expect(byTestId('verify-code')?.textContent).toBe(CODE);
    expect(byTestId('verify-details')).toBeNull();
    expect(byTestId('verify-page')?.getAttribute('data-state')).toBe('not-found');
  });

  it('treats a malformed code the api refuses as not found', async () => {
    const req = await render('BUKAN-KODE');
    req.flush(problem(400, 'code tidak valid'), { status: 400, statusText: 'Bad Request' });
    await settle();
    expect(root().querySelector('h1')?.textContent?.trim()).toBe('Sertifikat tidak ditemukan');
    expect(byTestId('verify-code')?.textContent).toBe('BUKAN-KODE');
  });

  it('on 429 says how many seconds to wait, counts down and then lets the visitor try again', async () => {
    const req = await render();
    req.flush(problem(429, 'Terlalu banyak permintaan.'), {
      status: 429,
      statusText: 'Too Many Requests',
      headers: { 'Retry-After': '1' },
    });
    await settle();
    expect(root().querySelector('h1')?.textContent?.trim()).toBe('Terlalu banyak permintaan');
    expect(byTestId('verify-wait')?.textContent?.trim()).toBe(
      'Terlalu banyak permintaan, coba lagi dalam 1 detik.',
    );
    expect(byTestId('verify-announce')?.textContent?.trim()).toBe(
      'Terlalu banyak permintaan, coba lagi dalam 1 detik.',
    );
    const retry = byTestId<HTMLButtonElement>('verify-retry') as HTMLButtonElement;
    expect(retry.disabled).toBe(true);

    await new Promise((r) => setTimeout(r, 1100));
    await settle();
    expect(byTestId('verify-wait')?.textContent?.trim()).toBe('Silakan coba lagi sekarang.');
    expect(byTestId('verify-announce')?.textContent?.trim()).toBe('Silakan coba lagi sekarang.');
    expect(retry.disabled).toBe(false);
    retry.click();
    await settle();
    await answer(http.expectOne(VERIFY), verification());
    expect(root().querySelector('h1')?.textContent?.trim()).toBe('Sertifikat SAH');
  });

  it('waits a minute on a 429 that does not say how long', async () => {
    const req = await render();
    req.flush(problem(429, 'x'), { status: 429, statusText: 'Too Many Requests' });
    await settle();
    expect(byTestId('verify-wait')?.textContent?.trim()).toBe(
      `Terlalu banyak permintaan, coba lagi dalam ${DEFAULT_RETRY_AFTER_S} detik.`,
    );
    fixture.destroy();
  });

  it('shows another failure with the server’s words and tries again', async () => {
    const req = await render();
    req.flush(problem(503, 'Layanan sedang dalam pemeliharaan.'), {
      status: 503,
      statusText: 'Unavailable',
    });
    await settle();
    expect(root().querySelector('h1')?.textContent?.trim()).toBe(
      'Sertifikat belum dapat diperiksa',
    );
    expect(root().querySelector('[role=alert]')?.textContent).toContain(
      'Layanan sedang dalam pemeliharaan.',
    );
    byTestId<HTMLButtonElement>('verify-retry')?.click();
    await settle();
    await answer(http.expectOne(VERIFY), verification());
    expect(root().querySelector('h1')?.textContent?.trim()).toBe('Sertifikat SAH');
  });
});
