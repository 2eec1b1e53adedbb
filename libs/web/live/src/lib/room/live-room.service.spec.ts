import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideTranslateService } from '@ngx-translate/core';
import type {
  LiveMediaTokenResponse,
  LiveRoomSnapshot,
  LiveRtcConfig,
  MeResponse,
} from '@siantar/contracts';
import { AuthService } from '@siantar/web-core';
import { LiveConnection } from './live-connection';
import { LiveRoomService } from './live-room.service';
import { LIVE_SOCKET_FACTORY, type LiveSocket } from './live-socket';
import { LIVEKIT_LOADER, type LiveKitModule } from './media/livekit-module';
import { FakeSocket } from './testing/fake-socket';
import { HOST_ID, LEARNER_ID, person, session, snapshot } from './testing/room-fixtures';
import { fakeLiveKitModule } from './testing/fake-livekit';

/** Just enough of a LiveKit room to see which plane connects. */
class FakeRoom {
  static made: FakeRoom[] = [];
  readonly remoteParticipants = new Map();
  readonly localParticipant = {
    publishTrack: jest.fn(async () => ({})),
    unpublishTrack: jest.fn(async () => ({})),
  };
  connectedWith: [string, string] | null = null;
  disconnected = false;
  constructor() {
    FakeRoom.made.push(this);
  }
  on(): this {
    return this;
  }
  async connect(url: string, token: string): Promise<void> {
    this.connectedWith = [url, token];
  }
  async disconnect(): Promise<void> {
    this.disconnected = true;
  }
}

const fakeLiveKit = fakeLiveKitModule(FakeRoom);

const SESSION_ID = session().id;
const LIVEKIT: LiveRtcConfig = {
  mode: 'livekit',
  iceServers: [],
  livekitUrl: 'wss://media.example.test',
};
/** The host publishes: the mesh asks for its media. */
const publishingHost = person({
  userId: HOST_ID,
  name: 'Pelatih Demo',
  role: 'host',
  media: { camera: true, microphone: true, screen: false },
});

describe('LiveRoomService media plane', () => {
  let socket: FakeSocket;
  let loader: jest.Mock<Promise<LiveKitModule>, []>;
  let http: HttpTestingController;
  let room: LiveRoomService;
  const hadPeerConnection = 'RTCPeerConnection' in globalThis;

  const settle = async (): Promise<void> => {
    for (let i = 0; i < 10; i++) {
      TestBed.tick();
      await Promise.resolve();
    }
  };

  async function join(over: Partial<LiveRoomSnapshot>): Promise<void> {
    await room.open(SESSION_ID);
    socket.up();
    socket.take('room:sync').ack(null, { ok: true, data: snapshot(over) });
    await settle();
  }

  const tokenRequests = () =>
    http.match((r) => r.url.endsWith(`/live-sessions/${SESSION_ID}/media-token`));

  const grant = (token: string, canPublish: boolean): LiveMediaTokenResponse => ({
    url: 'wss://media.example.test',
    token,
    canPublish,
  });

  beforeAll(() => {
    if (!hadPeerConnection) {
      // jsdom has no WebRTC; the room only checks that it exists.
      (globalThis as { RTCPeerConnection?: unknown }).RTCPeerConnection = class {};
    }
  });

  afterAll(() => {
    if (!hadPeerConnection) {
      delete (globalThis as { RTCPeerConnection?: unknown }).RTCPeerConnection;
    }
  });

  beforeEach(() => {
    FakeRoom.made = [];
    socket = new FakeSocket();
    loader = jest.fn(async () => fakeLiveKit);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideTranslateService({ fallbackLang: 'id' }),
        LiveConnection,
        LiveRoomService,
        { provide: LIVE_SOCKET_FACTORY, useValue: async () => socket as unknown as LiveSocket },
        { provide: LIVEKIT_LOADER, useValue: loader },
      ],
    });
    const auth = TestBed.inject(AuthService);
    auth.setUser({ id: LEARNER_ID, name: 'Rina' } as MeResponse);
    jest.spyOn(auth, 'accessToken').mockReturnValue('token-1');
    jest.spyOn(auth, 'accessTokenExpired').mockReturnValue(false);
    http = TestBed.inject(HttpTestingController);
    room = TestBed.inject(LiveRoomService);
  });

  afterEach(() => jest.restoreAllMocks());

  it('uses the built-in mesh when the snapshot says mesh: no token, no LiveKit', async () => {
    await join({ participants: [publishingHost, person()] });
    expect(room.plane()).toBe(room.mesh);
    expect(socket.sent.filter((s) => s.event === 'rtc:signal').map((s) => s.payload)).toEqual([
      { to: `user:${HOST_ID}` },
    ]);
    expect(tokenRequests()).toHaveLength(0);
    expect(loader).not.toHaveBeenCalled();
  });

  it('uses LiveKit when the snapshot says livekit: a media token, then the SFU', async () => {
    await join({ participants: [publishingHost, person()], rtc: LIVEKIT });
    expect(room.plane()).toBe(room.livekit);
    // No mesh signalling.
    expect(socket.sent.filter((s) => s.event === 'rtc:signal')).toHaveLength(0);
    const [request] = tokenRequests();
    expect(request.request.method).toBe('GET');
    request.flush(grant('lk-1', false));
    await settle();
    expect(FakeRoom.made).toHaveLength(1);
    expect(FakeRoom.made[0].connectedWith).toEqual(['wss://media.example.test', 'lk-1']);
  });

  it('fetches a new token and connects again when the host promotes this user', async () => {
    await join({ rtc: LIVEKIT });
    tokenRequests()[0].flush(grant('lk-1', false));
    await settle();

    socket.fire('participant:updated', person({ role: 'speaker' }));
    await settle();
    const [again] = tokenRequests();
    again.flush(grant('lk-2', true));
    await settle();
    expect(FakeRoom.made[0].disconnected).toBe(true);
    expect(FakeRoom.made[1].connectedWith).toEqual(['wss://media.example.test', 'lk-2']);
  });

  it('disconnects from LiveKit when the session ends', async () => {
    await join({ rtc: LIVEKIT });
    tokenRequests()[0].flush(grant('lk-1', false));
    await settle();
    socket.fire('session:ended', { endedAt: '2026-12-01T03:30:00.000Z' });
    await settle();
    expect(FakeRoom.made[0].disconnected).toBe(true);
    expect(tokenRequests()).toHaveLength(0);
  });

  it('applies presence batches: arrivals join the list, departures leave it and lose their media', async () => {
    await join({ participants: [publishingHost] });
    const drop = jest.spyOn(room.mesh, 'dropUser');
    const a = person({ userId: '00000000-0000-4000-8000-0000000000a1', name: 'Andi' });
    const b = person({ userId: '00000000-0000-4000-8000-0000000000b2', name: 'Butet' });
    socket.fire('presence', { present: [a, b], gone: [] });
    expect(room.store.participants().map((p) => p.name)).toEqual(['Pelatih Demo', 'Andi', 'Butet']);
    socket.fire('presence', { present: [], gone: [a.userId, HOST_ID] });
    expect(room.store.participants().map((p) => p.name)).toEqual(['Butet']);
    expect(drop).toHaveBeenCalledWith(HOST_ID);
  });
});
