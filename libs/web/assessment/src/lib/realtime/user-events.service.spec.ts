import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AttemptResult, MeResponse } from '@siantar/contracts';
import { AuthService } from '@siantar/web-core';
import { of } from 'rxjs';
import {
  USER_EVENTS_SOCKET_FACTORY,
  UserEventsService,
  type UserEventsSocket,
} from './user-events.service';

type Handler = (...args: unknown[]) => void;

/** Just enough of a socket.io client socket. */
class FakeSocket {
  readonly handlers = new Map<string, Handler[]>();
  active = true;
  connects = 0;
  disconnected = false;
  on(event: string, h: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), h]);
    return this;
  }
  off(event: string, h: Handler): this {
    this.handlers.set(
      event,
      (this.handlers.get(event) ?? []).filter((x) => x !== h),
    );
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const h of this.handlers.get(event) ?? []) {
      h(...args);
    }
  }
  connect(): this {
    this.connects++;
    return this;
  }
  disconnect(): this {
    this.disconnected = true;
    return this;
  }
  removeAllListeners(): this {
    this.handlers.clear();
    return this;
  }
}

describe('UserEventsService', () => {
  let socket: FakeSocket;
  let factory: jest.Mock;
  let auth: AuthService;
  let token: string;

  beforeEach(() => {
    socket = new FakeSocket();
    token = 'token-1';
    factory = jest.fn(async () => socket as unknown as UserEventsSocket);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: USER_EVENTS_SOCKET_FACTORY, useValue: factory },
      ],
    });
    auth = TestBed.inject(AuthService);
    auth.setUser({ id: 'u1', name: 'Rina' } as MeResponse);
    jest.spyOn(auth, 'accessToken').mockImplementation(() => token);
    jest.spyOn(auth, 'accessTokenExpired').mockReturnValue(false);
  });

  afterEach(() => jest.useRealTimers());

  const settle = async (): Promise<void> => {
    for (let i = 0; i < 5; i++) {
      await Promise.resolve();
    }
  };

  it('opens one connection to /notifications with the access token and delivers typed events', async () => {
    const service = TestBed.inject(UserEventsService);
    const seen: string[] = [];
    const a = service.on('attempt.graded').subscribe((e) => seen.push(`a:${e.attemptId}`));
    const b = service.on('attempt.graded').subscribe((e) => seen.push(`b:${e.attemptId}`));
    await settle();
    expect(factory).toHaveBeenCalledTimes(1);
    const [url, options] = factory.mock.calls[0] as [string, Record<string, unknown>];
    expect(url).toBe(`${location.origin}/notifications`);
    expect(options['transports']).toEqual(['websocket', 'polling']);
    const auth = options['auth'] as (cb: (d: object) => void) => void;
    const sent = await new Promise<object>((resolve) => auth(resolve));
    expect(sent).toEqual({ token: 'token-1' });

    const result: AttemptResult = {
      status: 'graded',
      mark: 1,
      maxMark: 1,
      percent: 100,
      passed: true,
      gradedAt: null,
    };
    socket.emit('attempt.graded', { attemptId: 'x', quizId: 'q', result });
    a.unsubscribe();
    socket.emit('attempt.graded', { attemptId: 'y', quizId: 'q', result });
    b.unsubscribe();
    expect(seen).toEqual(['a:x', 'b:x', 'b:y']);
  });

  it('reports every connection, so that screens refetch what they may have missed', async () => {
    const service = TestBed.inject(UserEventsService);
    let connects = 0;
    service.connects.subscribe(() => connects++);
    service.connect();
    await settle();
    socket.emit('connect');
    expect(service.connected()).toBe(true);
    socket.emit('disconnect', 'transport close');
    expect(service.connected()).toBe(false);
    socket.emit('connect');
    expect(connects).toBe(2);
  });

  it('sends a fresh token on reconnect, and reconnects with a refreshed token after a refusal', async () => {
    jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
    const service = TestBed.inject(UserEventsService);
    const refresh = jest.spyOn(auth, 'refresh').mockImplementation(() => {
      token = 'token-2';
      return of('token-2');
    });
    service.connect();
    await jest.advanceTimersByTimeAsync(0);
    const options = factory.mock.calls[0][1] as { auth: (cb: (d: object) => void) => void };

    // The server refused the handshake (expired token): socket.io gives up by itself.
    socket.active = false;
    socket.emit('connect_error', new Error('unauthorized'));
    await jest.advanceTimersByTimeAsync(1_000);
    expect(refresh).toHaveBeenCalled();
    expect(socket.connects).toBe(1);
    const sent = await new Promise<object>((resolve) => options.auth(resolve));
    expect(sent).toEqual({ token: 'token-2' });
  });

  it('closes the connection when the user signs out', async () => {
    const service = TestBed.inject(UserEventsService);
    service.connect();
    await settle();
    auth.clear();
    TestBed.tick();
    expect(socket.disconnected).toBe(true);
  });
});
