import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { LiveMediaTokenResponse, LiveRoomSnapshot } from '@siantar/contracts';
import request from 'supertest';
import { auth, createLiveWorld, type LiveWorld, runningSession } from '../testing/live-fixture';
import { joinRoom } from '../testing/room-client';

const SECRET = 'livekit-secret-for-tests-0123456789';

function decode(token: string): Record<string, unknown> {
  const [head, body, sig] = token.split('.');
  const expected = createHmac('sha256', SECRET).update(`${head}.${body}`).digest('base64url');
  expect(sig).toBe(expected);
  expect(JSON.parse(Buffer.from(head, 'base64url').toString())).toEqual({
    alg: 'HS256',
    typ: 'JWT',
  });
  return JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
}

describe('media plane: LiveKit room tokens (real PostgreSQL + Redis)', () => {
  let w: LiveWorld;
  let port: number;
  beforeAll(async () => {
    w = await createLiveWorld({
      LIVEKIT_URL: 'wss://sfu.siantar.test',
      LIVEKIT_API_KEY: 'APIsiantar',
      LIVEKIT_API_SECRET: SECRET,
      LIVE_ICE_SERVERS: '[{"urls":"stun:stun.siantar.test:3478"}]',
    });
    await w.t.app.listen(0, '127.0.0.1');
    port = (w.t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => w.close());

  it('signs a token for those admitted: hosts and speakers publish, participants only watch', async () => {
    const s = await runningSession(w.t, {
      trainerIds: [w.users.trainer.id],
      audience: [w.units.opdA.id],
    });
    const token = (who: { token: string }) =>
      request(w.t.http).get(`/api/v1/live-sessions/${s}/media-token`).set(auth(who.token));
    // Not in the room yet: no media access.
    await token(w.users.learnerA).expect(404);
    const host = await joinRoom(port, w.users.trainer.token, s);
    const learner = await joinRoom(port, w.users.learnerA.token, s);
    const snap = await learner.call('room:sync', {});
    expect(snap.ok && (snap.data as LiveRoomSnapshot).rtc).toEqual({
      mode: 'livekit',
      livekitUrl: 'wss://sfu.siantar.test',
      iceServers: [{ urls: 'stun:stun.siantar.test:3478' }],
    });

    const asHost = (await token(w.users.trainer).expect(200)).body as LiveMediaTokenResponse;
    expect(asHost).toMatchObject({ url: 'wss://sfu.siantar.test', canPublish: true });
    const claims = decode(asHost.token);
    expect(claims).toMatchObject({
      iss: 'APIsiantar',
      sub: w.users.trainer.id,
      name: 'Dr. Lestari',
      video: { room: s, roomJoin: true, canPublish: true, canSubscribe: true },
    });
    expect(Number(claims['exp']) - Number(claims['nbf'])).toBe(7200);

    const asLearner = (await token(w.users.learnerA).expect(200)).body as LiveMediaTokenResponse;
    expect(decode(asLearner.token)).toMatchObject({ video: { canPublish: false } });
    await host.call('participant:speak', { userId: w.users.learnerA.id, speaking: true });
    const promoted = (await token(w.users.learnerA).expect(200)).body as LiveMediaTokenResponse;
    expect(promoted.canPublish).toBe(true);
    // Outsiders learn nothing.
    await token(w.users.learnerB).expect(404);
    host.close();
    learner.close();
  });
});
