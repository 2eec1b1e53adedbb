import { computed, signal } from '@angular/core';
import type {
  LiveChatMessageView,
  LiveParticipantView,
  LivePollView,
  LiveQuestionView,
  LiveRole,
  LiveRoomSnapshot,
  LiveRtcConfig,
  LiveServerEvents,
  LiveSessionView,
} from '@siantar/contracts';

/** Payload of one server event. */
export type ServerEvent<E extends keyof LiveServerEvents> = Parameters<LiveServerEvents[E]>[0];

export type SlidesState = LiveRoomSnapshot['slides'];
export type RoomMe = LiveRoomSnapshot['me'];

const ROLE_ORDER: Record<LiveRole, number> = { host: 0, speaker: 1, participant: 2 };
const POLL_ORDER: Record<LivePollView['status'], number> = { open: 0, draft: 1, closed: 2 };

const time = (iso: string | null): number => (iso ? Date.parse(iso) : 0);

/** Unanswered first, most upvoted first, then oldest first; answered ones at the bottom. */
export function orderQuestions(questions: readonly LiveQuestionView[]): LiveQuestionView[] {
  return [...questions].sort(
    (a, b) =>
      Number(a.answeredAt !== null) - Number(b.answeredAt !== null) ||
      b.upvotes - a.upvotes ||
      time(a.askedAt) - time(b.askedAt),
  );
}

/** Raised hands, first raised first. */
export function handQueue(participants: readonly LiveParticipantView[]): LiveParticipantView[] {
  return participants
    .filter((p) => p.handRaisedAt !== null)
    .sort((a, b) => time(a.handRaisedAt) - time(b.handRaisedAt));
}

/** Hosts, then speakers, then participants, each by name. */
export function orderParticipants(
  participants: readonly LiveParticipantView[],
): LiveParticipantView[] {
  return [...participants].sort(
    (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name, 'id'),
  );
}

/** Whether a participant sends media: a host or speaker with camera, microphone or screen on. */
export function isPublishing(p: LiveParticipantView): boolean {
  return (
    p.role !== 'participant' &&
    p.connections > 0 &&
    (p.media.camera || p.media.microphone || p.media.screen)
  );
}

/**
 * The room as this client knows it: a snapshot (from `room:sync`) with the server's events
 * applied on top. Plain signals, no socket: the connection feeds it, screens read it.
 */
export class RoomStore {
  private readonly state = signal<LiveRoomSnapshot | null>(null);
  private readonly endedAtState = signal<string | null>(null);
  private readonly endedReasonState = signal<string | null>(null);
  private readonly removedState = signal<string | null>(null);

  /** Set once the first snapshot arrived. */
  readonly ready = computed(() => this.state() !== null);
  readonly session = computed<LiveSessionView | null>(() => this.state()?.session ?? null);
  readonly me = computed<RoomMe | null>(() => this.state()?.me ?? null);
  readonly isHost = computed(() => this.me()?.role === 'host');
  /** Hosts and speakers may send camera, microphone and screen. */
  readonly canPublish = computed(() => {
    const role = this.me()?.role;
    return role === 'host' || role === 'speaker';
  });
  readonly locked = computed(() => this.state()?.locked ?? false);
  readonly participants = computed(() => orderParticipants(this.state()?.participants ?? []));
  readonly handQueue = computed(() => handQueue(this.state()?.participants ?? []));
  readonly publishers = computed(() =>
    this.participants().filter((p) => isPublishing(p) && p.userId !== this.me()?.userId),
  );
  readonly myParticipant = computed(
    () => this.state()?.participants.find((p) => p.userId === this.me()?.userId) ?? null,
  );
  readonly handRaised = computed(() => (this.myParticipant()?.handRaisedAt ?? null) !== null);
  readonly chat = computed<readonly LiveChatMessageView[]>(() => this.state()?.chat ?? []);
  readonly chatHasMore = computed(() => this.state()?.chatHasMore ?? false);
  readonly questions = computed(() => orderQuestions(this.state()?.questions ?? []));
  readonly polls = computed(() =>
    [...(this.state()?.polls ?? [])].sort((a, b) => POLL_ORDER[a.status] - POLL_ORDER[b.status]),
  );
  readonly slides = computed<SlidesState>(() => this.state()?.slides ?? null);
  readonly rtc = computed<LiveRtcConfig | null>(() => this.state()?.rtc ?? null);
  /** When the host ended the session for everyone. */
  readonly endedAt = this.endedAtState.asReadonly();
  /** Why it ended, when it was cancelled rather than ended by the host. */
  readonly endedReason = this.endedReasonState.asReadonly();
  /** Why the host removed this user from the room. */
  readonly removedReason = this.removedState.asReadonly();

  /** Replaces everything with the server's view (first connection, or a reconnection that missed events). */
  applySnapshot(snapshot: LiveRoomSnapshot): void {
    this.state.set(snapshot);
  }

  participantChanged(p: ServerEvent<'participant:updated'>): void {
    this.update((s) => {
      const exists = s.participants.some((x) => x.userId === p.userId);
      const participants = exists
        ? s.participants.map((x) => (x.userId === p.userId ? p : x))
        : [...s.participants, p];
      const me = p.userId === s.me.userId ? { ...s.me, role: p.role, muted: p.muted } : s.me;
      return { ...s, participants, me };
    });
  }

  participantLeft(e: ServerEvent<'participant:left'>): void {
    this.update((s) => ({
      ...s,
      participants: s.participants.filter((p) => p.userId !== e.userId),
    }));
  }

  chatMessage(m: ServerEvent<'chat:message'>): void {
    this.update((s) => (s.chat.some((x) => x.id === m.id) ? s : { ...s, chat: [...s.chat, m] }));
  }

  chatDeleted(e: ServerEvent<'chat:deleted'>): void {
    this.update((s) => ({ ...s, chat: s.chat.filter((m) => m.id !== e.messageId) }));
  }

  /** An older page from `chat:history`, put before what is shown. */
  chatHistory(messages: readonly LiveChatMessageView[], hasMore: boolean): void {
    this.update((s) => {
      const known = new Set(s.chat.map((m) => m.id));
      const older = messages.filter((m) => !known.has(m.id));
      return { ...s, chat: [...older, ...s.chat], chatHasMore: hasMore };
    });
  }

  /** A question as broadcast: the receiver's own `mine` and `upvotedByMe` are kept. */
  questionChanged(q: ServerEvent<'question:changed'>): void {
    this.update((s) => {
      const old = s.questions.find((x) => x.id === q.id);
      const merged: LiveQuestionView = {
        ...q,
        mine: old?.mine ?? false,
        upvotedByMe: old?.upvotedByMe ?? false,
      };
      return { ...s, questions: upsert(s.questions, merged) };
    });
  }

  /** The full view of a question the user asked (the acknowledgement of `question:ask`). */
  questionAsked(q: LiveQuestionView): void {
    this.update((s) => {
      const old = s.questions.find((x) => x.id === q.id);
      // A broadcast that came first may carry a newer count.
      const merged = old ? { ...q, upvotes: Math.max(q.upvotes, old.upvotes) } : q;
      return { ...s, questions: upsert(s.questions, { ...merged, mine: true }) };
    });
  }

  /** The server accepted this user's upvote; the count itself comes with `question:changed`. */
  questionUpvoted(questionId: string): void {
    this.update((s) => ({
      ...s,
      questions: s.questions.map((q) => (q.id === questionId ? { ...q, upvotedByMe: true } : q)),
    }));
  }

  /** A poll as broadcast: the receiver's own vote is kept. */
  pollChanged(p: ServerEvent<'poll:changed'>): void {
    this.update((s) => {
      const old = s.polls.find((x) => x.id === p.id);
      return { ...s, polls: upsert(s.polls, { ...p, myVote: old?.myVote ?? null }) };
    });
  }

  /** A poll the host created (the acknowledgement of `poll:create`). */
  pollCreated(p: LivePollView): void {
    this.update((s) => ({ ...s, polls: upsert(s.polls, p) }));
  }

  /** The server accepted this user's vote. */
  pollVoted(pollId: string, options: number[]): void {
    this.update((s) => ({
      ...s,
      polls: s.polls.map((p) => (p.id === pollId ? { ...p, myVote: [...options] } : p)),
    }));
  }

  roomLocked(e: ServerEvent<'room:locked'>): void {
    this.update((s) => ({ ...s, locked: e.locked }));
  }

  slidesChanged(slides: ServerEvent<'slides:changed'>): void {
    this.update((s) => ({ ...s, slides }));
  }

  slidesPage(e: ServerEvent<'slides:page'>): void {
    this.update((s) => (s.slides ? { ...s, slides: { ...s.slides, page: e.page } } : s));
  }

  sessionEnded(e: ServerEvent<'session:ended'>): void {
    this.endedAtState.set(e.endedAt);
    // A cancellation while the room is open comes with its reason.
    const reason = (e as { reason?: unknown }).reason;
    this.endedReasonState.set(typeof reason === 'string' && reason ? reason : null);
    this.update((s) => ({ ...s, session: { ...s.session, status: 'ended' } }));
  }

  removed(e: ServerEvent<'removed'>): void {
    this.removedState.set(e.reason);
  }

  private update(change: (s: LiveRoomSnapshot) => LiveRoomSnapshot): void {
    const s = this.state();
    // Events before the first snapshot are already in it.
    if (s) {
      this.state.set(change(s));
    }
  }
}

function upsert<T extends { id: string }>(items: readonly T[], item: T): T[] {
  return items.some((x) => x.id === item.id)
    ? items.map((x) => (x.id === item.id ? item : x))
    : [...items, item];
}
