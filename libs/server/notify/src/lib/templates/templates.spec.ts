import type { NotifyEventData } from '../events/notify-events';
import { EVENT_CATEGORY } from '../events/notify-events';
import { emailBody } from './email-body';
import { renderNotice, TEMPLATES } from './templates';

/** One sample per event: adding an event without a sample fails to compile here. */
const SAMPLES: { [E in keyof NotifyEventData]: NotifyEventData[E] } = {
  enrolled: { courseId: 'c1', courseTitle: 'Pelayanan Prima', dueAt: '2026-12-31T09:00:00Z' },
  'deadline-approaching': {
    courseId: 'c1',
    courseTitle: 'Pelayanan Prima',
    dueAt: '2026-12-31T09:00:00Z',
    daysLeft: 7,
  },
  'live-reminder': {
    sessionId: 's1',
    title: 'Webinar Antrean',
    startsAt: '2026-12-01T02:00:00Z',
    minutesBefore: 1440,
  },
  'live-rescheduled': {
    sessionId: 's1',
    title: 'Webinar Antrean',
    startsAt: '2026-12-02T02:00:00Z',
  },
  'live-cancelled': { sessionId: 's1', title: 'Webinar Antrean', reason: 'Narasumber sakit' },
  'course-completed': { courseId: 'c1', courseTitle: 'Pelayanan Prima', jp: 4 },
  'attempt-graded': {
    enrolmentId: 'e1',
    lessonId: 'l1',
    quizTitle: 'Post-test',
    percent: 85,
    passed: true,
  },
  inactive: {
    courseId: 'c1',
    courseTitle: 'Pelayanan Prima',
    dueAt: '2026-12-31T09:00:00Z',
    idleDays: 14,
  },
  'jp-nudge': { year: 2026, jp: 6.5, target: 20 },
  'jp-team-summary': {
    year: 2026,
    team: 5,
    behindCount: 2,
    behind: [
      { name: 'Rina Marpaung', jp: 6.5, target: 20 },
      { name: 'Andi Siregar', jp: 0, target: 24 },
    ],
  },
  'review-decided': {
    courseId: 'c1',
    courseTitle: 'Pelayanan Prima',
    versionNumber: 2,
    decision: 'sent-back',
    note: 'Lengkapi kuis akhir',
  },
  'opd-compliance': {
    orgUnitId: 'o1',
    orgUnitName: 'Disdukcapil',
    year: 2026,
    month: 10,
    staff: 40,
    belowTarget: 10,
    jp: 512.5,
    overdue: 3,
    enrolled: 120,
    completed: 90,
    followUpsOverdue: 4,
  },
  'follow-up-due': {
    followUpId: 'f1',
    courseId: 'c1',
    courseTitle: 'Pelayanan Prima',
    offsetDays: 90,
    answerBy: '2027-03-08T01:00:00Z',
  },
  'follow-up-confirm': {
    followUpId: 'f1',
    courseTitle: 'Pelayanan Prima',
    alumnusName: 'Rina Marpaung',
    offsetDays: 30,
    answerBy: '2027-01-07T01:00:00Z',
  },
  'follow-up-overdue': {
    followUpId: 'f1',
    courseTitle: 'Pelayanan Prima',
    role: 'supervisor',
    alumnusName: 'Rina Marpaung',
    answerBy: '2027-01-07T01:00:00Z',
  },
};

describe('notification templates', () => {
  const events = Object.keys(TEMPLATES) as (keyof NotifyEventData)[];

  it('has a category for every event', () => {
    expect(Object.keys(EVENT_CATEGORY).sort()).toEqual([...events].sort());
  });

  it.each(events.flatMap((e) => (['id', 'en'] as const).map((lang) => [e, lang] as const)))(
    '%s in %s renders every value it names, nothing undefined',
    (event, lang) => {
      const n = renderNotice(event, SAMPLES[event] as never, lang);
      const all = [n.title, ...n.paragraphs, n.action ?? ''].join('\n');
      expect(all).not.toMatch(/undefined|null|NaN|\[object/);
      expect(n.title.length).toBeGreaterThan(5);
      const mail = emailBody('a@b.test', n, lang, {
        app: 'https://belajar.test',
        unsubscribe: 'https://belajar.test/api/v1/unsubscribe?x',
      });
      expect(mail.text).toContain(n.paragraphs[0]);
      expect(mail.html).toContain(lang === 'id' ? 'Berhenti menerima' : 'Stop emails');
    },
  );

  it('writes dates in WIB, in the reader’s language', () => {
    const id = renderNotice('live-reminder', SAMPLES['live-reminder'], 'id');
    expect(id.title).toBe('Besok: Webinar Antrean');
    expect(id.paragraphs[0]).toContain('Selasa, 1 Desember 2026 pukul 09.00 WIB');
    const en = renderNotice(
      'live-reminder',
      { ...SAMPLES['live-reminder'], minutesBefore: 15 },
      'en',
    );
    expect(en.title).toBe('In 15 minutes: Webinar Antrean');
    expect(en.paragraphs[0]).toContain('Tuesday, 1 December 2026 at 09:00 WIB');
  });

  it('words the follow-up notices with their figures', () => {
    const nudge = renderNotice('jp-nudge', SAMPLES['jp-nudge'], 'id');
    expect(nudge.title).toBe('Hak belajar 2026: 6,5 JP dari 20 JP');
    expect(nudge.paragraphs[0]).toContain('Masih ada 13,5 JP lagi');
    const team = renderNotice('jp-team-summary', SAMPLES['jp-team-summary'], 'en');
    expect(team.title).toBe('2 of your 5 team members are below the 2026 JP target');
    expect(team.paragraphs).toContain('• Andi Siregar: 0 JP / 24 JP');
    const back = renderNotice('review-decided', SAMPLES['review-decided'], 'id');
    expect(back.title).toBe('Dikembalikan untuk perbaikan: Pelayanan Prima');
    expect(back.paragraphs).toContain('Catatan peninjau: Lengkapi kuis akhir');
    const opd = renderNotice('opd-compliance', SAMPLES['opd-compliance'], 'id');
    expect(opd.title).toBe('Laporan bulanan Disdukcapil: Oktober 2026');
    expect(opd.paragraphs[1]).toBe(
      '• 30 dari 40 pegawai (75%) telah mencapai target JP 2026; 10 belum.',
    );
  });

  it('words the post-training follow-ups for the alumnus and the supervisor', () => {
    const due = renderNotice('follow-up-due', SAMPLES['follow-up-due'], 'id');
    expect(due.title).toBe('Evaluasi pasca pelatihan: Pelayanan Prima');
    expect(due.paragraphs[0]).toContain('Sudah 3 bulan sejak Anda menyelesaikan');
    expect(due.paragraphs[1]).toContain('Senin, 8 Maret 2027 pukul 08.00 WIB');
    expect(due.link).toBe('/evaluasi/tindak-lanjut');
    const confirm = renderNotice('follow-up-confirm', SAMPLES['follow-up-confirm'], 'en');
    expect(confirm.title).toBe('Confirm how training is applied: Rina Marpaung');
    expect(confirm.paragraphs[0]).toContain('"Pelayanan Prima" 1 month ago');
    expect(confirm.link).toBe('/evaluasi/tim');
    const late = renderNotice('follow-up-overdue', SAMPLES['follow-up-overdue'], 'id');
    expect(late.paragraphs[0]).toContain('oleh Rina Marpaung belum diisi');
    const own = renderNotice(
      'follow-up-overdue',
      { ...SAMPLES['follow-up-overdue'], role: 'alumnus' },
      'id',
    );
    expect(own.link).toBe('/evaluasi/tindak-lanjut');
    const opd = renderNotice('opd-compliance', SAMPLES['opd-compliance'], 'id');
    expect(opd.paragraphs).toContain(
      '• 4 evaluasi pasca pelatihan (laporan alumni atau konfirmasi atasan) terlambat diisi.',
    );
  });

  it('attaches the session’s calendar entry to live-session emails', () => {
    const ics = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n';
    const n = renderNotice('live-reminder', { ...SAMPLES['live-reminder'], ics }, 'id');
    const mail = emailBody('a@b.test', n, 'id', { app: 'https://belajar.test', unsubscribe: null });
    expect(mail.attachments).toEqual([
      {
        filename: 'tambah-ke-kalender.ics',
        content: ics,
        contentType: 'text/calendar; charset=utf-8',
      },
    ]);
    const plain = renderNotice('course-completed', SAMPLES['course-completed'], 'id');
    expect(
      emailBody('a@b.test', plain, 'id', { app: '', unsubscribe: null }).attachments,
    ).toBeUndefined();
  });

  it('escapes what people typed in the HTML email', () => {
    const n = renderNotice(
      'live-cancelled',
      { ...SAMPLES['live-cancelled'], reason: '<script>x</script>' },
      'id',
    );
    const mail = emailBody('a@b.test', n, 'id', { app: 'https://belajar.test', unsubscribe: null });
    expect(mail.html).not.toContain('<script>');
    expect(mail.text).toContain('<script>x</script>');
  });
});
