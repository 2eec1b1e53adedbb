import type { LiveMediaTokenResponse } from '@siantar/contracts';
import type {
  LiveKitModule,
  LkElementInfo,
  LkRemoteParticipant,
  LkRemotePublication,
  LkRemoteTrack,
  LkRoom,
} from './livekit-module';
import { ElementVisibility, LIVEKIT_RETRY_MS, LiveKitPlane } from './livekit-plane';
import { fakeLiveKitModule } from '../testing/fake-livekit';

class FakeTrack {
  enabled = true;
  constructor(readonly kind: 'audio' | 'video') {}
}

class FakeStream {
  readonly tracks: FakeTrack[] = [];
  addTrack(t: FakeTrack): void {
    this.tracks.push(t);
  }
  removeTrack(t: FakeTrack): void {
    this.tracks.splice(this.tracks.indexOf(t), 1);
  }
}

/** A subscribed remote track, as LiveKit hands it over. */
class FakeRemoteTrack implements LkRemoteTrack {
  readonly mediaStreamTrack: MediaStreamTrack;
  readonly observed: LkElementInfo[] = [];
  constructor(readonly kind: 'audio' | 'video') {
    this.mediaStreamTrack = new FakeTrack(kind) as unknown as MediaStreamTrack;
  }
  async getRTCStatsReport(): Promise<RTCStatsReport | undefined> {
    const report = new Map([
      [`in-${this.kind}`, { type: 'inbound-rtp', packetsReceived: 100, packetsLost: 3 }],
    ]);
    return report as unknown as RTCStatsReport;
  }
  observeElementInfo(info: LkElementInfo): void {
    this.observed.push(info);
  }
  stopObservingElementInfo(info: LkElementInfo): void {
    this.observed.splice(this.observed.indexOf(info), 1);
  }
}

/** A remote publication; the fake SFU subscribes and unsubscribes at once. */
class FakePublication implements LkRemotePublication {
  isDesired = false;
  track?: FakeRemoteTrack;
  constructor(
    readonly kind: 'audio' | 'video',
    private readonly room: FakeRoom,
    private readonly participant: FakeParticipant,
  ) {}
  setSubscribed(subscribed: boolean): void {
    this.isDesired = subscribed;
    if (subscribed && !this.track) {
      this.track = new FakeRemoteTrack(this.kind);
      this.room.fire('trackSubscribed', this.track, this, this.participant);
    } else if (!subscribed && this.track) {
      const track = this.track;
      this.track = undefined;
      this.room.fire('trackUnsubscribed', track, this, this.participant);
    }
  }
}

class FakeParticipant implements LkRemoteParticipant {
  readonly trackPublications = new Map<string, FakePublication>();
  constructor(readonly identity: string) {}
}

class FakeRoom implements LkRoom {
  static made: FakeRoom[] = [];
  /** What the next `connect` does (resolves by default). */
  static onConnect: (room: FakeRoom) => Promise<void> = async () => undefined;

  readonly handlers = new Map<string, ((...args: unknown[]) => void)[]>();
  readonly remoteParticipants = new Map<string, FakeParticipant>();
  readonly localParticipant = {
    publishTrack: jest.fn(async (_track: MediaStreamTrack, _options?: { source?: string }) => ({})),
    unpublishTrack: jest.fn(async (_track: MediaStreamTrack, _stop?: boolean) => ({})),
  };
  connectedWith: { url: string; token: string; options?: { autoSubscribe?: boolean } } | null =
    null;
  disconnectedWith: { stopTracks: boolean | undefined } | null = null;
  private sids = 0;

  constructor(readonly options: { adaptiveStream: boolean; dynacast: boolean }) {
    FakeRoom.made.push(this);
  }
  on(event: string, listener: (...args: never[]) => void): this {
    const list = this.handlers.get(event) ?? [];
    list.push(listener as (...args: unknown[]) => void);
    this.handlers.set(event, list);
    return this;
  }
  fire(event: string, ...args: unknown[]): void {
    (this.handlers.get(event) ?? []).forEach((h) => h(...args));
  }
  async connect(url: string, token: string, options?: { autoSubscribe?: boolean }) {
    this.connectedWith = { url, token, options };
    await FakeRoom.onConnect(this);
  }
  async disconnect(stopTracks?: boolean): Promise<void> {
    this.disconnectedWith = { stopTracks };
  }
  /** Someone in the room publishes a track (before or after this side joined). */
  remotePublishes(identity: string, kind: 'audio' | 'video'): FakePublication {
    const p = this.remoteParticipants.get(identity) ?? new FakeParticipant(identity);
    this.remoteParticipants.set(identity, p);
    const pub = new FakePublication(kind, this, p);
    p.trackPublications.set(`TR_${++this.sids}`, pub);
    this.fire('trackPublished', pub, p);
    return pub;
  }
  remoteLeaves(identity: string): void {
    const p = this.remoteParticipants.get(identity);
    this.remoteParticipants.delete(identity);
    this.fire('participantDisconnected', p);
  }
}

const fakeLiveKit = fakeLiveKitModule(FakeRoom);

const HOST = 'user-host';
const URL = 'wss://media.example.test';

const settle = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) {
    await Promise.resolve();
  }
};

describe('LiveKitPlane', () => {
  let grants: LiveMediaTokenResponse[];
  let token: jest.Mock<Promise<LiveMediaTokenResponse>, []>;
  let load: jest.Mock<Promise<LiveKitModule>, []>;
  let now: number;
  let issued: number;

  const grant = (canPublish: boolean): LiveMediaTokenResponse => ({
    url: URL,
    token: `token-${++issued}`,
    canPublish,
  });

  const plane = () =>
    new LiveKitPlane({
      loadLiveKit: load,
      token,
      createStream: () => new FakeStream() as unknown as MediaStream,
      now: () => now,
    });

  /** A plane that receives, connected. */
  async function joined(canPublish = false) {
    grants.push(grant(canPublish));
    const p = plane();
    p.reconcile([], true);
    await settle();
    const room = FakeRoom.made[FakeRoom.made.length - 1];
    return { p, room };
  }

  const tracksOf = (stream: MediaStream): FakeTrack[] => (stream as unknown as FakeStream).tracks;
  const audio = new FakeTrack('audio') as unknown as MediaStreamTrack;
  const camera = new FakeTrack('video') as unknown as MediaStreamTrack;
  const screen = new FakeTrack('video') as unknown as MediaStreamTrack;

  beforeEach(() => {
    FakeRoom.made = [];
    FakeRoom.onConnect = async () => undefined;
    grants = [];
    issued = 0;
    now = 1_000_000;
    token = jest.fn(async () => {
      const next = grants.shift();
      if (!next) {
        throw new Error('no grant');
      }
      return next;
    });
    load = jest.fn(async () => fakeLiveKit);
    jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  afterEach(() => jest.restoreAllMocks());

  it('loads livekit-client only when there is media, and connects with the fetched grant', async () => {
    grants.push(grant(false));
    const p = plane();
    expect(load).not.toHaveBeenCalled();
    p.reconcile([], true);
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(token).toHaveBeenCalledTimes(1);
    const [room] = FakeRoom.made;
    expect(room.options).toEqual({ adaptiveStream: true, dynacast: true });
    expect(room.connectedWith).toEqual({
      url: URL,
      token: 'token-1',
      options: { autoSubscribe: false },
    });
    // Reconciling again keeps the connection.
    p.reconcile([], true);
    await settle();
    expect(FakeRoom.made).toHaveLength(1);
  });

  describe('publishing', () => {
    it('publishes the microphone and the camera when the grant allows it', async () => {
      const { p, room } = await joined(true);
      await p.publish({ audio, video: camera });
      const publish = room.localParticipant.publishTrack;
      expect(publish.mock.calls).toEqual([
        [audio, { source: 'microphone' }],
        [camera, { source: 'camera' }],
      ]);

      // The screen takes the camera's place; the microphone stays.
      await p.publish({ audio, video: screen, screen: true });
      expect(room.localParticipant.unpublishTrack.mock.calls).toEqual([[camera, false]]);
      expect(publish.mock.calls[2]).toEqual([screen, { source: 'screen_share' }]);

      // Everything off: unpublished, the tracks left to LocalMedia (not stopped).
      await p.publish({ audio: null, video: null });
      expect(room.localParticipant.unpublishTrack.mock.calls.slice(1)).toEqual([
        [audio, false],
        [screen, false],
      ]);
      expect(publish).toHaveBeenCalledTimes(3);
    });

    it('publishes nothing without the grant to', async () => {
      const { p, room } = await joined(false);
      await p.publish({ audio, video: camera });
      expect(room.localParticipant.publishTrack).not.toHaveBeenCalled();
    });

    it('publishes tracks turned on before the connection once it is up', async () => {
      grants.push(grant(true));
      let open: () => void = () => undefined;
      FakeRoom.onConnect = () => new Promise<void>((resolve) => (open = resolve));
      const p = plane();
      // Sending alone is reason enough to connect (here: nothing received).
      void p.publish({ audio, video: null });
      p.reconcile([], false);
      await settle();
      const [room] = FakeRoom.made;
      expect(room.localParticipant.publishTrack).not.toHaveBeenCalled();
      open();
      await settle();
      expect(room.localParticipant.publishTrack).toHaveBeenCalledWith(audio, {
        source: 'microphone',
      });
    });
  });

  describe('receiving', () => {
    it('shows a subscribed track as the publisher’s stream, and drops it when unsubscribed', async () => {
      const { p, room } = await joined();
      const mic = room.remotePublishes(HOST, 'audio');
      const cam = room.remotePublishes(HOST, 'video');
      expect(mic.isDesired).toBe(true);
      expect(cam.isDesired).toBe(true);
      expect(p.streams()).toEqual([
        expect.objectContaining({ socketId: HOST, userId: HOST, stream: expect.any(FakeStream) }),
      ]);
      const stream = p.streams()[0].stream;
      expect(tracksOf(stream).map((t) => t.kind)).toEqual(['audio', 'video']);

      // The publisher turned the camera off.
      room.fire('trackUnsubscribed', cam.track, cam, room.remoteParticipants.get(HOST));
      expect(tracksOf(p.streams()[0].stream).map((t) => t.kind)).toEqual(['audio']);
      // … and the microphone: nothing left to show.
      mic.setSubscribed(false);
      expect(p.streams()).toEqual([]);
    });

    it('subscribes to what was published before this side joined', async () => {
      grants.push(grant(false));
      FakeRoom.onConnect = async (room) => {
        room.remoteParticipants.set(HOST, new FakeParticipant(HOST));
        const host = room.remoteParticipants.get(HOST) as FakeParticipant;
        host.trackPublications.set('TR_a', new FakePublication('audio', room, host));
      };
      const p = plane();
      p.reconcile([], true);
      await settle();
      expect(p.streams().map((r) => r.userId)).toEqual([HOST]);
    });

    it('drops the stream of a participant who left', async () => {
      const { p, room } = await joined();
      room.remotePublishes(HOST, 'audio');
      room.remotePublishes('user-speaker', 'audio');
      room.remoteLeaves(HOST);
      expect(p.streams().map((r) => r.userId)).toEqual(['user-speaker']);
    });

    it('audio only: stops the video subscriptions and takes new ones without video', async () => {
      const { p, room } = await joined();
      const mic = room.remotePublishes(HOST, 'audio');
      const cam = room.remotePublishes(HOST, 'video');
      p.setVideoEnabled(false);
      expect(cam.isDesired).toBe(false);
      expect(mic.isDesired).toBe(true);
      expect(tracksOf(p.streams()[0].stream).map((t) => t.kind)).toEqual(['audio']);
      const screenShare = room.remotePublishes('user-speaker', 'video');
      expect(screenShare.isDesired).toBe(false);

      p.setVideoEnabled(true);
      expect(cam.isDesired).toBe(true);
      expect(screenShare.isDesired).toBe(true);
    });

    it('slides + chat: disconnects when this side sends nothing', async () => {
      const { p, room } = await joined();
      room.remotePublishes(HOST, 'audio');
      p.reconcile([], false);
      expect(room.disconnectedWith).toEqual({ stopTracks: false });
      expect(p.streams()).toEqual([]);
    });

    it('slides + chat while sending: stays connected and receives nothing, sound included', async () => {
      const { p, room } = await joined(true);
      await p.publish({ audio, video: null });
      const mic = room.remotePublishes(HOST, 'audio');
      p.reconcile([], false);
      expect(room.disconnectedWith).toBeNull();
      expect(mic.isDesired).toBe(false);
      expect(p.streams()).toEqual([]);
    });

    it('lets adaptive stream follow the tile showing the video', async () => {
      const { p, room } = await joined();
      const mic = room.remotePublishes(HOST, 'audio');
      const element = document.createElement('video');
      const stop = p.streams()[0].observe?.(element);
      expect((mic.track as FakeRemoteTrack).observed).toEqual([]);
      // A video published later is followed in the tile already showing the stream.
      const cam = room.remotePublishes(HOST, 'video');
      const track = cam.track as FakeRemoteTrack;
      expect(track.observed).toEqual([expect.any(ElementVisibility)]);
      expect(track.observed[0].element).toBe(element);
      stop?.();
      expect(track.observed).toEqual([]);
    });

    it('tells adaptive stream whether the element can be seen, and its size', () => {
      const observers: { callback: (entries: { isIntersecting: boolean }[]) => void }[] = [];
      const globals = globalThis as { IntersectionObserver?: unknown };
      const had = globals.IntersectionObserver;
      globals.IntersectionObserver = class {
        constructor(readonly callback: (entries: { isIntersecting: boolean }[]) => void) {
          observers.push(this);
        }
        observe(): void {
          return;
        }
        disconnect(): void {
          return;
        }
      };
      try {
        const element = document.createElement('video');
        Object.defineProperty(element, 'clientWidth', { value: 320 });
        Object.defineProperty(element, 'clientHeight', { value: 180 });
        const info = new ElementVisibility(element);
        const changed = jest.fn();
        info.handleVisibilityChanged = changed;
        info.observe();
        expect([info.width(), info.height(), info.visible]).toEqual([320, 180, true]);
        observers[0].callback([{ isIntersecting: false }]);
        expect(info.visible).toBe(false);
        expect(changed).toHaveBeenCalledTimes(1);
        element.dispatchEvent(new Event('enterpictureinpicture'));
        expect(info.pictureInPicture).toBe(true);
        info.stopObserving();
      } finally {
        globals.IntersectionObserver = had;
      }
    });

    it('gives the inbound statistics of what it receives', async () => {
      const { p, room } = await joined();
      await expect(p.inboundStats()).resolves.toBeNull();
      room.remotePublishes(HOST, 'audio');
      await expect(p.inboundStats()).resolves.toEqual([
        { type: 'inbound-rtp', packetsReceived: 100, packetsLost: 3 },
      ]);
    });
  });

  describe('connection', () => {
    it('connects again with a new token when the role changes, and publishes again', async () => {
      const { p, room } = await joined(false);
      await p.publish({ audio, video: null });
      expect(room.localParticipant.publishTrack).not.toHaveBeenCalled();
      room.remotePublishes(HOST, 'audio');

      grants.push(grant(true));
      p.renew();
      await settle();
      expect(room.disconnectedWith).toEqual({ stopTracks: false });
      expect(token).toHaveBeenCalledTimes(2);
      expect(FakeRoom.made).toHaveLength(2);
      const second = FakeRoom.made[1];
      expect(second.connectedWith?.token).toBe('token-2');
      expect(second.localParticipant.publishTrack).toHaveBeenCalledWith(audio, {
        source: 'microphone',
      });
      // What the old connection received is gone with it.
      expect(p.streams()).toEqual([]);
      // Events of the old connection no longer count.
      room.remotePublishes(HOST, 'video');
      expect(p.streams()).toEqual([]);
    });

    it('leave disconnects, also a connection still on its way', async () => {
      const { p, room } = await joined();
      p.leave();
      expect(room.disconnectedWith).toEqual({ stopTracks: false });

      grants.push(grant(false));
      let open: () => void = () => undefined;
      FakeRoom.onConnect = () => new Promise<void>((resolve) => (open = resolve));
      p.reconcile([], true);
      await settle();
      const pending = FakeRoom.made[1];
      p.leave();
      open();
      await settle();
      expect(pending.disconnectedWith).toEqual({ stopTracks: false });
      pending.remotePublishes(HOST, 'audio');
      expect(p.streams()).toEqual([]);
    });

    it('retries a failed connection after a while, and says so meanwhile', async () => {
      const p = plane();
      p.reconcile([], true);
      await settle();
      expect(p.trouble()).toBe('failed');
      grants.push(grant(false));
      p.reconcile([], true);
      await settle();
      expect(token).toHaveBeenCalledTimes(1);
      now += LIVEKIT_RETRY_MS;
      p.reconcile([], true);
      await settle();
      expect(token).toHaveBeenCalledTimes(2);
      expect(FakeRoom.made).toHaveLength(1);
      expect(p.trouble()).toBeNull();
    });

    it('after losing the connection to another tab of the same user, waits to be asked', async () => {
      const { p, room } = await joined();
      room.fire('disconnected', fakeLiveKit.DisconnectReason.DUPLICATE_IDENTITY);
      expect(p.trouble()).toBe('elsewhere');
      now += LIVEKIT_RETRY_MS * 100;
      p.reconcile([], true);
      await settle();
      expect(FakeRoom.made).toHaveLength(1);

      grants.push(grant(false));
      p.renew();
      await settle();
      expect(FakeRoom.made).toHaveLength(2);
      expect(p.trouble()).toBeNull();
    });

    it('connects again after LiveKit gave up on the connection', async () => {
      const { p, room } = await joined();
      room.remotePublishes(HOST, 'audio');
      room.fire('disconnected', 1);
      expect(p.streams()).toEqual([]);
      expect(p.trouble()).toBe('failed');
      grants.push(grant(false));
      now += LIVEKIT_RETRY_MS;
      p.reconcile([], true);
      await settle();
      expect(FakeRoom.made).toHaveLength(2);
    });
  });
});
