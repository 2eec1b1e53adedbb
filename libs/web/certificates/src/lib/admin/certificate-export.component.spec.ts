import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import type { CertificateExportView } from '@siantar/contracts';
import { CERTIFICATE_EXPORT_POLL_MS } from '../shared/tokens';
import { COURSE_ID, exportJob, problem } from '../testing/fixtures';
import { configureCertificatesTest } from '../testing/harness';
import { CertificateExportComponent } from './certificate-export.component';

const EXPORTS = '/api/v1/admin/certificate-exports';
const JOB = `${EXPORTS}/${exportJob().id}`;

describe('CertificateExportComponent', () => {
  let fixture: ComponentFixture<CertificateExportComponent>;
  let http: HttpTestingController;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string): T | null =>
    root().querySelector<T>(`[data-testid=${id}]`);
  const settle = async (): Promise<void> => {
    await fixture.whenStable();
    fixture.detectChanges();
  };
  const tick = (ms = 25): Promise<void> => new Promise((r) => setTimeout(r, ms));
  /** The one poll in flight (a newer tick cancels an unanswered one). */
  const poll = (): TestRequest => {
    const live = http.match(JOB).filter((r) => !r.cancelled);
    expect(live).toHaveLength(1);
    return live[0];
  };
  const answerPoll = async (job: CertificateExportView): Promise<void> => {
    await tick();
    poll().flush(job);
    await settle();
  };

  async function render(): Promise<void> {
    configureCertificatesTest([{ provide: CERTIFICATE_EXPORT_POLL_MS, useValue: 10 }]);
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CertificateExportComponent);
    fixture.componentRef.setInput('courseId', COURSE_ID);
    fixture.componentRef.setInput('courseTitle', 'Pelayanan Prima');
    fixture.detectChanges();
    await fixture.whenStable();
  }

  async function start(): Promise<void> {
    byTestId<HTMLButtonElement>('export-start')?.click();
    await settle();
    const req = http.expectOne(EXPORTS);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ courseId: COURSE_ID });
    req.flush(exportJob(), { status: 202, statusText: 'Accepted' });
    await settle();
  }

  afterEach(() => {
    fixture.destroy();
    http.verify({ ignoreCancelled: true });
  });

  it('starts the zip, follows its progress by polling, then offers the download and stops asking', async () => {
    await render();
    expect(root().textContent).toContain('Semua sertifikat yang berlaku dari "Pelayanan Prima"');
    await start();
    expect(byTestId('export-progress')?.textContent?.trim()).toBe('Menunggu giliran…');
    expect(root().querySelector('mat-progress-bar')?.getAttribute('mode')).toBe('indeterminate');
    expect(byTestId<HTMLButtonElement>('export-start')?.disabled).toBe(true);

    await answerPoll(exportJob({ status: 'running', progress: 30, done: 3, total: 10 }));
    expect(byTestId('export-progress')?.textContent?.trim()).toBe(
      'Menyiapkan zip… 3 dari 10 sertifikat (30%)',
    );
    const bar = root().querySelector('mat-progress-bar') as HTMLElement;
    expect(bar.getAttribute('mode')).toBe('determinate');
    expect(bar.getAttribute('aria-valuenow')).toBe('30');

    await answerPoll(
      exportJob({
        status: 'done',
        progress: 100,
        done: 10,
        total: 10,
        downloadUrl: 'https://files.test/sertifikat-PP-01.zip?sig=x',
        filename: 'sertifikat-PP-01.zip',
        finishedAt: '2026-11-29T03:01:00.000Z',
      }),
    );
    const link = byTestId<HTMLAnchorElement>('export-download') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://files.test/sertifikat-PP-01.zip?sig=x');
    expect(link.getAttribute('download')).toBe('sertifikat-PP-01.zip');
    expect(link.textContent).toContain('Unduh sertifikat-PP-01.zip');
    expect(root().textContent).toContain('10 sertifikat dalam zip');
    expect(root().querySelector('mat-progress-bar')).toBeNull();
    expect(byTestId<HTMLButtonElement>('export-start')?.disabled).toBe(false);
    await tick(40);
    http.expectNone(JOB);
  });

  it('keeps polling through a failed read and shows a failed export with its reason', async () => {
    await render();
    await start();
    await tick();
    poll().flush(problem(502, 'x'), { status: 502, statusText: 'Bad Gateway' });
    await settle();
    expect(byTestId('export-progress')?.textContent?.trim()).toBe('Menunggu giliran…');
    await answerPoll(
      exportJob({ status: 'failed', progress: 40, error: 'Penyimpanan berkas penuh.' }),
    );
    expect(byTestId('export-failed')?.textContent).toContain('Berkas zip gagal dibuat.');
    expect(byTestId('export-failed')?.textContent).toContain('Penyimpanan berkas penuh.');
    const again = byTestId<HTMLButtonElement>('export-start') as HTMLButtonElement;
    expect(again.disabled).toBe(false);
    expect(again.textContent).toContain('Coba buat lagi');
    await tick(40);
    http.expectNone(JOB);
  });

  it('says why the export could not start', async () => {
    await render();
    byTestId<HTMLButtonElement>('export-start')?.click();
    await settle();
    http.expectOne(EXPORTS).flush(problem(403, 'Pelatihan ini di luar wilayah Anda.'), {
      status: 403,
      statusText: 'Forbidden',
    });
    await settle();
    expect(root().querySelector('[role=alert]')?.textContent).toContain(
      'Pelatihan ini di luar wilayah Anda.',
    );
    expect(byTestId<HTMLButtonElement>('export-start')?.disabled).toBe(false);
  });

  it('starts over for another course', async () => {
    await render();
    await start();
    fixture.componentRef.setInput('courseId', '00000000-0000-4000-8000-000000000999');
    await settle();
    expect(byTestId('export-progress')).toBeNull();
    // The earlier course's job is no longer followed (its last read cancelled).
    await tick(40);
    expect(http.match(JOB).filter((r) => !r.cancelled)).toHaveLength(0);
  });
});
