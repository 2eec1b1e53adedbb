import { DEFAULT_CERTIFICATE_NUMBER_FORMAT } from '@siantar/contracts';
import type { CertificateSnapshot } from '../issuing/snapshot';

/** A complete snapshot for rendering tests. */
export function sampleSnapshot(over: Partial<CertificateSnapshot> = {}): CertificateSnapshot {
  return {
    v: 1,
    registerNumber: '0007/SKP/BKPSDM/2026',
    code: 'abcdefghijklmnopqrstuvwxyz234567',
    verificationUrl:
      'https://belajar.pematangsiantarkota.go.id/verify/abcdefghijklmnopqrstuvwxyz234567',
    issuedOn: '2026-03-14',
    learner: {
      userId: '00000000-0000-4000-8000-000000000001',
      name: 'Rahmawati Siregar',
      nip: '199205152015032005',
      employmentType: 'PNS',
      rank: 'III/b',
      rankLabel: 'Penata Muda Tingkat I (III/b)',
      position: 'Analis Kebijakan Ahli Pertama',
      orgUnitName: 'Bidang Pengembangan Kompetensi',
      opdName: 'Badan Kepegawaian dan Pengembangan SDM',
    },
    programme: {
      kind: 'course',
      title: 'Pelayanan Publik Digital: Aplikasi Antrean Daring',
      versionNumber: 2,
      competencyType: 'teknis',
      jp: 12,
      startDate: '2026-02-02',
      endDate: '2026-03-13',
    },
    issuer: {
      orgUnitId: '00000000-0000-4000-8000-000000000002',
      code: 'BKPSDM',
      templateOrgUnitId: null,
    },
    template: {
      title: 'SURAT KETERANGAN PELATIHAN',
      introText: 'Diberikan kepada:',
      issuerName: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Pematangsiantar',
      place: 'Pematangsiantar',
      numberFormat: DEFAULT_CERTIFICATE_NUMBER_FORMAT,
      signatoryName: 'Drs. Hotman Sinaga, M.Si.',
      signatoryNip: '197003121995031002',
      signatoryPosition: 'Kepala BKPSDM Kota Pematangsiantar',
      logoFileId: null,
      signatureFileId: null,
    },
    ...over,
  };
}
