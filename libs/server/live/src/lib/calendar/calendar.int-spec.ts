import type { CalendarFeedUrlResponse, LiveSessionView } from '@siantar/contracts';
import request from 'supertest';
import { checkIcal, unescapeText } from '../ical/ical-check';
import { wibDateTime } from '../ical/ical';
import { auth, createLiveWorld, inDays, type LiveWorld } from '../testing/live-fixture';

describe('calendar file and per-user iCalendar feed (real PostgreSQL + Redis)', () => {
  let w: LiveWorld;
  let session: LiveSessionView;
  beforeAll(async () => {
    w = await createLiveWorld();
    await request(w.t.http)
      .post(`/api/v1/catalog/${w.course.id}/enrol`)
      .set(auth(w.users.learnerA.token))
      .expect(201);
    session = (
      await request(w.t.http)
        .post('/api/v1/live-sessions')
        .set(auth(w.users.trainer.token))
        .send({
          courseId: w.course.id,
          lessonKey: w.course.liveKey,
          title:
            'Sesi: Pelayanan Publik, Etika; dan Integritas — “Sipatuhan” bersama BKPSDM Kota Pematangsiantar',
          description: 'Baris satu\nBaris dua, dengan koma; dan titik koma \\ garis miring',
          startsAt: inDays(2),
          endsAt: inDays(2, 2),
        })
        .expect(201)
    ).body as LiveSessionView;
  });
  afterAll(() => w.close());

  const feedUrl = async (token: string) =>
    (
      (await request(w.t.http).get('/api/v1/my/calendar-feed-url').set(auth(token)).expect(200))
        .body as CalendarFeedUrlResponse
    ).url;
  const path = (url: string) => new URL(url).pathname;
  const feed = async (url: string) => {
    const res = await request(w.t.http).get(path(url)).buffer(true).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar; charset=utf-8/);
    const check = checkIcal(res.text);
    expect(check.errors).toEqual([]);
    return check;
  };

  it('one session as an .ics file: well-formed, one VEVENT in Asia/Jakarta with UID and SEQUENCE', async () => {
    const res = await request(w.t.http)
      .get(`/api/v1/live-sessions/${session.id}/calendar.ics`)
      .set(auth(w.users.learnerA.token))
      .buffer(true)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['content-disposition']).toMatch(/attachment/);
    const check = checkIcal(res.text);
    expect(check.errors).toEqual([]);
    expect(res.text).toContain('METHOD:PUBLISH\r\n');
    expect(check.events).toHaveLength(1);
    const [e] = check.events;
    expect(e['UID'].value).toBe(`${session.id}@siantar-belajar`);
    expect(e['SEQUENCE'].value).toBe('0');
    expect(e['DTSTART']).toMatchObject({
      params: { TZID: 'Asia/Jakarta' },
      value: wibDateTime(new Date(session.startsAt)),
    });
    expect(unescapeText(e['SUMMARY'].value)).toBe(session.title);
    expect(unescapeText(e['DESCRIPTION'].value)).toContain(
      'Baris satu\nBaris dua, dengan koma; dan titik koma \\ garis miring',
    );
    await request(w.t.http)
      .get(`/api/v1/live-sessions/${session.id}/calendar.ics`)
      .set(auth(w.users.learnerB.token))
      .expect(404);
  });

  it('the feed URL is stable, unguessable and per user', async () => {
    const a = await feedUrl(w.users.learnerA.token);
    expect(await feedUrl(w.users.learnerA.token)).toBe(a);
    const b = await feedUrl(w.users.learnerB.token);
    expect(b).not.toBe(a);
    const token = /\/api\/v1\/calendar\/([A-Za-z0-9_-]+)\.ics$/.exec(a)?.[1] ?? '';
    expect(token).toHaveLength(43); // 256 bits, base64url
    const stored: { token_hash: string }[] = await w.t.db.query(
      `SELECT token_hash FROM calendar_feed_token WHERE user_id = $1`,
      [w.users.learnerA.id],
    );
    expect(stored[0].token_hash).not.toContain(token);
    // a neighbour of the token, a made-up one and a malformed one answer 404
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    await request(w.t.http).get(`/api/v1/calendar/${flipped}.ics`).expect(404);
    await request(w.t.http)
      .get(`/api/v1/calendar/${'x'.repeat(43)}.ics`)
      .expect(404);
    await request(w.t.http).get('/api/v1/calendar/abc.ics').expect(404);
    const mine = await feed(a);
    expect(mine.events.map((e) => e['UID'].value)).toContain(`${session.id}@siantar-belajar`);
    const theirs = await feed(b);
    expect(theirs.events.map((e) => e['UID'].value)).not.toContain(`${session.id}@siantar-belajar`);
  });

  it('rescheduling shows the new time and a higher SEQUENCE; cancelling shows STATUS:CANCELLED', async () => {
    const url = await feedUrl(w.users.learnerA.token);
    await request(w.t.http)
      .patch(`/api/v1/live-sessions/${session.id}`)
      .set(auth(w.users.trainer.token))
      .send({ startsAt: inDays(6), endsAt: inDays(6, 1) })
      .expect(200);
    const event = async () =>
      (await feed(url)).events.find((e) => e['UID'].value === `${session.id}@siantar-belajar`);
    const moved = await event();
    expect(moved?.['SEQUENCE'].value).toBe('1');
    expect(moved?.['DTSTART'].value).toBe(wibDateTime(new Date(inDays(6))));
    expect(moved?.['DTEND'].value).toBe(wibDateTime(new Date(inDays(6, 1))));
    expect(moved?.['STATUS'].value).toBe('CONFIRMED');
    await request(w.t.http)
      .post(`/api/v1/live-sessions/${session.id}/cancel`)
      .set(auth(w.users.trainer.token))
      .send({ reason: 'Ruang rapat dipakai untuk kegiatan lain' })
      .expect(200);
    const cancelled = await event();
    expect(cancelled?.['STATUS'].value).toBe('CANCELLED');
    expect(cancelled?.['SEQUENCE'].value).toBe('2');
    expect(unescapeText(cancelled?.['DESCRIPTION'].value ?? '')).toContain(
      'Ruang rapat dipakai untuk kegiatan lain',
    );
  });

  it('the feed keeps the last 30 days and leaves older sessions out', async () => {
    const recent = await w.t.db.query<{ id: string }[]>(
      `INSERT INTO live_session (title, starts_at, ends_at, created_by)
       VALUES ('Webinar lalu', now() - interval '10 days', now() - interval '10 days' + interval '1 hour', $1),
              ('Webinar lama', now() - interval '40 days', now() - interval '40 days' + interval '1 hour', $1)
       RETURNING id`,
      [w.users.cityAdmin.id],
    );
    const uids = (await feed(await feedUrl(w.users.learnerB.token))).events.map(
      (e) => e['UID'].value,
    );
    expect(uids).toContain(`${recent[0].id}@siantar-belajar`);
    expect(uids).not.toContain(`${recent[1].id}@siantar-belajar`);
  });

  it('rotating the URL makes the old one answer 404', async () => {
    const old = await feedUrl(w.users.learnerA.token);
    const rotated = (
      (
        await request(w.t.http)
          .post('/api/v1/my/calendar-feed-url/rotate')
          .set(auth(w.users.learnerA.token))
          .expect(200)
      ).body as CalendarFeedUrlResponse
    ).url;
    expect(rotated).not.toBe(old);
    await request(w.t.http).get(path(old)).expect(404);
    await feed(rotated);
    expect(await feedUrl(w.users.learnerA.token)).toBe(rotated);
  });
});
