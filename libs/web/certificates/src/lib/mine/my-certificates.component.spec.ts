import { HttpEventType } from '@angular/common/http';
import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { CertificateView } from '@siantar/contracts';
import { CERTIFICATE_PDF_POLL_MS } from '../shared/tokens';
import { certificate, problem } from '../testing/fixtures';
import { captureDownloads, configureCertificatesTest, ensureBlobText } from '../testing/harness';
import { MyCertificatesComponent } from './my-certificates.component';

const MINE = '/api/v1/my/certificates';

describe('MyCertificatesComponent', () => {
  let fixture: ComponentFixture<MyCertificatesComponent>;
  let http: HttpTestingController;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const cards = (): HTMLElement[] =>
    Array.from(root().querySelectorAll<HTMLElement>('[data-testid=certificate]'));
  const inCard = <T extends HTMLElement = HTMLElement>(card: HTMLElement, id: string): T | null =>
    card.querySelector<T>(`[data-testid=${id}]`);
  const settle = async (): Promise<void> => {
    await fixture.whenStable();
    fixture.detectChanges();
  };

  async function render(list: CertificateView[] | null = null): Promise<void> {
    configureCertificatesTest([{ provide: CERTIFICATE_PDF_POLL_MS, useValue: 5 }]);
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MyCertificatesComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    if (list) {
      http.expectOne(MINE).flush(list);
      await settle();
    }
  }

  afterEach(() => http.verify());

  it('lists each certificate: title, kind, number, dates, issue, JP, issuer, status and its verification page', async () => {
    const c = certificate({ reissueCount: 1, reissuedAt: '2026-11-20T02:00:00.000Z' });
    await render([c]);
    expect(root().querySelector('h1')?.textContent).toContain('Sertifikat Saya');
    const [card] = cards();
    expect(card.querySelector('h2')?.textContent).toBe('Pelayanan Prima');
    expect(card.textContent).toContain('Pelatihan');
    expect(inCard(card, 'register-number')?.textContent?.trim()).toBe(c.registerNumber);
    expect(card.textContent).toContain('3–7 November 2026');
    expect(inCard(card, 'issued-on')?.textContent).toContain('7 November 2026');
    expect(inCard(card, 'issued-on')?.textContent).toContain(
      'diterbitkan ulang 20 November 2026 (ke-1)',
    );
    expect(inCard(card, 'jp')?.textContent?.trim()).toBe('12 JP');
    expect(card.textContent).toContain('BKPSDM Kota Pematangsiantar');
    const status = card.querySelector('sb-certificate-status') as HTMLElement;
    expect(status.textContent?.trim()).toBe('Berlaku');
    expect(status.querySelector('mat-icon')).not.toBeNull();
    const link = inCard<HTMLAnchorElement>(card, 'verify-link') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe(`/verify/${c.code}`);
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noopener');
    expect(inCard<HTMLButtonElement>(card, 'download')?.disabled).toBe(false);
    expect(root().querySelector('[data-testid=mine-empty]')).toBeNull();
  });

  it('shows a revoked certificate with when and why, and offers no PDF', async () => {
    await render([
      certificate({
        status: 'revoked',
        revokedAt: '2026-11-20T17:30:00.000Z',
        revokeReason: 'Data kehadiran keliru',
      }),
    ]);
    const [card] = cards();
    expect(card.getAttribute('data-status')).toBe('revoked');
    expect(card.querySelector('sb-certificate-status')?.textContent?.trim()).toBe('Dicabut');
    const note = inCard(card, 'revoked-note') as HTMLElement;
    // 17:30 UTC is the 21st in WIB.
    expect(note.textContent).toContain('Dicabut pada 21 November 2026');
    expect(note.textContent).toContain('Alasan: Data kehadiran keliru');
    expect(inCard(card, 'download')).toBeNull();
    expect(inCard(card, 'verify-link')).not.toBeNull();
  });

  it('downloads the PDF with its progress, the button disabled meanwhile, under the server’s name', async () => {
    const c = certificate();
    await render([c]);
    const downloads = captureDownloads();
    try {
      const button = inCard<HTMLButtonElement>(cards()[0], 'download') as HTMLButtonElement;
      button.click();
      await settle();
      const req = http.expectOne(`/api/v1/certificates/${c.id}/pdf`);
      expect(req.request.method).toBe('GET');
      expect(req.request.responseType).toBe('blob');
      expect(button.disabled).toBe(true);
      expect(inCard(cards()[0], 'download-progress')?.textContent?.trim()).toBe('Mengunduh PDF…');
      req.event({ type: HttpEventType.DownloadProgress, loaded: 40, total: 80 });
      await settle();
      expect(inCard(cards()[0], 'download-progress')?.textContent?.trim()).toBe(
        'Mengunduh PDF… 50%',
      );
      req.flush(new Blob(['%PDF-1.7'], { type: 'application/pdf' }), {
        headers: { 'Content-Disposition': 'attachment; filename="sertifikat-0001-SKP.pdf"' },
      });
      await settle();
      expect(downloads.saved).toHaveLength(1);
      expect(downloads.saved[0].name).toBe('sertifikat-0001-SKP.pdf');
      expect(downloads.saved[0].blob.type).toBe('application/pdf');
      expect(button.disabled).toBe(false);
      expect(inCard(cards()[0], 'download-progress')).toBeNull();
    } finally {
      downloads.restore();
    }
  });

  it('names the file after the register number without a name from the server, and says why a download failed', async () => {
    ensureBlobText();
    const c = certificate({ registerNumber: '0012/SKP/BKPSDM/2026' });
    await render([c]);
    const downloads = captureDownloads();
    try {
      inCard<HTMLButtonElement>(cards()[0], 'download')?.click();
      await settle();
      http.expectOne(`/api/v1/certificates/${c.id}/pdf`).flush(new Blob(['%PDF']));
      await settle();
      expect(downloads.saved[0].name).toBe('sertifikat-0012-SKP-BKPSDM-2026.pdf');

      inCard<HTMLButtonElement>(cards()[0], 'download')?.click();
      await settle();
      const failed: TestRequest = http.expectOne(`/api/v1/certificates/${c.id}/pdf`);
      failed.flush(
        new Blob([JSON.stringify(problem(409, 'PDF sedang dibuat ulang, coba sebentar lagi.'))], {
          type: 'application/problem+json',
        }),
        { status: 409, statusText: 'Conflict' },
      );
      await new Promise((r) => setTimeout(r, 20));
      await settle();
      expect(root().querySelector('[data-testid=download-failed]')?.textContent).toContain(
        'PDF sertifikat 0012/SKP/BKPSDM/2026 tidak dapat diunduh.',
      );
      expect(root().querySelector('[role=alert]')?.textContent).toContain(
        'PDF sedang dibuat ulang, coba sebentar lagi.',
      );
      expect(downloads.saved).toHaveLength(1);
    } finally {
      downloads.restore();
    }
  });

  it('keeps the button disabled while the PDF is being made, and asks again until it is ready', async () => {
    const c = certificate({ pdfReady: false, downloadUrl: null });
    await render([c]);
    const card = cards()[0];
    expect(inCard<HTMLButtonElement>(card, 'download')?.disabled).toBe(true);
    expect(inCard(card, 'pdf-pending')?.textContent).toContain('PDF sedang disiapkan');
    await new Promise((r) => setTimeout(r, 20));
    http.expectOne(MINE).flush([{ ...c }]);
    await settle();
    await new Promise((r) => setTimeout(r, 20));
    http.expectOne(MINE).flush([{ ...c, pdfReady: true }]);
    await settle();
    expect(inCard<HTMLButtonElement>(cards()[0], 'download')?.disabled).toBe(false);
    expect(inCard(cards()[0], 'pdf-pending')).toBeNull();
    // Ready: no more asking.
    await new Promise((r) => setTimeout(r, 20));
    http.expectNone(MINE);
  });

  it('explains when certificates are issued while there are none', async () => {
    await render([]);
    const empty = root().querySelector('[data-testid=mine-empty]') as HTMLElement;
    expect(empty.textContent).toContain('Belum ada sertifikat');
    expect(empty.textContent).toContain(
      'Sertifikat terbit otomatis setelah Anda menyelesaikan pelatihan',
    );
    expect(empty.querySelector('a[href="/belajar"]')).not.toBeNull();
    expect(empty.querySelector('a[href="/katalog"]')).not.toBeNull();
    expect(cards()).toHaveLength(0);
  });

  it('shows why the list could not load, and tries again', async () => {
    await render();
    http.expectOne(MINE).flush(problem(503, 'Layanan sedang sibuk.'), {
      status: 503,
      statusText: 'Unavailable',
    });
    await settle();
    expect(root().querySelector('[role=alert]')?.textContent).toContain('Layanan sedang sibuk.');
    expect(root().querySelector('[data-testid=mine-empty]')).toBeNull();
    root().querySelector<HTMLButtonElement>('[data-testid=mine-retry]')?.click();
    await settle();
    http.expectOne(MINE).flush([certificate()]);
    await settle();
    expect(cards()).toHaveLength(1);
    expect(root().querySelector('[data-testid=mine-retry]')).toBeNull();
  });
});
