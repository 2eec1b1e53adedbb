import {
  DOCUMENT,
  DestroyRef,
  Injectable,
  computed,
  effect,
  inject,
  signal,
  untracked,
} from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { TranslateService } from '@ngx-translate/core';
import type {
  LiveClientEventName,
  LiveMediaTokenResponse,
  LiveReaction,
  MediaState,
} from '@siantar/contracts';
import { Subject, firstValueFrom } from 'rxjs';
import { LiveApi } from '../api/live.api';
import { LiveConnection } from './live-connection';
import { type AckData, type ClientPayload, LiveRequestError } from './live-socket';
import {
  type DataSaverMode,
  type InboundCounters,
  inboundCounters,
  isLighter,
  lossBetween,
  modeForConnection,
  modeForLoss,
} from './media/data-saver';
import { LIVEKIT_LOADER } from './media/livekit-module';
import { LiveKitPlane } from './media/livekit-plane';
import { LocalMedia, type MediaDevicesLike, type MediaKind } from './media/local-media';
import type { LocalTracks, MediaPlane, RemoteStream } from './media/media-plane';
import { MeshPeers } from './media/mesh-peers';
import { RoomStore } from './room-store';

/** How often the viewer side checks its links and the loss statistics. */
const RECONCILE_MS = 5_000;

/** Sent by the client's own machinery, not by the user: their refusals are not shown. */
const SILENT_EVENTS: ReadonlySet<string> = new Set(['rtc:signal', 'heartbeat', 'room:sync']);

interface NetworkInformationLike {
  effectiveType?: string;
  addEventListener?(type: 'change', listener: () => void): void;
  removeEventListener?(type: 'change', listener: () => void): void;
}

/**
 * One room, as the screens use it: the store (state), the connection (events, requests),
 * the media plane (the built-in WebRTC mesh or a LiveKit SFU, as the server says) and this
 * user's media and data-saver mode. Provided by the room screen.
 */
@Injectable()
export class LiveRoomService {
  private readonly connection = inject(LiveConnection);
  private readonly api = inject(LiveApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly translate = inject(TranslateService);
  private readonly window = inject(DOCUMENT).defaultView;

  readonly store = new RoomStore();
  readonly connectionState = this.connection.state;
  readonly refusedWith = this.connection.refusedWith;

  private readonly reactionsSubject = new Subject<{ userId: string; emoji: LiveReaction }>();
  /** Reactions as they come (floating emoji). */
  readonly reactions = this.reactionsSubject.asObservable();

  private readonly modeState = signal<DataSaverMode>('video');
  private readonly suggestionState = signal<DataSaverMode | null>(null);
  private dismissedSuggestion: DataSaverMode | null = null;
  private lastCounters: InboundCounters | null = null;
  /** Events with a request in flight (their refusals come with the acknowledgement). */
  private readonly pending = new Map<string, number>();
  private sessionId: string | null = null;
  private local: LocalTracks = { audio: null, video: null };

  /** "Mode hemat data". */
  readonly mode = this.modeState.asReadonly();
  /** A lighter mode the connection suggests, until taken or dismissed. */
  readonly suggestion = this.suggestionState.asReadonly();

  /** The built-in plane: WebRTC from each publisher to each viewer, signalled over the socket. */
  readonly mesh = new MeshPeers({
    send: (s) => this.connection.request('rtc:signal', s),
    iceServers: () => (this.store.rtc()?.iceServers ?? []) as RTCIceServer[],
  });

  /** Through a LiveKit SFU (livekit-client is loaded only when used). */
  readonly livekit = new LiveKitPlane({
    loadLiveKit: inject(LIVEKIT_LOADER),
    token: () => this.mediaToken(),
  });

  readonly media = new LocalMedia(
    () => this.window?.navigator.mediaDevices as MediaDevicesLike | undefined,
    (audio, video, state) => this.mediaChanged(audio, video, state),
  );

  /** The plane the room's snapshot names (`rtc.mode`); null before the first snapshot. */
  readonly plane = computed<MediaPlane | null>(() => {
    const mode = this.store.rtc()?.mode;
    return mode === 'livekit' ? this.livekit : mode === 'mesh' ? this.mesh : null;
  });
  readonly webRtcSupported = typeof RTCPeerConnection !== 'undefined';
  /** The publishers' streams, whichever plane carries them. */
  readonly remoteStreams = computed<readonly RemoteStream[]>(() => this.plane()?.streams() ?? []);
  /** Why no media flows although it should (LiveKit: no connection, or used in another tab). */
  readonly mediaTrouble = computed(() => this.plane()?.trouble?.() ?? null);
  /** Over for this user: no more media. */
  private readonly over = computed(
    () => this.store.endedAt() !== null || this.store.removedReason() !== null,
  );

  constructor() {
    const c = this.connection;
    const s = this.store;
    c.onSnapshot((snapshot) => {
      s.applySnapshot(snapshot);
      // A new connection: the server knows this socket's media only once told.
      if (this.media.anyOn()) {
        void this.send('media:state', this.media.state());
      }
    });
    c.on('presence', (e) => {
      e.present.forEach((p) => s.participantChanged(p));
      e.gone.forEach((userId) => this.participantGone(userId));
    });
    c.on('participant:updated', (p) => s.participantChanged(p));
    c.on('participant:left', (e) => this.participantGone(e.userId));
    c.on('chat:message', (m) => s.chatMessage(m));
    c.on('chat:deleted', (e) => s.chatDeleted(e));
    c.on('question:changed', (q) => s.questionChanged(q));
    c.on('poll:changed', (p) => s.pollChanged(p));
    c.on('reaction', (e) => this.reactionsSubject.next(e));
    c.on('room:locked', (e) => s.roomLocked(e));
    c.on('slides:changed', (e) => s.slidesChanged(e));
    c.on('slides:page', (e) => s.slidesPage(e));
    c.on('rtc:signal', (e) => void this.mesh.handle(e));
    c.on('session:ended', (e) => {
      s.sessionEnded(e);
      this.leaveMedia();
    });
    c.on('removed', (e) => {
      s.removed(e);
      this.leaveMedia();
    });
    c.on('live:error', (e) => {
      // Refusals of our own requests are shown from their acknowledgement.
      if (!this.pending.has(e.event) && !SILENT_EVENTS.has(e.event)) {
        this.snackBar.open(e.message, this.translate.instant('common.close'), { duration: 6000 });
      }
    });

    // A plane taken over from another (the server's configuration changed): the local
    // tracks go with it.
    let lastPlane: MediaPlane | null = null;
    effect(() => {
      const plane = this.plane();
      untracked(() => {
        if (lastPlane && plane !== lastPlane) {
          lastPlane.leave();
          void plane?.publish(this.local);
        }
        lastPlane = plane;
      });
    });
    // Viewer side: follow the publishers (and the mode).
    effect(() => {
      const plane = this.plane();
      const publishers = this.store.publishers();
      const receiving = this.modeState() !== 'slides';
      const connected = this.connection.state() === 'connected';
      const over = this.over();
      untracked(() => {
        if (plane && connected && !over && this.webRtcSupported) {
          plane.reconcile(publishers, receiving);
        }
      });
    });
    effect(() => {
      const enabled = this.modeState() === 'video';
      const plane = this.plane();
      untracked(() => plane?.setVideoEnabled(enabled));
    });
    // Promoted or demoted: LiveKit grants publishing in the token, so a new one is needed.
    let lastRole: string | null = null;
    effect(() => {
      const role = this.store.me()?.role ?? null;
      untracked(() => {
        if (lastRole !== null && role !== null && role !== lastRole && !this.over()) {
          this.plane()?.renew?.();
        }
        lastRole = role ?? lastRole;
      });
    });
    // Demoted or muted by the host: stop what is no longer allowed.
    effect(() => {
      const canPublish = this.store.canPublish();
      const muted = this.store.me()?.muted ?? false;
      untracked(() => {
        if (!canPublish) {
          this.media.stopAll();
        } else if (muted && this.media.state().microphone) {
          void this.media.set('microphone', false);
        }
      });
    });

    const timer = setInterval(() => this.tick(), RECONCILE_MS);
    const network = this.network();
    const onNetwork = (): void => this.suggest(modeForConnection(network?.effectiveType));
    network?.addEventListener?.('change', onNetwork);
    onNetwork();

    inject(DestroyRef).onDestroy(() => {
      clearInterval(timer);
      network?.removeEventListener?.('change', onNetwork);
      this.leaveMedia();
    });
  }

  async open(sessionId: string): Promise<void> {
    this.sessionId = sessionId;
    await this.connection.open(sessionId);
  }

  /** LiveKit: connects this tab to the media again (it was taken over by another one). */
  takeMediaHere(): void {
    this.plane()?.renew?.();
  }

  retry(): void {
    this.connection.retry();
  }

  /**
   * Sends a client event; a refusal is shown (the server's Indonesian text) and gives null.
   */
  async send<E extends LiveClientEventName>(
    event: E,
    payload: ClientPayload<E>,
  ): Promise<{ data: AckData<E> } | null> {
    this.pending.set(event, (this.pending.get(event) ?? 0) + 1);
    try {
      return { data: await this.connection.request(event, payload) };
    } catch (error: unknown) {
      this.showError(error);
      return null;
    } finally {
      const left = (this.pending.get(event) ?? 1) - 1;
      if (left > 0) {
        this.pending.set(event, left);
      } else {
        this.pending.delete(event);
      }
    }
  }

  /** Turns one of this user's sources on or off; a refused device is explained. */
  async toggleMedia(kind: MediaKind): Promise<void> {
    const on = !this.media.state()[kind];
    try {
      await this.media.set(kind, on);
    } catch (error: unknown) {
      const name = error instanceof DOMException ? error.name : '';
      const key =
        name === 'NotAllowedError' || name === 'SecurityError'
          ? 'live.media.denied'
          : name === 'NotFoundError' || name === 'OverconstrainedError'
            ? 'live.media.notFound'
            : 'live.media.failed';
      this.snackBar.open(this.translate.instant(key), this.translate.instant('common.close'), {
        duration: 8000,
      });
    }
  }

  setMode(mode: DataSaverMode): void {
    this.modeState.set(mode);
    if (this.suggestionState() && !isLighter(this.suggestionState() as DataSaverMode, mode)) {
      this.suggestionState.set(null);
    }
  }

  /** Takes the suggested mode. */
  acceptSuggestion(): void {
    const mode = this.suggestionState();
    if (mode) {
      this.setMode(mode);
    }
    this.suggestionState.set(null);
  }

  dismissSuggestion(): void {
    this.dismissedSuggestion = this.suggestionState();
    this.suggestionState.set(null);
  }

  showError(error: unknown): void {
    const message =
      error instanceof LiveRequestError && error.serverMessage
        ? error.serverMessage
        : this.translate.instant(
            error instanceof LiveRequestError && error.code === 'offline'
              ? 'live.errors.offline'
              : error instanceof LiveRequestError && error.code === 'timeout'
                ? 'live.errors.timeout'
                : 'errors.generic',
          );
    this.snackBar.open(message, this.translate.instant('common.close'), { duration: 6000 });
  }

  /** Left (last connection closed) or removed: off the list, and their media dropped. */
  private participantGone(userId: string): void {
    this.store.participantLeft({ userId });
    this.plane()?.dropUser(userId);
  }

  private mediaChanged(
    audio: MediaStreamTrack | null,
    video: MediaStreamTrack | null,
    state: MediaState,
  ): void {
    this.local = { audio, video, screen: state.screen };
    void this.plane()?.publish(this.local);
    if (this.connection.state() === 'connected') {
      void this.send('media:state', state);
    }
  }

  private leaveMedia(): void {
    this.media.stopAll();
    this.mesh.leave();
    this.livekit.leave();
  }

  private async mediaToken(): Promise<LiveMediaTokenResponse> {
    const id = this.store.session()?.id ?? this.sessionId;
    if (!id) {
      throw new Error('No session for a media token');
    }
    return firstValueFrom(this.api.mediaToken(id));
  }

  private tick(): void {
    const plane = this.plane();
    if (!plane || this.connection.state() !== 'connected' || !this.webRtcSupported || this.over()) {
      return;
    }
    plane.reconcile(this.store.publishers(), this.modeState() !== 'slides');
    void this.checkLoss(plane);
  }

  /** Heavy packet loss on what is received suggests a lighter mode. */
  private async checkLoss(plane: MediaPlane): Promise<void> {
    const stats = await plane.inboundStats();
    if (!stats) {
      this.lastCounters = null;
      return;
    }
    const counters = inboundCounters(stats);
    if (this.lastCounters) {
      this.suggest(modeForLoss(lossBetween(this.lastCounters, counters), this.modeState()));
    }
    this.lastCounters = counters;
  }

  private suggest(mode: DataSaverMode | null): void {
    if (
      mode &&
      mode !== this.dismissedSuggestion &&
      isLighter(mode, this.modeState()) &&
      !this.suggestionState()
    ) {
      this.suggestionState.set(mode);
    }
  }

  private network(): NetworkInformationLike | undefined {
    return (
      this.window?.navigator as (Navigator & { connection?: NetworkInformationLike }) | undefined
    )?.connection;
  }
}
