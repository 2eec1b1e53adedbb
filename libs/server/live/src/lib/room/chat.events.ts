import { ChatHistoryQuery, ChatSend, LIVE_LIMITS, MessageRef } from '@siantar/contracts';
import { LiveError } from './live-error';
import { updatedRows } from './updated-rows';
import type { RoomDeps } from './room-deps';
import type { EventTable } from './room-types';
import { rooms } from './room-types';
import { chatPage, chatView } from './room-views';

export const mutedError = () =>
  new LiveError('muted', 'Pemandu sesi membisukan Anda; pesan dan pertanyaan belum dapat dikirim.');

type ChatEvents = Pick<EventTable, 'chat:send' | 'chat:history' | 'chat:delete'>;

export const chatEvents = ({ db, limiter }: RoomDeps): ChatEvents => ({
  'chat:send': {
    payload: ChatSend,
    async run({ nsp, me }, { text }) {
      // Hosts run the room (announcements, links, answers): only participants are limited.
      if (me.role !== 'host')
        await limiter.take('chat', me.userId, LIVE_LIMITS.chatPerWindow, LIVE_LIMITS.windowSeconds);
      // The mute check and the insert are one statement: a message never slips past a mute.
      const rows: { id: string; sent_at: Date }[] = await db.query(
        `INSERT INTO live_chat_message (session_id, user_id, text)
         SELECT p.session_id, p.user_id, $3 FROM live_participant p
          WHERE p.session_id = $1 AND p.user_id = $2 AND NOT p.muted AND p.removed_at IS NULL
         RETURNING id, sent_at`,
        [me.sessionId, me.userId, text],
      );
      if (!rows[0]) throw mutedError();
      const view = chatView({ ...rows[0], user_id: me.userId, name: me.name, role: me.role, text });
      nsp.to(rooms.session(me.sessionId)).emit('chat:message', view);
      return view;
    },
  },
  'chat:history': {
    payload: ChatHistoryQuery,
    run: ({ me }, { before }) => chatPage(db.manager, me.sessionId, before ?? null),
  },
  'chat:delete': {
    payload: MessageRef,
    host: true,
    async run({ nsp, me }, { messageId }) {
      const rows = await updatedRows(
        db,
        `UPDATE live_chat_message SET deleted_at = now(), deleted_by = $3
          WHERE id = $1 AND session_id = $2 AND deleted_at IS NULL RETURNING id`,
        [messageId, me.sessionId, me.userId],
      );
      if (rows.length === 0) throw new LiveError('not-found', 'Pesan tidak ditemukan di sesi ini.');
      nsp.to(rooms.session(me.sessionId)).emit('chat:deleted', { messageId });
      return null;
    },
  },
});
