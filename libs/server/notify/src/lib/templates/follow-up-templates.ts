import type { Template } from './templates';
import { wibDateTime } from './wib';

type FollowUpEvent =
  'inactive' | 'jp-nudge' | 'jp-team-summary' | 'review-decided' | 'opd-compliance';

const MONTHS = {
  id: new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const monthName = (year: number, month: number, lang: 'id' | 'en') =>
  MONTHS[lang].format(new Date(Date.UTC(year, month - 1, 15)));
const jp = (n: number, lang: 'id' | 'en') =>
  `${n.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: 1 })} JP`;

/**
 * The notices that follow people up rather than answer what they did: idle learners, the
 * yearly JP right, review outcomes for authors, and the OPD heads' monthly figures.
 */
export const FOLLOW_UP_TEMPLATES: { [E in FollowUpEvent]: Template<E> } = {
  inactive: (d, lang) => ({
    title:
      lang === 'id'
        ? `Lanjutkan belajar: ${d.courseTitle}`
        : `Pick up where you left off: ${d.courseTitle}`,
    paragraphs: [
      lang === 'id'
        ? `Sudah ${d.idleDays} hari tidak ada kemajuan pada pelatihan "${d.courseTitle}". Batas waktunya ${wibDateTime(d.dueAt, lang)}.`
        : `There has been no progress on "${d.courseTitle}" for ${d.idleDays} days. It is due on ${wibDateTime(d.dueAt, lang)}.`,
    ],
    link: `/katalog/${d.courseId}`,
    action: lang === 'id' ? 'Lanjutkan belajar' : 'Continue learning',
  }),
  'jp-nudge': (d, lang) => ({
    title:
      lang === 'id'
        ? `Hak belajar ${d.year}: ${jp(d.jp, lang)} dari ${jp(d.target, lang)}`
        : `Learning hours ${d.year}: ${jp(d.jp, lang)} of ${jp(d.target, lang)}`,
    paragraphs: [
      lang === 'id'
        ? `Tahun ${d.year} Anda baru mengumpulkan ${jp(d.jp, lang)} dari target ${jp(d.target, lang)}. Masih ada ${jp(d.target - d.jp, lang)} lagi sebelum akhir Desember.`
        : `So far in ${d.year} you have ${jp(d.jp, lang)} of your ${jp(d.target, lang)} target; ${jp(d.target - d.jp, lang)} to go before the end of December.`,
      lang === 'id'
        ? 'Pilih pelatihan di katalog, atau ajukan pelatihan dari luar sistem untuk diakui.'
        : 'Choose a course in the catalogue, or claim training taken elsewhere.',
    ],
    link: '/belajar/jam-pelajaran',
    action: lang === 'id' ? 'Lihat jam pelajaran' : 'See your learning hours',
  }),
  'jp-team-summary': (d, lang) => ({
    title:
      lang === 'id'
        ? `${d.behindCount} dari ${d.team} anggota tim belum mencapai target JP ${d.year}`
        : `${d.behindCount} of your ${d.team} team members are below the ${d.year} JP target`,
    paragraphs: [
      lang === 'id'
        ? 'Anggota tim yang masih di bawah target jam pelajaran tahun ini:'
        : 'Team members still below this year’s learning-hours target:',
      ...d.behind.map((b) => `• ${b.name}: ${jp(b.jp, lang)} / ${jp(b.target, lang)}`),
      ...(d.behindCount > d.behind.length
        ? [
            lang === 'id'
              ? `…dan ${d.behindCount - d.behind.length} orang lainnya.`
              : `…and ${d.behindCount - d.behind.length} more.`,
          ]
        : []),
    ],
    link: '/tim',
    action: lang === 'id' ? 'Buka tim saya' : 'Open my team',
  }),
  'review-decided': (d, lang) => {
    const approved = d.decision === 'approved';
    const note = d.note
      ? [lang === 'id' ? `Catatan peninjau: ${d.note}` : `Reviewer’s note: ${d.note}`]
      : [];
    return {
      title:
        lang === 'id'
          ? `${approved ? 'Disetujui dan terbit' : 'Dikembalikan untuk perbaikan'}: ${d.courseTitle}`
          : `${approved ? 'Approved and published' : 'Sent back for changes'}: ${d.courseTitle}`,
      paragraphs: [
        lang === 'id'
          ? approved
            ? `Versi ${d.versionNumber} pelatihan "${d.courseTitle}" disetujui dan kini terbit di katalog.`
            : `Versi ${d.versionNumber} pelatihan "${d.courseTitle}" dikembalikan menjadi draf untuk diperbaiki.`
          : approved
            ? `Version ${d.versionNumber} of "${d.courseTitle}" was approved and is now in the catalogue.`
            : `Version ${d.versionNumber} of "${d.courseTitle}" was sent back to draft for changes.`,
        ...note,
      ],
      link: `/penulisan/${d.courseId}`,
      action: lang === 'id' ? 'Buka penyusunan' : 'Open the course editor',
    };
  },
  'opd-compliance': (d, lang) => {
    const reached = d.staff - d.belowTarget;
    const share = d.staff > 0 ? Math.round((reached / d.staff) * 100) : 0;
    const month = monthName(d.year, d.month, lang);
    return {
      title:
        lang === 'id'
          ? `Laporan bulanan ${d.orgUnitName}: ${month}`
          : `Monthly report for ${d.orgUnitName}: ${month}`,
      paragraphs:
        lang === 'id'
          ? [
              `Pemenuhan hak pengembangan kompetensi ${d.orgUnitName} per akhir ${month}:`,
              `• ${reached} dari ${d.staff} pegawai (${share}%) telah mencapai target JP ${d.year}; ${d.belowTarget} belum.`,
              `• ${jp(d.jp, lang)} tercatat sepanjang ${d.year}.`,
              `• ${d.enrolled} pendaftaran dan ${d.completed} kelulusan pelatihan tahun ini; ${d.overdue} pelatihan melewati batas waktu.`,
              `• ${d.followUpsOverdue} evaluasi pasca pelatihan (laporan alumni atau konfirmasi atasan) terlambat diisi.`,
            ]
          : [
              `Competence development in ${d.orgUnitName} at the end of ${month}:`,
              `• ${reached} of ${d.staff} staff (${share}%) have reached the ${d.year} JP target; ${d.belowTarget} have not.`,
              `• ${jp(d.jp, lang)} credited so far in ${d.year}.`,
              `• ${d.enrolled} enrolments and ${d.completed} completions this year; ${d.overdue} courses past their deadline.`,
              `• ${d.followUpsOverdue} post-training follow-ups (alumni reports or supervisor confirmations) overdue.`,
            ],
      link: `/laporan?orgUnitId=${d.orgUnitId}`,
      action: lang === 'id' ? 'Buka laporan' : 'Open the report',
    };
  },
};
