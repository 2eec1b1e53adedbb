import { RoomStore, handQueue, orderQuestions } from './room-store';
import {
  HOST_ID,
  LEARNER_ID,
  OTHER_ID,
  message,
  person,
  poll,
  question,
  snapshot,
} from './testing/room-fixtures';

describe('RoomStore', () => {
  let store: RoomStore;

  beforeEach(() => {
    store = new RoomStore();
    store.applySnapshot(snapshot());
  });

  it('ignores events until the first snapshot, which already holds them', () => {
    const fresh = new RoomStore();
    fresh.chatMessage(message('m1'));
    fresh.participantChanged(person({ userId: OTHER_ID }));
    expect(fresh.ready()).toBe(false);
    fresh.applySnapshot(snapshot());
    expect(fresh.chat()).toEqual([]);
    expect(fresh.participants().map((p) => p.userId)).toEqual([HOST_ID, LEARNER_ID]);
  });

  describe('participants', () => {
    it('adds one who joins, updates one who changes, drops one who leaves', () => {
      store.participantChanged(person({ userId: OTHER_ID, name: 'Andi Siregar' }));
      expect(store.participants().map((p) => p.name)).toEqual([
        'Pelatih Demo',
        'Andi Siregar',
        'Rina Marpaung',
      ]);
      store.participantChanged(person({ userId: OTHER_ID, name: 'Andi Siregar', role: 'speaker' }));
      expect(store.participants().map((p) => `${p.name}:${p.role}`)).toEqual([
        'Pelatih Demo:host',
        'Andi Siregar:speaker',
        'Rina Marpaung:participant',
      ]);
      store.participantLeft({ userId: OTHER_ID });
      expect(store.participants().map((p) => p.userId)).toEqual([HOST_ID, LEARNER_ID]);
    });

    it("follows the user's own role and mute from their participant updates", () => {
      expect(store.canPublish()).toBe(false);
      store.participantChanged(person({ role: 'speaker', muted: true }));
      expect(store.me()).toEqual(expect.objectContaining({ role: 'speaker', muted: true }));
      expect(store.canPublish()).toBe(true);
      expect(store.isHost()).toBe(false);
    });

    it('lists as publishers the other hosts and speakers with media on and a connection', () => {
      expect(store.publishers()).toEqual([]);
      const camera = { camera: true, microphone: false, screen: false };
      store.participantChanged(
        person({ userId: HOST_ID, name: 'Pelatih Demo', role: 'host', media: camera }),
      );
      store.participantChanged(
        person({ userId: OTHER_ID, name: 'Andi', role: 'participant', media: camera }),
      );
      expect(store.publishers().map((p) => p.userId)).toEqual([HOST_ID]);
      store.participantChanged(
        person({
          userId: HOST_ID,
          name: 'Pelatih Demo',
          role: 'host',
          media: camera,
          connections: 0,
        }),
      );
      expect(store.publishers()).toEqual([]);
    });
  });

  describe('hand queue', () => {
    it('orders raised hands by when they went up, and drops lowered ones', () => {
      store.participantChanged(
        person({ userId: OTHER_ID, name: 'Andi', handRaisedAt: '2026-12-01T02:20:00.000Z' }),
      );
      store.participantChanged(person({ handRaisedAt: '2026-12-01T02:15:00.000Z' }));
      expect(store.handQueue().map((p) => p.userId)).toEqual([LEARNER_ID, OTHER_ID]);
      expect(store.handRaised()).toBe(true);
      store.participantChanged(person({ handRaisedAt: null }));
      expect(store.handQueue().map((p) => p.userId)).toEqual([OTHER_ID]);
      expect(store.handRaised()).toBe(false);
    });

    it('is a pure ordering too', () => {
      const list = [
        person({ userId: 'b', handRaisedAt: '2026-12-01T02:00:02.000Z' }),
        person({ userId: 'x' }),
        person({ userId: 'a', handRaisedAt: '2026-12-01T02:00:01.000Z' }),
      ];
      expect(handQueue(list).map((p) => p.userId)).toEqual(['a', 'b']);
    });
  });

  describe('chat', () => {
    it('appends a message once, even when the acknowledgement and the broadcast both bring it', () => {
      store.chatMessage(message('m1'));
      store.chatMessage(message('m2'));
      store.chatMessage(message('m1'));
      expect(store.chat().map((m) => m.id)).toEqual(['m1', 'm2']);
    });

    it('removes a deleted message', () => {
      store.chatMessage(message('m1'));
      store.chatMessage(message('m2'));
      store.chatDeleted({ messageId: 'm1' });
      expect(store.chat().map((m) => m.id)).toEqual(['m2']);
    });

    it('puts an older page before what is shown and keeps whether there is more', () => {
      store.applySnapshot(snapshot({ chat: [message('m3'), message('m4')], chatHasMore: true }));
      store.chatHistory([message('m1'), message('m2'), message('m3')], false);
      expect(store.chat().map((m) => m.id)).toEqual(['m1', 'm2', 'm3', 'm4']);
      expect(store.chatHasMore()).toBe(false);
    });
  });

  describe('questions', () => {
    it('orders unanswered by upvotes then age, answered ones last', () => {
      store.questionChanged(question('old', { askedAt: '2026-12-01T02:01:00.000Z', upvotes: 1 }));
      store.questionChanged(question('new', { askedAt: '2026-12-01T02:09:00.000Z', upvotes: 1 }));
      store.questionChanged(question('top', { askedAt: '2026-12-01T02:10:00.000Z', upvotes: 5 }));
      store.questionChanged(
        question('done', { upvotes: 9, answeredAt: '2026-12-01T02:30:00.000Z' }),
      );
      expect(store.questions().map((q) => q.id)).toEqual(['top', 'old', 'new', 'done']);

      // An upvote moves a question up.
      store.questionChanged(question('new', { askedAt: '2026-12-01T02:09:00.000Z', upvotes: 6 }));
      expect(store.questions().map((q) => q.id)).toEqual(['new', 'top', 'old', 'done']);
    });

    it("keeps the receiver's own mine and upvotedByMe across broadcasts", () => {
      store.questionAsked(question('q1', { askedBy: null, mine: true }));
      store.questionChanged(question('q2'));
      store.questionUpvoted('q2');
      const {
        mine: _m,
        upvotedByMe: _u,
        ...broadcast
      } = question('q1', {
        askedBy: null,
        upvotes: 3,
      });
      store.questionChanged(broadcast);
      store.questionChanged({ ...question('q2', { upvotes: 1 }) });
      const byId = new Map(store.questions().map((q) => [q.id, q]));
      expect(byId.get('q1')).toEqual(
        expect.objectContaining({ mine: true, upvotes: 3, askedBy: null }),
      );
      expect(byId.get('q2')).toEqual(expect.objectContaining({ upvotedByMe: true, upvotes: 1 }));
    });

    it('keeps the newer count when the broadcast of an own question came before its acknowledgement', () => {
      store.questionChanged(question('q1', { upvotes: 2 }));
      store.questionAsked(question('q1', { upvotes: 0, mine: true }));
      expect(store.questions()[0]).toEqual(expect.objectContaining({ mine: true, upvotes: 2 }));
    });

    it('is a pure ordering too', () => {
      expect(
        orderQuestions([
          question('a', { answeredAt: '2026-12-01T02:00:00.000Z', upvotes: 10 }),
          question('b', { upvotes: 0 }),
        ]).map((q) => q.id),
      ).toEqual(['b', 'a']);
    });
  });

  describe('polls', () => {
    it('follows live counts and keeps the user’s own vote', () => {
      store.pollChanged(poll('p1'));
      store.pollVoted('p1', [1]);
      const { myVote: _v, ...counted } = poll('p1', { counts: [0, 1, 0], voters: 1 });
      store.pollChanged(counted);
      expect(store.polls()[0]).toEqual(
        expect.objectContaining({ counts: [0, 1, 0], voters: 1, myVote: [1] }),
      );
    });

    it('shows open polls first, then drafts, then closed ones', () => {
      store.pollCreated(poll('closed', { status: 'closed' }));
      store.pollCreated(poll('draft', { status: 'draft' }));
      store.pollCreated(poll('open', { status: 'open' }));
      expect(store.polls().map((p) => p.id)).toEqual(['open', 'draft', 'closed']);
    });

    it('reveals the right options of a graded poll when it closes', () => {
      store.pollChanged(poll('g', { graded: true }));
      store.pollVoted('g', [2]);
      store.pollChanged(poll('g', { graded: true, status: 'closed', correctOptions: [2] }));
      expect(store.polls()[0]).toEqual(
        expect.objectContaining({ status: 'closed', correctOptions: [2], myVote: [2] }),
      );
    });
  });

  describe('room', () => {
    it('follows the lock, the slides and their page', () => {
      store.roomLocked({ locked: true });
      expect(store.locked()).toBe(true);
      store.slidesPage({ page: 4 });
      expect(store.slides()).toBeNull();
      store.slidesChanged({ fileId: 'f1', url: '/api/v1/files/f1/content', page: 1 });
      store.slidesPage({ page: 4 });
      expect(store.slides()).toEqual({ fileId: 'f1', url: '/api/v1/files/f1/content', page: 4 });
      store.slidesChanged(null);
      expect(store.slides()).toBeNull();
    });

    it('keeps the reason of a session cancelled while the room is open', () => {
      const cancelled = { endedAt: '2026-12-01T03:00:00.000Z', reason: 'Pemateri berhalangan.' };
      store.sessionEnded(cancelled);
      expect(store.endedReason()).toBe('Pemateri berhalangan.');
    });

    it('records the end of the session and a removal', () => {
      store.sessionEnded({ endedAt: '2026-12-01T03:59:00.000Z' });
      expect(store.endedAt()).toBe('2026-12-01T03:59:00.000Z');
      expect(store.session()?.status).toBe('ended');
      expect(store.endedReason()).toBeNull();
      store.removed({ reason: 'Pemandu sesi mengeluarkan Anda dari ruang ini.' });
      expect(store.removedReason()).toBe('Pemandu sesi mengeluarkan Anda dari ruang ini.');
    });
  });
});
