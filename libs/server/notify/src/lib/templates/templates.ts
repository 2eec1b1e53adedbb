import type { NotifyEvent, NotifyEventData } from '../events/notify-events';
import { EVALUATION_TEMPLATES } from './evaluation-templates';
import { FOLLOW_UP_TEMPLATES } from './follow-up-templates';
import { wibDateTime } from './wib';

export type Lang = 'id' | 'en';

/** What a template gives: a title, plain text paragraphs, a link into the app and its label. */
export interface NoticeContent {
  title: string;
  paragraphs: string[];
  link: string | null;
  action: string | null;
  /** An iCalendar entry that goes with it (attached to the email). */
  calendar?: string;
}

export type Template<E extends NotifyEvent> = (d: NotifyEventData[E], lang: Lang) => NoticeContent;

/**
 * Every event's text in Bahasa Indonesia and English. The data type of each event is
 * fixed in NotifyEventData, so a template using a variable the event does not carry
 * fails to compile rather than sending "undefined".
 */
export const TEMPLATES: { [E in NotifyEvent]: Template<E> } = {
  enrolled: (d, lang) => ({
    title:
      lang === 'id' ? `Anda terdaftar di ${d.courseTitle}` : `You are enrolled in ${d.courseTitle}`,
    paragraphs: [
      lang === 'id'
        ? `Anda telah didaftarkan pada pelatihan "${d.courseTitle}".`
        : `You have been enrolled in the course "${d.courseTitle}".`,
      d.dueAt
        ? lang === 'id'
          ? `Selesaikan sebelum ${wibDateTime(d.dueAt, lang)}.`
          : `Please finish it before ${wibDateTime(d.dueAt, lang)}.`
        : lang === 'id'
          ? 'Pelatihan ini tidak memiliki batas waktu.'
          : 'This course has no deadline.',
    ],
    link: `/katalog/${d.courseId}`,
    action: lang === 'id' ? 'Buka pelatihan' : 'Open the course',
  }),
  'deadline-approaching': (d, lang) => ({
    title:
      lang === 'id'
        ? `${d.daysLeft} hari lagi: ${d.courseTitle}`
        : `${d.daysLeft} day${d.daysLeft === 1 ? '' : 's'} left: ${d.courseTitle}`,
    paragraphs: [
      lang === 'id'
        ? `Batas waktu pelatihan "${d.courseTitle}" adalah ${wibDateTime(d.dueAt, lang)}.`
        : `The course "${d.courseTitle}" is due on ${wibDateTime(d.dueAt, lang)}.`,
    ],
    link: `/katalog/${d.courseId}`,
    action: lang === 'id' ? 'Lanjutkan belajar' : 'Continue learning',
  }),
  'live-reminder': (d, lang) => ({
    title:
      lang === 'id'
        ? d.minutesBefore >= 60
          ? `Besok: ${d.title}`
          : `${d.minutesBefore} menit lagi: ${d.title}`
        : d.minutesBefore >= 60
          ? `Tomorrow: ${d.title}`
          : `In ${d.minutesBefore} minutes: ${d.title}`,
    paragraphs: [
      lang === 'id'
        ? `Sesi langsung "${d.title}" dimulai ${wibDateTime(d.startsAt, lang)}. Ruang dibuka 15 menit sebelumnya.`
        : `The live session "${d.title}" starts ${wibDateTime(d.startsAt, lang)}. The room opens 15 minutes before.`,
    ],
    link: `/live/${d.sessionId}`,
    action: lang === 'id' ? 'Masuk ruang' : 'Enter the room',
    calendar: d.ics,
  }),
  'live-rescheduled': (d, lang) => ({
    title: lang === 'id' ? `Jadwal berubah: ${d.title}` : `Rescheduled: ${d.title}`,
    paragraphs: [
      lang === 'id'
        ? `Sesi langsung "${d.title}" dipindah ke ${wibDateTime(d.startsAt, lang)}. Kalender Anda diperbarui otomatis bila memakai umpan kalender.`
        : `The live session "${d.title}" moved to ${wibDateTime(d.startsAt, lang)}. Your calendar updates itself if you use the calendar feed.`,
    ],
    link: '/live',
    action: lang === 'id' ? 'Lihat jadwal' : 'See the schedule',
    calendar: d.ics,
  }),
  'live-cancelled': (d, lang) => ({
    title: lang === 'id' ? `Dibatalkan: ${d.title}` : `Cancelled: ${d.title}`,
    paragraphs: [
      lang === 'id'
        ? `Sesi langsung "${d.title}" dibatalkan. Alasan: ${d.reason}`
        : `The live session "${d.title}" was cancelled. Reason: ${d.reason}`,
    ],
    link: '/live',
    action: lang === 'id' ? 'Lihat jadwal' : 'See the schedule',
    calendar: d.ics,
  }),
  'course-completed': (d, lang) => ({
    title:
      lang === 'id' ? `Selamat, ${d.courseTitle} selesai` : `Well done: ${d.courseTitle} completed`,
    paragraphs: [
      lang === 'id'
        ? `Anda telah menyelesaikan pelatihan "${d.courseTitle}". ${d.jp} JP tercatat di buku jam pelajaran Anda.`
        : `You completed the course "${d.courseTitle}". ${d.jp} JP were added to your learning hours.`,
      lang === 'id'
        ? 'Sertifikat (Surat Keterangan Pelatihan) Anda diterbitkan otomatis dan dapat diunduh di menu Sertifikat Saya.'
        : 'Your certificate (Surat Keterangan Pelatihan) is issued automatically; download it from My certificates.',
    ],
    link: '/belajar/jam-pelajaran',
    action: lang === 'id' ? 'Lihat jam pelajaran' : 'See your learning hours',
  }),
  'attempt-graded': (d, lang) => ({
    title: lang === 'id' ? `Hasil kuis: ${d.quizTitle}` : `Quiz result: ${d.quizTitle}`,
    paragraphs: [
      lang === 'id'
        ? `Kuis "${d.quizTitle}" sudah dinilai.`
        : `Your quiz "${d.quizTitle}" has been graded.`,
      d.percent === null
        ? lang === 'id'
          ? 'Nilai ditampilkan sesuai pengaturan kuis.'
          : 'The score is shown as the quiz settings allow.'
        : lang === 'id'
          ? `Nilai Anda ${d.percent}${d.passed === null ? '' : d.passed ? ' — lulus' : ' — belum lulus'}.`
          : `Your score is ${d.percent}${d.passed === null ? '' : d.passed ? ' — passed' : ' — not passed yet'}.`,
    ],
    link: d.lessonId ? `/belajar/${d.enrolmentId}/${d.lessonId}` : `/belajar/${d.enrolmentId}`,
    action: lang === 'id' ? 'Lihat hasil' : 'See the result',
  }),
  ...FOLLOW_UP_TEMPLATES,
  ...EVALUATION_TEMPLATES,
};

export function renderNotice<E extends NotifyEvent>(
  event: E,
  data: NotifyEventData[E],
  lang: Lang,
): NoticeContent {
  return (TEMPLATES[event] as Template<E>)(data, lang);
}
