import {
  createOrgUnit,
  createTestApp,
  createTestContext,
  createUser,
  type TestApp,
  type TestContext,
  type TestUnit,
} from '@siantar/server-testing';
import request from 'supertest';
import { IdentityModule } from '../identity.module';
import { hashPassword } from './secrets';

const PASSWORD = 'rahasia-sekali-123';

describe('sign-in, tokens and sessions (real PostgreSQL + Redis)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let unit: TestUnit;
  let hash: string;

  beforeAll(async () => {
    ctx = await createTestContext({
      LOGIN_MAX_FAILURES: '3',
      LOGIN_RATE_PER_MINUTE: '1000',
      ACCESS_TOKEN_TTL: '60',
    });
    t = await createTestApp(ctx.config, [IdentityModule]);
    unit = await createOrgUnit(t.db, { code: 'PEMKO' });
    hash = await hashPassword(PASSWORD);
  });
  afterAll(async () => {
    await t.close();
    await ctx.cleanup();
  });

  const login = (loginName: string, password = PASSWORD) =>
    request(t.http).post('/api/v1/auth/login').send({ login: loginName, password });

  it('signs in with NIP or email and returns the user, a short-lived token and a refresh cookie', async () => {
    const u = await createUser(t.db, { unit, passwordHash: hash, email: 'Rina@Test.Siantar' });
    for (const name of [u.nip as string, 'rina@test.siantar', ' RINA@test.siantar ']) {
      const res = await login(name).expect(200);
      const body = res.body as {
        accessToken: string;
        accessTokenExpiresAt: string;
        user: { id: string };
      };
      expect(body.user.id).toBe(u.id);
      expect(new Date(body.accessTokenExpiresAt).getTime() - Date.now()).toBeLessThanOrEqual(
        60_000,
      );
      expect(String(res.headers['set-cookie'])).toMatch(/sb_refresh=.+HttpOnly.+SameSite=Strict/i);
      const me = await request(t.http)
        .get('/api/v1/me')
        .set('Authorization', `Bearer ${body.accessToken}`)
        .expect(200);
      expect((me.body as { id: string }).id).toBe(u.id);
    }
  });

  it('answers a wrong password with the same 401 as an unknown login', async () => {
    const u = await createUser(t.db, { unit, passwordHash: hash });
    const wrong = await login(u.email, 'salah-salah-salah').expect(401);
    const unknown = await login('nobody@test.siantar', 'salah-salah-salah').expect(401);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    expect((wrong.body as { detail: string }).detail).toBe(
      (unknown.body as { detail: string }).detail,
    );
  });

  it('locks the account after repeated failures, even for the right password, with a clear message', async () => {
    const u = await createUser(t.db, { unit, passwordHash: hash });
    for (let i = 0; i < 3; i++) await login(u.email, 'salah-salah-salah').expect(401);
    const locked = await login(u.email).expect(423);
    expect((locked.body as { code: string }).code).toBe('auth.locked');
    expect((locked.body as { detail: string }).detail).toMatch(/dikunci sementara.*menit/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    await t.db.query(
      `UPDATE app_user SET locked_until = now() - interval '1 second' WHERE id = $1`,
      [u.id],
    );
    await login(u.email).expect(200);
  });

  it('rotates refresh tokens and revokes the whole family when an old one is replayed', async () => {
    const u = await createUser(t.db, { unit, passwordHash: hash });
    const first = (await login(u.email).expect(200)).body as { refreshToken: string };
    const second = (
      await request(t.http)
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: first.refreshToken })
        .expect(200)
    ).body as { refreshToken: string; accessToken: string };
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const replay = await request(t.http)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: first.refreshToken })
      .expect(401);
    expect((replay.body as { detail: string }).detail).toMatch(/sudah pernah dipakai/);
    // The thief's replay also kills the legitimate holder's newer token.
    await request(t.http)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: second.refreshToken })
      .expect(401);
  });

  it('refreshes from the httpOnly cookie and logs out by revoking the family', async () => {
    const u = await createUser(t.db, { unit, passwordHash: hash });
    const agent = request.agent(t.http);
    await agent.post('/api/v1/auth/login').send({ login: u.email, password: PASSWORD }).expect(200);
    await agent.post('/api/v1/auth/refresh').send({}).expect(200);
    await agent.post('/api/v1/auth/logout').send({}).expect(204);
    const after = await request(t.http).post('/api/v1/auth/refresh').send({}).expect(401);
    expect((after.body as { code: string }).code).toBe('auth.refresh-missing');
    const revoked: { n: string }[] = await t.db.query(
      `SELECT count(*) AS n FROM refresh_token WHERE user_id = $1 AND revoked_at IS NULL`,
      [u.id],
    );
    expect(Number(revoked[0].n)).toBe(0);
  });

  it('rejects expired, forged and malformed access tokens with 401', async () => {
    const u = await createUser(t.db, { unit, passwordHash: hash });
    const good = await t.tokenFor(u.id);
    const [h, p] = good.split('.');
    const forged = `${h}.${p}.${'A'.repeat(43)}`;
    const payload = Buffer.from(
      JSON.stringify({ sub: u.id, typ: 'access', iat: 1, exp: 2 }),
    ).toString('base64url');
    for (const token of [forged, `${h}.${payload}.x`, 'not-a-jwt']) {
      const res = await request(t.http)
        .get('/api/v1/me')
        .set('Authorization', `Bearer ${token}`)
        .expect(401);
      expect((res.body as { detail: string }).detail).toMatch(/token akses/i);
    }
    await request(t.http).get('/api/v1/me').set('Authorization', good).expect(401);
  });

  it('says so when the access token has expired', async () => {
    const u = await createUser(t.db, { unit, passwordHash: hash });
    const { JwtService } = await import('@nestjs/jwt');
    const expired = await t.app
      .get(JwtService)
      .signAsync({ sub: u.id, typ: 'access' }, { expiresIn: -10 });
    const res = await request(t.http)
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${expired}`)
      .expect(401);
    expect((res.body as { detail: string }).detail).toMatch(/kedaluwarsa/);
  });

  it('stops a deactivated user at once, even with a valid token', async () => {
    const u = await createUser(t.db, { unit, passwordHash: hash });
    const token = await t.tokenFor(u.id);
    await request(t.http).get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(200);
    await t.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [u.id]);
    await request(t.http).get('/api/v1/me').set('Authorization', `Bearer ${token}`).expect(401);
    await login(u.email).expect(403);
  });

  it('changes the password: the old one stops working, other sessions end, this one stays', async () => {
    const u = await createUser(t.db, { unit, passwordHash: hash });
    const other = (await login(u.email).expect(200)).body as { refreshToken: string };
    const agent = request.agent(t.http);
    const mine = (
      await agent
        .post('/api/v1/auth/login')
        .send({ login: u.email, password: PASSWORD })
        .expect(200)
    ).body as {
      accessToken: string;
    };
    await agent
      .post('/api/v1/auth/password')
      .set('Authorization', `Bearer ${mine.accessToken}`)
      .send({ currentPassword: 'salah-salah-salah', newPassword: 'baru-sekali-456' })
      .expect(400);
    await agent
      .post('/api/v1/auth/password')
      .set('Authorization', `Bearer ${mine.accessToken}`)
      .send({ currentPassword: PASSWORD, newPassword: 'pendek' })
      .expect(400);
    await agent
      .post('/api/v1/auth/password')
      .set('Authorization', `Bearer ${mine.accessToken}`)
      .send({ currentPassword: PASSWORD, newPassword: 'baru-sekali-456' })
      .expect(204);
    await login(u.email).expect(401);
    await login(u.email, 'baru-sekali-456').expect(200);
    await request(t.http)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: other.refreshToken })
      .expect(401);
    await agent.post('/api/v1/auth/refresh').send({}).expect(200);
  });

  it('sets a password once through a one-time token', async () => {
    const u = await createUser(t.db, { unit, passwordHash: null });
    const { PasswordTokensService } = await import('./password-tokens.service');
    const token = await t.app.get(PasswordTokensService).create(u.id);
    await request(t.http)
      .post('/api/v1/auth/set-password')
      .send({ token, password: 'sandi-pertama-789' })
      .expect(204);
    await login(u.email, 'sandi-pertama-789').expect(200);
    const again = await request(t.http)
      .post('/api/v1/auth/set-password')
      .send({ token, password: 'sandi-kedua-789' })
      .expect(400);
    expect((again.body as { code: string }).code).toBe('auth.password-token-invalid');
  });
});

describe('login rate limit per client address', () => {
  let ctx: TestContext;
  let t: TestApp;

  beforeAll(async () => {
    ctx = await createTestContext({ LOGIN_RATE_PER_MINUTE: '3' });
    t = await createTestApp(ctx.config, [IdentityModule]);
  });
  afterAll(async () => {
    await t.close();
    await ctx.cleanup();
  });

  it('answers 429 with Retry-After once the address exceeds the limit', async () => {
    for (let i = 0; i < 3; i++) {
      await request(t.http)
        .post('/api/v1/auth/login')
        .send({ login: 'x@y.z', password: 'p' })
        .expect(401);
    }
    const res = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ login: 'x@y.z', password: 'p' })
      .expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect((res.body as { detail: string }).detail).toMatch(/Terlalu banyak percobaan/);
  });
});
