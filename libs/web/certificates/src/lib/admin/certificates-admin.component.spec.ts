import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CertificatePage, CertificateView } from '@siantar/contracts';
import { ConfirmDialogComponent, ReasonDialogComponent } from '@siantar/web-core';
import { of } from 'rxjs';
import { CERTIFICATE_EXPORT_POLL_MS, CERTIFICATE_PDF_POLL_MS } from '../shared/tokens';
import { COURSE_ID, certificate, course, problem } from '../testing/fixtures';
import { captureDownloads, configureCertificatesTest } from '../testing/harness';
import { CertificatesAdminComponent, SEARCH_DEBOUNCE_MS } from './certificates-admin.component';

const LIST = '/api/v1/admin/certificates';
const COURSES = '/api/v1/authoring/courses';

const page = (items: CertificateView[], nextBefore: string | null = null, total = items.length) =>
  ({ items, total, nextBefore }) satisfies CertificatePage;

describe('CertificatesAdminComponent', () => {
  let fixture: ComponentFixture<CertificatesAdminComponent>;
  let http: HttpTestingController;
  let open: jest.Mock;
  let snack: jest.SpyInstance;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const rows = (): HTMLElement[] =>
    Array.from(root().querySelectorAll<HTMLElement>('[data-testid=cert-row]'));
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string, within = root()): T | null =>
    within.querySelector<T>(`[data-testid=${id}]`);
  const overlay = (): HTMLElement =>
    document.querySelector('.cdk-overlay-container') as HTMLElement;
  const settle = async (): Promise<void> => {
    await fixture.whenStable();
    fixture.detectChanges();
  };
  const listRequest = (): TestRequest => http.expectOne((r) => r.url === LIST);
  const flushList = async (body: CertificatePage): Promise<TestRequest> => {
    const req = listRequest();
    req.flush(body);
    await settle();
    return req;
  };
  /** Dialogs answer as told: the reason typed, or yes/no. */
  const dialogAnswers = (answer: unknown): void => {
    open.mockReturnValueOnce({ afterClosed: () => of(answer) });
  };

  async function render(): Promise<void> {
    open = jest.fn();
    configureCertificatesTest([
      { provide: MatDialog, useValue: { open } },
      { provide: CERTIFICATE_PDF_POLL_MS, useValue: 5 },
      { provide: CERTIFICATE_EXPORT_POLL_MS, useValue: 60_000 },
    ]);
    http = TestBed.inject(HttpTestingController);
    snack = jest.spyOn(TestBed.inject(MatSnackBar), 'open');
    fixture = TestBed.createComponent(CertificatesAdminComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    http.expectOne(COURSES).flush([
      course(),
      course({
        courseId: '00000000-0000-4000-8000-000000000950',
        title: 'Arsip Digital',
        code: 'AD-02',
      }),
    ]);
    await settle();
  }

  async function pick(testId: string, optionText: string): Promise<void> {
    root().querySelector<HTMLElement>(`[data-testid=${testId}] .mat-mdc-select-trigger`)?.click();
    await settle();
    const option = Array.from(overlay().querySelectorAll<HTMLElement>('mat-option')).find((o) =>
      o.textContent?.includes(optionText),
    );
    option?.click();
    await settle();
  }

  afterEach(() => {
    http.verify();
    overlay()?.replaceChildren();
  });

  it('lists the certificates in reach, newest first: number, learner, programme, issue, JP, status', async () => {
    await render();
    const revoked = certificate({
      status: 'revoked',
      revokedAt: '2026-11-20T02:00:00.000Z',
      revokeReason: 'NIP keliru',
      learner: { ...certificate().learner, name: 'Bonar Sitorus', nip: null },
    });
    const valid = certificate();
    const first = await flushList(page([valid, revoked], null, 2));
    expect(first.request.params.get('limit')).toBe('50');
    expect(first.request.params.has('courseId')).toBe(false);
    expect(byTestId('list-count')?.textContent?.trim()).toBe('2 sertifikat');

    const [a, b] = rows();
    const number = a.querySelector('td a') as HTMLAnchorElement;
    expect(number.textContent?.trim()).toBe(valid.registerNumber);
    expect(number.getAttribute('href')).toBe(`/verify/${valid.code}`);
    expect(a.textContent).toContain('Rina Marpaung');
    expect(a.textContent).toContain('198503122010011002');
    expect(a.textContent).toContain('Dinas Kependudukan dan Pencatatan Sipil');
    expect(a.textContent).toContain('Pelayanan Prima');
    expect(a.textContent).toContain('Pelatihan · 3–7 November 2026');
    expect(a.textContent).toContain('7 November 2026');
    expect(a.querySelector('sb-certificate-status')?.textContent?.trim()).toBe('Berlaku');
    expect(byTestId('row-revoke', a)).not.toBeNull();

    expect(b.querySelector('sb-certificate-status')?.textContent?.trim()).toBe('Dicabut');
    expect(byTestId('row-revocation', b)?.textContent).toContain('20 November 2026');
    expect(byTestId('row-revocation', b)?.textContent).toContain('NIP keliru');
    expect(byTestId('row-revoke', b)).toBeNull();
    expect(byTestId('row-reissue', b)).toBeNull();
    expect(byTestId('row-download', b)).not.toBeNull();
    expect(byTestId('to-template')?.getAttribute('href')).toBe('/admin/sertifikat/templat');
  });

  it('filters by course (offering its zip), status and a search on name, NIP or number', async () => {
    await render();
    await flushList(page([certificate()]));
    expect(root().querySelector('sb-certificate-export')).toBeNull();

    await pick('filter-course', 'Pelayanan Prima');
    const byCourse = await flushList(page([certificate()]));
    expect(byCourse.request.params.get('courseId')).toBe(COURSE_ID);
    const exportPanel = root().querySelector('sb-certificate-export') as HTMLElement;
    expect(exportPanel.textContent).toContain('"Pelayanan Prima"');

    await pick('filter-status', 'Dicabut');
    const byStatus = await flushList(page([]));
    expect(byStatus.request.params.get('status')).toBe('revoked');
    expect(byStatus.request.params.get('courseId')).toBe(COURSE_ID);
    expect(byTestId('list-empty')?.textContent?.trim()).toBe(
      'Tidak ada sertifikat yang cocok dengan saringan ini.',
    );

    const input = byTestId<HTMLInputElement>('filter-q') as HTMLInputElement;
    input.value = '  1985 ';
    input.dispatchEvent(new Event('input'));
    await new Promise((r) => setTimeout(r, SEARCH_DEBOUNCE_MS + 30));
    const searched = await flushList(page([certificate()]));
    expect(searched.request.params.get('q')).toBe('1985');
    expect(rows()).toHaveLength(1);
  });

  it('revokes with a reason from the reason dialog, and the row follows', async () => {
    await render();
    const c = certificate();
    await flushList(page([c]));

    // Cancelled: nothing is sent.
    dialogAnswers(undefined);
    byTestId<HTMLButtonElement>('row-revoke', rows()[0])?.click();
    await settle();
    expect(open).toHaveBeenCalledTimes(1);
    expect(open.mock.calls[0][0]).toBe(ReasonDialogComponent);
    expect(open.mock.calls[0][1]).toMatchObject({
      data: {
        title: 'certificates.admin.revokeTitle',
        minLength: 5,
        required: true,
        context: `${c.registerNumber} · Rina Marpaung · Pelayanan Prima`,
      },
    });
    http.expectNone((r) => r.method === 'POST');

    dialogAnswers('Data kehadiran keliru');
    byTestId<HTMLButtonElement>('row-revoke', rows()[0])?.click();
    await settle();
    const req = http.expectOne(`/api/v1/certificates/${c.id}/revoke`);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ reason: 'Data kehadiran keliru' });
    expect(byTestId<HTMLButtonElement>('row-revoke', rows()[0])?.disabled).toBe(true);
    req.flush({
      ...c,
      status: 'revoked',
      revokedAt: '2026-11-29T03:00:00.000Z',
      revokeReason: 'Data kehadiran keliru',
    });
    await settle();
    const row = rows()[0];
    expect(row.querySelector('sb-certificate-status')?.textContent?.trim()).toBe('Dicabut');
    expect(byTestId('row-revocation', row)?.textContent).toContain('Data kehadiran keliru');
    expect(byTestId('row-revoke', row)).toBeNull();
    expect(snack).toHaveBeenCalledWith(
      `Sertifikat ${c.registerNumber} dicabut.`,
      'Tutup',
      expect.anything(),
    );
  });

  it('shows why a revocation was refused', async () => {
    await render();
    const c = certificate();
    await flushList(page([c]));
    dialogAnswers('Alasan yang cukup');
    byTestId<HTMLButtonElement>('row-revoke', rows()[0])?.click();
    await settle();
    http
      .expectOne(`/api/v1/certificates/${c.id}/revoke`)
      .flush(problem(403, 'Sertifikat ini diterbitkan unit lain.'), {
        status: 403,
        statusText: 'Forbidden',
      });
    await settle();
    expect(root().querySelector('[role=alert]')?.textContent).toContain(
      'Sertifikat ini diterbitkan unit lain.',
    );
    expect(rows()[0].querySelector('sb-certificate-status')?.textContent?.trim()).toBe('Berlaku');
    expect(byTestId<HTMLButtonElement>('row-revoke', rows()[0])?.disabled).toBe(false);
  });

  it('re-issues after a confirmation, then waits for the new PDF', async () => {
    await render();
    const c = certificate();
    await flushList(page([c]));

    dialogAnswers(false);
    byTestId<HTMLButtonElement>('row-reissue', rows()[0])?.click();
    await settle();
    expect(open.mock.calls[0][0]).toBe(ConfirmDialogComponent);
    expect(open.mock.calls[0][1]).toMatchObject({
      data: {
        title: 'certificates.admin.reissueTitle',
        params: { number: c.registerNumber, name: 'Rina Marpaung' },
      },
    });
    http.expectNone((r) => r.method === 'POST');

    dialogAnswers(true);
    byTestId<HTMLButtonElement>('row-reissue', rows()[0])?.click();
    await settle();
    const req = http.expectOne(`/api/v1/certificates/${c.id}/reissue`);
    expect(req.request.method).toBe('POST');
    req.flush({
      ...c,
      reissueCount: 1,
      reissuedAt: '2026-11-29T03:00:00.000Z',
      pdfReady: false,
      downloadUrl: null,
    });
    await settle();
    expect(snack).toHaveBeenCalledWith(
      `Sertifikat ${c.registerNumber} diterbitkan ulang; PDF sedang dibuat.`,
      'Tutup',
      expect.anything(),
    );
    expect(rows()[0].textContent).toContain('diterbitkan ulang 29 November 2026 (ke-1)');
    expect(byTestId('row-pdf-pending', rows()[0])).not.toBeNull();
    expect(byTestId<HTMLButtonElement>('row-download', rows()[0])?.disabled).toBe(true);

    await new Promise((r) => setTimeout(r, 20));
    http
      .expectOne(`/api/v1/certificates/${c.id}`)
      .flush({ ...c, reissueCount: 1, reissuedAt: '2026-11-29T03:00:00.000Z', pdfReady: true });
    await settle();
    expect(byTestId('row-pdf-pending', rows()[0])).toBeNull();
    expect(byTestId<HTMLButtonElement>('row-download', rows()[0])?.disabled).toBe(false);
  });

  it('downloads one certificate’s PDF', async () => {
    await render();
    const c = certificate();
    await flushList(page([c]));
    const downloads = captureDownloads();
    try {
      byTestId<HTMLButtonElement>('row-download', rows()[0])?.click();
      await settle();
      expect(byTestId('row-download-progress', rows()[0])).not.toBeNull();
      expect(byTestId<HTMLButtonElement>('row-download', rows()[0])?.disabled).toBe(true);
      http.expectOne(`/api/v1/certificates/${c.id}/pdf`).flush(new Blob(['%PDF']));
      await settle();
      expect(downloads.saved.map((d) => d.name)).toEqual([
        `sertifikat-${c.registerNumber.replace(/\//g, '-')}.pdf`,
      ]);
      expect(byTestId('row-download-progress', rows()[0])).toBeNull();
    } finally {
      downloads.restore();
    }
  });

  it('loads older pages with nextBefore', async () => {
    await render();
    await flushList(page([certificate()], 'cursor-abcdef-123', 3));
    expect(byTestId('list-count')?.textContent?.trim()).toBe('3 sertifikat');
    byTestId<HTMLButtonElement>('list-more')?.click();
    await settle();
    const more = await flushList(page([certificate(), certificate()], null, 3));
    expect(more.request.params.get('before')).toBe('cursor-abcdef-123');
    expect(rows()).toHaveLength(3);
    expect(byTestId('list-more')).toBeNull();
  });

  it('says so when nothing was issued yet, and shows a failed list with a retry', async () => {
    await render();
    await flushList(page([]));
    expect(byTestId('list-empty')?.textContent?.trim()).toBe(
      'Belum ada sertifikat yang diterbitkan.',
    );
    await pick('filter-status', 'Berlaku');
    listRequest().flush(problem(500, 'Basis data sibuk.'), {
      status: 500,
      statusText: 'Server Error',
    });
    await settle();
    expect(root().querySelector('[role=alert]')?.textContent).toContain('Basis data sibuk.');
    expect(byTestId('list-empty')).toBeNull();
    byTestId<HTMLButtonElement>('list-retry')?.click();
    await settle();
    const again = await flushList(page([certificate()]));
    expect(again.request.params.get('status')).toBe('valid');
    expect(rows()).toHaveLength(1);
  });
});
