import type {
  LiveAck,
  LiveClientEventName,
  LiveClientEvents,
  LiveRole,
  LiveServerEvents,
} from '@siantar/contracts';
import type { Namespace, Socket } from 'socket.io';

export interface LiveSocketData {
  userId: string;
  name: string;
  sessionId: string;
  role: LiveRole;
  /** Sockets this one may signal to (checked once, then remembered). */
  rtcPeers: string[];
}

type None = Record<string, never>;
export type LiveSocket = Socket<LiveClientEvents, LiveServerEvents, None, LiveSocketData>;
export type LiveNamespace = Namespace<LiveClientEvents, LiveServerEvents, None, LiveSocketData>;

export type EventPayload<E extends LiveClientEventName> = Parameters<LiveClientEvents[E]>[0];
export type EventResult<E extends LiveClientEventName> = Extract<
  Parameters<Parameters<LiveClientEvents[E]>[1]>[0],
  { ok: true }
>['data'];

export interface RoomContext {
  socket: LiveSocket;
  nsp: LiveNamespace;
  me: LiveSocketData;
}

/** How an event is checked and run; `host`: only the session's hosts may send it. */
export interface EventSpec<E extends LiveClientEventName> {
  payload: (new () => EventPayload<E>) | null;
  host?: boolean;
  run(ctx: RoomContext, payload: EventPayload<E>): Promise<EventResult<E>>;
}

export type EventTable = { [E in LiveClientEventName]: EventSpec<E> };

export type Ack = (res: LiveAck<unknown>) => void;

export const rooms = {
  session: (sessionId: string) => `live:${sessionId}`,
  hosts: (sessionId: string) => `live:${sessionId}:hosts`,
  user: (sessionId: string, userId: string) => `live:${sessionId}:u:${userId}`,
};
