import { HttpEventType } from '@angular/common/http';
import type { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { FollowUpView, StoredFileResponse } from '@siantar/contracts';
import {
  followUp,
  problem,
  setUpEvaluationTest,
  text,
  validationProblem,
} from '../testing/fixtures';
import { FollowUpReportFormComponent } from './follow-up-report-form.component';

const EVIDENCE_URL = '/api/v1/follow-ups/f1/evidence';
const REPORT_URL = '/api/v1/follow-ups/f1/report';

/** What POST /follow-ups/:id/evidence answers (purpose `evidence`). */
const stored = (id: string, filename: string, size: number): StoredFileResponse => ({
  id,
  purpose: 'evidence' as StoredFileResponse['purpose'],
  filename,
  contentType: 'application/pdf',
  size,
  createdAt: '2026-11-03T03:00:00.000Z',
});

describe('FollowUpReportFormComponent', () => {
  let fixture: ComponentFixture<FollowUpReportFormComponent>;
  let http: HttpTestingController;
  let reported: FollowUpView[];

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = (id: string): HTMLElement | null =>
    root().querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const item = (id: string): HTMLElement =>
    root().querySelector<HTMLElement>(`[data-item="${id}"]`) as HTMLElement;

  async function render(f: FollowUpView = followUp()): Promise<void> {
    http = setUpEvaluationTest();
    fixture = TestBed.createComponent(FollowUpReportFormComponent);
    fixture.componentRef.setInput('followUp', f);
    reported = [];
    fixture.componentInstance.reported.subscribe((v) => reported.push(v));
    await fixture.whenStable();
  }

  async function setProgress(value: string): Promise<void> {
    const area = byTestId('report-progress') as HTMLTextAreaElement;
    area.value = value;
    area.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function choose(itemId: string, label: string): Promise<void> {
    const select = item(itemId).querySelector<HTMLElement>('mat-select') as HTMLElement;
    select.querySelector<HTMLElement>('.mat-mdc-select-trigger')?.click();
    await fixture.whenStable();
    // Options of this select's own panel (an earlier panel may still be leaving).
    const panel = document.getElementById(select.getAttribute('aria-controls') ?? '');
    const option = Array.from(panel?.querySelectorAll<HTMLElement>('mat-option') ?? []).find(
      (o) => text(o) === label,
    );
    if (!option) {
      throw new Error(`no option ${label}: ${document.querySelectorAll('mat-option').length}`);
    }
    option.click();
    await fixture.whenStable();
  }

  async function pickFiles(files: File[]): Promise<void> {
    const input = byTestId('evidence-input') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    expect(root().textContent).not.toMatch(/evaluation\./);
  });

  it('tells which files are accepted, uploads each with its progress, and lists them', async () => {
    await render();
    expect(text(byTestId('evidence-hint'))).toBe(
      'PDF, gambar (PNG, JPEG, WebP, HEIC) atau dokumen Office (Word, Excel, PowerPoint); maksimal 5 MB per berkas, paling banyak 5 berkas.',
    );
    expect(byTestId('evidence-input')?.getAttribute('accept')).toContain('.pdf');
    await pickFiles([new File(['%PDF-1.4'], 'foto-loket.pdf', { type: 'application/pdf' })]);
    const req = http.expectOne(EVIDENCE_URL);
    expect(req.request.method).toBe('POST');
    expect((req.request.body as FormData).get('file')).toBeInstanceOf(File);
    req.event({ type: HttpEventType.UploadProgress, loaded: 50, total: 100 });
    await fixture.whenStable();
    expect(root().querySelector('mat-progress-bar')?.getAttribute('aria-label')).toBe(
      'Mengunggah foto-loket.pdf',
    );
    expect(byTestId('report-submit')?.hasAttribute('disabled')).toBe(true);
    req.flush(stored('file1', 'foto-loket.pdf', 20480));
    await fixture.whenStable();
    expect(text(byTestId('evidence-list'))).toMatch(/foto-loket\.pdf ?\(20 KB\)/);
    expect(byTestId('report-submit')?.hasAttribute('disabled')).toBe(false);
  });

  it("refuses a file over the limit here, and shows the server's refusal of another", async () => {
    await render();
    const big = new File(['x'], 'video.mp4', { type: 'video/mp4' });
    Object.defineProperty(big, 'size', { value: 6 * 1024 * 1024 });
    await pickFiles([big, new File(['MZ'], 'program.exe')]);
    expect(root().textContent).toContain('Berkas lebih dari 5 MB tidak dapat diunggah.');
    http
      .expectOne(EVIDENCE_URL)
      .flush(problem(415, 'Berkas harus dokumen PDF, gambar, atau dokumen Office.'), {
        status: 415,
        statusText: 'Unsupported Media Type',
      });
    await fixture.whenStable();
    expect(root().textContent).toContain('program.exe');
    expect(root().textContent).toContain('Berkas harus dokumen PDF, gambar, atau dokumen Office.');
  });

  it('asks for the story and every item status, then sends the report with the evidence ids', async () => {
    await render();
    await setProgress('pendek');
    byTestId('report-submit')?.click();
    await fixture.whenStable();
    expect(root().textContent).toContain('Ceritakan kemajuan minimal 10 karakter.');
    expect(root().querySelectorAll('[data-testid=item-error]')).toHaveLength(2);
    http.expectNone(REPORT_URL);

    await setProgress('Antrean daring sudah berjalan di dua loket.');
    await choose('a1', 'Selesai');
    await choose('a2', 'Sedang berjalan');
    const note = item('a2').querySelector('input') as HTMLInputElement;
    note.value = 'Satu rekan sudah bisa';
    note.dispatchEvent(new Event('input'));
    await pickFiles([new File(['%PDF'], 'bukti.pdf')]);
    http.expectOne(EVIDENCE_URL).flush(stored('file1', 'bukti.pdf', 1024));
    await fixture.whenStable();
    byTestId('report-submit')?.click();
    await fixture.whenStable();
    const req = http.expectOne(REPORT_URL);
    expect(req.request.body).toEqual({
      progress: 'Antrean daring sudah berjalan di dua loket.',
      items: [
        { itemId: 'a1', status: 'done' },
        { itemId: 'a2', status: 'in-progress', note: 'Satu rekan sudah bisa' },
      ],
      evidenceFileIds: ['file1'],
    });
    const done = followUp({ canReport: false });
    req.flush(done);
    await fixture.whenStable();
    expect(reported).toEqual([done]);
  });

  it('shows a refusal of the report at its item and in the alert', async () => {
    await render();
    await setProgress('Antrean daring sudah berjalan di dua loket.');
    await choose('a1', 'Selesai');
    await choose('a2', 'Tidak dilanjutkan');
    byTestId('report-submit')?.click();
    await fixture.whenStable();
    http
      .expectOne(REPORT_URL)
      .flush(
        validationProblem([
          { path: 'items.1.note', message: 'jelaskan mengapa tidak dilanjutkan' },
        ]),
        { status: 400, statusText: 'Bad Request' },
      );
    await fixture.whenStable();
    expect(text(item('a2').querySelector('[data-testid=item-error]'))).toBe(
      'jelaskan mengapa tidak dilanjutkan',
    );
    expect(root().textContent).toContain('Permintaan tidak valid.');
    expect(reported).toEqual([]);
  });

  it('starts from the report already sent, which it replaces', async () => {
    await render(
      followUp({
        report: {
          reportedAt: '2026-11-03T03:00:00.000Z',
          progress: 'Antrean daring berjalan di satu loket.',
          items: [
            { itemId: 'a1', status: 'in-progress', note: null },
            { itemId: 'a2', status: 'not-started', note: 'Menunggu jadwal' },
          ],
          evidence: [
            {
              fileId: 'file1',
              filename: 'foto.jpg',
              contentType: 'image/jpeg',
              size: 2048,
              url: 'https://x/foto.jpg',
            },
          ],
        },
      }),
    );
    expect((byTestId('report-progress') as HTMLTextAreaElement).value).toBe(
      'Antrean daring berjalan di satu loket.',
    );
    expect(text(byTestId('evidence-list'))).toContain('foto.jpg');
    byTestId('report-submit')?.click();
    await fixture.whenStable();
    expect(http.expectOne(REPORT_URL).request.body).toEqual({
      progress: 'Antrean daring berjalan di satu loket.',
      items: [
        { itemId: 'a1', status: 'in-progress' },
        { itemId: 'a2', status: 'not-started', note: 'Menunggu jadwal' },
      ],
      evidenceFileIds: ['file1'],
    });
  });
});
