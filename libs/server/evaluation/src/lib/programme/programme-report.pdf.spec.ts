import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProgrammeEvaluation } from '@siantar/contracts';
import { num, renderProgrammeReport } from './programme-report.pdf';

const base: ProgrammeEvaluation = {
  course: {
    id: 'c',
    code: 'ANTRE-01',
    title: 'Pelayanan Antrean Daring di Kecamatan',
    ownerOrgUnitName: 'BKPSDM',
    jp: 12.5,
    enrolled: 40,
    completed: 31,
  },
  from: '2026-01-01',
  to: '2026-06-30',
  generatedAt: '2026-07-01T03:00:00.000Z',
  l1: {
    course: {
      target: { kind: 'course', id: 'c', title: 'Pelayanan Antrean Daring di Kecamatan' },
      from: '2026-01-01',
      to: '2026-06-30',
      templateName: 'Bawaan',
      threshold: 5,
      responses: 3,
      suppressed: true,
      needed: 2,
      overall: null,
      dimensions: [],
      items: [],
      comments: [],
      individual: null,
      individualVisible: false,
    },
    sessions: [],
  },
  l2: {
    courseId: 'c',
    available: false,
    reason: 'Kursus ini belum memiliki kuis berperan pre-test.',
    preQuizId: null,
    postQuizId: 'q',
    learners: [],
    paired: 0,
    averagePre: null,
    averagePost: null,
    averageGain: null,
    averageNormalisedGain: null,
    classNormalisedGain: null,
  },
  l3: {
    courseId: 'c',
    days: [30, 90],
    completed: 31,
    actionPlansSubmitted: 27,
    offsets: [],
    totals: {
      scheduled: 10,
      pending: 4,
      overdue: 2,
      done: 15,
      reported: 19,
      confirmationsRequired: 21,
      confirmed: 15,
    },
    supervisorConfirmedPercent: 71.4,
    averageScores: [
      { question: 'applies', average: 4.2, answers: 15 },
      { question: 'action-plan', average: null, answers: 0 },
      { question: 'performance', average: 3.87, answers: 15 },
      { question: 'shares', average: 4, answers: 15 },
    ],
    itemStatuses: { 'not-started': 1, 'in-progress': 5, done: 20, dropped: 1 },
  },
  l4: {
    courseId: 'c',
    canDefine: true,
    scope: 'all',
    indicators: [
      {
        id: 'i',
        courseId: 'c',
        name: 'Persentase layanan diajukan daring',
        unit: '%',
        direction: 'higher-is-better',
        description: '',
        values: Array.from({ length: 60 }, (_, n) => ({
          orgUnitId: `u${n}`,
          orgUnitName: `Kecamatan Uji ${n + 1}`,
          before: 10 + n,
          after: n % 3 === 0 ? null : 12.25 + n,
          measuredBefore: '2026-01-10',
          measuredAfter: n % 3 === 0 ? null : '2026-06-10',
          change: n % 3 === 0 ? null : 2.25,
          changePercent: n % 3 === 0 ? null : 5,
          improved: n % 3 === 0 ? null : true,
          note: '',
          editable: false,
          updatedAt: '2026-06-11T00:00:00.000Z',
        })),
        summary: { opds: 60, measured: 40, improved: 40 },
      },
    ],
  },
};

function text(pdf: Buffer, ...args: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sb-eval-unit-')), 'r.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [...args, file, '-']).toString();
}

describe('the printable programme report', () => {
  it('formats figures the Indonesian way', () => {
    expect(num(1234.5)).toBe('1.234,5');
    expect(num(0.8333, 4)).toBe('0,8333');
    expect(num(null)).toBe('-');
  });

  it('says why L1 and L2 are missing, prints the L3 figures, and runs a long L4 table over pages', async () => {
    const pdf = await renderProgrammeReport(base);
    const layout = text(pdf, '-layout').replace(/[^\S\f]+/g, ' ');
    expect(layout).toContain('baru 3 respons, perlu sedikitnya 5 (kurang 2)');
    expect(layout).toContain('Kursus ini belum memiliki kuis berperan pre-test.');
    expect(layout).toContain('Periode survei 1 Januari 2026 s.d. 30 Juni 2026');
    expect(layout).toContain('Jam pelajaran 12,5 JP');
    expect(layout).toContain('Menyusun RTL 27');
    expect(layout).toContain('15 selesai, 4 menunggu, 2 terlambat, 10 terjadwal');
    expect(layout).toContain('Dikonfirmasi atasan 71,4% (15 dari 21)');
    expect(layout).toContain('Penilaian atasan: Kinerja membaik 3,87 dari 5 (15 jawaban)');
    expect(layout).toContain('Kecamatan Uji 60');
    expect(layout).toContain('Belum diukur');
    expect(layout).toContain('40 dari 40 OPD yang sudah diukur membaik');
    const pages = Number(/Halaman 1 dari (\d+)/.exec(layout)?.[1]);
    expect(pages).toBeGreaterThan(1);
    // The table header is repeated on the page the table runs onto.
    expect(layout.split('\f').filter((p) => /OPD Sebelum Sesudah/.test(p)).length).toBeGreaterThan(
      1,
    );
  });
});
