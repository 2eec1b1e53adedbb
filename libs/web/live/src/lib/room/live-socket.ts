import { InjectionToken } from '@angular/core';
import type {
  LiveAck,
  LiveClientEventName,
  LiveClientEvents,
  LiveErrorCode,
  LiveServerEvents,
} from '@siantar/contracts';
import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';

/** The socket of one live room: `LiveServerEvents` in, `LiveClientEvents` out. */
export type LiveSocket = Socket<LiveServerEvents, LiveClientEvents>;

export type LiveSocketFactory = (
  url: string,
  options: Partial<ManagerOptions & SocketOptions>,
) => Promise<LiveSocket>;

/**
 * Opens a socket.io connection; replaced in tests. socket.io-client is loaded on first use
 * (entering a room), so that it never weighs on the first page load.
 */
export const LIVE_SOCKET_FACTORY = new InjectionToken<LiveSocketFactory>('LIVE_SOCKET_FACTORY', {
  providedIn: 'root',
  factory: () => async (url, options) => {
    const { io } = await import('socket.io-client');
    return io(url, options) as LiveSocket;
  },
});

/** socket.io's HTTP path on the API's origin (the server's default). */
export const LIVE_SOCKET_PATH = new InjectionToken<string>('LIVE_SOCKET_PATH', {
  providedIn: 'root',
  factory: () => '/socket.io',
});

/** The payload of a client event. */
export type ClientPayload<E extends LiveClientEventName> = Parameters<LiveClientEvents[E]>[0];

/** What the acknowledgement of a client event carries when it succeeds. */
export type AckData<E extends LiveClientEventName> = Parameters<LiveClientEvents[E]>[1] extends (
  res: LiveAck<infer T>,
) => void
  ? T
  : never;

/** Why a request failed: the server's code, or `offline` / `timeout` on this side. */
export type LiveFailure = LiveErrorCode | 'offline' | 'timeout';

/** A refused or unanswered client event. `serverMessage` is the server's Indonesian text. */
export class LiveRequestError extends Error {
  constructor(
    readonly code: LiveFailure,
    readonly serverMessage: string | null,
  ) {
    super(serverMessage ?? code);
    this.name = 'LiveRequestError';
  }
}

/** socket.io's typed `emit` cannot relate a generic event name to its payload and ack. */
export interface AckEmitter {
  timeout(ms: number): {
    emit(
      event: string,
      payload: unknown,
      ack: (err: Error | null, res: LiveAck<unknown>) => void,
    ): void;
  };
}

/** socket.io's typed `on` cannot relate a generic event name to its listener either. */
export interface UntypedListener {
  on(event: string, listener: (payload: never) => void): void;
}
