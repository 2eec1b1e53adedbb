import type { RtcSignal } from '@siantar/contracts';
import { MeshPeers, REQUEST_RETRY_MS } from './mesh-peers';

class FakeTrack {
  enabled = true;
  constructor(readonly kind: 'audio' | 'video') {}
}

class FakeStream {
  readonly tracks: FakeTrack[] = [];
  addTrack(t: FakeTrack): void {
    this.tracks.push(t);
  }
  getVideoTracks(): FakeTrack[] {
    return this.tracks.filter((t) => t.kind === 'video');
  }
}

let ufrags = 0;

/** Just enough of RTCPeerConnection for the signalling logic. */
class FakePeer {
  static made: FakePeer[] = [];
  readonly ufrag = `uf${++ufrags}`;
  readonly transceivers: {
    sender: { track: FakeTrack | null; replaceTrack: jest.Mock };
    receiver: { track: FakeTrack };
  }[] = [];
  remoteDescription: { type: string; sdp: string } | null = null;
  readonly candidates: unknown[] = [];
  closed = false;
  connectionState = 'new';
  onicecandidate:
    | ((e: {
        candidate: { candidate: string; sdpMid: string; sdpMLineIndex: number } | null;
      }) => void)
    | null = null;
  ontrack: ((e: { track: FakeTrack }) => void) | null = null;
  onconnectionstatechange: (() => void) | null = null;

  constructor(readonly config: RTCConfiguration) {
    FakePeer.made.push(this);
  }
  addTransceiver(trackOrKind: FakeTrack | 'audio' | 'video'): void {
    const kind = typeof trackOrKind === 'string' ? trackOrKind : trackOrKind.kind;
    const sender = {
      track: typeof trackOrKind === 'string' ? null : trackOrKind,
      replaceTrack: jest.fn(async (t: FakeTrack | null) => {
        sender.track = t;
      }),
    };
    this.transceivers.push({ sender, receiver: { track: new FakeTrack(kind) } });
  }
  getTransceivers() {
    return this.transceivers;
  }
  async createOffer() {
    return { type: 'offer', sdp: `v=0\r\na=ice-ufrag:${this.ufrag}\r\n` };
  }
  async createAnswer() {
    return { type: 'answer', sdp: `v=0\r\na=ice-ufrag:${this.ufrag}\r\n` };
  }
  async setLocalDescription(): Promise<void> {
    return undefined;
  }
  async setRemoteDescription(d: { type: string; sdp: string }): Promise<void> {
    this.remoteDescription = d;
  }
  async addIceCandidate(c: unknown): Promise<void> {
    this.candidates.push(c);
  }
  close(): void {
    this.closed = true;
  }
  /** The browser found a local candidate. */
  gather(candidate: string): void {
    this.onicecandidate?.({ candidate: { candidate, sdpMid: '0', sdpMLineIndex: 0 } });
  }
}

const PUBLISHER = 'user-host';
const VIEWER = 'user-learner';

describe('MeshPeers', () => {
  let sent: RtcSignal[];
  let now: number;

  const mesh = () =>
    new MeshPeers({
      send: async (s) => {
        sent.push(s);
      },
      iceServers: () => [{ urls: 'stun:stun.example.test:3478' }],
      createPeer: (config) => new FakePeer(config) as unknown as RTCPeerConnection,
      createStream: () => new FakeStream() as unknown as MediaStream,
      now: () => now,
    });

  const audio = new FakeTrack('audio') as unknown as MediaStreamTrack;
  const video = new FakeTrack('video') as unknown as MediaStreamTrack;

  beforeEach(() => {
    sent = [];
    now = 1_000_000;
    FakePeer.made = [];
  });

  describe('viewer side', () => {
    it('asks each publisher once for its media, again only after a while without an offer', () => {
      const m = mesh();
      m.reconcile([{ userId: PUBLISHER }], true);
      m.reconcile([{ userId: PUBLISHER }], true);
      expect(sent).toEqual([{ to: `user:${PUBLISHER}` }]);
      now += REQUEST_RETRY_MS;
      m.reconcile([{ userId: PUBLISHER }], true);
      expect(sent).toHaveLength(2);
    });

    it('answers an offer, sends its candidates, and shows the received tracks', async () => {
      const m = mesh();
      await m.handle({
        from: 'sock-host',
        fromUserId: PUBLISHER,
        description: { type: 'offer', sdp: 'v=0\r\na=ice-ufrag:pub1\r\n' },
      });
      const pc = FakePeer.made[0];
      expect(pc.config.iceServers).toEqual([{ urls: 'stun:stun.example.test:3478' }]);
      expect(pc.remoteDescription?.type).toBe('offer');
      expect(sent).toEqual([
        {
          to: 'sock-host',
          description: { type: 'answer', sdp: expect.stringContaining(pc.ufrag) },
        },
      ]);
      pc.gather('candidate:1 1 udp 2122260223 192.0.2.10 50000 typ host ufrag ' + pc.ufrag);
      expect(sent[1]).toEqual({
        to: 'sock-host',
        candidate: expect.objectContaining({ sdpMid: '0', sdpMLineIndex: 0 }),
      });

      const track = new FakeTrack('video');
      pc.ontrack?.({ track });
      expect(m.streams()).toEqual([
        expect.objectContaining({ socketId: 'sock-host', userId: PUBLISHER }),
      ]);
      // Linked: no more requests to this publisher.
      now += REQUEST_RETRY_MS * 3;
      m.reconcile([{ userId: PUBLISHER }], true);
      expect(sent.filter((s) => s.to.startsWith('user:'))).toHaveLength(0);
    });

    it('audio only disables received video; slides + chat closes the links', async () => {
      const m = mesh();
      await m.handle({
        from: 'sock-host',
        fromUserId: PUBLISHER,
        description: { type: 'offer', sdp: 'v=0\r\n' },
      });
      const pc = FakePeer.made[0];
      const track = new FakeTrack('video');
      pc.ontrack?.({ track });
      m.setVideoEnabled(false);
      expect(track.enabled).toBe(false);
      m.setVideoEnabled(true);
      expect(track.enabled).toBe(true);

      m.reconcile([{ userId: PUBLISHER }], false);
      expect(pc.closed).toBe(true);
      expect(m.streams()).toEqual([]);
    });

    it('closes the link of a publisher who stopped or left', async () => {
      const m = mesh();
      await m.handle({
        from: 'sock-host',
        fromUserId: PUBLISHER,
        description: { type: 'offer', sdp: 'v=0\r\n' },
      });
      m.reconcile([], true);
      expect(FakePeer.made[0].closed).toBe(true);
    });
  });

  describe('publisher side', () => {
    it('ignores requests while sending nothing', async () => {
      const m = mesh();
      await m.handle({ from: 'sock-learner', fromUserId: VIEWER });
      expect(FakePeer.made).toHaveLength(0);
    });

    it('offers its tracks on two send-only transceivers to the socket that asked', async () => {
      const m = mesh();
      await m.setLocalTracks(null, video);
      await m.handle({ from: 'sock-learner', fromUserId: VIEWER });
      const pc = FakePeer.made[0];
      expect(pc.transceivers.map((t) => [t.receiver.track.kind, t.sender.track])).toEqual([
        ['audio', null],
        ['video', video],
      ]);
      expect(sent).toEqual([
        { to: 'sock-learner', description: { type: 'offer', sdp: expect.any(String) } },
      ]);
      await m.handle({
        from: 'sock-learner',
        fromUserId: VIEWER,
        description: { type: 'answer', sdp: 'v=0\r\na=ice-ufrag:view1\r\n' },
      });
      expect(pc.remoteDescription?.type).toBe('answer');
    });

    it('swaps tracks without a new offer, and closes every link when all is off', async () => {
      const m = mesh();
      await m.setLocalTracks(null, video);
      await m.handle({ from: 'sock-learner', fromUserId: VIEWER });
      const pc = FakePeer.made[0];
      await m.setLocalTracks(audio, video);
      expect(pc.transceivers[0].sender.track).toBe(audio);
      expect(sent.filter((s) => s.description)).toHaveLength(1);
      await m.setLocalTracks(null, null);
      expect(pc.closed).toBe(true);
      expect(m.outgoingCount()).toBe(0);
    });
  });

  describe('candidates', () => {
    it('wait for the remote description of their link', async () => {
      const m = mesh();
      await m.setLocalTracks(audio, null);
      await m.handle({ from: 'sock-learner', fromUserId: VIEWER });
      const pc = FakePeer.made[0];
      const candidate = { candidate: 'candidate:1 1 udp 1 192.0.2.20 4000 typ host', sdpMid: '0' };
      await m.handle({ from: 'sock-learner', fromUserId: VIEWER, candidate });
      expect(pc.candidates).toEqual([]);
      await m.handle({
        from: 'sock-learner',
        fromUserId: VIEWER,
        description: { type: 'answer', sdp: 'v=0\r\n' },
      });
      expect(pc.candidates).toEqual([candidate]);
    });

    it('go to the right link when two sockets publish to each other', async () => {
      const m = mesh();
      // This host sends to a speaker, and receives the speaker's media.
      await m.setLocalTracks(audio, video);
      await m.handle({ from: 'sock-speaker', fromUserId: VIEWER });
      await m.handle({
        from: 'sock-speaker',
        fromUserId: VIEWER,
        description: { type: 'answer', sdp: 'v=0\r\na=ice-ufrag:spkA\r\n' },
      });
      await m.handle({
        from: 'sock-speaker',
        fromUserId: VIEWER,
        description: { type: 'offer', sdp: 'v=0\r\na=ice-ufrag:spkB\r\n' },
      });
      const [out, incoming] = FakePeer.made;
      const forIncoming = { candidate: 'candidate:2 1 udp 1 192.0.2.30 5000 typ host ufrag spkB' };
      const forOut = { candidate: 'candidate:3 1 udp 1 192.0.2.30 5002 typ host ufrag spkA' };
      await m.handle({ from: 'sock-speaker', fromUserId: VIEWER, candidate: forIncoming });
      await m.handle({ from: 'sock-speaker', fromUserId: VIEWER, candidate: forOut });
      expect(incoming.candidates).toEqual([forIncoming]);
      expect(out.candidates).toEqual([forOut]);
    });
  });
});
