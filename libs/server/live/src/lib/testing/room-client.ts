import {
  LIVE_NAMESPACE,
  type LiveAck,
  type LiveClientEventName,
  type LiveClientEvents,
  type LiveServerEvents,
} from '@siantar/contracts';
import { io, type Socket } from 'socket.io-client';

type ServerEvent = keyof LiveServerEvents;
type ServerData<E extends ServerEvent> = Parameters<LiveServerEvents[E]>[0];
type Payload<E extends LiveClientEventName> = Parameters<LiveClientEvents[E]>[0];
type Result<E extends LiveClientEventName> = Parameters<Parameters<LiveClientEvents[E]>[1]>[0];

/** A test participant in a live room: records every server event it receives. */
export class RoomClient {
  readonly received: { event: string; data: unknown }[] = [];

  constructor(readonly socket: Socket<LiveServerEvents, LiveClientEvents>) {
    socket.onAny((event: string, data: unknown) => this.received.push({ event, data }));
  }

  call<E extends LiveClientEventName>(event: E, payload: Payload<E>): Promise<Result<E>> {
    const emit = this.socket.timeout(5000).emitWithAck as unknown as (
      e: string,
      p: unknown,
    ) => Promise<Result<E>>;
    return emit.call(this.socket.timeout(5000), event, payload);
  }

  /** Sends anything (malformed payloads, unknown events) and returns the acknowledgement. */
  raw(event: string, payload: unknown): Promise<LiveAck<unknown>> {
    const s = this.socket as unknown as Socket;
    return s.timeout(5000).emitWithAck(event, payload) as Promise<LiveAck<unknown>>;
  }

  /** The events of a name received so far. */
  all<E extends ServerEvent>(event: E): ServerData<E>[] {
    return this.received.filter((r) => r.event === event).map((r) => r.data as ServerData<E>);
  }

  /** Waits for an event of that name matching `match` (already received ones count). */
  async next<E extends ServerEvent>(
    event: E,
    match: (d: ServerData<E>) => boolean = () => true,
    ms = 5000,
  ): Promise<ServerData<E>> {
    const end = Date.now() + ms;
    for (;;) {
      const hit = this.all(event).find(match);
      if (hit !== undefined) return hit;
      if (Date.now() > end) throw new Error(`no "${event}" event within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  close(): void {
    this.socket.disconnect();
  }
}

/** Connects to a session's room; rejects with the server's refusal (message and code). */
export function joinRoom(
  port: number,
  token: string,
  sessionId: string,
  opts: { recovery?: boolean } = {},
): Promise<RoomClient> {
  const socket: Socket<LiveServerEvents, LiveClientEvents> = io(
    `http://127.0.0.1:${port}${LIVE_NAMESPACE}`,
    {
      auth: { token, sessionId },
      transports: ['websocket'],
      reconnection: opts.recovery === true,
      reconnectionDelay: 200,
      reconnectionDelayMax: 500,
      forceNew: true,
    },
  );
  const client = new RoomClient(socket);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(client));
    socket.once('connect_error', (e: Error & { data?: { code?: string } }) => {
      socket.disconnect();
      reject(Object.assign(new Error(e.message), { code: e.data?.code }));
    });
  });
}
