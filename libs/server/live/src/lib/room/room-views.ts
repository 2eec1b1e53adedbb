import {
  LIVE_LIMITS,
  type LiveChatMessageView,
  type LiveParticipantView,
  type LivePollView,
  type LiveQuestionView,
  type LiveRole,
  type MediaState,
} from '@siantar/contracts';
import type { EntityManager } from 'typeorm';

/** A socket counts as present while its heartbeats keep coming (two missed = gone). */
export const PRESENT_SQL = `pr.left_at IS NULL
  AND pr.last_seen_at > now() - interval '${LIVE_LIMITS.heartbeatSeconds * 2} seconds'`;

interface ParticipantRow {
  user_id: string;
  name: string;
  role: LiveRole;
  hand_raised_at: Date | null;
  muted: boolean;
  media: MediaState;
  connections: number;
  removed: boolean;
}

const participantView = (r: ParticipantRow): LiveParticipantView => ({
  userId: r.user_id,
  name: r.name,
  role: r.role,
  handRaisedAt: r.hand_raised_at?.toISOString() ?? null,
  muted: r.muted,
  connections: r.connections,
  media: r.media,
});

const PARTICIPANT_SELECT = `
  SELECT p.user_id, u.name, p.role, p.hand_raised_at, p.muted, p.media,
         p.removed_at IS NOT NULL AS removed,
         (SELECT count(*)::int FROM live_presence pr
           WHERE pr.session_id = p.session_id AND pr.user_id = p.user_id AND ${PRESENT_SQL}) AS connections
    FROM live_participant p JOIN app_user u ON u.id = p.user_id`;

/** Everyone in the room now (at least one live connection). */
export async function presentParticipants(
  em: EntityManager,
  sessionId: string,
): Promise<LiveParticipantView[]> {
  const rows: ParticipantRow[] = await em.query(
    `SELECT * FROM (${PARTICIPANT_SELECT} WHERE p.session_id = $1 AND p.removed_at IS NULL) x
      WHERE connections > 0 ORDER BY (role = 'host') DESC, name`,
    [sessionId],
  );
  return rows.map(participantView);
}

/** Some users' rows as they stand (connections may be 0: they left). */
export async function participantsOf(
  em: EntityManager,
  sessionId: string,
  userIds: string[],
): Promise<(LiveParticipantView & { removed: boolean })[]> {
  const rows: ParticipantRow[] = await em.query(
    `${PARTICIPANT_SELECT} WHERE p.session_id = $1 AND p.user_id = ANY($2::uuid[])`,
    [sessionId, userIds],
  );
  return rows.map((r) => ({ ...participantView(r), removed: r.removed }));
}

export async function participant(
  em: EntityManager,
  sessionId: string,
  userId: string,
): Promise<LiveParticipantView | null> {
  const rows: ParticipantRow[] = await em.query(
    `${PARTICIPANT_SELECT} WHERE p.session_id = $1 AND p.user_id = $2`,
    [sessionId, userId],
  );
  return rows[0] ? participantView(rows[0]) : null;
}

interface ChatRow {
  id: string;
  user_id: string;
  name: string;
  role: LiveRole;
  text: string;
  sent_at: Date;
}

export const chatView = (r: ChatRow): LiveChatMessageView => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  role: r.role,
  text: r.text,
  sentAt: r.sent_at.toISOString(),
});

/** A page of chat, oldest first, before a message (or the newest page). */
export async function chatPage(
  em: EntityManager,
  sessionId: string,
  before: string | null,
): Promise<{ messages: LiveChatMessageView[]; hasMore: boolean }> {
  const size = LIVE_LIMITS.chatPageSize;
  const rows: ChatRow[] = await em.query(
    `SELECT m.id, m.user_id, u.name, coalesce(p.role, 'participant') AS role, m.text, m.sent_at
       FROM live_chat_message m
       JOIN app_user u ON u.id = m.user_id
       LEFT JOIN live_participant p ON p.session_id = m.session_id AND p.user_id = m.user_id
      WHERE m.session_id = $1 AND m.deleted_at IS NULL
        AND ($2::uuid IS NULL OR (m.sent_at, m.id) <
             (SELECT sent_at, id FROM live_chat_message WHERE id = $2 AND session_id = $1))
      ORDER BY m.sent_at DESC, m.id DESC
      LIMIT $3`,
    [sessionId, before, size + 1],
  );
  return { messages: rows.slice(0, size).reverse().map(chatView), hasMore: rows.length > size };
}

interface QuestionRow {
  id: string;
  user_id: string;
  name: string;
  text: string;
  anonymous: boolean;
  upvotes: number;
  answered_at: Date | null;
  asked_at: Date;
  upvoted_by_me?: boolean;
}

export type QuestionBroadcast = Omit<LiveQuestionView, 'mine' | 'upvotedByMe'>;

const questionBroadcast = (r: QuestionRow): QuestionBroadcast => ({
  id: r.id,
  text: r.text,
  // Anonymous means anonymous to everyone in the room, the host included.
  askedBy: r.anonymous ? null : { userId: r.user_id, name: r.name },
  upvotes: r.upvotes,
  answeredAt: r.answered_at?.toISOString() ?? null,
  askedAt: r.asked_at.toISOString(),
});

const QUESTION_SELECT = `
  SELECT q.id, q.user_id, u.name, q.text, q.anonymous, q.upvotes, q.answered_at, q.asked_at,
         EXISTS (SELECT 1 FROM live_question_vote v WHERE v.question_id = q.id AND v.user_id = $2)
           AS upvoted_by_me
    FROM live_question q JOIN app_user u ON u.id = q.user_id`;

export async function question(
  em: EntityManager,
  sessionId: string,
  questionId: string,
): Promise<QuestionBroadcast | null> {
  const rows: QuestionRow[] = await em.query(
    `${QUESTION_SELECT} WHERE q.session_id = $1 AND q.id = $3`,
    [sessionId, null, questionId],
  );
  return rows[0] ? questionBroadcast(rows[0]) : null;
}

export async function questionsFor(
  em: EntityManager,
  sessionId: string,
  userId: string,
): Promise<LiveQuestionView[]> {
  const rows: QuestionRow[] = await em.query(
    `${QUESTION_SELECT} WHERE q.session_id = $1
      ORDER BY q.answered_at IS NOT NULL, q.upvotes DESC, q.asked_at`,
    [sessionId, userId],
  );
  return rows.map((r) => ({
    ...questionBroadcast(r),
    mine: r.user_id === userId,
    upvotedByMe: r.upvoted_by_me === true,
  }));
}

interface PollRow {
  id: string;
  question: string;
  options: string[];
  multiple: boolean;
  correct_options: number[] | null;
  status: LivePollView['status'];
  counts: number[];
  voters: number;
  my_vote?: number[] | null;
}

export type PollBroadcast = Omit<LivePollView, 'myVote'>;

/** Graded polls keep their answer from participants until they close. */
/** What participants see of a poll: a graded poll's answer only once it closed. */
export const forParticipants = (p: PollBroadcast): PollBroadcast =>
  p.status === 'closed' ? p : { ...p, correctOptions: null };

const pollBroadcast = (r: PollRow, host: boolean): PollBroadcast => {
  const full: PollBroadcast = {
    id: r.id,
    question: r.question,
    options: r.options,
    multiple: r.multiple,
    graded: r.correct_options !== null,
    correctOptions: r.correct_options,
    status: r.status,
    counts: r.options.map((_, i) => r.counts[i] ?? 0),
    voters: r.voters,
  };
  return host ? full : forParticipants(full);
};

const POLL_SELECT = `
  SELECT p.id, p.question, p.options, p.multiple, p.correct_options, p.status,
         coalesce((SELECT array_agg(coalesce(c.n, 0) ORDER BY i.i)
                     FROM generate_series(0, jsonb_array_length(p.options) - 1) AS i(i)
                     LEFT JOIN (SELECT o, count(*)::int AS n FROM live_poll_vote v, unnest(v.options) o
                                 WHERE v.poll_id = p.id GROUP BY o) c ON c.o = i.i), '{}') AS counts,
         (SELECT count(*)::int FROM live_poll_vote v WHERE v.poll_id = p.id) AS voters,
         (SELECT v.options FROM live_poll_vote v WHERE v.poll_id = p.id AND v.user_id = $2) AS my_vote
    FROM live_poll p`;

export async function poll(
  em: EntityManager,
  sessionId: string,
  pollId: string,
  host = false,
): Promise<PollBroadcast | null> {
  const rows: PollRow[] = await em.query(`${POLL_SELECT} WHERE p.session_id = $1 AND p.id = $3`, [
    sessionId,
    null,
    pollId,
  ]);
  return rows[0] ? pollBroadcast(rows[0], host) : null;
}

/** Hosts see drafts and answers; participants the launched polls. */
export async function pollsFor(
  em: EntityManager,
  sessionId: string,
  userId: string,
  host: boolean,
): Promise<LivePollView[]> {
  const rows: PollRow[] = await em.query(
    `${POLL_SELECT} WHERE p.session_id = $1 AND ($3 OR p.status <> 'draft') ORDER BY p.created_at`,
    [sessionId, userId, host],
  );
  return rows.map((r) => ({ ...pollBroadcast(r, host), myVote: r.my_vote ?? null }));
}
