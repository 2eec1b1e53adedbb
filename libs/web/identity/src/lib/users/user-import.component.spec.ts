import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TranslateService, provideTranslateService } from '@ngx-translate/core';
import type { UserImportResult } from '@siantar/contracts';
import { provideAppIcons } from '@siantar/web-core';
import { UserImportComponent } from './user-import.component';

const RESULT: UserImportResult = {
  total: 3,
  created: 2,
  failed: 1,
  rows: [
    { line: 2, nip: '199001152015031004', status: 'created', userId: 'u1', errors: [] },
    {
      line: 3,
      nip: '198502302010011002',
      status: 'error',
      errors: ['nip: tanggal lahir tidak valid (30-02-1985)', 'email sudah terdaftar'],
    },
    { line: 4, nip: '199203212019032001', status: 'created', userId: 'u2', errors: [] },
  ],
};

describe('UserImportComponent', () => {
  let fixture: ComponentFixture<UserImportComponent>;
  let backend: HttpTestingController;
  let el: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [UserImportComponent],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ fallbackLang: 'id' }),
        provideAppIcons(),
      ],
    });
    const translate = TestBed.inject(TranslateService);
    translate.setTranslation('id', {
      import: {
        file: 'Berkas CSV',
        upload: 'Unggah dan impor',
        uploading: 'Mengunggah… {{percent}}%',
        status: { created: 'Dibuat', error: 'Gagal' },
        result: { summary: '{{total}} baris diproses: {{created}} dibuat, {{failed}} gagal.' },
      },
    });
    translate.use('id');
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(UserImportComponent);
    el = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  async function chooseAndUpload(): Promise<File> {
    const input = el.querySelector<HTMLInputElement>('input[type=file]');
    expect(input).not.toBeNull();
    // The file input is labelled for screen readers.
    expect(el.querySelector(`label[for="${input?.id}"]`)?.textContent).toContain('Berkas CSV');
    const file = new File(['nip,nama\n'], 'pegawai.csv', { type: 'text/csv' });
    Object.defineProperty(input, 'files', { value: [file] });
    input?.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    el.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await fixture.whenStable();
    return file;
  }

  it('uploads the file as multipart field "file", shows progress, then the per-row results', async () => {
    const file = await chooseAndUpload();
    const req = backend.expectOne('/api/v1/users/import');
    expect(req.request.method).toBe('POST');
    expect(req.request.reportProgress).toBe(true);
    const body = req.request.body as FormData;
    expect(body.get('file')).toBeInstanceOf(File);
    expect((body.get('file') as File).name).toBe(file.name);

    req.event({ type: HttpEventType.UploadProgress, loaded: 40, total: 100 });
    await fixture.whenStable();
    expect(el.textContent).toContain('Mengunggah… 40%');
    expect(el.querySelector('mat-progress-bar')?.getAttribute('aria-valuenow')).toBe('40');

    req.flush(RESULT);
    await fixture.whenStable();

    expect(el.querySelector('[data-testid=import-summary]')?.textContent).toContain(
      '3 baris diproses: 2 dibuat, 1 gagal.',
    );
    const rows = Array.from(el.querySelectorAll('tbody tr'));
    expect(rows).toHaveLength(3);
    const cells = (row: Element) =>
      Array.from(row.querySelectorAll('td')).map((td) => td.textContent?.trim());

    const [line, nip, status, errors] = cells(rows[1]);
    expect(line).toBe('3');
    expect(nip).toBe('198502302010011002');
    expect(status).toBe('Gagal');
    const messages = Array.from(rows[1].querySelectorAll('li')).map((li) => li.textContent?.trim());
    expect(messages).toEqual([
      'nip: tanggal lahir tidak valid (30-02-1985)',
      'email sudah terdaftar',
    ]);
    expect(errors).toContain('email sudah terdaftar');

    // The valid rows carry no error messages.
    expect(cells(rows[0])[2]).toBe('Dibuat');
    expect(rows[0].querySelectorAll('li')).toHaveLength(0);
    expect(rows[2].querySelectorAll('li')).toHaveLength(0);
  });

  it('shows the detail of a rejected file (wrong header)', async () => {
    await chooseAndUpload();
    backend.expectOne('/api/v1/users/import').flush(
      {
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail:
          'Header CSV salah. Kolom yang diharapkan: nip,nama,email,telepon,jabatan,golongan,jenis_kepegawaian,kode_unit,peran,nip_atasan',
        code: 'users.import.bad-header',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(el.querySelector('[role=alert]')?.textContent).toContain(
      'Kolom yang diharapkan: nip,nama,email',
    );
    expect(el.querySelector('table')).toBeNull();
  });
});
