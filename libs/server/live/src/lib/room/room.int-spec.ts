import type { AddressInfo } from 'node:net';
import { LIVE_LIMITS, type LivePollView, type LiveRoomSnapshot } from '@siantar/contracts';
import { QueueService, REDIS } from '@siantar/server-core';
import type { Redis } from 'ioredis';
import request from 'supertest';
import { createUser, until } from '@siantar/server-testing';
import { auth, createLiveWorld, type LiveWorld, runningSession } from '../testing/live-fixture';
import { joinRoom, type RoomClient } from '../testing/room-client';

const ok = <T>(res: { ok: boolean; data?: T }): T => {
  if (!res.ok) throw new Error(`refused: ${JSON.stringify(res)}`);
  return res.data as T;
};
const refusal = (res: { ok: boolean; error?: { code: string } }) =>
  res.ok ? 'ok' : res.error?.code;

describe('the /live room over socket.io (real PostgreSQL + Redis)', () => {
  let w: LiveWorld;
  let port: number;
  let sessionId: string;
  const open: RoomClient[] = [];
  const join = async (token: string, id = sessionId) => {
    const c = await joinRoom(port, token, id);
    open.push(c);
    return c;
  };
  const count = async (sql: string, params: unknown[]) =>
    ((await w.t.db.query(sql, params)) as { n: number }[])[0].n;

  beforeAll(async () => {
    w = await createLiveWorld();
    await w.t.app.listen(0, '127.0.0.1');
    port = (w.t.app.getHttpServer().address() as AddressInfo).port;
    // A webinar for OPD A (with its bidang): learnerB of OPD B is not invited.
    sessionId = await runningSession(w.t, {
      trainerIds: [w.users.trainer.id],
      audience: [w.units.opdA.id],
    });
  });
  afterEach(async () => {
    open.splice(0).forEach((c) => c.close());
    // Each test starts with fresh rate-limit windows.
    const redis = w.t.app.get<Redis>(REDIS);
    const keys = await redis.keys(`${w.ctx.config.REDIS_PREFIX}:rl:live:*`);
    if (keys.length > 0) await redis.del(...keys);
  });
  afterAll(() => w.close());

  describe('admission in the handshake', () => {
    it('lets the invited in as participants and the trainer as host', async () => {
      const host = await join(w.users.trainer.token);
      const learner = await join(w.users.learnerBidang.token);
      const snap = ok<LiveRoomSnapshot>(await host.call('room:sync', {}));
      expect(snap.me.role).toBe('host');
      expect(ok<LiveRoomSnapshot>(await learner.call('room:sync', {})).me.role).toBe('participant');
      const came = await host.next('presence', (e) =>
        e.present.some((p) => p.userId === w.users.learnerBidang.id),
      );
      expect(came.present.find((p) => p.userId === w.users.learnerBidang.id)).toMatchObject({
        role: 'participant',
        connections: 1,
        handRaisedAt: null,
      });
      learner.close();
      const went = await host.next('presence', (e) => e.gone.includes(w.users.learnerBidang.id));
      expect(went.present).toEqual([]);
    });

    it('announces a crowd arriving together in a few presence messages', async () => {
      const s = await runningSession(w.t, {
        trainerIds: [w.users.trainer.id],
        audience: [w.units.opdA.id],
      });
      const host = await join(w.users.trainer.token, s);
      const crowd = await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          const u = await createUser(w.t.db, { unit: w.units.opdA, name: `Hadirin ${i}` });
          return w.t.tokenFor(u.id);
        }),
      );
      await Promise.all(crowd.map((token) => join(token, s)));
      await until(async () => {
        const seen = new Set(host.all('presence').flatMap((e) => e.present.map((p) => p.userId)));
        return seen.size >= 21;
      }, 5000);
      expect(host.all('presence').length).toBeLessThan(10);
    });

    it('admits an admin whose reach holds the webinar as host, and keeps out one whose does not', async () => {
      const admin = await join(w.users.cityAdmin.token);
      expect(ok<LiveRoomSnapshot>(await admin.call('room:sync', {})).me.role).toBe('host');
      await expect(join(w.users.adminB.token)).rejects.toMatchObject({ code: 'not-found' });
    });

    it('keeps a connection present by its heartbeat', async () => {
      const learner = await join(w.users.learnerBidang.token);
      const seen = async () =>
        (
          (await w.t.db.query(
            `SELECT last_seen_at FROM live_presence
              WHERE session_id = $1 AND user_id = $2 AND left_at IS NULL`,
            [sessionId, w.users.learnerBidang.id],
          )) as { last_seen_at: Date }[]
        )[0].last_seen_at.getTime();
      const before = await seen();
      await new Promise((r) => setTimeout(r, 20));
      ok(await learner.call('heartbeat', {}));
      expect(await seen()).toBeGreaterThan(before);
      expect(refusal(await learner.raw('heartbeat', { extra: 1 }))).toBe('invalid');
    });

    it('refuses the uninvited, a missing token and a malformed session id, with a reason', async () => {
      await expect(join(w.users.learnerB.token)).rejects.toMatchObject({
        code: 'not-found',
        message: expect.stringMatching(/tidak diundang/),
      });
      await expect(join('')).rejects.toMatchObject({ code: 'forbidden' });
      await expect(join(w.users.learnerA.token, 'sesi-1')).rejects.toMatchObject({
        code: 'invalid',
      });
      await expect(join('bukan-token')).rejects.toMatchObject({ code: 'forbidden' });
      expect(
        await count(`SELECT count(*)::int AS n FROM live_participant WHERE user_id = $1`, [
          w.users.learnerB.id,
        ]),
      ).toBe(0);
    });

    it('refuses sessions that ended, were cancelled, or have not opened yet', async () => {
      const later = await runningSession(w.t, {
        trainerIds: [w.users.trainer.id],
        startedMinutesAgo: -60,
        endsInMinutes: 120,
      });
      await expect(join(w.users.learnerA.token, later)).rejects.toMatchObject({
        message: expect.stringMatching(/15 menit sebelum/),
      });
      // The host may enter early to prepare.
      await join(w.users.trainer.token, later);
      await w.t.db.query(
        `UPDATE live_session SET status = 'cancelled', cancel_reason = 'Narasumber sakit' WHERE id = $1`,
        [later],
      );
      await expect(join(w.users.learnerA.token, later)).rejects.toMatchObject({
        code: 'ended',
        message: expect.stringMatching(/Narasumber sakit/),
      });
    });

    it('keeps to the capacity, counting a returning participant once', async () => {
      const small = await runningSession(w.t, {
        trainerIds: [w.users.trainer.id],
        capacity: 1,
        audience: [w.units.opdA.id],
      });
      const first = await join(w.users.learnerA.token, small);
      first.close();
      await join(w.users.learnerA.token, small); // back in: same seat
      await join(w.users.trainer.token, small); // hosts do not take seats
      await expect(join(w.users.learnerBidang.token, small)).rejects.toMatchObject({
        message: expect.stringMatching(/Ruang penuh: kapasitas 1/),
      });
    });
    it('gives the last seats once when many arrive together', async () => {
      const s = await runningSession(w.t, {
        trainerIds: [w.users.trainer.id],
        capacity: 3,
        audience: [w.units.opdA.id],
      });
      const crowd = await Promise.all(
        Array.from({ length: 8 }, async (_, i) => {
          const u = await createUser(w.t.db, { unit: w.units.opdA, name: `Peserta ${i}` });
          return w.t.tokenFor(u.id);
        }),
      );
      const results = await Promise.allSettled(crowd.map((token) => join(token, s)));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
      expect(
        await count(`SELECT count(*)::int AS n FROM live_participant WHERE session_id = $1`, [s]),
      ).toBe(3);
    });
  });

  describe('chat', () => {
    it('broadcasts and persists messages; the history pages back', async () => {
      const s = await runningSession(w.t, {
        trainerIds: [w.users.trainer.id],
        audience: [w.units.opdA.id],
      });
      const host = await join(w.users.trainer.token, s);
      const learner = await join(w.users.learnerA.token, s);
      for (let i = 1; i <= 5; i++) ok(await learner.call('chat:send', { text: `  pesan ${i}  ` }));
      const got = await host.next('chat:message', (m) => m.text === 'pesan 5');
      expect(got).toMatchObject({
        userId: w.users.learnerA.id,
        name: 'Budi Dinkes',
        role: 'participant',
      });
      // Older pages: insert 60 older messages straight into the table.
      await w.t.db.query(
        `INSERT INTO live_chat_message (session_id, user_id, text, sent_at)
         SELECT $1, $2, 'lama ' || g, now() - interval '1 hour' + g * interval '1 second'
           FROM generate_series(1, 60) g`,
        [s, w.users.learnerA.id],
      );
      const snap = ok<LiveRoomSnapshot>(await learner.call('room:sync', {}));
      expect(snap.chat).toHaveLength(LIVE_LIMITS.chatPageSize);
      expect(snap.chat.at(-1)?.text).toBe('pesan 5');
      expect(snap.chatHasMore).toBe(true);
      const older = ok<{ messages: { text: string }[]; hasMore: boolean }>(
        await learner.call('chat:history', { before: snap.chat[0].id }),
      );
      expect(older.messages).toHaveLength(15);
      expect(older.messages[0].text).toBe('lama 1');
      expect(older.hasMore).toBe(false);
    });

    it('refuses an over-long message, a malformed payload and an unknown event, storing nothing', async () => {
      const learner = await join(w.users.learnerA.token);
      const before = await count(
        `SELECT count(*)::int AS n FROM live_chat_message WHERE session_id = $1`,
        [sessionId],
      );
      const long = await learner.call('chat:send', {
        text: 'x'.repeat(LIVE_LIMITS.chatMaxLength + 1),
      });
      expect(long).toMatchObject({
        ok: false,
        error: { code: 'invalid', message: expect.stringMatching(/text/) },
      });
      expect(await learner.raw('chat:send', { text: 'hai', admin: true })).toMatchObject({
        ok: false,
        error: { code: 'invalid', message: expect.stringMatching(/admin/) },
      });
      expect(await learner.raw('chat:send', 'hai')).toMatchObject({
        ok: false,
        error: { code: 'invalid' },
      });
      expect(await learner.raw('chat:send', { text: 42 })).toMatchObject({
        ok: false,
        error: { code: 'invalid' },
      });
      expect(await learner.raw('admin:grant', {})).toMatchObject({
        ok: false,
        error: { code: 'invalid' },
      });
      await learner.next('live:error', (e) => e.event === 'admin:grant');
      expect(
        await count(`SELECT count(*)::int AS n FROM live_chat_message WHERE session_id = $1`, [
          sessionId,
        ]),
      ).toBe(before);
    });

    it('rate-limits flooding per user across tabs', async () => {
      const s = await runningSession(w.t, {
        trainerIds: [w.users.trainer.id],
        audience: [w.units.opdA.id],
      });
      const tab1 = await join(w.users.learnerBidang.token, s);
      const tab2 = await join(w.users.learnerBidang.token, s);
      const results = [];
      for (let i = 0; i <= LIVE_LIMITS.chatPerWindow * 2; i++)
        results.push(
          refusal(await (i % 2 ? tab2 : tab1).call('chat:send', { text: `banjir ${i}` })),
        );
      // A window boundary may fall inside the burst: at most one window's worth got through per window.
      expect(results.filter((r) => r === 'ok').length).toBeLessThanOrEqual(
        LIVE_LIMITS.chatPerWindow * 2,
      );
      expect(results).toContain('rate-limited');
      const stored = await count(
        `SELECT count(*)::int AS n FROM live_chat_message WHERE session_id = $1`,
        [s],
      );
      expect(stored).toBe(results.filter((r) => r === 'ok').length);
    });

    it('lets only the host delete messages and mute or remove participants', async () => {
      const s = await runningSession(w.t, {
        trainerIds: [w.users.trainer.id],
        audience: [w.units.opdA.id],
      });
      const host = await join(w.users.trainer.token, s);
      const learner = await join(w.users.learnerA.token, s);
      const other = await join(w.users.learnerBidang.token, s);
      const msg = ok<{ id: string }>(
        await learner.call('chat:send', { text: 'iklan tidak pantas' }),
      );
      for (const [event, payload] of [
        ['chat:delete', { messageId: msg.id }],
        ['participant:mute', { userId: w.users.learnerA.id, muted: true }],
        ['participant:remove', { userId: w.users.learnerA.id }],
        ['participant:speak', { userId: w.users.learnerA.id, speaking: true }],
        ['room:lock', { locked: true }],
        ['session:end', {}],
        ['hand:lower', { userId: w.users.learnerA.id }],
      ] as const)
        expect(refusal(await other.raw(event, payload))).toBe('forbidden');

      ok(await host.call('chat:delete', { messageId: msg.id }));
      await other.next('chat:deleted', (e) => e.messageId === msg.id);
      const snap = ok<LiveRoomSnapshot>(await other.call('room:sync', {}));
      expect(snap.chat.map((m) => m.id)).not.toContain(msg.id);

      ok(await host.call('participant:mute', { userId: w.users.learnerA.id, muted: true }));
      expect(await learner.call('chat:send', { text: 'halo?' })).toMatchObject({
        ok: false,
        error: { code: 'muted' },
      });
      expect(refusal(await learner.call('question:ask', { text: 'Boleh bertanya?' }))).toBe(
        'muted',
      );
      ok(await host.call('participant:mute', { userId: w.users.learnerA.id, muted: false }));
      ok(await learner.call('chat:send', { text: 'terima kasih' }));

      ok(await host.call('participant:remove', { userId: w.users.learnerA.id }));
      await learner.next('removed');
      await new Promise<void>((r) =>
        learner.socket.connected ? learner.socket.once('disconnect', () => r()) : r(),
      );
      await host.next('participant:left', (e) => e.userId === w.users.learnerA.id);
      await expect(join(w.users.learnerA.token, s)).rejects.toMatchObject({
        message: expect.stringMatching(/mengeluarkan Anda/),
      });
    });
  });

  describe('Q&A', () => {
    it('keeps anonymous questions anonymous, counts one upvote each, and the host marks answered', async () => {
      const s = await runningSession(w.t, {
        trainerIds: [w.users.trainer.id],
        audience: [w.units.opdA.id],
      });
      const host = await join(w.users.trainer.token, s);
      const asker = await join(w.users.learnerA.token, s);
      const voter = await join(w.users.learnerBidang.token, s);
      const q = ok<{ id: string; mine: boolean; askedBy: unknown }>(
        await asker.call('question:ask', {
          text: 'Apakah KTP-el bisa diurus daring?',
          anonymous: true,
        }),
      );
      expect(q).toMatchObject({ mine: true, askedBy: null });
      const seen = await host.next('question:changed', (x) => x.id === q.id);
      expect(seen.askedBy).toBeNull();
      expect(JSON.stringify(host.received)).not.toContain(
        w.users.learnerA.id.slice(0, 8) + '","name":"Budi',
      );
      ok(await voter.call('question:upvote', { questionId: q.id }));
      expect(refusal(await voter.call('question:upvote', { questionId: q.id }))).toBe(
        'already-voted',
      );
      expect(
        (await host.next('question:changed', (x) => x.id === q.id && x.upvotes === 1)).upvotes,
      ).toBe(1);
      expect(
        refusal(await voter.call('question:answered', { questionId: q.id, answered: true })),
      ).toBe('forbidden');
      ok(await host.call('question:answered', { questionId: q.id, answered: true }));
      await voter.next('question:changed', (x) => x.id === q.id && x.answeredAt !== null);
      const named = ok<{ askedBy: { name: string } | null }>(
        await voter.call('question:ask', { text: 'Berapa lama prosesnya?' }),
      );
      expect(named.askedBy?.name).toBe('Sari Yankes');
      const snap = ok<LiveRoomSnapshot>(await voter.call('room:sync', {}));
      expect(snap.questions.find((x) => x.id === q.id)).toMatchObject({
        upvotedByMe: true,
        mine: false,
        askedBy: null,
      });
    });
  });

  describe('polls', () => {
    it('runs a graded poll: draft hidden, launched without the answer, one vote each, closed', async () => {
      const s = await runningSession(w.t, {
        trainerIds: [w.users.trainer.id],
        audience: [w.units.opdA.id],
      });
      const host = await join(w.users.trainer.token, s);
      const a = await join(w.users.learnerA.token, s);
      const b = await join(w.users.learnerBidang.token, s);
      const create = {
        question: 'Berapa hari SLA KTP-el?',
        options: ['1 hari', '3 hari', '14 hari'],
        multiple: false,
        correctOptions: [0],
      };
      expect(refusal(await a.call('poll:create', create))).toBe('forbidden');
      expect(refusal(await host.call('poll:create', { ...create, correctOptions: [0, 1] }))).toBe(
        'invalid',
      );
      expect(refusal(await host.call('poll:create', { ...create, correctOptions: [5] }))).toBe(
        'invalid',
      );
      const poll = ok<LivePollView>(await host.call('poll:create', create));
      expect(poll).toMatchObject({ status: 'draft', correctOptions: [0], graded: true });
      expect(ok<LiveRoomSnapshot>(await a.call('room:sync', {})).polls).toHaveLength(0);
      expect(refusal(await a.call('poll:vote', { pollId: poll.id, options: [0] }))).toBe(
        'not-found',
      );
      expect(refusal(await a.call('poll:launch', { pollId: poll.id }))).toBe('forbidden');

      ok(await host.call('poll:launch', { pollId: poll.id }));
      const launched = await a.next('poll:changed', (p) => p.id === poll.id && p.status === 'open');
      expect(launched.correctOptions).toBeNull();
      expect(refusal(await a.call('poll:vote', { pollId: poll.id, options: [0, 1] }))).toBe(
        'invalid',
      );
      expect(refusal(await a.call('poll:vote', { pollId: poll.id, options: [3] }))).toBe('invalid');
      ok(await a.call('poll:vote', { pollId: poll.id, options: [0] }));
      expect(refusal(await a.call('poll:vote', { pollId: poll.id, options: [1] }))).toBe(
        'already-voted',
      );
      ok(await b.call('poll:vote', { pollId: poll.id, options: [2] }));
      const live = await host.next('poll:changed', (p) => p.id === poll.id && p.voters === 2);
      expect(live.counts).toEqual([1, 0, 1]);
      expect(live.correctOptions).toEqual([0]);

      ok(await host.call('poll:close', { pollId: poll.id }));
      const closed = await b.next('poll:changed', (p) => p.id === poll.id && p.status === 'closed');
      expect(closed.correctOptions).toEqual([0]);
      expect(refusal(await b.call('poll:vote', { pollId: poll.id, options: [0] }))).toBe(
        'poll-closed',
      );
      const late = await join(w.users.cityAdmin.token, s);
      expect(refusal(await late.call('poll:vote', { pollId: poll.id, options: [0] }))).toBe(
        'poll-closed',
      );
      const votes: { user_id: string; correct: boolean }[] = await w.t.db.query(
        `SELECT user_id, correct FROM live_poll_vote WHERE poll_id = $1 ORDER BY correct DESC`,
        [poll.id],
      );
      expect(votes).toEqual([
        { user_id: w.users.learnerA.id, correct: true },
        { user_id: w.users.learnerBidang.id, correct: false },
      ]);
    });
  });

  describe('hands, reactions, lock, slides and media', () => {
    it('queues raised hands in order and the host lowers them', async () => {
      const s = await runningSession(w.t, {
        trainerIds: [w.users.trainer.id],
        audience: [w.units.opdA.id],
      });
      const host = await join(w.users.trainer.token, s);
      const a = await join(w.users.learnerA.token, s);
      const b = await join(w.users.learnerBidang.token, s);
      ok(await b.call('hand:raise', { raised: true }));
      ok(await a.call('hand:raise', { raised: true }));
      ok(await b.call('hand:raise', { raised: true })); // raising again keeps the place
      const snap = ok<LiveRoomSnapshot>(await host.call('room:sync', {}));
      const queue = snap.participants
        .filter((p) => p.handRaisedAt)
        .sort((x, y) => (x.handRaisedAt ?? '').localeCompare(y.handRaisedAt ?? ''))
        .map((p) => p.userId);
      expect(queue).toEqual([w.users.learnerBidang.id, w.users.learnerA.id]);
      ok(await host.call('hand:lower', { userId: w.users.learnerBidang.id }));
      await a.next(
        'participant:updated',
        (p) => p.userId === w.users.learnerBidang.id && p.handRaisedAt === null,
      );
      ok(await a.call('reaction', { emoji: '👏' }));
      await host.next('reaction', (r) => r.userId === w.users.learnerA.id && r.emoji === '👏');
      expect(refusal(await a.raw('reaction', { emoji: '💩' }))).toBe('invalid');
    });

    it('locks the room to newcomers only', async () => {
      const s = await runningSession(w.t, {
        trainerIds: [w.users.trainer.id],
        audience: [w.units.opdA.id],
      });
      const host = await join(w.users.trainer.token, s);
      const a = await join(w.users.learnerA.token, s);
      ok(await host.call('room:lock', { locked: true }));
      await a.next('room:locked', (e) => e.locked);
      a.close();
      await join(w.users.learnerA.token, s); // had a seat: may come back
      await expect(join(w.users.learnerBidang.token, s)).rejects.toMatchObject({
        message: expect.stringMatching(/dikunci/),
      });
    });

    it('syncs slide pages, late joiners land on the current page', async () => {
      const s = await runningSession(w.t, {
        trainerIds: [w.users.trainer.id],
        audience: [w.units.opdA.id],
      });
      const host = await join(w.users.trainer.token, s);
      const a = await join(w.users.learnerA.token, s);
      const file = async (type: string) =>
        (
          (await w.t.db.query(
            `INSERT INTO stored_file (purpose, storage_key, filename, content_type, size, sha256, uploaded_by)
             VALUES ('document', 'slides/' || gen_random_uuid(), 'materi', $1, 10, repeat('0', 64), $2) RETURNING id`,
            [type, w.users.trainer.id],
          )) as { id: string }[]
        )[0].id;
      expect(refusal(await host.call('slides:page', { page: 2 }))).toBe('invalid');
      expect(refusal(await host.call('slides:set', { fileId: await file('image/png') }))).toBe(
        'invalid',
      );
      const pdf = await file('application/pdf');
      expect(refusal(await a.call('slides:set', { fileId: pdf }))).toBe('forbidden');
      ok(await host.call('slides:set', { fileId: pdf }));
      const changed = await a.next('slides:changed', (x) => x?.fileId === pdf);
      expect(changed?.url).toMatch(new RegExp(`/api/v1/files/${pdf}/content\\?exp=\\d+&sig=`));
      ok(await host.call('slides:page', { page: 4 }));
      await a.next('slides:page', (e) => e.page === 4);
      expect(refusal(await a.call('slides:page', { page: 1 }))).toBe('forbidden');
      const late = await join(w.users.learnerBidang.token, s);
      expect(ok<LiveRoomSnapshot>(await late.call('room:sync', {})).slides).toMatchObject({
        fileId: pdf,
        page: 4,
      });
    });

    it('relays WebRTC signalling only between publishers and the room', async () => {
      const s = await runningSession(w.t, {
        trainerIds: [w.users.trainer.id],
        audience: [w.units.opdA.id],
      });
      const host = await join(w.users.trainer.token, s);
      const a = await join(w.users.learnerA.token, s);
      const b = await join(w.users.learnerBidang.token, s);
      const outsider = await join(w.users.trainer.token, sessionId);
      // Built-in mesh: no SFU token to hand out.
      const snap = ok<LiveRoomSnapshot>(await a.call('room:sync', {}));
      expect(snap.rtc).toEqual({ mode: 'mesh', iceServers: [], livekitUrl: null });
      await request(w.t.http)
        .get(`/api/v1/live-sessions/${s}/media-token`)
        .set(auth(w.users.trainer.token))
        .expect(409);
      // A viewer asks the host for its stream; the host offers to that socket.
      ok(await a.call('rtc:signal', { to: `user:${w.users.trainer.id}` }));
      const ask = await host.next('rtc:signal', (x) => x.fromUserId === w.users.learnerA.id);
      ok(
        await host.call('rtc:signal', {
          to: ask.from,
          description: { type: 'offer', sdp: 'v=0 offer' },
        }),
      );
      const offer = await a.next('rtc:signal', (x) => x.description?.type === 'offer');
      expect(offer).toMatchObject({ fromUserId: w.users.trainer.id, from: host.socket.id });
      ok(
        await a.call('rtc:signal', {
          to: offer.from,
          description: { type: 'answer', sdp: 'v=0 answer' },
        }),
      );
      await host.next('rtc:signal', (x) => x.description?.type === 'answer');
      // Viewers do not signal each other, nor anyone outside the session.
      expect(
        refusal(
          await a.call('rtc:signal', { to: b.socket.id ?? '', candidate: { candidate: 'c' } }),
        ),
      ).toBe('forbidden');
      expect(
        refusal(
          await host.call('rtc:signal', {
            to: outsider.socket.id ?? '',
            candidate: { candidate: 'c' },
          }),
        ),
      ).toBe('forbidden');
      expect(
        refusal(await a.call('media:state', { camera: true, microphone: true, screen: false })),
      ).toBe('forbidden');
      // Promoted to speak, the learner publishes.
      ok(await host.call('participant:speak', { userId: w.users.learnerA.id, speaking: true }));
      ok(await a.call('media:state', { camera: false, microphone: true, screen: false }));
      const speaking = await b.next(
        'participant:updated',
        (p) => p.userId === w.users.learnerA.id && p.media.microphone,
      );
      expect(speaking.role).toBe('speaker');
      ok(await a.call('rtc:signal', { to: b.socket.id ?? '', candidate: { candidate: 'c2' } }));
      await b.next('rtc:signal', (x) => x.candidate?.candidate === 'c2');
    });
  });

  it('closes the room when the session is cancelled while people are in it', async () => {
    const s = await runningSession(w.t, {
      trainerIds: [w.users.trainer.id],
      audience: [w.units.opdA.id],
    });
    const a = await join(w.users.learnerA.token, s);
    await request(w.t.http)
      .post(`/api/v1/live-sessions/${s}/cancel`)
      .set(auth(w.users.trainer.token))
      .send({ reason: 'Listrik padam di studio' })
      .expect(200);
    const ended = await a.next('session:ended');
    expect(ended.reason).toMatch(/Listrik padam/);
    await new Promise<void>((r) =>
      a.socket.connected ? a.socket.once('disconnect', () => r()) : r(),
    );
  });

  it('ends the session for everyone and plans the attendance job', async () => {
    const s = await runningSession(w.t, {
      trainerIds: [w.users.trainer.id],
      audience: [w.units.opdA.id],
    });
    const host = await join(w.users.trainer.token, s);
    const a = await join(w.users.learnerA.token, s);
    expect(refusal(await a.call('session:end', {}))).toBe('forbidden');
    ok(await host.call('session:end', {}));
    await a.next('session:ended');
    await new Promise<void>((r) =>
      a.socket.connected ? a.socket.once('disconnect', () => r()) : r(),
    );
    const [row]: { status: string; ended_at: Date | null }[] = await w.t.db.query(
      `SELECT status, ended_at FROM live_session WHERE id = $1`,
      [s],
    );
    expect(row.status).toBe('ended');
    const job = await w.t.app.get(QueueService).queue('live').getJob(`live-finalise-${s}-ended`);
    expect(job?.data).toEqual({ sessionId: s });
    await expect(join(w.users.learnerA.token, s)).rejects.toMatchObject({ code: 'ended' });
    // Presence rows were closed on disconnect.
    expect(
      await count(
        `SELECT count(*)::int AS n FROM live_presence WHERE session_id = $1 AND left_at IS NULL`,
        [s],
      ),
    ).toBe(0);
  });
});
