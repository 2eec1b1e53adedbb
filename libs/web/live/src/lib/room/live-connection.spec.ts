import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { MeResponse } from '@siantar/contracts';
import { AuthService } from '@siantar/web-core';
import { of } from 'rxjs';
import { LiveConnection } from './live-connection';
import { LIVE_SOCKET_FACTORY, LiveRequestError, type LiveSocket } from './live-socket';
import { FakeSocket } from './testing/fake-socket';
import { snapshot } from './testing/room-fixtures';

describe('LiveConnection', () => {
  let socket: FakeSocket;
  let factory: jest.Mock;
  let connection: LiveConnection;

  const settle = async (): Promise<void> => {
    for (let i = 0; i < 5; i++) {
      await Promise.resolve();
    }
  };

  beforeEach(() => {
    socket = new FakeSocket();
    factory = jest.fn(async () => socket as unknown as LiveSocket);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        LiveConnection,
        { provide: LIVE_SOCKET_FACTORY, useValue: factory },
      ],
    });
    const auth = TestBed.inject(AuthService);
    auth.setUser({ id: 'u1', name: 'Rina' } as MeResponse);
    jest.spyOn(auth, 'accessToken').mockReturnValue('token-1');
    jest.spyOn(auth, 'accessTokenExpired').mockReturnValue(false);
    connection = TestBed.inject(LiveConnection);
  });

  afterEach(() => jest.useRealTimers());

  it('connects to /live with the token and the session id', async () => {
    await connection.open('session-1');
    const [url, options] = factory.mock.calls[0] as [string, Record<string, unknown>];
    expect(url).toBe(`${location.origin}/live`);
    expect(options['path']).toBe('/socket.io');
    expect(options['transports']).toEqual(['websocket', 'polling']);
    const auth = options['auth'] as (cb: (d: object) => void) => void;
    await expect(new Promise<object>((resolve) => auth(resolve))).resolves.toEqual({
      token: 'token-1',
      sessionId: 'session-1',
    });
    expect(connection.state()).toBe('connecting');
  });

  it('asks for the room on a fresh connection and hands the snapshot over', async () => {
    const seen: string[] = [];
    connection.onSnapshot((s) => seen.push(s.me.socketId));
    await connection.open('session-1');
    socket.up();
    expect(connection.state()).toBe('connected');
    expect(connection.id()).toBe('sock-1');
    const sync = socket.take('room:sync');
    expect(sync.payload).toEqual({});
    sync.ack(null, { ok: true, data: snapshot() });
    await settle();
    expect(seen).toEqual(['sock-learner']);
  });

  it('does not resync a recovered connection (the server replayed what was missed)', async () => {
    await connection.open('session-1');
    socket.up(true);
    expect(socket.sent.filter((s) => s.event === 'room:sync')).toHaveLength(0);
    // A drop that socket.io could not recover: a full resync.
    socket.connected = false;
    socket.fire('disconnect', 'transport close');
    expect(connection.state()).toBe('reconnecting');
    socket.up(false);
    expect(socket.sent.filter((s) => s.event === 'room:sync')).toHaveLength(1);
  });

  it('delivers server events to the listeners registered before opening', async () => {
    const messages: string[] = [];
    connection.on('chat:message', (m) => messages.push(m.text));
    await connection.open('session-1');
    socket.fire('chat:message', { id: 'm1', text: 'Selamat pagi' });
    expect(messages).toEqual(['Selamat pagi']);
  });

  it('sends a heartbeat every 30 seconds while connected', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    await connection.open('session-1');
    socket.up(true);
    jest.advanceTimersByTime(65_000);
    expect(socket.sent.filter((s) => s.event === 'heartbeat').map((s) => s.payload)).toEqual([
      {},
      {},
    ]);
    socket.connected = false;
    socket.fire('disconnect', 'transport close');
    jest.advanceTimersByTime(65_000);
    expect(socket.sent.filter((s) => s.event === 'heartbeat')).toHaveLength(2);
  });

  it('resolves a request with the data of its acknowledgement, and rejects a refusal with the server text', async () => {
    await connection.open('session-1');
    socket.up(true);
    const ok = connection.request('chat:send', { text: 'Halo' });
    socket.take('chat:send').ack(null, { ok: true, data: { id: 'm1' } });
    await expect(ok).resolves.toEqual({ id: 'm1' });

    const refused = connection.request('chat:send', { text: 'Halo lagi' });
    socket
      .take('chat:send')
      .ack(null, { ok: false, error: { code: 'muted', message: 'Anda dibisukan pemandu.' } });
    await expect(refused).rejects.toEqual(new LiveRequestError('muted', 'Anda dibisukan pemandu.'));

    const late = connection.request('heartbeat', {});
    socket.take('heartbeat').ack(new Error('operation has timed out'), { ok: true, data: null });
    await expect(late).rejects.toMatchObject({ code: 'timeout' });
  });

  it('refuses requests at once while not connected', async () => {
    await connection.open('session-1');
    await expect(connection.request('chat:send', { text: 'Halo' })).rejects.toMatchObject({
      code: 'offline',
    });
    expect(socket.sent).toHaveLength(0);
  });

  it('shows why the server refused the handshake, and tries again on demand', async () => {
    await connection.open('session-1');
    socket.active = false;
    socket.fire('connect_error', new Error('Sesi ini sudah berakhir.'));
    expect(connection.state()).toBe('disconnected');
    expect(connection.refusedWith()).toBe('Sesi ini sudah berakhir.');

    const auth = TestBed.inject(AuthService);
    jest.spyOn(auth, 'refresh').mockReturnValue(of('token-2'));
    connection.retry();
    expect(connection.refusedWith()).toBeNull();
    await settle();
    expect(socket.connects).toBe(1);
  });

  it('keeps retrying quietly while socket.io itself reconnects', async () => {
    await connection.open('session-1');
    socket.fire('connect_error', new Error('xhr poll error'));
    expect(connection.state()).toBe('reconnecting');
    expect(connection.refusedWith()).toBeNull();
  });

  it('treats a disconnect by the server (removed, ended) as final', async () => {
    await connection.open('session-1');
    socket.up(true);
    socket.connected = false;
    socket.fire('disconnect', 'io server disconnect');
    expect(connection.state()).toBe('disconnected');
  });
});
