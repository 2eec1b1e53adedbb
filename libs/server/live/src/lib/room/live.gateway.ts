import { Logger } from '@nestjs/common';
import {
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  WebSocketGateway,
} from '@nestjs/websockets';
import { LIVE_NAMESPACE, type LiveAck, type LiveClientEventName } from '@siantar/contracts';
import { AppError, TokenVerifier } from '@siantar/server-core';
import { isUUID } from 'class-validator';
import type { ExtendedError } from 'socket.io';
import { chatEvents } from './chat.events';
import { hostEvents } from './host.events';
import { LiveError } from './live-error';
import { participantEvents } from './participant.events';
import { pollEvents } from './poll.events';
import { questionEvents } from './question.events';
import { RoomDeps } from './room-deps';
import { admit } from './room-join';
import {
  type Ack,
  type EventSpec,
  type EventTable,
  type LiveNamespace,
  type LiveSocket,
  rooms,
} from './room-types';
import { PresenceBatcher } from './presence-batcher';
import { participantsOf } from './room-views';
import { parsePayload } from './event-payload';

const refusal = (code: string, message: string): ExtendedError =>
  Object.assign(new Error(message), { data: { code } });

/**
 * `/live`: one socket.io room per session. The handshake carries the access token
 * and the session id; admission (who, with which role) is decided there, once, and
 * kept in `socket.data`, which connection-state recovery restores after a short drop.
 * Every client event is validated against its contract class and answered on its
 * acknowledgement; a refusal is also emitted as `live:error`.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE, serveClient: false })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(LiveGateway.name);
  private readonly events: EventTable;
  private nsp!: LiveNamespace;
  private readonly presence = new PresenceBatcher((sessionId, userIds) =>
    this.announce(sessionId, userIds),
  );

  constructor(
    private readonly tokens: TokenVerifier,
    private readonly deps: RoomDeps,
  ) {
    this.events = {
      ...chatEvents(deps),
      ...questionEvents(deps),
      ...pollEvents(deps),
      ...hostEvents(deps),
      ...participantEvents(deps),
    };
  }

  afterInit(nsp: LiveNamespace): void {
    this.nsp = nsp;
    nsp.use((socket, next) => {
      this.admitSocket(socket as LiveSocket).then(
        () => next(),
        (e: unknown) => {
          if (e instanceof LiveError) next(refusal(e.code, e.message));
          else if (e instanceof AppError) next(refusal('forbidden', e.detail));
          else {
            this.logger.error(`admission failed: ${String(e)}`);
            next(refusal('internal', 'Gagal masuk ruang; coba lagi sebentar lagi.'));
          }
        },
      );
    });
  }

  private async admitSocket(socket: LiveSocket): Promise<void> {
    const { token, sessionId } = socket.handshake.auth as Record<string, unknown>;
    if (typeof token !== 'string' || token.length === 0)
      throw new LiveError(
        'forbidden',
        'Token akses wajib dikirim: io(url, { auth: { token, sessionId } }).',
      );
    if (typeof sessionId !== 'string' || !isUUID(sessionId))
      throw new LiveError('invalid', 'sessionId di handshake harus UUID sesi yang ingin dimasuki.');
    const principal = await this.tokens.verify(token);
    const a = await this.deps.db.transaction((em) => admit(em, sessionId, principal));
    socket.data = {
      userId: principal.id,
      name: a.name,
      sessionId,
      role: a.role,
      rtcPeers: [],
    };
    await this.openPresence(socket);
  }

  async handleConnection(socket: LiveSocket): Promise<void> {
    const me = socket.data;
    // A refused handshake never reaches here; a recovered one arrives with its data restored.
    if (!me?.sessionId) return;
    for (const [name, spec] of Object.entries(this.events) as [
      LiveClientEventName,
      EventSpec<LiveClientEventName>,
    ][]) {
      socket.on(
        name,
        ((payload: unknown, ack: unknown) =>
          void this.dispatch(socket, name, spec, payload, ack)) as never,
      );
    }
    socket.onAny((event: string, ...args: unknown[]) => {
      if (event in this.events) return;
      const ack = args.at(-1);
      this.refuse(socket, event, new LiveError('invalid', `Acara "${event}" tidak dikenal.`), ack);
    });
    try {
      // Recovery skips the handshake middleware, where a new socket's presence began.
      if (socket.recovered) await this.openPresence(socket);
      this.presence.touch(me.sessionId, me.userId);
    } catch (e) {
      this.logger.error(`presence for ${me.userId} in ${me.sessionId}: ${String(e)}`);
    }
  }

  /** Tells the room who is there now among the users whose connections changed. */
  private async announce(sessionId: string, userIds: string[]): Promise<void> {
    try {
      const rows = await participantsOf(this.deps.db.manager, sessionId, userIds);
      const present = rows.filter((r) => r.connections > 0 && !r.removed);
      const gone = userIds.filter((id) => !present.some((p) => p.userId === id));
      this.nsp.to(rooms.session(sessionId)).emit('presence', {
        present: present.map(({ removed: _removed, ...view }) => view),
        gone,
      });
    } catch (e) {
      this.logger.error(`presence of ${sessionId}: ${String(e)}`);
    }
  }

  /**
   * Rooms and the presence row are set before the client hears `connect`, so that
   * neither a broadcast nor a heartbeat can come before them.
   */
  private async openPresence(socket: LiveSocket): Promise<void> {
    const me = socket.data;
    const joined = [rooms.session(me.sessionId), rooms.user(me.sessionId, me.userId)];
    if (me.role === 'host') joined.push(rooms.hosts(me.sessionId));
    await socket.join(joined);
    await this.deps.db.query(
      `INSERT INTO live_presence (session_id, user_id, socket_id) VALUES ($1, $2, $3)`,
      [me.sessionId, me.userId, socket.id],
    );
  }

  async handleDisconnect(socket: LiveSocket): Promise<void> {
    const me = socket.data;
    if (!me?.sessionId) return;
    try {
      await this.deps.db.query(
        `UPDATE live_presence SET left_at = clock_timestamp(), last_seen_at = clock_timestamp()
          WHERE socket_id = $1 AND session_id = $2 AND left_at IS NULL`,
        [socket.id, me.sessionId],
      );
      this.presence.touch(me.sessionId, me.userId);
    } catch (e) {
      this.logger.error(`leaving ${me.sessionId}: ${String(e)}`);
    }
  }

  /** Sends everyone out of a session's room, on every api process (a cancelled session). */
  closeRoom(sessionId: string, reason: string): void {
    const room = rooms.session(sessionId);
    this.nsp.to(room).emit('session:ended', { endedAt: new Date().toISOString(), reason });
    this.nsp.in(room).disconnectSockets(true);
  }

  private async dispatch(
    socket: LiveSocket,
    name: LiveClientEventName,
    spec: EventSpec<LiveClientEventName>,
    raw: unknown,
    ack: unknown,
  ): Promise<void> {
    // socket.io passes the ack as the last argument; a client that sends no payload puts it first.
    if (typeof raw === 'function' && ack === undefined) [raw, ack] = [{}, raw];
    try {
      if (spec.host && socket.data.role !== 'host')
        throw new LiveError('forbidden', 'Hanya pemandu sesi (pelatih) yang boleh melakukan ini.');
      const payload = await parsePayload(spec.payload, raw);
      const data = await spec.run({ socket, nsp: this.nsp, me: socket.data }, payload as never);
      if (typeof ack === 'function') (ack as Ack)({ ok: true, data } as LiveAck<unknown>);
    } catch (e) {
      this.refuse(socket, name, e, ack);
    }
  }

  private refuse(socket: LiveSocket, event: string, e: unknown, ack: unknown): void {
    const error =
      e instanceof LiveError
        ? { code: e.code, message: e.message }
        : { code: 'internal' as const, message: 'Terjadi kesalahan di server; coba lagi.' };
    if (!(e instanceof LiveError)) {
      this.logger.error(`${event}: ${String(e)}`);
    }
    socket.emit('live:error', { event, ...error });
    if (typeof ack === 'function') (ack as Ack)({ ok: false, error });
  }
}
