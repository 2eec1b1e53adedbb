import { DOCUMENT, DestroyRef, Injectable, inject, signal } from '@angular/core';
import {
  LIVE_LIMITS,
  LIVE_NAMESPACE,
  type LiveClientEventName,
  type LiveRoomSnapshot,
  type LiveServerEvents,
} from '@siantar/contracts';
import { AuthService } from '@siantar/web-core';
import { catchError, firstValueFrom, of } from 'rxjs';
import {
  type AckData,
  type AckEmitter,
  type ClientPayload,
  LIVE_SOCKET_FACTORY,
  LIVE_SOCKET_PATH,
  LiveRequestError,
  type LiveSocket,
  type UntypedListener,
} from './live-socket';
import type { ServerEvent } from './room-store';

/** `connecting`: first attempt; `reconnecting`: lost and retrying; `disconnected`: given up or closed. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/** An acknowledgement that does not come within this long counts as failed. */
export const REQUEST_TIMEOUT_MS = 10_000;

type Listener<E extends keyof LiveServerEvents> = (payload: ServerEvent<E>) => void;

/**
 * The socket of one room (`/live`, `auth: { token, sessionId }`). On every connection that
 * socket.io could not recover it asks for the room (`room:sync`); a recovered one got the
 * missed events replayed by the server, so it does not. Sends `heartbeat` while connected.
 * Provided by the room screen, so it closes when the user leaves the room.
 */
@Injectable()
export class LiveConnection {
  private readonly auth = inject(AuthService);
  private readonly document = inject(DOCUMENT);
  private readonly createSocket = inject(LIVE_SOCKET_FACTORY);
  private readonly path = inject(LIVE_SOCKET_PATH);

  private socket: LiveSocket | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private readonly listeners: [string, (payload: never) => void][] = [];
  private snapshotHandler: (s: LiveRoomSnapshot) => void = () => undefined;
  private closed = false;

  private readonly connectionState = signal<ConnectionState>('connecting');
  private readonly refusal = signal<string | null>(null);
  private readonly socketId = signal<string | null>(null);

  readonly state = this.connectionState.asReadonly();
  /** The server's reason (Indonesian) for refusing the handshake: not invited, locked room, … */
  readonly refusedWith = this.refusal.asReadonly();
  /** This tab's socket id while connected (the `from` of its signals). */
  readonly id = this.socketId.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.close());
  }

  /** Registers a server event listener; call before `open`. */
  on<E extends keyof LiveServerEvents>(event: E, listener: Listener<E>): void {
    this.listeners.push([event, listener as (payload: never) => void]);
  }

  /** Called with every snapshot (`room:sync`). */
  onSnapshot(handler: (s: LiveRoomSnapshot) => void): void {
    this.snapshotHandler = handler;
  }

  async open(sessionId: string): Promise<void> {
    const origin = this.document.location?.origin;
    if (!origin || this.socket || this.closed) {
      return;
    }
    this.connectionState.set('connecting');
    let socket: LiveSocket;
    try {
      socket = await this.createSocket(origin + LIVE_NAMESPACE, {
        path: this.path,
        transports: ['websocket', 'polling'],
        // Called before every (re)connection, so that each handshake carries a current token.
        auth: (cb: (data: object) => void) => {
          void this.freshToken().then((token) => cb({ token, sessionId }));
        },
      });
    } catch (error: unknown) {
      // The socket.io chunk did not load (offline).
      console.warn('Could not open the live socket', error);
      this.connectionState.set('disconnected');
      return;
    }
    if (this.closed) {
      socket.disconnect();
      return;
    }
    this.socket = socket;
    this.wire(socket);
  }

  /** Tries again after a refused handshake (with a fresh token). */
  retry(): void {
    const socket = this.socket;
    if (!socket || socket.connected) {
      return;
    }
    this.refusal.set(null);
    this.connectionState.set('connecting');
    void firstValueFrom(this.auth.refresh().pipe(catchError(() => of(null)))).then(() => {
      if (this.socket === socket && !this.closed) {
        socket.connect();
      }
    });
  }

  /** Sends a client event and waits for its acknowledgement. */
  request<E extends LiveClientEventName>(event: E, payload: ClientPayload<E>): Promise<AckData<E>> {
    const socket = this.socket;
    if (!socket?.connected) {
      return Promise.reject(new LiveRequestError('offline', null));
    }
    return new Promise<AckData<E>>((resolve, reject) => {
      (socket as unknown as AckEmitter)
        .timeout(REQUEST_TIMEOUT_MS)
        .emit(event, payload, (err, res) => {
          if (err) {
            reject(new LiveRequestError('timeout', null));
          } else if (res.ok) {
            resolve(res.data as AckData<E>);
          } else {
            reject(new LiveRequestError(res.error.code, res.error.message));
          }
        });
    });
  }

  close(): void {
    this.closed = true;
    this.stopHeartbeat();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.removeAllListeners();
      socket.disconnect();
    }
    this.socketId.set(null);
    this.connectionState.set('disconnected');
  }

  private wire(socket: LiveSocket): void {
    for (const [event, listener] of this.listeners) {
      (socket as unknown as UntypedListener).on(event, listener);
    }
    socket.on('connect', () => {
      this.refusal.set(null);
      this.socketId.set(socket.id ?? null);
      this.connectionState.set('connected');
      this.startHeartbeat();
      // A recovered connection got the missed events replayed: the state is current.
      if (!socket.recovered) {
        void this.sync();
      }
    });
    socket.on('disconnect', (reason) => {
      this.stopHeartbeat();
      this.socketId.set(null);
      // The server closed it (removed, session ended): socket.io does not retry by itself.
      this.connectionState.set(
        socket.active && reason !== 'io server disconnect' ? 'reconnecting' : 'disconnected',
      );
    });
    socket.on('connect_error', (err: Error) => {
      if (socket.active) {
        // Network trouble: socket.io keeps trying.
        this.connectionState.set('reconnecting');
        return;
      }
      // The server refused the handshake; its reason is for the user.
      this.refusal.set(err.message);
      this.connectionState.set('disconnected');
    });
  }

  private async sync(): Promise<void> {
    try {
      this.snapshotHandler(await this.request('room:sync', {}));
    } catch (error: unknown) {
      // Left to the room: without a snapshot it keeps showing the connection state.
      console.warn('room:sync failed', error);
      if (error instanceof LiveRequestError && error.serverMessage) {
        this.refusal.set(error.serverMessage);
      }
    }
  }

  private startHeartbeat(): void {
    this.stopHeartbeat();
    this.heartbeat = setInterval(() => {
      this.request('heartbeat', {}).catch(() => undefined);
    }, LIVE_LIMITS.heartbeatSeconds * 1000);
  }

  private stopHeartbeat(): void {
    if (this.heartbeat !== null) {
      clearInterval(this.heartbeat);
      this.heartbeat = null;
    }
  }

  private async freshToken(): Promise<string | null> {
    if (this.auth.accessTokenExpired()) {
      return firstValueFrom(this.auth.refresh().pipe(catchError(() => of(null))));
    }
    return this.auth.accessToken();
  }
}
