import type { Template } from './templates';
import { wibDateTime } from './wib';

type EvaluationEvent = 'follow-up-due' | 'follow-up-confirm' | 'follow-up-overdue';

const months = (days: number, lang: 'id' | 'en') =>
  days % 30 === 0 && days >= 30
    ? lang === 'id'
      ? `${days / 30} bulan`
      : `${days / 30} month${days === 30 ? '' : 's'}`
    : lang === 'id'
      ? `${days} hari`
      : `${days} day${days === 1 ? '' : 's'}`;

/**
 * The post-training evaluation (Evaluasi Pasca Pelatihan, L3): the alumnus reports on their
 * action plan (RTL), the direct supervisor confirms the application at work, and both are
 * reminded once when their part is still missing after the answer time. The links open the
 * web app's lists ("Tindak lanjut saya", the supervisor's team list), where the follow-up is.
 */
export const EVALUATION_TEMPLATES: { [E in EvaluationEvent]: Template<E> } = {
  'follow-up-due': (d, lang) => ({
    title:
      lang === 'id'
        ? `Evaluasi pasca pelatihan: ${d.courseTitle}`
        : `Post-training follow-up: ${d.courseTitle}`,
    paragraphs:
      lang === 'id'
        ? [
            `Sudah ${months(d.offsetDays, lang)} sejak Anda menyelesaikan pelatihan "${d.courseTitle}". Ceritakan kemajuan rencana tindak lanjut (RTL) Anda dan lampirkan buktinya.`,
            `Mohon isi sebelum ${wibDateTime(d.answerBy, lang)}. Atasan langsung Anda juga diminta mengonfirmasi penerapannya di tempat kerja.`,
          ]
        : [
            `It is ${months(d.offsetDays, lang)} since you completed "${d.courseTitle}". Tell us how your follow-up action plan is going and attach the evidence.`,
            `Please answer before ${wibDateTime(d.answerBy, lang)}. Your direct supervisor is asked to confirm how you apply it at work.`,
          ],
    link: '/evaluasi/tindak-lanjut',
    action: lang === 'id' ? 'Isi laporan' : 'Write the report',
  }),
  'follow-up-confirm': (d, lang) => ({
    title:
      lang === 'id'
        ? `Konfirmasi penerapan pelatihan: ${d.alumnusName}`
        : `Confirm how training is applied: ${d.alumnusName}`,
    paragraphs:
      lang === 'id'
        ? [
            `${d.alumnusName} menyelesaikan pelatihan "${d.courseTitle}" ${months(d.offsetDays, lang)} yang lalu. Sebagai atasan langsung, mohon isi kuesioner singkat tentang penerapannya di tempat kerja.`,
            `Mohon isi sebelum ${wibDateTime(d.answerBy, lang)}.`,
          ]
        : [
            `${d.alumnusName} completed "${d.courseTitle}" ${months(d.offsetDays, lang)} ago. As their direct supervisor, please answer a short questionnaire on how it is applied at work.`,
            `Please answer before ${wibDateTime(d.answerBy, lang)}.`,
          ],
    link: '/evaluasi/tim',
    action: lang === 'id' ? 'Isi kuesioner' : 'Answer the questionnaire',
  }),
  'follow-up-overdue': (d, lang) => {
    const alumnus = d.role === 'alumnus';
    return {
      title:
        lang === 'id'
          ? `Belum diisi: evaluasi pasca pelatihan ${d.courseTitle}`
          : `Still missing: post-training follow-up for ${d.courseTitle}`,
      paragraphs: [
        lang === 'id'
          ? alumnus
            ? `Laporan kemajuan rencana tindak lanjut Anda untuk pelatihan "${d.courseTitle}" belum diisi; batasnya ${wibDateTime(d.answerBy, lang)}. Laporan masih dapat dikirim.`
            : `Konfirmasi penerapan pelatihan "${d.courseTitle}" oleh ${d.alumnusName} belum diisi; batasnya ${wibDateTime(d.answerBy, lang)}. Kuesioner masih dapat diisi.`
          : alumnus
            ? `Your progress report on the action plan for "${d.courseTitle}" is still missing; it was due ${wibDateTime(d.answerBy, lang)}. You can still send it.`
            : `Your confirmation of how ${d.alumnusName} applies "${d.courseTitle}" is still missing; it was due ${wibDateTime(d.answerBy, lang)}. You can still answer.`,
      ],
      link: alumnus ? '/evaluasi/tindak-lanjut' : '/evaluasi/tim',
      action:
        lang === 'id'
          ? alumnus
            ? 'Isi laporan'
            : 'Isi kuesioner'
          : alumnus
            ? 'Write the report'
            : 'Answer the questionnaire',
    };
  },
};
