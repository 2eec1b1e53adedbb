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
