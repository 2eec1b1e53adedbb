import { LIVE_LIMITS, QuestionAnswered, QuestionAsk, QuestionRef } from '@siantar/contracts';
import type { EntityManager } from 'typeorm';
import { mutedError } from './chat.events';
import { LiveError } from './live-error';
import { updatedRows } from './updated-rows';
import type { RoomDeps } from './room-deps';
import type { EventTable, LiveNamespace } from './room-types';
import { rooms } from './room-types';
import { question, type QuestionBroadcast } from './room-views';

type QuestionEvents = Pick<EventTable, 'question:ask' | 'question:upvote' | 'question:answered'>;

const notFound = () => new LiveError('not-found', 'Pertanyaan tidak ditemukan di sesi ini.');

async function broadcast(
  em: EntityManager,
  nsp: LiveNamespace,
  sessionId: string,
  id: string,
): Promise<QuestionBroadcast> {
  const q = await question(em, sessionId, id);
  if (!q) throw notFound();
  nsp.to(rooms.session(sessionId)).emit('question:changed', q);
  return q;
}

export const questionEvents = ({ db, limiter }: RoomDeps): QuestionEvents => ({
  'question:ask': {
    payload: QuestionAsk,
    async run({ nsp, me }, { text, anonymous }) {
      await limiter.take('chat', me.userId, LIVE_LIMITS.chatPerWindow, LIVE_LIMITS.windowSeconds);
      const rows: { id: string }[] = await db.query(
        `INSERT INTO live_question (session_id, user_id, text, anonymous)
         SELECT p.session_id, p.user_id, $3, $4 FROM live_participant p
          WHERE p.session_id = $1 AND p.user_id = $2 AND NOT p.muted AND p.removed_at IS NULL
         RETURNING id`,
        [me.sessionId, me.userId, text, anonymous === true],
      );
      if (!rows[0]) throw mutedError();
      const q = await broadcast(db.manager, nsp, me.sessionId, rows[0].id);
      return { ...q, mine: true, upvotedByMe: false };
    },
  },
  'question:upvote': {
    payload: QuestionRef,
    async run({ nsp, me }, { questionId }) {
      await db.transaction(async (em) => {
        const known: unknown[] = await em.query(
          `SELECT 1 FROM live_question WHERE id = $1 AND session_id = $2 FOR UPDATE`,
          [questionId, me.sessionId],
        );
        if (known.length === 0) throw notFound();
        const added: unknown[] = await em.query(
          `INSERT INTO live_question_vote (question_id, user_id) VALUES ($1, $2)
           ON CONFLICT DO NOTHING RETURNING 1`,
          [questionId, me.userId],
        );
        if (added.length === 0)
          throw new LiveError('already-voted', 'Anda sudah mendukung pertanyaan ini.');
        await em.query(`UPDATE live_question SET upvotes = upvotes + 1 WHERE id = $1`, [
          questionId,
        ]);
      });
      await broadcast(db.manager, nsp, me.sessionId, questionId);
      return null;
    },
  },
  'question:answered': {
    payload: QuestionAnswered,
    host: true,
    async run({ nsp, me }, { questionId, answered }) {
      const rows = await updatedRows(
        db,
        `UPDATE live_question SET answered_at = CASE WHEN $3 THEN coalesce(answered_at, now()) END
          WHERE id = $1 AND session_id = $2 RETURNING id`,
        [questionId, me.sessionId, answered],
      );
      if (rows.length === 0) throw notFound();
      await broadcast(db.manager, nsp, me.sessionId, questionId);
      return null;
    },
  },
});
