import { PollCreate, PollRef, PollVote } from '@siantar/contracts';
import type { EntityManager } from 'typeorm';
import { LiveError } from './live-error';
import { updatedRows } from './updated-rows';
import type { RoomDeps } from './room-deps';
import type { EventTable, LiveNamespace } from './room-types';
import { rooms } from './room-types';
import { forParticipants, poll, pollsFor } from './room-views';

type PollEvents = Pick<EventTable, 'poll:create' | 'poll:launch' | 'poll:close' | 'poll:vote'>;

const notFound = () => new LiveError('not-found', 'Polling tidak ditemukan di sesi ini.');

/** Participants get the poll without its answer (until it closes); hosts with it. */
async function broadcast(em: EntityManager, nsp: LiveNamespace, sessionId: string, id: string) {
  const asHost = await poll(em, sessionId, id, true);
  if (!asHost) throw notFound();
  if (asHost.status !== 'draft')
    nsp
      .to(rooms.session(sessionId))
      .except(rooms.hosts(sessionId))
      .emit('poll:changed', forParticipants(asHost));
  nsp.to(rooms.hosts(sessionId)).emit('poll:changed', asHost);
}

const sorted = (a: number[]) => [...a].sort((x, y) => x - y);
const sameSet = (a: number[], b: number[]) =>
  a.length === b.length && sorted(a).every((v, i) => v === sorted(b)[i]);

export const pollEvents = ({ db }: RoomDeps): PollEvents => {
  /** draft → open → closed, each step once. */
  const move = async (
    sessionId: string,
    pollId: string,
    from: 'draft' | 'open',
    to: 'open' | 'closed',
    refusal: string,
  ) => {
    const rows = await updatedRows(
      db,
      `UPDATE live_poll SET status = $4::varchar,
              opened_at = CASE WHEN $4::varchar = 'open' THEN now() ELSE opened_at END,
              closed_at = CASE WHEN $4::varchar = 'closed' THEN now() ELSE closed_at END
        WHERE id = $1 AND session_id = $2 AND status = $3 RETURNING id`,
      [pollId, sessionId, from, to],
    );
    if (rows.length > 0) return;
    if (!(await poll(db.manager, sessionId, pollId))) throw notFound();
    throw new LiveError('poll-closed', refusal);
  };

  return {
    'poll:create': {
      payload: PollCreate,
      host: true,
      async run({ nsp, me }, dto) {
        const options = dto.options.map((o) => o.trim());
        const problems: string[] = [];
        if (options.some((o) => o.length === 0)) problems.push('pilihan tidak boleh kosong');
        if (new Set(options).size !== options.length) problems.push('pilihan tidak boleh kembar');
        const correct = dto.correctOptions ?? null;
        if (correct?.some((i) => i >= options.length))
          problems.push(`correctOptions: nomor pilihan 0–${options.length - 1}`);
        if (correct && !dto.multiple && correct.length !== 1)
          problems.push('correctOptions: polling pilihan tunggal punya tepat satu jawaban benar');
        if (problems.length > 0)
          throw new LiveError('invalid', `Polling tidak valid — ${problems.join('; ')}`);
        const [{ id }]: { id: string }[] = await db.query(
          `INSERT INTO live_poll (session_id, question, options, multiple, correct_options, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [me.sessionId, dto.question, JSON.stringify(options), dto.multiple, correct, me.userId],
        );
        await broadcast(db.manager, nsp, me.sessionId, id);
        const [view] = (await pollsFor(db.manager, me.sessionId, me.userId, true)).filter(
          (x) => x.id === id,
        );
        return view;
      },
    },
    'poll:launch': {
      payload: PollRef,
      host: true,
      run: async ({ nsp, me }, { pollId }) => {
        await move(me.sessionId, pollId, 'draft', 'open', 'Polling ini sudah pernah dibuka.');
        await broadcast(db.manager, nsp, me.sessionId, pollId);
        return null;
      },
    },
    'poll:close': {
      payload: PollRef,
      host: true,
      run: async ({ nsp, me }, { pollId }) => {
        await move(me.sessionId, pollId, 'open', 'closed', 'Polling ini tidak sedang dibuka.');
        await broadcast(db.manager, nsp, me.sessionId, pollId);
        return null;
      },
    },
    'poll:vote': {
      payload: PollVote,
      async run({ nsp, me }, { pollId, options }) {
        const found: { options: string[]; multiple: boolean; correct_options: number[] | null }[] =
          await db.query(
            `SELECT options, multiple, correct_options FROM live_poll
            WHERE id = $1 AND session_id = $2 AND status <> 'draft'`,
            [pollId, me.sessionId],
          );
        const p = found[0];
        if (!p) throw notFound();
        if (options.some((i) => i >= p.options.length))
          throw new LiveError('invalid', `Pilihan harus bernomor 0–${p.options.length - 1}.`);
        if (!p.multiple && options.length !== 1)
          throw new LiveError('invalid', 'Polling ini pilihan tunggal: pilih tepat satu jawaban.');
        const correct = p.correct_options ? sameSet(options, p.correct_options) : null;
        // Only an open poll takes the vote, and only the first one per person.
        const rows: { status: string; inserted: boolean }[] = await db.query(
          `WITH target AS (SELECT status FROM live_poll WHERE id = $1),
              ins AS (
                INSERT INTO live_poll_vote (poll_id, user_id, options, correct)
                SELECT $1, $2, $3, $4 FROM target WHERE status = 'open'
                ON CONFLICT (poll_id, user_id) DO NOTHING RETURNING 1)
         SELECT target.status, EXISTS (SELECT 1 FROM ins) AS inserted FROM target`,
          [pollId, me.userId, options, correct],
        );
        if (rows[0]?.status !== 'open')
          throw new LiveError(
            'poll-closed',
            'Polling ini sudah ditutup; suara tidak dapat dikirim.',
          );
        if (!rows[0].inserted)
          throw new LiveError('already-voted', 'Anda sudah memberi suara pada polling ini.');
        await broadcast(db.manager, nsp, me.sessionId, pollId);
        return null;
      },
    },
  };
};
