import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import type { ScormPackageResponse } from '@siantar/contracts';
import { SCORM_POLL_MS, ScormUploadComponent } from './scorm-upload.component';

function pkg(patch: Partial<ScormPackageResponse>): ScormPackageResponse {
  return {
    id: 'p1',
    filename: 'golf.zip',
    status: 'queued',
    progress: 0,
    error: null,
    title: null,
    scormVersion: null,
    launchHref: null,
    fileCount: null,
    totalBytes: null,
    items: [],
    ...patch,
  };
}

describe('ScormUploadComponent', () => {
  let fixture: ComponentFixture<ScormUploadComponent>;
  let backend: HttpTestingController;
  let el: HTMLElement;
  let ready: ScormPackageResponse[];

  beforeEach(() => {
    jest.useFakeTimers();
    TestBed.configureTestingModule({
      imports: [ScormUploadComponent],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ fallbackLang: 'id' }),
      ],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('id', {
      authoring: {
        scorm: {
          file: 'Paket SCORM (.zip)',
          queued: 'Menunggu giliran…',
          processing: 'Memeriksa paket… {{percent}}%',
          failed: 'Paket ditolak: {{reason}}',
          ready: 'Paket siap: {{title}}',
        },
      },
    });
    translate.use('id');
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ScormUploadComponent);
    ready = [];
    fixture.componentInstance.ready.subscribe((p) => ready.push(p));
    el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  function choose(): void {
    const input = el.querySelector<HTMLInputElement>('input[type=file]');
    expect(el.querySelector(`label[for="${input?.id}"]`)?.textContent).toContain('Paket SCORM');
    const file = new File(['PK'], 'golf.zip', { type: 'application/zip' });
    Object.defineProperty(input, 'files', { value: [file] });
    input?.dispatchEvent(new Event('change'));
    fixture.detectChanges();
  }

  function poll(answer: ScormPackageResponse): void {
    jest.advanceTimersByTime(SCORM_POLL_MS);
    backend.expectOne({ method: 'GET', url: '/api/v1/scorm-packages/p1' }).flush(answer);
    fixture.detectChanges();
  }

  const status = () => el.querySelector('[role=status]')?.textContent?.trim() ?? '';

  it('uploads the zip, polls every 2 s with a progress bar, and shows the refusal reason', () => {
    choose();
    const upload = backend.expectOne({ method: 'POST', url: '/api/v1/scorm-packages' });
    expect(upload.request.reportProgress).toBe(true);
    expect((upload.request.body as FormData).get('file')).toBeInstanceOf(File);
    upload.flush(pkg({}), { status: 202, statusText: 'Accepted' });
    fixture.detectChanges();
    expect(status()).toContain('Menunggu giliran');

    // Nothing is asked before the interval has passed.
    jest.advanceTimersByTime(SCORM_POLL_MS - 1);
    backend.expectNone('/api/v1/scorm-packages/p1');

    jest.advanceTimersByTime(1);
    backend
      .expectOne('/api/v1/scorm-packages/p1')
      .flush(pkg({ status: 'processing', progress: 40 }));
    fixture.detectChanges();
    expect(status()).toContain('Memeriksa paket… 40%');
    expect(el.querySelector('mat-progress-bar')?.getAttribute('aria-valuenow')).toBe('40');

    poll(
      pkg({
        status: 'failed',
        progress: 100,
        error: 'Versi SCORM 2004 4th Edition belum didukung; unggah paket SCORM 1.2.',
      }),
    );
    expect(el.querySelector('[data-testid=scorm-error]')?.textContent).toContain(
      'Paket ditolak: Versi SCORM 2004 4th Edition belum didukung',
    );
    expect(ready).toEqual([]);

    // Polling stops once the package is final.
    jest.advanceTimersByTime(SCORM_POLL_MS * 3);
    backend.expectNone('/api/v1/scorm-packages/p1');
    // The author may pick another file.
    expect(el.querySelector<HTMLInputElement>('input[type=file]')?.disabled).toBe(false);
  });

  it('emits the package once it is ready', () => {
    choose();
    backend.expectOne('/api/v1/scorm-packages').flush(pkg({}));
    poll(pkg({ status: 'ready', progress: 100, title: 'Golf Explained', fileCount: 42 }));
    expect(ready.map((p) => p.id)).toEqual(['p1']);
    expect(status()).toContain('Paket siap: Golf Explained');
    jest.advanceTimersByTime(SCORM_POLL_MS * 2);
    backend.expectNone('/api/v1/scorm-packages/p1');
  });

  it('shows the problem when the upload itself is refused', () => {
    choose();
    backend
      .expectOne('/api/v1/scorm-packages')
      .flush(
        { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Berkas bukan zip.' },
        { status: 400, statusText: 'Bad Request' },
      );
    fixture.detectChanges();
    expect(el.querySelector('[role=alert]')?.textContent).toContain('Berkas bukan zip.');
  });
});
