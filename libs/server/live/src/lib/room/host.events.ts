import {
  ParticipantMute,
  ParticipantRef,
  ParticipantSpeak,
  RoomLock,
  SlidePage,
  SlidesSet,
} from '@siantar/contracts';
import { jobKey, signedFileUrl } from '@siantar/server-core';
import { LiveError } from './live-error';
import { updatedRows } from './updated-rows';
import type { RoomDeps } from './room-deps';
import type { EventTable, LiveNamespace } from './room-types';
import { rooms } from './room-types';
import { participant } from './room-views';
import type { DataSource } from 'typeorm';

type HostEvents = Pick<
  EventTable,
  | 'participant:mute'
  | 'participant:remove'
  | 'participant:speak'
  | 'hand:lower'
  | 'room:lock'
  | 'session:end'
  | 'slides:set'
  | 'slides:page'
>;

const notInRoom = () =>
  new LiveError('not-found', 'Peserta ini tidak ada di sesi (atau ia pemandu sesi).');

/** Changes one non-host participant's row and tells the room. */
async function updateParticipant(
  db: DataSource,
  nsp: LiveNamespace,
  sessionId: string,
  userId: string,
  set: string,
  value?: boolean,
): Promise<void> {
  const rows = await updatedRows(
    db,
    `UPDATE live_participant SET ${set}
      WHERE session_id = $1 AND user_id = $2 AND role <> 'host' AND removed_at IS NULL
      RETURNING 1`,
    value === undefined ? [sessionId, userId] : [sessionId, userId, value],
  );
  if (rows.length === 0) throw notInRoom();
  const view = await participant(db.manager, sessionId, userId);
  if (view) nsp.to(rooms.session(sessionId)).emit('participant:updated', view);
}

export const hostEvents = ({ db, queue, config }: RoomDeps): HostEvents => ({
  'participant:mute': {
    payload: ParticipantMute,
    host: true,
    async run({ nsp, me }, { userId, muted }) {
      await updateParticipant(db, nsp, me.sessionId, userId, 'muted = $3', muted);
      return null;
    },
  },
  'participant:speak': {
    payload: ParticipantSpeak,
    host: true,
    async run({ nsp, me }, { userId, speaking }) {
      await updateParticipant(
        db,
        nsp,
        me.sessionId,
        userId,
        `role = CASE WHEN $3 THEN 'speaker' ELSE 'participant' END,
         media = CASE WHEN $3 THEN media ELSE '{"camera": false, "microphone": false, "screen": false}' END`,
        speaking,
      );
      return null;
    },
  },
  'participant:remove': {
    payload: ParticipantRef,
    host: true,
    async run({ nsp, me }, { userId }) {
      const rows = await updatedRows(
        db,
        `UPDATE live_participant SET removed_at = now(), removed_by = $3, hand_raised_at = NULL
          WHERE session_id = $1 AND user_id = $2 AND role <> 'host' AND removed_at IS NULL
          RETURNING 1`,
        [me.sessionId, userId, me.userId],
      );
      if (rows.length === 0) throw notInRoom();
      const target = rooms.user(me.sessionId, userId);
      nsp.to(target).emit('removed', { reason: 'Pemandu sesi mengeluarkan Anda dari ruang ini.' });
      // On every api process: a server-side disconnect is final (no connection-state recovery).
      nsp.in(target).disconnectSockets(true);
      nsp.to(rooms.session(me.sessionId)).emit('participant:left', { userId });
      return null;
    },
  },
  'hand:lower': {
    payload: ParticipantRef,
    host: true,
    async run({ nsp, me }, { userId }) {
      await updateParticipant(db, nsp, me.sessionId, userId, 'hand_raised_at = NULL');
      return null;
    },
  },
  'room:lock': {
    payload: RoomLock,
    host: true,
    async run({ nsp, me }, { locked }) {
      await db.query(`UPDATE live_session SET locked = $2 WHERE id = $1`, [me.sessionId, locked]);
      nsp.to(rooms.session(me.sessionId)).emit('room:locked', { locked });
      return null;
    },
  },
  'session:end': {
    payload: null,
    host: true,
    async run({ nsp, me }) {
      const rows = await updatedRows<{ ended_at: Date }>(
        db,
        `UPDATE live_session SET status = 'ended', ended_at = now(), updated_at = now()
          WHERE id = $1 AND status = 'scheduled' RETURNING ended_at`,
        [me.sessionId],
      );
      if (!rows[0]) throw new LiveError('ended', 'Sesi ini sudah berakhir.');
      await queue.enqueue(
        'live.finalise-attendance',
        { sessionId: me.sessionId },
        { jobId: jobKey('live-finalise', me.sessionId, 'ended') },
      );
      const room = rooms.session(me.sessionId);
      nsp.to(room).emit('session:ended', { endedAt: rows[0].ended_at.toISOString() });
      nsp.in(room).disconnectSockets(true);
      return null;
    },
  },
  'slides:set': {
    payload: SlidesSet,
    host: true,
    async run({ nsp, me }, { fileId }) {
      if (fileId) {
        const file: { content_type: string }[] = await db.query(
          `SELECT content_type FROM stored_file WHERE id = $1`,
          [fileId],
        );
        if (!file[0]) throw new LiveError('not-found', 'Berkas slide tidak ditemukan.');
        if (file[0].content_type !== 'application/pdf')
          throw new LiveError('invalid', 'Slide harus berupa berkas PDF.');
      }
      await db.query(`UPDATE live_session SET slides_file_id = $2, slide_page = 1 WHERE id = $1`, [
        me.sessionId,
        fileId ?? null,
      ]);
      nsp
        .to(rooms.session(me.sessionId))
        .emit(
          'slides:changed',
          fileId ? { fileId, url: signedFileUrl(config, fileId), page: 1 } : null,
        );
      return null;
    },
  },
  'slides:page': {
    payload: SlidePage,
    host: true,
    async run({ nsp, me }, { page }) {
      const rows = await updatedRows(
        db,
        `UPDATE live_session SET slide_page = $2
          WHERE id = $1 AND slides_file_id IS NOT NULL RETURNING 1`,
        [me.sessionId, page],
      );
      if (rows.length === 0) throw new LiveError('invalid', 'Belum ada slide yang dipasang.');
      nsp.to(rooms.session(me.sessionId)).emit('slides:page', { page });
      return null;
    },
  },
});
