import type {
  LiveChatMessageView,
  LiveParticipantView,
  LivePollView,
  LiveQuestionView,
  LiveRoomSnapshot,
  LiveSessionView,
} from '@siantar/contracts';

/** Test data for the room: a webinar, its host (me unless told) and a few participants. */
export const HOST_ID = '00000000-0000-4000-8000-000000000001';
export const LEARNER_ID = '00000000-0000-4000-8000-000000000002';
export const OTHER_ID = '00000000-0000-4000-8000-000000000003';

export function session(over: Partial<LiveSessionView> = {}): LiveSessionView {
  return {
    id: '10000000-0000-4000-8000-000000000000',
    courseId: null,
    courseTitle: null,
    lessonKey: null,
    title: 'Webinar Pelayanan Prima: Menghadapi Antrean',
    description: '',
    startsAt: '2026-12-01T02:00:00.000Z',
    endsAt: '2026-12-01T04:00:00.000Z',
    capacity: null,
    audienceOrgUnitIds: [],
    jp: 2,
    attendanceRule: { minShare: 0.8 },
    status: 'scheduled',
    sequence: 0,
    cancelReason: null,
    trainers: [{ id: HOST_ID, name: 'Pelatih Demo' }],
    canManage: false,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...over,
  };
}

export function person(over: Partial<LiveParticipantView> = {}): LiveParticipantView {
  return {
    userId: LEARNER_ID,
    name: 'Rina Marpaung',
    role: 'participant',
    handRaisedAt: null,
    muted: false,
    connections: 1,
    media: { camera: false, microphone: false, screen: false },
    ...over,
  };
}

export function message(id: string, over: Partial<LiveChatMessageView> = {}): LiveChatMessageView {
  return {
    id,
    userId: LEARNER_ID,
    name: 'Rina Marpaung',
    role: 'participant',
    text: `pesan ${id}`,
    sentAt: '2026-12-01T02:05:00.000Z',
    ...over,
  };
}

export function question(id: string, over: Partial<LiveQuestionView> = {}): LiveQuestionView {
  return {
    id,
    text: `pertanyaan ${id}`,
    askedBy: { userId: LEARNER_ID, name: 'Rina Marpaung' },
    mine: false,
    upvotes: 0,
    upvotedByMe: false,
    answeredAt: null,
    askedAt: '2026-12-01T02:10:00.000Z',
    ...over,
  };
}

export function poll(id: string, over: Partial<LivePollView> = {}): LivePollView {
  return {
    id,
    question: 'Berapa lama antrean rata-rata?',
    options: ['< 10 menit', '10–30 menit', '> 30 menit'],
    multiple: false,
    correctOptions: null,
    graded: false,
    status: 'open',
    counts: [0, 0, 0],
    voters: 0,
    myVote: null,
    ...over,
  };
}

export function snapshot(over: Partial<LiveRoomSnapshot> = {}): LiveRoomSnapshot {
  return {
    session: session(),
    me: { userId: LEARNER_ID, role: 'participant', socketId: 'sock-learner', muted: false },
    locked: false,
    participants: [person({ userId: HOST_ID, name: 'Pelatih Demo', role: 'host' }), person()],
    chat: [],
    chatHasMore: false,
    questions: [],
    polls: [],
    slides: null,
    rtc: { mode: 'mesh', iceServers: [], livekitUrl: null },
    ...over,
  };
}
