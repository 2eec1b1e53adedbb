import type {
  FollowUpFigures,
  FollowUpQuestion,
  IndicatorView,
  LikertDistribution,
  ProgrammeEvaluation,
  SurveyResults,
} from '@siantar/contracts';
import PDFDocument from 'pdfkit';

type Doc = PDFKit.PDFDocument;

const MARGIN = 50;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const GREY = '#555555';

const nf = (digits: number) =>
  new Intl.NumberFormat('id-ID', { minimumFractionDigits: 0, maximumFractionDigits: digits });
/** Indonesian figures: decimal comma, thousands dot; "-" when there is none. */
export const num = (x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined ? '-' : nf(digits).format(x);
const signed = (x: number | null, digits = 2) =>
  x === null ? '-' : `${x > 0 ? '+' : ''}${num(x, digits)}`;
const day = (iso: string | null) =>
  iso
    ? new Intl.DateTimeFormat('id-ID', {
        timeZone: 'Asia/Jakarta',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }).format(new Date(iso.length === 10 ? `${iso}T12:00:00+07:00` : iso))
    : null;
const distribution = (d: LikertDistribution) => d.map((n, i) => `${i + 1}: ${n}`).join('   ');

/** Page space left below the cursor. */
const room = (doc: Doc) => doc.page.height - doc.page.margins.bottom - doc.y;

function ensure(doc: Doc, height: number): void {
  if (room(doc) < height) doc.addPage();
}

function heading(doc: Doc, text: string): void {
  ensure(doc, 60);
  doc.moveDown(0.8).font(BOLD).fontSize(13).fillColor('black').text(text, MARGIN);
  const y = doc.y + 2;
  doc
    .moveTo(MARGIN, y)
    .lineTo(doc.page.width - MARGIN, y)
    .lineWidth(0.5)
    .strokeColor('#999999')
    .stroke();
  doc.moveDown(0.5);
}

function para(
  doc: Doc,
  text: string,
  opts: { bold?: boolean; grey?: boolean; size?: number } = {},
) {
  doc
    .font(opts.bold ? BOLD : FONT)
    .fontSize(opts.size ?? 10)
    .fillColor(opts.grey ? GREY : 'black')
    .text(text, MARGIN, undefined, { width: doc.page.width - 2 * MARGIN });
}

/** Label: value lines, the labels in one column. */
function facts(doc: Doc, rows: [string, string][], labelWidth = 150): void {
  for (const [label, value] of rows) {
    ensure(doc, 16);
    const y = doc.y;
    doc.font(FONT).fontSize(10).fillColor(GREY).text(label, MARGIN, y, { width: labelWidth });
    const after = doc.y;
    doc
      .fillColor('black')
      .text(value, MARGIN + labelWidth, y, { width: doc.page.width - 2 * MARGIN - labelWidth });
    doc.y = Math.max(after, doc.y) + 2;
  }
  doc.x = MARGIN;
}

interface Column {
  title: string;
  /** Share of the text width. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** A table with a bold header, repeated on every page it runs onto. */
function table(doc: Doc, columns: Column[], rows: string[][]): void {
  const total = doc.page.width - 2 * MARGIN;
  const widths = columns.map((c) => c.width * total);
  const pad = 3;
  const rowHeight = (cells: string[], font: string) => {
    doc.font(font).fontSize(9);
    return (
      Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 2 * pad }))) +
      2 * pad
    );
  };
  const draw = (cells: string[], font: string, fill: string | null) => {
    const h = rowHeight(cells, font);
    const y = doc.y;
    if (fill) doc.rect(MARGIN, y, total, h).fillColor(fill).fill();
    let x = MARGIN;
    cells.forEach((c, i) => {
      doc
        .font(font)
        .fontSize(9)
        .fillColor('black')
        .text(c, x + pad, y + pad, {
          width: widths[i] - 2 * pad,
          align: columns[i].align ?? 'left',
        });
      x += widths[i];
    });
    doc
      .moveTo(MARGIN, y + h)
      .lineTo(MARGIN + total, y + h)
      .lineWidth(0.3)
      .strokeColor('#bbbbbb')
      .stroke();
    doc.y = y + h;
  };
  const header = columns.map((c) => c.title);
  ensure(doc, rowHeight(header, BOLD) + rowHeight(rows[0] ?? [''], FONT));
  draw(header, BOLD, '#e8eef5');
  for (const r of rows) {
    if (room(doc) < rowHeight(r, FONT)) {
      doc.addPage();
      draw(header, BOLD, '#e8eef5');
    }
    draw(r, FONT, null);
  }
  doc.x = MARGIN;
  doc.moveDown(0.5);
}

function surveySection(doc: Doc, r: SurveyResults): void {
  if (r.suppressed) {
    para(
      doc,
      r.responses === 0
        ? `Belum ada responden survei reaksi.`
        : `Hasil survei belum ditampilkan untuk menjaga kerahasiaan responden: baru ${r.responses} respons, ` +
            `perlu sedikitnya ${r.threshold} (kurang ${r.needed}).`,
    );
    return;
  }
  facts(doc, [
    ['Templat survei', r.templateName],
    ['Jumlah responden', `${r.responses}`],
    [
      'Rata-rata keseluruhan',
      `${num(r.overall?.average ?? null)} dari 5 (${r.overall?.answers ?? 0} jawaban)`,
    ],
  ]);
  doc.moveDown(0.4);
  table(
    doc,
    [
      { title: 'Dimensi', width: 0.3 },
      { title: 'Rata-rata', width: 0.13, align: 'right' },
      { title: 'Jawaban', width: 0.12, align: 'right' },
      { title: 'Sebaran nilai (jumlah jawaban per nilai)', width: 0.45 },
    ],
    r.dimensions.map((d) => [
      d.label,
      num(d.average),
      `${d.answers}`,
      distribution(d.distribution),
    ]),
  );
  table(
    doc,
    [
      { title: 'Butir pernyataan', width: 0.7 },
      { title: 'Rata-rata', width: 0.15, align: 'right' },
      { title: 'Jawaban', width: 0.15, align: 'right' },
    ],
    r.items.map((i) => [
      i.text + (i.retired ? ' (butir lama)' : ''),
      num(i.average),
      `${i.answers}`,
    ]),
  );
  for (const g of r.comments.filter((c) => c.comments.length > 0)) {
    ensure(doc, 40);
    para(doc, g.question, { bold: true, size: 9.5 });
    const shown = g.comments.slice(0, 8);
    for (const c of shown) para(doc, `- ${c}`, { size: 9 });
    if (g.comments.length > shown.length)
      para(doc, `(dan ${g.comments.length - shown.length} komentar lain di aplikasi)`, {
        grey: true,
        size: 9,
      });
    doc.moveDown(0.3);
  }
}

const QUESTION_LABELS: Record<FollowUpQuestion, string> = {
  applies: 'Menerapkan di tempat kerja',
  'action-plan': 'Melaksanakan RTL',
  performance: 'Kinerja membaik',
  shares: 'Berbagi pengetahuan',
};

function followUpSection(doc: Doc, l3: FollowUpFigures | null): void {
  if (!l3) {
    para(
      doc,
      'Data evaluasi pasca pelatihan (rencana tindak lanjut dan tindak lanjut) belum tersedia.',
      { grey: true },
    );
    return;
  }
  const t = l3.totals;
  const rows: [string, string][] = [
    ['Jadwal tindak lanjut', l3.days.length ? `${l3.days.join(', ')} hari setelah selesai` : '-'],
    ['Alumni (selesai)', num(l3.completed, 0)],
    ['Menyusun RTL', num(l3.actionPlansSubmitted, 0)],
    [
      'Tindak lanjut',
      `${t.done} selesai, ${t.pending} menunggu, ${t.overdue} terlambat, ${t.scheduled} terjadwal`,
    ],
    ['Alumni melapor', num(t.reported, 0)],
    [
      'Dikonfirmasi atasan',
      l3.supervisorConfirmedPercent === null
        ? '-'
        : `${num(l3.supervisorConfirmedPercent, 1)}% (${t.confirmed} dari ${t.confirmationsRequired})`,
    ],
    ...l3.averageScores.map((s): [string, string] => [
      `Penilaian atasan: ${QUESTION_LABELS[s.question]}`,
      s.average === null ? '-' : `${num(s.average)} dari 5 (${s.answers} jawaban)`,
    ]),
  ];
  facts(doc, rows, 250);
}

function indicatorSection(doc: Doc, ind: IndicatorView): void {
  ensure(doc, 70);
  para(
    doc,
    `${ind.name} (${ind.unit}; ${ind.direction === 'lower-is-better' ? 'makin rendah makin baik' : 'makin tinggi makin baik'})`,
    { bold: true },
  );
  if (ind.description) para(doc, ind.description, { grey: true, size: 9 });
  doc.moveDown(0.2);
  if (!ind.values.length) {
    para(doc, 'Belum ada nilai yang dicatat.', { grey: true, size: 9 });
    doc.moveDown(0.4);
    return;
  }
  table(
    doc,
    [
      { title: 'OPD', width: 0.28 },
      { title: 'Sebelum', width: 0.17, align: 'right' },
      { title: 'Sesudah', width: 0.17, align: 'right' },
      { title: 'Perubahan', width: 0.14, align: 'right' },
      { title: '%', width: 0.1, align: 'right' },
      { title: 'Hasil', width: 0.14 },
    ],
    ind.values.map((v) => [
      v.orgUnitName,
      `${num(v.before, 4)}\n${day(v.measuredBefore) ?? ''}`,
      v.after === null ? '-' : `${num(v.after, 4)}\n${day(v.measuredAfter) ?? ''}`,
      signed(v.change, 4),
      v.changePercent === null ? '-' : `${signed(v.changePercent)}%`,
      v.improved === null
        ? v.after === null
          ? 'Belum diukur'
          : 'Tetap'
        : v.improved
          ? 'Membaik'
          : 'Memburuk',
    ]),
  );
  para(
    doc,
    `${ind.summary.improved} dari ${ind.summary.measured} OPD yang sudah diukur membaik (${ind.summary.opds} OPD tercatat).`,
    { size: 9, grey: true },
  );
  doc.moveDown(0.4);
}

/**
 * The programme evaluation as a printable report for the head of the agency: A4 portrait,
 * Indonesian, the four Kirkpatrick levels with the figures of the programme page.
 */
export function renderProgrammeReport(data: ProgrammeEvaluation): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'portrait',
    margins: { top: MARGIN, bottom: MARGIN + 10, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: 'id-ID',
    info: {
      Title: `Laporan Evaluasi Program: ${data.course.title}`,
      Author: 'Siantar Belajar',
      Subject: 'Evaluasi program pelatihan (Kirkpatrick level 1-4)',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const { course, l1, l2, l4 } = data;
  para(doc, 'PEMERINTAH KOTA PEMATANGSIANTAR', { bold: true, size: 10, grey: true });
  doc.moveDown(0.2);
  para(doc, 'Laporan Evaluasi Program Pelatihan', { bold: true, size: 16 });
  doc.moveDown(0.2);
  para(doc, course.title, { bold: true, size: 13 });
  doc.moveDown(0.6);
  const period =
    data.from || data.to
      ? `${day(data.from) ?? 'awal'} s.d. ${day(data.to) ?? 'sekarang'}`
      : 'Seluruh periode';
  facts(doc, [
    ['Kode program', course.code],
    ['Penyelenggara', course.ownerOrgUnitName],
    ['Jam pelajaran', `${num(course.jp, 1)} JP`],
    ['Peserta', `${course.enrolled} terdaftar, ${course.completed} selesai`],
    ['Periode survei', period],
    ['Dicetak', day(data.generatedAt) ?? ''],
  ]);

  heading(doc, 'Ringkasan');
  const measured = l4.indicators.reduce((n, i) => n + i.summary.measured, 0);
  const improved = l4.indicators.reduce((n, i) => n + i.summary.improved, 0);
  facts(doc, [
    [
      'L1 Reaksi',
      l1.course.suppressed
        ? `belum ditampilkan (${l1.course.responses} dari minimal ${l1.course.threshold} respons)`
        : `rata-rata ${num(l1.course.overall?.average ?? null)} dari 5, ${l1.course.responses} responden`,
    ],
    [
      'L2 Pembelajaran',
      l2.available && l2.paired > 0
        ? `pre-test ${num(l2.averagePre)} ke post-test ${num(l2.averagePost)} (peningkatan ${signed(l2.averageGain)} poin, ${l2.paired} peserta)`
        : 'belum ada pasangan pre-test dan post-test',
    ],
    ['L3 Perilaku', data.l3 ? 'lihat bagian Level 3' : 'belum tersedia'],
    [
      'L4 Hasil',
      l4.indicators.length
        ? `${l4.indicators.length} indikator; ${improved} dari ${measured} pengukuran OPD membaik`
        : 'belum ada indikator',
    ],
  ]);

  heading(doc, 'Level 1 - Reaksi peserta (survei umpan balik)');
  surveySection(doc, l1.course);
  if (l1.sessions.length) {
    para(doc, 'Survei sesi tatap maya', { bold: true });
    doc.moveDown(0.2);
    table(
      doc,
      [
        { title: 'Sesi', width: 0.45 },
        { title: 'Tanggal', width: 0.2 },
        { title: 'Respons', width: 0.15, align: 'right' },
        { title: 'Rata-rata', width: 0.2, align: 'right' },
      ],
      l1.sessions.map((s) => [
        s.title,
        day(s.startsAt) ?? '',
        `${s.responses}`,
        s.suppressed ? `belum (min. ${s.threshold})` : num(s.overall?.average ?? null),
      ]),
    );
  }

  heading(doc, 'Level 2 - Pembelajaran (pre-test dan post-test)');
  if (!l2.available) para(doc, l2.reason ?? 'Belum tersedia.', { grey: true });
  else {
    facts(doc, [
      ['Peserta berpasangan', `${l2.paired} (dari ${l2.learners.length} yang mengerjakan)`],
      ['Rata-rata pre-test', num(l2.averagePre)],
      ['Rata-rata post-test', num(l2.averagePost)],
      ['Rata-rata peningkatan', `${signed(l2.averageGain)} poin`],
      ['Gain ternormalisasi kelas', num(l2.classNormalisedGain, 4)],
      ['Rata-rata gain individu', num(l2.averageNormalisedGain, 4)],
    ]);
    doc.moveDown(0.4);
    if (l2.learners.length)
      table(
        doc,
        [
          { title: 'Peserta', width: 0.4 },
          { title: 'Pre-test', width: 0.15, align: 'right' },
          { title: 'Post-test', width: 0.15, align: 'right' },
          { title: 'Peningkatan', width: 0.15, align: 'right' },
          { title: 'Gain (g)', width: 0.15, align: 'right' },
        ],
        l2.learners.map((l) => [
          l.name,
          num(l.pre),
          num(l.post),
          signed(l.gain),
          num(l.normalisedGain, 4),
        ]),
      );
  }

  heading(doc, 'Level 3 - Perilaku (evaluasi pasca pelatihan)');
  followUpSection(doc, data.l3);

  heading(doc, 'Level 4 - Hasil (indikator unit kerja)');
  if (!l4.indicators.length)
    para(doc, 'Belum ada indikator hasil yang ditetapkan.', { grey: true });
  for (const ind of l4.indicators) indicatorSection(doc, ind);

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor(GREY)
      .text(
        `Siantar Belajar - ${course.code} - Halaman ${i + 1} dari ${range.count}`,
        MARGIN,
        doc.page.height - MARGIN + 5,
        { width: doc.page.width - 2 * MARGIN, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
