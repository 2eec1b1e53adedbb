import type {
  ChatHistoryQuery,
  ChatSend,
  HandRaise,
  LiveReaction,
  LiveRole,
  MediaState,
  MessageRef,
  ParticipantMute,
  ParticipantRef,
  ParticipantSpeak,
  PollCreate,
  PollRef,
  PollVote,
  QuestionAnswered,
  QuestionAsk,
  QuestionRef,
  ReactionSend,
  RoomLock,
  RtcSignal,
  SlidePage,
  SlidesSet,
} from './room.dto';
import type { LiveSessionView } from './sessions';

export interface LiveParticipantView {
  userId: string;
  name: string;
  role: LiveRole;
  /** When the hand went up; null when down. The hand queue is ordered by it. */
  handRaisedAt: string | null;
  muted: boolean;
  /** How many of the user's sockets (tabs, devices) are in the room right now. */
  connections: number;
  media: MediaState;
}

export interface LiveChatMessageView {
  id: string;
  userId: string;
  name: string;
  role: LiveRole;
  text: string;
  sentAt: string;
}

export interface LiveQuestionView {
  id: string;
  text: string;
  /** null for an anonymous question: nobody in the room, the host included, learns who asked. */
  askedBy: { userId: string; name: string } | null;
  /** Whether the receiving user asked it (so they can see their own anonymous question). */
  mine: boolean;
  upvotes: number;
  upvotedByMe: boolean;
  answeredAt: string | null;
  askedAt: string;
}

export type LivePollStatus = 'draft' | 'open' | 'closed';

export interface LivePollView {
  id: string;
  question: string;
  options: string[];
  multiple: boolean;
  /** Graded polls: which options are right; hidden from participants until the poll closes. */
  correctOptions: number[] | null;
  graded: boolean;
  status: LivePollStatus;
  /** Votes per option; participants see them live while the poll is open. */
  counts: number[];
  voters: number;
  /** The receiving user's answer, if any. */
  myVote: number[] | null;
}

export interface LiveRtcConfig {
  /** `mesh`: built-in WebRTC from each publisher to each viewer; `livekit`: an SFU. */
  mode: 'mesh' | 'livekit';
  iceServers: { urls: string | string[]; username?: string; credential?: string }[];
  /** LiveKit server URL when mode is livekit; tokens come from GET /live-sessions/:id/media-token. */
  livekitUrl: string | null;
}

export interface LiveRoomSnapshot {
  session: LiveSessionView;
  me: { userId: string; role: LiveRole; socketId: string; muted: boolean };
  locked: boolean;
  participants: LiveParticipantView[];
  /** Newest page, oldest first. */
  chat: LiveChatMessageView[];
  chatHasMore: boolean;
  questions: LiveQuestionView[];
  polls: LivePollView[];
  slides: { fileId: string; url: string; page: number } | null;
  rtc: LiveRtcConfig;
}

/** The answer (socket.io acknowledgement) to every client event. */
export type LiveAck<T = null> =
  { ok: true; data: T } | { ok: false; error: { code: LiveErrorCode; message: string } };

export const LIVE_ERROR_CODES = [
  'invalid',
  'forbidden',
  'not-found',
  'rate-limited',
  'muted',
  'poll-closed',
  'already-voted',
  'ended',
  'internal',
] as const;
export type LiveErrorCode = (typeof LIVE_ERROR_CODES)[number];

type Ack<T = null> = (res: LiveAck<T>) => void;

/** Client → server events on `/live`. Each carries an acknowledgement callback. */
export interface LiveClientEvents {
  /** Everything a (re)joining client needs: the room as it is now. */
  'room:sync': (payload: Record<string, never>, ack: Ack<LiveRoomSnapshot>) => void;
  heartbeat: (payload: Record<string, never>, ack: Ack) => void;
  'chat:send': (payload: ChatSend, ack: Ack<LiveChatMessageView>) => void;
  'chat:history': (
    payload: ChatHistoryQuery,
    ack: Ack<{ messages: LiveChatMessageView[]; hasMore: boolean }>,
  ) => void;
  'chat:delete': (payload: MessageRef, ack: Ack) => void;
  'participant:mute': (payload: ParticipantMute, ack: Ack) => void;
  'participant:remove': (payload: ParticipantRef, ack: Ack) => void;
  'participant:speak': (payload: ParticipantSpeak, ack: Ack) => void;
  'question:ask': (payload: QuestionAsk, ack: Ack<LiveQuestionView>) => void;
  'question:upvote': (payload: QuestionRef, ack: Ack) => void;
  'question:answered': (payload: QuestionAnswered, ack: Ack) => void;
  'poll:create': (payload: PollCreate, ack: Ack<LivePollView>) => void;
  'poll:launch': (payload: PollRef, ack: Ack) => void;
  'poll:close': (payload: PollRef, ack: Ack) => void;
  'poll:vote': (payload: PollVote, ack: Ack) => void;
  'hand:raise': (payload: HandRaise, ack: Ack) => void;
  /** Host: take a hand off the queue (answered or dismissed). */
  'hand:lower': (payload: ParticipantRef, ack: Ack) => void;
  reaction: (payload: ReactionSend, ack: Ack) => void;
  'room:lock': (payload: RoomLock, ack: Ack) => void;
  'session:end': (payload: Record<string, never>, ack: Ack) => void;
  'slides:set': (payload: SlidesSet, ack: Ack) => void;
  'slides:page': (payload: SlidePage, ack: Ack) => void;
  'media:state': (payload: MediaState, ack: Ack) => void;
  'rtc:signal': (payload: RtcSignal, ack: Ack) => void;
}

export type LiveClientEventName = keyof LiveClientEvents;

/** Server → client events on `/live`. */
export interface LiveServerEvents {
  /**
   * Who came (first connection) and who went (last connection closed), gathered over a
   * quarter of a second per api process so that a crowd arriving costs few messages.
   */
  presence: (e: { present: LiveParticipantView[]; gone: string[] }) => void;
  'participant:updated': (p: LiveParticipantView) => void;
  /** The host removed this participant. */
  'participant:left': (e: { userId: string }) => void;
  'chat:message': (m: LiveChatMessageView) => void;
  'chat:deleted': (e: { messageId: string }) => void;
  /** Carries no `mine`/`upvotedByMe` for the receiver: clients keep their own. */
  'question:changed': (q: Omit<LiveQuestionView, 'mine' | 'upvotedByMe'>) => void;
  'poll:changed': (p: Omit<LivePollView, 'myVote'>) => void;
  reaction: (e: { userId: string; emoji: LiveReaction }) => void;
  'room:locked': (e: { locked: boolean }) => void;
  'slides:changed': (s: { fileId: string; url: string; page: number } | null) => void;
  'slides:page': (e: { page: number }) => void;
  'rtc:signal': (e: Omit<RtcSignal, 'to'> & { from: string; fromUserId: string }) => void;
  /** The host ended it, or it was cancelled (`reason`); the socket is closed right after. */
  'session:ended': (e: { endedAt: string; reason?: string }) => void;
  /** The host removed this user; the socket is closed right after. */
  removed: (e: { reason: string }) => void;
  /** A refused event, also answered on its acknowledgement. */
  'live:error': (e: { event: string; code: LiveErrorCode; message: string }) => void;
}
