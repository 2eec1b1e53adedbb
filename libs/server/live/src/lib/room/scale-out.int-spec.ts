import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LiveChatMessageView, LivePollView, LiveRoomSnapshot } from '@siantar/contracts';
import { LiveModule } from '../live.module';
import { IdentityModule } from '@siantar/server-identity';
import {
  createOrgUnit,
  createTestApp,
  createTestContext,
  createUser,
  type TestApp,
  type TestContext,
  until,
} from '@siantar/server-testing';
import { runningSession } from '../testing/live-fixture';
import { joinRoom, type RoomClient } from '../testing/room-client';

const MAIN = join(__dirname, '../../../../../../dist/apps/api/main.js');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

const ok = <T>(res: { ok: boolean; data?: T }): T => {
  if (!res.ok) throw new Error(`refused: ${JSON.stringify(res)}`);
  return res.data as T;
};

/**
 * Two built api processes on different ports behind one Redis (and one database):
 * the Redis Streams adapter carries rooms between them, and connection-state
 * recovery gives a client that dropped for 5 s every message it missed.
 */
describe('live rooms across two api processes (real processes, PostgreSQL, Redis)', () => {
  let ctx: TestContext;
  let t: TestApp;
  const procs: ChildProcess[] = [];
  const ports: number[] = [];
  const clients: RoomClient[] = [];
  let sessionId: string;
  const tokens: Record<'host' | 'a' | 'b', string> = { host: '', a: '', b: '' };
  const ids: Record<'host' | 'a' | 'b', string> = { host: '', a: '', b: '' };

  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('Build first: npx nx run-many -t build -p api worker');
    ctx = await createTestContext({ STORAGE_DIR: mkdtempSync(join(tmpdir(), 'sb-scale-')) });
    t = await createTestApp(ctx.config, [IdentityModule, LiveModule]);
    const unit = await createOrgUnit(t.db, { code: 'PEMKO' });
    const host = await createUser(t.db, { unit, roles: ['trainer'], name: 'Pelatih' });
    const a = await createUser(t.db, { unit, name: 'Peserta A' });
    const b = await createUser(t.db, { unit, name: 'Peserta B' });
    for (const [k, u] of [
      ['host', host],
      ['a', a],
      ['b', b],
    ] as const) {
      ids[k] = u.id;
      tokens[k] = await t.tokenFor(u.id);
    }
    sessionId = await runningSession(t, { trainerIds: [host.id] });
    const c = ctx.config;
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      ports.push(port);
      const proc = spawn(process.execPath, [MAIN], {
        env: {
          PATH: process.env['PATH'],
          NODE_ENV: 'test',
          PORT: String(port),
          DATABASE_URL: c.DATABASE_URL,
          DATABASE_POOL_SIZE: '4',
          REDIS_URL: c.REDIS_URL,
          REDIS_PREFIX: c.REDIS_PREFIX,
          JWT_SECRET: c.JWT_SECRET,
          STORAGE_DIR: c.STORAGE_DIR,
          LOG_LEVEL: 'warn',
          SMTP_URL: c.SMTP_URL,
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      procs.push(proc);
    }
    for (const port of ports)
      await until(
        async () =>
          (await fetch(`http://127.0.0.1:${port}/api/health/ready`).catch(() => null))?.ok,
        30_000,
      );
  }, 60_000);

  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(async () => {
    await Promise.all(
      procs.map(
        (p) =>
          new Promise<void>((resolve) => {
            if (p.exitCode !== null) return resolve();
            p.once('exit', () => resolve());
            p.kill('SIGTERM');
          }),
      ),
    );
    await t?.close();
    await ctx?.cleanup();
  });

  const join_ = async (who: 'host' | 'a' | 'b', process: 0 | 1, recovery = false) => {
    const c = await joinRoom(ports[process], tokens[who], sessionId, { recovery });
    clients.push(c);
    return c;
  };

  it('shares presence, chat and polls between clients on different processes', async () => {
    const host = await join_('host', 0);
    const a = await join_('a', 1);
    const b = await join_('b', 1);
    await host.next('presence', (e) => e.present.some((p) => p.userId === ids.a));
    await host.next('presence', (e) => e.present.some((p) => p.userId === ids.b));
    const snap = ok<LiveRoomSnapshot>(await host.call('room:sync', {}));
    expect(snap.participants.map((p) => p.name).sort()).toEqual([
      'Pelatih',
      'Peserta A',
      'Peserta B',
    ]);

    ok(await a.call('chat:send', { text: 'Halo dari proses 2' }));
    await host.next('chat:message', (m) => m.text === 'Halo dari proses 2');
    ok(await host.call('chat:send', { text: 'Halo dari proses 1' }));
    await b.next('chat:message', (m) => m.text === 'Halo dari proses 1');

    const poll = ok<LivePollView>(
      await host.call('poll:create', {
        question: 'Siap?',
        options: ['Ya', 'Belum'],
        multiple: false,
      }),
    );
    ok(await host.call('poll:launch', { pollId: poll.id }));
    await a.next('poll:changed', (p) => p.id === poll.id && p.status === 'open');
    ok(await a.call('poll:vote', { pollId: poll.id, options: [0] }));
    ok(await b.call('poll:vote', { pollId: poll.id, options: [1] }));
    const results = await host.next('poll:changed', (p) => p.id === poll.id && p.voters === 2);
    expect(results.counts).toEqual([1, 1]);

    b.close();
    await host.next('presence', (e) => e.gone.includes(ids.b));
  });

  it('gives a client that dropped for 5 s every chat message it missed', async () => {
    const host = await join_('host', 0);
    const a = await join_('a', 1, true);
    ok(await host.call('chat:send', { text: 'sebelum putus' }));
    await a.next('chat:message', (m) => m.text === 'sebelum putus');
    // Cut the transport; the client stays away for 5 s before it reconnects.
    a.socket.io.reconnectionDelay(5000);
    a.socket.io.reconnectionDelayMax(5000);
    a.socket.io.randomizationFactor(0);
    const dropped = Date.now();
    a.socket.io.engine.close();
    await until(async () => !a.socket.connected);
    const sent: string[] = [];
    for (let i = 1; i <= 20; i++) {
      const m = ok<LiveChatMessageView>(await host.call('chat:send', { text: `saat putus ${i}` }));
      sent.push(m.id);
      await new Promise((r) => setTimeout(r, 200));
    }
    await until(async () => a.socket.connected, 15_000);
    expect(Date.now() - dropped).toBeGreaterThanOrEqual(5000);
    expect(a.socket.recovered).toBe(true);
    ok(await host.call('chat:send', { text: 'sesudah sambung' }));
    await a.next('chat:message', (m) => m.text === 'sesudah sambung');
    const got = a.all('chat:message').map((m) => m.id);
    expect(sent.every((id) => got.includes(id))).toBe(true);
    // In order, once each.
    const texts = a.all('chat:message').map((m) => m.text);
    expect(texts).toEqual([
      'sebelum putus',
      ...Array.from({ length: 20 }, (_, i) => `saat putus ${i + 1}`),
      'sesudah sambung',
    ]);
  }, 40_000);
});
