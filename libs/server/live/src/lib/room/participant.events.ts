import {
  HandRaise,
  LIVE_LIMITS,
  MediaState,
  ReactionSend,
  RtcSignal,
  type LiveRtcConfig,
} from '@siantar/contracts';
import { signedFileUrl } from '@siantar/server-core';
import { SESSION_SELECT, type SessionRow } from '../sessions/session-row';
import { sessionView } from '../sessions/sessions.service';
import { LiveError } from './live-error';
import type { RoomDeps } from './room-deps';
import type { EventTable, RoomContext } from './room-types';
import { rooms } from './room-types';
import { chatPage, participant, pollsFor, presentParticipants, questionsFor } from './room-views';

type ParticipantEvents = Pick<
  EventTable,
  'room:sync' | 'heartbeat' | 'hand:raise' | 'reaction' | 'media:state' | 'rtc:signal'
>;

const USER_TARGET = /^user:([0-9a-f-]{36})$/;

export function rtcConfig(d: RoomDeps['config']): LiveRtcConfig {
  const livekit = d.LIVEKIT_URL !== '' && d.LIVEKIT_API_KEY !== '' && d.LIVEKIT_API_SECRET !== '';
  return {
    mode: livekit ? 'livekit' : 'mesh',
    iceServers: d.LIVE_ICE_SERVERS
      ? (JSON.parse(d.LIVE_ICE_SERVERS) as LiveRtcConfig['iceServers'])
      : [],
    livekitUrl: livekit ? d.LIVEKIT_URL : null,
  };
}

export const participantEvents = (deps: RoomDeps): ParticipantEvents => {
  const { db, limiter, config } = deps;
  const isPublisher = async (sessionId: string, userId: string) => {
    const rows: { role: string }[] = await db.query(
      `SELECT role FROM live_participant WHERE session_id = $1 AND user_id = $2 AND removed_at IS NULL`,
      [sessionId, userId],
    );
    return rows[0]?.role === 'host' || rows[0]?.role === 'speaker';
  };

  /**
   * Mesh WebRTC: publishers (hosts, speakers) talk to everyone; a participant only
   * to publishers. A socket id is checked once (it must be in the same session).
   */
  const mayReach = async ({ nsp, me }: RoomContext, to: string): Promise<boolean> => {
    if (me.rtcPeers.includes(to)) return true;
    const iPublish = await isPublisher(me.sessionId, me.userId);
    const userTarget = USER_TARGET.exec(to)?.[1];
    let targetUser: string | undefined = userTarget;
    if (!userTarget) {
      const [target] = await nsp.in(to).fetchSockets();
      if (!target || target.data.sessionId !== me.sessionId) return false;
      targetUser = target.data.userId;
    }
    if (!targetUser) return false;
    const ok = iPublish || (await isPublisher(me.sessionId, targetUser));
    if (ok && !userTarget) me.rtcPeers.push(to);
    return ok;
  };

  return {
    'room:sync': {
      payload: null,
      async run({ socket, me }) {
        const em = db.manager;
        const [row]: SessionRow[] = await em.query(`${SESSION_SELECT} WHERE s.id = $1`, [
          me.sessionId,
        ]);
        const host = me.role === 'host';
        const mine = await participant(em, me.sessionId, me.userId);
        const chat = await chatPage(em, me.sessionId, null);
        return {
          session: sessionView(row, host),
          me: {
            userId: me.userId,
            role: mine?.role ?? me.role,
            socketId: socket.id,
            muted: mine?.muted ?? false,
          },
          locked: row.locked,
          participants: await presentParticipants(em, me.sessionId),
          chat: chat.messages,
          chatHasMore: chat.hasMore,
          questions: await questionsFor(em, me.sessionId, me.userId),
          polls: await pollsFor(em, me.sessionId, me.userId, host),
          slides: row.slides_file_id
            ? {
                fileId: row.slides_file_id,
                url: signedFileUrl(config, row.slides_file_id),
                page: row.slide_page,
              }
            : null,
          rtc: rtcConfig(config),
        };
      },
    },
    heartbeat: {
      payload: null,
      async run({ socket, me }) {
        await db.query(
          `UPDATE live_presence SET last_seen_at = clock_timestamp()
            WHERE socket_id = $1 AND session_id = $2 AND left_at IS NULL`,
          [socket.id, me.sessionId],
        );
        return null;
      },
    },
    'hand:raise': {
      payload: HandRaise,
      async run({ nsp, me }, { raised }) {
        await db.query(
          `UPDATE live_participant
              SET hand_raised_at = CASE WHEN $3 THEN coalesce(hand_raised_at, clock_timestamp()) END
            WHERE session_id = $1 AND user_id = $2`,
          [me.sessionId, me.userId, raised],
        );
        const view = await participant(db.manager, me.sessionId, me.userId);
        if (view) nsp.to(rooms.session(me.sessionId)).emit('participant:updated', view);
        return null;
      },
    },
    reaction: {
      payload: ReactionSend,
      async run({ nsp, me }, { emoji }) {
        await limiter.take(
          'reaction',
          me.userId,
          LIVE_LIMITS.reactionsPerWindow,
          LIVE_LIMITS.windowSeconds,
        );
        nsp.to(rooms.session(me.sessionId)).emit('reaction', { userId: me.userId, emoji });
        return null;
      },
    },
    'media:state': {
      payload: MediaState,
      async run({ nsp, me }, media) {
        if (
          !(await isPublisher(me.sessionId, me.userId)) &&
          (media.camera || media.microphone || media.screen)
        )
          throw new LiveError(
            'forbidden',
            'Hanya pemandu dan peserta yang diberi giliran bicara yang dapat menyalakan kamera atau mikrofon.',
          );
        await db.query(
          `UPDATE live_participant SET media = $3 WHERE session_id = $1 AND user_id = $2`,
          [me.sessionId, me.userId, JSON.stringify(media)],
        );
        const view = await participant(db.manager, me.sessionId, me.userId);
        if (view) nsp.to(rooms.session(me.sessionId)).emit('participant:updated', view);
        return null;
      },
    },
    'rtc:signal': {
      payload: RtcSignal,
      async run(ctx, { to, description, candidate }) {
        if (!(await mayReach(ctx, to)))
          throw new LiveError(
            'forbidden',
            'Sinyal media hanya boleh dikirim antara pemandu/pembicara dan peserta di sesi yang sama.',
          );
        const userTarget = USER_TARGET.exec(to)?.[1];
        const target = userTarget ? rooms.user(ctx.me.sessionId, userTarget) : to;
        ctx.nsp.to(target).emit('rtc:signal', {
          from: ctx.socket.id,
          fromUserId: ctx.me.userId,
          ...(description ? { description } : {}),
          ...(candidate ? { candidate } : {}),
        });
        return null;
      },
    },
  };
};
