import { signal } from '@angular/core';
import type { LiveMediaTokenResponse } from '@siantar/contracts';
import type {
  LiveKitLoader,
  LiveKitModule,
  LkElementInfo,
  LkRemoteParticipant,
  LkRemotePublication,
  LkRemoteTrack,
  LkRoom,
} from './livekit-module';
import type {
  LocalTracks,
  MediaPlane,
  MediaTrouble,
  PublisherRef,
  RemoteStream,
} from './media-plane';

/** After a failed connection the next attempt waits this long, doubling up to the maximum. */
export const LIVEKIT_RETRY_MS = 5_000;
export const LIVEKIT_RETRY_MAX_MS = 60_000;

export interface LiveKitDeps {
  /** livekit-client, loaded on first use. */
  loadLiveKit: LiveKitLoader;
  /** A fresh grant for this user in this room: GET /live-sessions/:id/media-token. */
  token(): Promise<LiveMediaTokenResponse>;
  createStream?(): MediaStream;
  now?(): number;
}

/** What this side receives from one participant. */
interface Remote {
  view: RemoteStream;
  tracks: Set<LkRemoteTrack>;
  /** The elements showing it (adaptive stream sizes the video to them). */
  elements: Set<HTMLElement>;
}

type Kind = 'audio' | 'video';

/**
 * The media plane through a LiveKit SFU. Connects with a token from the API (room = session,
 * identity = user id; only hosts and promoted speakers may publish), publishes the tracks
 * `LocalMedia` produces, and receives every publisher's tracks as one stream per participant.
 *
 * Subscriptions are chosen here (no auto-subscribe): all of them normally, audio only in
 * "audio only", none in "slides + chat", where the connection closes unless this side sends.
 * A new role needs a new token: `renew` connects again with one.
 */
export class LiveKitPlane implements MediaPlane {
  private lk: LiveKitModule | null = null;
  private room: LkRoom | null = null;
  /** `room.connect` resolved. */
  private joined = false;
  private connecting = false;
  private canPublish = false;
  /** Bumped by every (dis)connection: an attempt that started before gives up. */
  private generation = 0;
  private receiving = false;
  private videoEnabled = true;
  private local: LocalTracks = { audio: null, video: null };
  private readonly published = new Map<Kind, { track: MediaStreamTrack; source: string }>();
  private publishing: Promise<void> = Promise.resolve();
  private readonly remotes = new Map<string, Remote>();
  private readonly watched = new Map<LkRemoteTrack, Map<HTMLElement, LkElementInfo>>();
  private failures = 0;
  private retryAt = 0;
  private readonly remote = signal<readonly RemoteStream[]>([]);
  private readonly troubleState = signal<MediaTrouble | null>(null);

  readonly streams = this.remote.asReadonly();
  readonly trouble = this.troubleState.asReadonly();

  constructor(private readonly deps: LiveKitDeps) {}

  /** Connected, or on the way. */
  get active(): boolean {
    return this.room !== null || this.connecting;
  }

  private get sending(): boolean {
    return this.local.audio !== null || this.local.video !== null;
  }

  reconcile(_publishers: readonly PublisherRef[], receiving: boolean): void {
    this.receiving = receiving;
    this.update();
  }

  publish(tracks: LocalTracks): Promise<void> {
    this.local = { audio: tracks.audio, video: tracks.video, screen: tracks.screen ?? false };
    if (this.sending && this.troubleState() === 'elsewhere') {
      // Sending from this tab takes the media over from the other one.
      this.troubleState.set(null);
    }
    this.update();
    return this.syncPublished();
  }

  setVideoEnabled(enabled: boolean): void {
    this.videoEnabled = enabled;
    this.applySubscriptions();
  }

  /** The SFU says who left (`ParticipantDisconnected`). */
  dropUser(_userId: string): void {
    return;
  }

  async inboundStats(): Promise<unknown[] | null> {
    const tracks = [...this.remotes.values()].flatMap((r) => [...r.tracks]);
    if (tracks.length === 0) {
      return null;
    }
    const reports = await Promise.all(
      tracks.map((t) => t.getRTCStatsReport().catch(() => undefined)),
    );
    const stats: unknown[] = [];
    reports.forEach((r) => r?.forEach((v: unknown) => stats.push(v)));
    return stats;
  }

  renew(): void {
    this.disconnect();
    this.troubleState.set(null);
    this.failures = 0;
    this.retryAt = 0;
    this.update();
  }

  leave(): void {
    this.receiving = false;
    this.local = { audio: null, video: null };
    this.disconnect();
    this.troubleState.set(null);
  }

  /** Connects when there is something to receive or send, disconnects when not. */
  private update(): void {
    if (!this.receiving && !this.sending) {
      if (this.active) {
        this.disconnect();
      }
      if (this.troubleState() === 'failed') {
        // Nothing wanted any more: the next time, a first attempt again.
        this.troubleState.set(null);
        this.failures = 0;
        this.retryAt = 0;
      }
      return;
    }
    if (this.active) {
      this.applySubscriptions();
    } else if (this.troubleState() !== 'elsewhere' && this.now() >= this.retryAt) {
      void this.connect();
    }
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    this.connecting = true;
    let room: LkRoom | null = null;
    try {
      this.lk ??= await this.deps.loadLiveKit();
      const lk = this.lk;
      const grant = await this.deps.token();
      if (generation !== this.generation) {
        return;
      }
      room = new lk.Room({ adaptiveStream: true, dynacast: true });
      this.wire(lk, room);
      this.room = room;
      this.canPublish = grant.canPublish;
      await room.connect(grant.url, grant.token, { autoSubscribe: false });
      if (generation !== this.generation) {
        return;
      }
      this.connecting = false;
      this.joined = true;
      this.failures = 0;
      this.retryAt = 0;
      this.troubleState.set(null);
      this.applySubscriptions();
      await this.syncPublished();
    } catch (error: unknown) {
      if (generation !== this.generation) {
        return;
      }
      console.warn('LiveKit connection failed', error);
      this.disconnect();
      this.failed();
    }
  }

  private wire(lk: LiveKitModule, room: LkRoom): void {
    const current = (): boolean => this.room === room;
    const e = lk.RoomEvent;
    room.on(e.TrackPublished, (pub: LkRemotePublication, p: LkRemoteParticipant) => {
      if (current()) {
        this.subscribe(pub, p);
      }
    });
    room.on(e.TrackSubscribed, (track: LkRemoteTrack, _pub: unknown, p: LkRemoteParticipant) => {
      if (current()) {
        this.trackAdded(p.identity, track);
      }
    });
    room.on(e.TrackUnsubscribed, (track: LkRemoteTrack, _pub: unknown, p: LkRemoteParticipant) => {
      if (current()) {
        this.trackRemoved(p.identity, track);
      }
    });
    room.on(e.ParticipantDisconnected, (p: LkRemoteParticipant) => {
      if (current()) {
        this.dropRemote(p.identity);
      }
    });
    room.on(e.Disconnected, (reason?: number) => {
      if (!current()) {
        return;
      }
      // LiveKit gave up reconnecting, or the server closed the connection.
      this.disconnect();
      if (reason === lk.DisconnectReason.DUPLICATE_IDENTITY) {
        // The same user joined from another tab or device: LiveKit keeps one connection.
        this.troubleState.set('elsewhere');
      } else {
        this.failed();
      }
    });
  }

  private disconnect(): void {
    this.generation++;
    this.connecting = false;
    this.joined = false;
    this.canPublish = false;
    const room = this.room;
    this.room = null;
    this.published.clear();
    [...this.remotes.keys()].forEach((id) => this.dropRemote(id));
    // The tracks belong to LocalMedia: they are not stopped here.
    room?.disconnect(false).catch(() => undefined);
  }

  private failed(): void {
    this.failures++;
    const wait = Math.min(LIVEKIT_RETRY_MS * 2 ** (this.failures - 1), LIVEKIT_RETRY_MAX_MS);
    this.retryAt = this.now() + wait;
    this.troubleState.set('failed');
  }

  /** Sound unless "slides + chat"; video only in "video". */
  private wants(pub: LkRemotePublication): boolean {
    return this.receiving && (pub.kind !== 'video' || this.videoEnabled);
  }

  private subscribe(pub: LkRemotePublication, p: LkRemoteParticipant): void {
    const wanted = this.wants(pub);
    if (pub.isDesired !== wanted) {
      pub.setSubscribed(wanted);
    }
    if (!wanted && pub.track) {
      // Not shown from now on, whenever LiveKit reports the unsubscription.
      this.trackRemoved(p.identity, pub.track);
    }
  }

  private applySubscriptions(): void {
    for (const p of this.room?.remoteParticipants.values() ?? []) {
      for (const pub of p.trackPublications.values()) {
        this.subscribe(pub, p);
      }
    }
  }

  /** Publishes what `LocalMedia` gives, when allowed; one change after the other. */
  private syncPublished(): Promise<void> {
    this.publishing = this.publishing
      .then(() => this.publishNow())
      .catch((error: unknown) => console.warn('LiveKit publishing failed', error));
    return this.publishing;
  }

  private async publishNow(): Promise<void> {
    const room = this.room;
    const lk = this.lk;
    if (!room || !this.joined || !lk) {
      return;
    }
    const sources = lk.Track.Source;
    const wanted: Record<Kind, { track: MediaStreamTrack | null; source: string }> = {
      audio: { track: this.canPublish ? this.local.audio : null, source: sources.Microphone },
      video: {
        track: this.canPublish ? this.local.video : null,
        source: this.local.screen ? sources.ScreenShare : sources.Camera,
      },
    };
    for (const kind of ['audio', 'video'] as const) {
      const { track, source } = wanted[kind];
      const current = this.published.get(kind);
      try {
        if (current && (current.track !== track || current.source !== source)) {
          this.published.delete(kind);
          await room.localParticipant.unpublishTrack(current.track, false);
        }
        if (track && this.room === room && !this.published.has(kind)) {
          await room.localParticipant.publishTrack(track, { source });
          if (this.room === room) {
            this.published.set(kind, { track, source });
          }
        }
      } catch (error: unknown) {
        console.warn(`LiveKit could not publish the ${kind}`, error);
      }
    }
  }

  private trackAdded(identity: string, track: LkRemoteTrack): void {
    let remote = this.remotes.get(identity);
    if (!remote) {
      const stream = this.deps.createStream?.() ?? new MediaStream();
      remote = {
        view: {
          socketId: identity,
          userId: identity,
          stream,
          observe: (element) => this.observe(identity, element),
        },
        tracks: new Set(),
        elements: new Set(),
      };
      this.remotes.set(identity, remote);
    }
    if (!remote.tracks.has(track)) {
      remote.tracks.add(track);
      remote.view.stream.addTrack(track.mediaStreamTrack);
      remote.elements.forEach((element) => this.watch(track, element));
    }
    this.emit();
  }

  private trackRemoved(identity: string, track: LkRemoteTrack): void {
    const remote = this.remotes.get(identity);
    if (!remote?.tracks.delete(track)) {
      return;
    }
    remote.view.stream.removeTrack(track.mediaStreamTrack);
    this.unwatchAll(track);
    if (remote.tracks.size === 0) {
      this.remotes.delete(identity);
    }
    this.emit();
  }

  private dropRemote(identity: string): void {
    const remote = this.remotes.get(identity);
    if (remote) {
      remote.tracks.forEach((t) => this.unwatchAll(t));
      this.remotes.delete(identity);
      this.emit();
    }
  }

  /** A tile shows this participant's stream in `element`. */
  private observe(identity: string, element: HTMLElement): () => void {
    const remote = this.remotes.get(identity);
    if (!remote) {
      return () => undefined;
    }
    remote.elements.add(element);
    remote.tracks.forEach((t) => this.watch(t, element));
    return () => {
      remote.elements.delete(element);
      remote.tracks.forEach((t) => this.unwatch(t, element));
    };
  }

  private watch(track: LkRemoteTrack, element: HTMLElement): void {
    if (track.kind !== 'video' || !track.observeElementInfo) {
      return;
    }
    const infos = this.watched.get(track) ?? new Map<HTMLElement, LkElementInfo>();
    if (!infos.has(element)) {
      const info = new ElementVisibility(element);
      infos.set(element, info);
      this.watched.set(track, infos);
      track.observeElementInfo(info);
    }
  }

  private unwatch(track: LkRemoteTrack, element: HTMLElement): void {
    const infos = this.watched.get(track);
    const info = infos?.get(element);
    if (infos && info) {
      infos.delete(element);
      track.stopObservingElementInfo?.(info);
    }
  }

  private unwatchAll(track: LkRemoteTrack): void {
    [...(this.watched.get(track)?.keys() ?? [])].forEach((el) => this.unwatch(track, el));
    this.watched.delete(track);
  }

  private emit(): void {
    this.remote.set([...this.remotes.values()].map((r) => r.view));
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }
}

/**
 * An element showing a LiveKit video, as adaptive stream follows it: its size (the quality
 * fetched) and whether it can be seen (none fetched while hidden, "audio only" included).
 * The tile keeps its own `srcObject` and sound: LiveKit's `attach` would change both.
 */
export class ElementVisibility implements LkElementInfo {
  visible = true;
  pictureInPicture = false;
  visibilityChangedAt: number | undefined = 0;
  handleResize?: () => void;
  handleVisibilityChanged?: () => void;
  private intersection: IntersectionObserver | null = null;
  private resize: ResizeObserver | null = null;

  constructor(readonly element: HTMLElement) {}

  width(): number {
    return this.element.clientWidth;
  }

  height(): number {
    return this.element.clientHeight;
  }

  observe(): void {
    if (typeof IntersectionObserver !== 'undefined') {
      this.intersection = new IntersectionObserver((entries) => {
        const last = entries[entries.length - 1];
        if (last) {
          this.visible = last.isIntersecting;
          this.visibilityChangedAt = Date.now();
          this.handleVisibilityChanged?.();
        }
      });
      this.intersection.observe(this.element);
    }
    if (typeof ResizeObserver !== 'undefined') {
      this.resize = new ResizeObserver(() => this.handleResize?.());
      this.resize.observe(this.element);
    }
    this.element.addEventListener('enterpictureinpicture', this.onPictureInPicture);
    this.element.addEventListener('leavepictureinpicture', this.onPictureInPicture);
  }

  stopObserving(): void {
    this.intersection?.disconnect();
    this.resize?.disconnect();
    this.intersection = null;
    this.resize = null;
    this.element.removeEventListener('enterpictureinpicture', this.onPictureInPicture);
    this.element.removeEventListener('leavepictureinpicture', this.onPictureInPicture);
  }

  private readonly onPictureInPicture = (event: Event): void => {
    this.pictureInPicture = event.type === 'enterpictureinpicture';
    this.handleVisibilityChanged?.();
  };
}
