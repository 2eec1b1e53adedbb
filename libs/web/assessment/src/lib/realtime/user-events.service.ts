import {
  DOCUMENT,
  DestroyRef,
  Injectable,
  InjectionToken,
  effect,
  inject,
  signal,
} from '@angular/core';
import { NOTIFICATIONS_NAMESPACE, type UserServerEvents } from '@siantar/contracts';
import { AuthService } from '@siantar/web-core';
import { Observable, Subject, catchError, firstValueFrom, of } from 'rxjs';
import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';

/** The socket of the user's own room: server → client events only. */
export type UserEventsSocket = Socket<UserServerEvents, Record<string, never>>;

/** Payload of one server event. */
export type UserEvent<E extends keyof UserServerEvents> = Parameters<UserServerEvents[E]>[0];

/**
 * Opens a socket.io connection; replaced in tests. socket.io-client is loaded on first use,
 * so that it never weighs on the first page load.
 */
export const USER_EVENTS_SOCKET_FACTORY = new InjectionToken<
  (url: string, options: Partial<ManagerOptions & SocketOptions>) => Promise<UserEventsSocket>
>('USER_EVENTS_SOCKET_FACTORY', {
  providedIn: 'root',
  factory: () => async (url, options) => {
    const { io } = await import('socket.io-client');
    return io(url, options) as UserEventsSocket;
  },
});

/** socket.io's HTTP path on the API's origin (the server's default). */
export const USER_EVENTS_PATH = new InjectionToken<string>('USER_EVENTS_PATH', {
  providedIn: 'root',
  factory: () => '/socket.io',
});

/** Waits before connecting again after the server refused the connection (ms). */
const REFUSED_RETRY_DELAYS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;

/**
 * One socket.io connection per signed-in tab to `/notifications`, where the server pushes the
 * user's own events (`UserServerEvents`). It opens on the first `on()` and authenticates with
 * the access token on every (re)connection, refreshing it first when it has expired; a refused
 * handshake (expired token) is retried with a fresh one. It closes when the user signs out.
 * Events sent while disconnected are lost: listen to `connects` and refetch what matters.
 */
@Injectable({ providedIn: 'root' })
export class UserEventsService {
  private readonly auth = inject(AuthService);
  private readonly document = inject(DOCUMENT);
  private readonly createSocket = inject(USER_EVENTS_SOCKET_FACTORY);
  private readonly path = inject(USER_EVENTS_PATH);

  /** The connection being opened or open; null when signed out or closed. */
  private socket: Promise<UserEventsSocket | null> | null = null;
  private current: UserEventsSocket | null = null;
  private readonly connectsSubject = new Subject<void>();
  private readonly isConnected = signal(false);
  private refusedCount = 0;
  /** Bumped by `disconnect()`: a connection still being opened is then dropped. */
  private generation = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  /** True while the socket is connected (reactive). */
  readonly connected = this.isConnected.asReadonly();

  /**
   * Emits on every successful connection, the first one included: anything pushed before
   * it (or during an outage) was missed, so listeners refetch their state.
   */
  readonly connects: Observable<void> = this.connectsSubject.asObservable();

  constructor() {
    effect(() => {
      if (!this.auth.user()) {
        this.disconnect();
      }
    });
    inject(DestroyRef).onDestroy(() => this.disconnect());
  }

  /** The server's `event` for the signed-in user; subscribing opens the connection. */
  on<E extends keyof UserServerEvents>(event: E): Observable<UserEvent<E>> {
    return new Observable<UserEvent<E>>((subscriber) => {
      const handler = (payload: UserEvent<E>): void => subscriber.next(payload);
      let socket: Untyped<E> | null = null;
      let closed = false;
      void this.ensure().then((s) => {
        if (s && !closed) {
          // socket.io's typed `on` cannot relate a generic event name to its listener.
          socket = s as unknown as Untyped<E>;
          socket.on(event, handler);
        }
      });
      return () => {
        closed = true;
        socket?.off(event, handler);
      };
    });
  }

  /** Opens the connection now (it also opens on the first `on()`). */
  connect(): void {
    void this.ensure();
  }

  /** Closes the connection (sign-out); the next `on()` opens a new one. */
  disconnect(): void {
    this.clearRetry();
    this.generation++;
    const socket = this.current;
    this.socket = null;
    this.current = null;
    if (socket) {
      socket.removeAllListeners();
      socket.disconnect();
    }
    this.isConnected.set(false);
  }

  private ensure(): Promise<UserEventsSocket | null> {
    if (this.socket) {
      return this.socket;
    }
    const origin = this.document.location?.origin;
    if (!origin || !this.auth.user()) {
      return Promise.resolve(null);
    }
    const opening = this.open(origin);
    this.socket = opening;
    return opening;
  }

  private async open(origin: string): Promise<UserEventsSocket | null> {
    const generation = this.generation;
    let socket: UserEventsSocket;
    try {
      socket = await this.createSocket(origin + NOTIFICATIONS_NAMESPACE, {
        path: this.path,
        transports: ['websocket', 'polling'],
        // Called before every (re)connection, so that each handshake carries a current token.
        auth: (cb: (data: object) => void) => {
          void this.freshToken().then((token) => cb({ token }));
        },
      });
    } catch (error: unknown) {
      // The socket.io chunk did not load (offline): try again on the next `on()`.
      console.warn('Could not open the notifications socket', error);
      if (generation === this.generation) {
        this.socket = null;
      }
      return null;
    }
    if (generation !== this.generation) {
      // Signed out meanwhile.
      socket.disconnect();
      return null;
    }
    socket.on('connect', () => {
      this.refusedCount = 0;
      this.isConnected.set(true);
      this.connectsSubject.next();
    });
    socket.on('disconnect', (reason) => {
      this.isConnected.set(false);
      // The server closed it (e.g. the token ran out): socket.io will not retry by itself.
      if (reason === 'io server disconnect') {
        this.retryRefused(socket);
      }
    });
    socket.on('connect_error', () => {
      this.isConnected.set(false);
      // `active` stays true while socket.io retries on its own (network trouble); false when
      // the server's middleware refused the handshake, typically an expired token.
      if (!socket.active) {
        this.retryRefused(socket);
      }
    });
    this.current = socket;
    return socket;
  }

  private retryRefused(socket: UserEventsSocket): void {
    if (this.retryTimer !== null || this.current !== socket) {
      return;
    }
    const delay =
      REFUSED_RETRY_DELAYS[Math.min(this.refusedCount, REFUSED_RETRY_DELAYS.length - 1)];
    this.refusedCount++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.current !== socket || !this.auth.user()) {
        return;
      }
      // A fresh token first: the refused one has most likely expired.
      void firstValueFrom(this.auth.refresh().pipe(catchError(() => of(null)))).then(() => {
        if (this.current === socket && this.auth.user()) {
          socket.connect();
        }
      });
    }, delay);
  }

  private async freshToken(): Promise<string | null> {
    if (this.auth.accessTokenExpired()) {
      return firstValueFrom(this.auth.refresh().pipe(catchError(() => of(null))));
    }
    return this.auth.accessToken();
  }

  private clearRetry(): void {
    if (this.retryTimer !== null) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
  }
}

interface Untyped<E extends keyof UserServerEvents> {
  on(e: string, h: (p: UserEvent<E>) => void): void;
  off(e: string, h: (p: UserEvent<E>) => void): void;
}
