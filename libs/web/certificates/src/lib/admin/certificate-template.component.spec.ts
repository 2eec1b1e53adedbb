import { HttpEventType } from '@angular/common/http';
import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { CertificateTemplateView } from '@siantar/contracts';
import { AuthService } from '@siantar/web-core';
import { of } from 'rxjs';
import {
  OPD_UNIT,
  OTHER_OPD,
  ROOT_UNIT,
  me,
  orgUnits,
  problem,
  templateView,
} from '../testing/fixtures';
import { configureCertificatesTest } from '../testing/harness';
import { CertificateTemplateComponent, unitsInReach } from './certificate-template.component';

const UNITS = '/api/v1/org-units';
const TEMPLATE = (id: string): string => `/api/v1/admin/certificate-templates/${id}`;

describe('unitsInReach', () => {
  it('keeps the admin scope and the units under it; everything for a root or scope-less admin', () => {
    const units = orgUnits();
    expect(unitsInReach(units, OPD_UNIT).map((u) => u.id)).toEqual([OPD_UNIT]);
    expect(unitsInReach(units, ROOT_UNIT)).toHaveLength(3);
    expect(unitsInReach(units, null)).toHaveLength(3);
    expect(unitsInReach(units, 'unknown')).toHaveLength(3);
  });
});

describe('CertificateTemplateComponent', () => {
  let fixture: ComponentFixture<CertificateTemplateComponent>;
  let http: HttpTestingController;
  let open: jest.Mock;
  let snack: jest.SpyInstance;

  const root = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement = HTMLElement>(id: string, within = root()): T | null =>
    within.querySelector<T>(`[data-testid=${id}]`);
  const overlay = (): HTMLElement =>
    document.querySelector('.cdk-overlay-container') as HTMLElement;
  const input = (name: string): HTMLInputElement =>
    root().querySelector(`[formControlName=${name}]`) as HTMLInputElement;
  const type = async (name: string, value: string): Promise<void> => {
    const el = input(name);
    el.value = value;
    el.dispatchEvent(new Event('input'));
    await settle();
  };
  const settle = async (): Promise<void> => {
    await fixture.whenStable();
    fixture.detectChanges();
  };
  const submit = async (): Promise<void> => {
    byTestId<HTMLButtonElement>('template-save')?.click();
    await settle();
  };

  async function render(
    scope: 'opd' | 'root' = 'root',
    view: CertificateTemplateView = templateView({
      orgUnitId: ROOT_UNIT,
      orgUnitName: 'Pemerintah Kota Pematangsiantar',
      source: 'default',
      templateOrgUnitId: null,
      templateOrgUnitName: null,
    }),
  ): Promise<void> {
    open = jest.fn();
    configureCertificatesTest([{ provide: MatDialog, useValue: { open } }]);
    TestBed.inject(AuthService).setUser(
      me({
        adminScope:
          scope === 'root'
            ? {
                id: ROOT_UNIT,
                code: 'PEMKO',
                name: 'Pemerintah Kota Pematangsiantar',
                kind: 'pemda',
              }
            : { id: OPD_UNIT, code: 'DISDUKCAPIL', name: 'Disdukcapil', kind: 'opd' },
      }),
    );
    http = TestBed.inject(HttpTestingController);
    snack = jest.spyOn(TestBed.inject(MatSnackBar), 'open');
    fixture = TestBed.createComponent(CertificateTemplateComponent);
    fixture.detectChanges();
    await fixture.whenStable();
    http.expectOne(UNITS).flush(orgUnits());
    await settle();
    http.expectOne(TEMPLATE(view.orgUnitId)).flush(view);
    await settle();
  }

  afterEach(() => {
    http.verify();
    overlay()?.replaceChildren();
  });

  it('opens the admin’s own unit with the template that applies, its source, the next number and a sketch', async () => {
    await render('opd', templateView());
    // An OPD admin only has their OPD to pick.
    root()
      .querySelector<HTMLElement>('[data-testid=template-unit] .mat-mdc-select-trigger')
      ?.click();
    await settle();
    expect(
      Array.from(overlay().querySelectorAll('mat-option')).map((o) => o.textContent?.trim()),
    ).toEqual(['Pemerintah Kota Pematangsiantar › Dinas Kependudukan dan Pencatatan Sipil']);
    overlay().replaceChildren();

    const source = byTestId('template-source') as HTMLElement;
    expect(source.getAttribute('data-source')).toBe('inherited');
    expect(source.textContent).toContain(
      'Dinas Kependudukan dan Pencatatan Sipil belum punya templat sendiri dan mengikuti templat Pemerintah Kota Pematangsiantar.',
    );
    expect(input('title').value).toBe('SURAT KETERANGAN PELATIHAN');
    expect(input('signatoryNip').value).toBe('197001011995031001');
    expect(input('numberFormat').value).toBe('{seq:4}/SKP/{issuer}/{year}');
    expect(byTestId('template-number-preview')?.textContent?.trim()).toBe(
      'Nomor berikutnya: 0008/SKP/BKPSDM/2026.',
    );
    expect(byTestId('template-reset')).toBeNull();

    const sheet = byTestId('template-preview') as HTMLElement;
    expect(sheet.textContent).toContain('SURAT KETERANGAN PELATIHAN');
    expect(sheet.textContent).toContain('Drs. Hotman Sinaga');
    expect(sheet.textContent).toContain('NIP 197001011995031001');
    await type('title', 'SURAT KETERANGAN MENGIKUTI PELATIHAN');
    expect(sheet.textContent).toContain('SURAT KETERANGAN MENGIKUTI PELATIHAN');
    await type('numberFormat', '{seq}/{issuer}/{year}');
    expect(byTestId('template-number-preview')?.textContent).toContain(
      'Contoh nomor untuk format baru tampil setelah disimpan.',
    );
  });

  it('saves the fields as the unit’s own template; an empty NIP is sent as none', async () => {
    await render();
    expect(byTestId('template-source')?.textContent).toContain('memakai templat bawaan');
    await type('place', 'Pematangsiantar ');
    await type('signatoryNip', '');
    await submit();
    const req = http.expectOne(TEMPLATE(ROOT_UNIT));
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({
      title: 'SURAT KETERANGAN PELATIHAN',
      introText: 'Diberikan kepada:',
      issuerName: 'BKPSDM Kota Pematangsiantar',
      place: 'Pematangsiantar ',
      numberFormat: '{seq:4}/SKP/{issuer}/{year}',
      signatoryName: 'Drs. Hotman Sinaga',
      signatoryNip: null,
      signatoryPosition: 'Kepala BKPSDM Kota Pematangsiantar',
      logoFileId: null,
      signatureFileId: null,
    });
    expect(byTestId<HTMLButtonElement>('template-save')?.disabled).toBe(true);
    req.flush(
      templateView({
        orgUnitId: ROOT_UNIT,
        orgUnitName: 'Pemerintah Kota Pematangsiantar',
        source: 'own',
        templateOrgUnitId: ROOT_UNIT,
        templateOrgUnitName: 'Pemerintah Kota Pematangsiantar',
        fields: { ...templateView().fields, place: 'Pematangsiantar', signatoryNip: null },
        updatedAt: '2026-11-29T03:00:00.000Z',
      }),
    );
    await settle();
    expect(snack).toHaveBeenCalledWith(
      'Templat sertifikat Pemerintah Kota Pematangsiantar disimpan.',
      'Tutup',
      expect.anything(),
    );
    expect(byTestId('template-source')?.textContent).toContain('memakai templatnya sendiri');
    expect(input('place').value).toBe('Pematangsiantar');
    expect(byTestId('template-reset')).not.toBeNull();
  });

  it('checks the number format and the NIP before sending, and shows the server’s field errors', async () => {
    await render();
    await type('numberFormat', '{seq}/SKP');
    await type('signatoryNip', '1970');
    await submit();
    http.expectNone(TEMPLATE(ROOT_UNIT));
    const errors = Array.from(root().querySelectorAll('mat-error')).map((e) =>
      e.textContent?.trim(),
    );
    expect(errors).toContain(
      'Format harus memuat {seq} (atau {seq:4}), {year} dan {issuer}; teks lain hanya huruf, angka, spasi dan . / _ -',
    );
    expect(errors).toContain('NIP harus 18 digit angka.');

    await type('numberFormat', '{seq}/{issuer}/{year}');
    await type('signatoryNip', '197001011995031001');
    await submit();
    http.expectOne(TEMPLATE(ROOT_UNIT)).flush(
      problem(400, 'Isian tidak valid.', {
        code: 'validation',
        errors: [{ path: 'signatoryName', message: 'nama penanda tangan terlalu pendek' }],
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(
      Array.from(root().querySelectorAll('mat-error')).map((e) => e.textContent?.trim()),
    ).toContain('nama penanda tangan terlalu pendek');
    expect(
      Array.from(root().querySelectorAll('[role=alert]'))
        .map((a) => a.textContent)
        .join(' '),
    ).toContain('Isian tidak valid.');
  });

  it('uploads a logo through POST /files (purpose cover) with progress, previews it and saves its id', async () => {
    const url = URL as unknown as {
      createObjectURL?: (b: Blob) => string;
      revokeObjectURL?: (u: string) => void;
    };
    const original = { create: url.createObjectURL, revoke: url.revokeObjectURL };
    url.createObjectURL = () => 'blob:logo-preview';
    const revoked: string[] = [];
    url.revokeObjectURL = (u: string) => void revoked.push(u);
    try {
      await render();
      const logo = byTestId('template-logo') as HTMLElement;
      expect(byTestId('image-none', logo)).not.toBeNull();
      const file = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'logo.png', {
        type: 'image/png',
      });
      const picker = byTestId<HTMLInputElement>('image-input', logo) as HTMLInputElement;
      Object.defineProperty(picker, 'files', { value: [file], configurable: true });
      picker.dispatchEvent(new Event('change'));
      await settle();
      const upload: TestRequest = http.expectOne('/api/v1/files');
      const form = upload.request.body as FormData;
      expect(form.get('purpose')).toBe('cover');
      expect((form.get('file') as File).name).toBe('logo.png');
      upload.event({ type: HttpEventType.UploadProgress, loaded: 1, total: 4 });
      await settle();
      expect(logo.textContent).toContain('Mengunggah… 25%');
      upload.flush({
        id: '00000000-0000-4000-8000-00000000abcd',
        purpose: 'cover',
        filename: 'logo.png',
        contentType: 'image/png',
        size: 4,
        createdAt: '2026-11-29T03:00:00.000Z',
      });
      await settle();
      expect(byTestId<HTMLImageElement>('image-preview', logo)?.getAttribute('src')).toBe(
        'blob:logo-preview',
      );
      expect(root().querySelector('[data-testid=template-preview] img')?.getAttribute('src')).toBe(
        'blob:logo-preview',
      );

      await submit();
      const req = http.expectOne(TEMPLATE(ROOT_UNIT));
      expect(req.request.body).toMatchObject({
        logoFileId: '00000000-0000-4000-8000-00000000abcd',
        signatureFileId: null,
      });
      // A logo the PDF cannot embed: the server's word under the uploader.
      req.flush(
        problem(400, 'Isian tidak valid.', {
          code: 'validation',
          errors: [{ path: 'logoFileId', message: 'logo harus PNG atau JPEG' }],
        }),
        { status: 400, statusText: 'Bad Request' },
      );
      await settle();
      expect(byTestId('logo-error')?.textContent).toBe('logo harus PNG atau JPEG');
      await submit();
      http
        .expectOne(TEMPLATE(ROOT_UNIT))
        .flush(templateView({ source: 'own', logoUrl: 'https://files.test/logo.png' }));
      await settle();
      expect(byTestId('logo-error')).toBeNull();
      // Saved: the server's image; the local preview is let go with the page.
      expect(byTestId<HTMLImageElement>('image-preview', logo)?.getAttribute('src')).toBe(
        'https://files.test/logo.png',
      );
      fixture.destroy();
      expect(revoked).toEqual(['blob:logo-preview']);
    } finally {
      url.createObjectURL = original.create;
      url.revokeObjectURL = original.revoke;
    }
  });

  it('refuses a file that is not PNG or JPEG, and removes a signature', async () => {
    await render('root', {
      ...templateView({ orgUnitId: ROOT_UNIT, source: 'own' }),
      fields: { ...templateView().fields, signatureFileId: '00000000-0000-4000-8000-00000000beef' },
      signatureUrl: 'https://files.test/ttd.png',
    });
    const signature = byTestId('template-signature') as HTMLElement;
    const picker = byTestId<HTMLInputElement>('image-input', signature) as HTMLInputElement;
    Object.defineProperty(picker, 'files', {
      value: [new File(['x'], 'ttd.pdf', { type: 'application/pdf' })],
      configurable: true,
    });
    picker.dispatchEvent(new Event('change'));
    await settle();
    http.expectNone('/api/v1/files');
    expect(byTestId('image-refused', signature)?.textContent).toContain(
      'Pilih gambar PNG atau JPEG.',
    );

    expect(byTestId<HTMLImageElement>('image-preview', signature)?.getAttribute('src')).toBe(
      'https://files.test/ttd.png',
    );
    byTestId<HTMLButtonElement>('image-remove', signature)?.click();
    await settle();
    expect(byTestId('image-none', signature)).not.toBeNull();
    await submit();
    const req = http.expectOne(TEMPLATE(ROOT_UNIT));
    expect(req.request.body).toMatchObject({ signatureFileId: null });
    req.flush(templateView({ orgUnitId: ROOT_UNIT, source: 'own' }));
    await settle();
  });

  it('goes back to the parent’s template after a confirmation', async () => {
    await render('root', templateView({ orgUnitId: ROOT_UNIT, source: 'own' }));
    open.mockReturnValueOnce({ afterClosed: () => of(false) });
    byTestId<HTMLButtonElement>('template-reset')?.click();
    await settle();
    http.expectNone(TEMPLATE(ROOT_UNIT));

    open.mockReturnValueOnce({ afterClosed: () => of(true) });
    byTestId<HTMLButtonElement>('template-reset')?.click();
    await settle();
    expect(open.mock.calls[1][1]).toMatchObject({
      data: { title: 'certificates.template.resetTitle' },
    });
    const req = http.expectOne(TEMPLATE(ROOT_UNIT));
    expect(req.request.method).toBe('DELETE');
    req.flush(templateView({ orgUnitId: ROOT_UNIT, source: 'default' }));
    await settle();
    expect(byTestId('template-source')?.getAttribute('data-source')).toBe('default');
    expect(byTestId('template-reset')).toBeNull();
  });

  it('asks before leaving unsaved changes for another unit', async () => {
    await render();
    await type('place', 'Siantar');
    open.mockReturnValueOnce({ afterClosed: () => of(false) });
    root()
      .querySelector<HTMLElement>('[data-testid=template-unit] .mat-mdc-select-trigger')
      ?.click();
    await settle();
    Array.from(overlay().querySelectorAll<HTMLElement>('mat-option'))
      .find((o) => o.textContent?.includes('Dinas Kesehatan'))
      ?.click();
    await settle();
    http.expectNone(TEMPLATE(OTHER_OPD));
    expect(input('place').value).toBe('Siantar');

    open.mockReturnValueOnce({ afterClosed: () => of(true) });
    root()
      .querySelector<HTMLElement>('[data-testid=template-unit] .mat-mdc-select-trigger')
      ?.click();
    await settle();
    Array.from(overlay().querySelectorAll<HTMLElement>('mat-option'))
      .find((o) => o.textContent?.includes('Dinas Kesehatan'))
      ?.click();
    await settle();
    http
      .expectOne(TEMPLATE(OTHER_OPD))
      .flush(templateView({ orgUnitId: OTHER_OPD, orgUnitName: 'Dinas Kesehatan' }));
    await settle();
    expect(input('place').value).toBe('Pematangsiantar');
  });
});
