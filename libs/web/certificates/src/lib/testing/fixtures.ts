import type { TranslationObject } from '@ngx-translate/core';
import type {
  AuthoringCourseSummary,
  CertificateExportView,
  CertificateTemplateView,
  CertificateVerification,
  CertificateView,
  MeResponse,
  OrgUnitResponse,
  ProblemDetails,
} from '@siantar/contracts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

let seq = 0;

const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const COURSE_ID = uuid(900);

export function certificate(over: Partial<CertificateView> = {}): CertificateView {
  seq++;
  return {
    id: uuid(seq),
    kind: 'course',
    status: 'valid',
    registerNumber: `${String(seq).padStart(4, '0')}/SKP/BKPSDM/2026`,
    code: `abcdefghijklmnopqrstuvwxyz23${String(seq).padStart(4, '2')}`.slice(0, 32),
    verificationUrl: 'https://belajar.pematangsiantarkota.go.id/verify/x',
    learner: {
      userId: uuid(500),
      name: 'Rina Marpaung',
      nip: '198503122010011002',
      employmentType: 'PNS',
      rank: 'III/a',
      rankLabel: 'Penata Muda (III/a)',
      position: 'Analis Kependudukan',
      orgUnitName: 'Bidang Pelayanan',
      opdName: 'Dinas Kependudukan dan Pencatatan Sipil',
    },
    title: 'Pelayanan Prima',
    courseId: COURSE_ID,
    versionId: uuid(901),
    enrolmentId: uuid(902),
    liveSessionId: null,
    competencyType: 'teknis',
    jp: 12,
    startDate: '2026-11-03',
    endDate: '2026-11-07',
    issuerOrgUnitId: uuid(800),
    issuerName: 'BKPSDM Kota Pematangsiantar',
    issuedAt: '2026-11-07T09:30:00.000Z',
    reissueCount: 0,
    reissuedAt: null,
    revokedAt: null,
    revokeReason: null,
    pdfReady: true,
    downloadUrl: 'https://files.test/signed.pdf',
    ...over,
  } as CertificateView;
}

export function verification(over: Partial<CertificateVerification> = {}): CertificateVerification {
  return {
    code: 'kq3m7x2abcdefghijklmnopqrstuvwxy',
    status: 'valid',
    kind: 'course',
    registerNumber: '0007/SKP/BKPSDM/2026',
    learnerName: 'Rina Marpaung',
    nipMasked: '1985**********1002',
    title: 'Pelayanan Prima',
    jp: 12,
    startDate: '2026-11-03',
    endDate: '2026-11-07',
    issuerName: 'BKPSDM Kota Pematangsiantar',
    issuedOn: '2026-11-07',
    reissueCount: 0,
    revokedAt: null,
    revokeReason: null,
    ...over,
  };
}

export function exportJob(over: Partial<CertificateExportView> = {}): CertificateExportView {
  return {
    id: uuid(700),
    courseId: COURSE_ID,
    courseTitle: 'Pelayanan Prima',
    status: 'queued',
    progress: 0,
    done: 0,
    total: null,
    downloadUrl: null,
    filename: null,
    error: null,
    createdAt: '2026-11-29T03:00:00.000Z',
    finishedAt: null,
    ...over,
  };
}

export function course(over: Partial<AuthoringCourseSummary> = {}): AuthoringCourseSummary {
  return {
    courseId: COURSE_ID,
    code: 'PP-01',
    title: 'Pelayanan Prima',
    status: 'published',
    number: 1,
    ownerOrgUnitName: 'BKPSDM',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...over,
  } as AuthoringCourseSummary;
}

export const ROOT_UNIT = uuid(800);
export const OPD_UNIT = uuid(801);
export const OTHER_OPD = uuid(802);

export function orgUnits(): OrgUnitResponse[] {
  return [
    {
      id: OPD_UNIT,
      code: 'DISDUKCAPIL',
      name: 'Dinas Kependudukan dan Pencatatan Sipil',
      kind: 'opd',
      parentId: ROOT_UNIT,
      path: ['Pemerintah Kota Pematangsiantar', 'Dinas Kependudukan dan Pencatatan Sipil'],
      userCount: 40,
    },
    {
      id: ROOT_UNIT,
      code: 'PEMKO',
      name: 'Pemerintah Kota Pematangsiantar',
      kind: 'pemda',
      parentId: null,
      path: ['Pemerintah Kota Pematangsiantar'],
      userCount: 3,
    },
    {
      id: OTHER_OPD,
      code: 'DINKES',
      name: 'Dinas Kesehatan',
      kind: 'opd',
      parentId: ROOT_UNIT,
      path: ['Pemerintah Kota Pematangsiantar', 'Dinas Kesehatan'],
      userCount: 60,
    },
  ] as OrgUnitResponse[];
}

export function templateView(over: Partial<CertificateTemplateView> = {}): CertificateTemplateView {
  return {
    orgUnitId: OPD_UNIT,
    orgUnitName: 'Dinas Kependudukan dan Pencatatan Sipil',
    source: 'inherited',
    templateOrgUnitId: ROOT_UNIT,
    templateOrgUnitName: 'Pemerintah Kota Pematangsiantar',
    fields: {
      title: 'SURAT KETERANGAN PELATIHAN',
      introText: 'Diberikan kepada:',
      issuerName: 'BKPSDM Kota Pematangsiantar',
      place: 'Pematangsiantar',
      numberFormat: '{seq:4}/SKP/{issuer}/{year}',
      signatoryName: 'Drs. Hotman Sinaga',
      signatoryNip: '197001011995031001',
      signatoryPosition: 'Kepala BKPSDM Kota Pematangsiantar',
      logoFileId: null,
      signatureFileId: null,
    },
    logoUrl: null,
    signatureUrl: null,
    numberPreview: '0008/SKP/BKPSDM/2026',
    updatedAt: null,
    ...over,
  };
}

export function me(over: Partial<MeResponse> = {}): MeResponse {
  return {
    id: uuid(501),
    nip: '198001012005011001',
    name: 'Dedi Simanjuntak',
    email: 'dedi@siantar.test',
    phone: null,
    position: 'Admin',
    rank: null,
    employmentType: 'PNS',
    orgUnit: { id: ROOT_UNIT, code: 'PEMKO', name: 'Pemerintah Kota', kind: 'pemda' },
    roles: ['learner', 'admin'],
    supervisor: null,
    adminScope: null,
    language: 'id',
    active: true,
    createdAt: '2025-01-01T00:00:00.000Z',
    ...over,
  } as MeResponse;
}

export function problem(status: number, detail: string, over: Partial<ProblemDetails> = {}) {
  return { type: 'about:blank', title: 'x', status, code: 'x', detail, ...over };
}

/** The app's strings of the area, as the app loads them, plus the common ones the screens use. */
export function certificateStrings(lang: 'id' | 'en' = 'id'): TranslationObject {
  const file = join(
    __dirname,
    '../../../../../../apps/web/public/i18n/certificates',
    `${lang}.json`,
  );
  return {
    ...(JSON.parse(readFileSync(file, 'utf8')) as TranslationObject),
    common: { close: 'Tutup', cancel: 'Batal', loading: 'Memuat…', actions: 'Aksi' },
    errors: { generic: 'Terjadi kesalahan.', network: 'Tidak dapat terhubung ke server.' },
    validation: {
      required: 'Wajib diisi.',
      minLength: 'Minimal {{min}} karakter.',
      maxLength: 'Maksimal {{max}} karakter.',
      pattern: { nip: 'NIP harus 18 digit angka.' },
    },
  };
}
