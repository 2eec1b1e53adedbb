import { computed, signal } from '@angular/core';
import type { MediaState } from '@siantar/contracts';

export type MediaKind = keyof MediaState;

/** Modest capture: the mesh sends one copy per viewer, often over a mobile connection. */
const CAMERA: MediaTrackConstraints = {
  width: { ideal: 640 },
  height: { ideal: 360 },
  frameRate: { ideal: 15, max: 24 },
};
const MICROPHONE: MediaTrackConstraints = {
  echoCancellation: true,
  noiseSuppression: true,
  autoGainControl: true,
};

export interface MediaDevicesLike {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
  getDisplayMedia(constraints: DisplayMediaStreamOptions): Promise<MediaStream>;
}

/**
 * This user's camera, microphone and screen. The screen, while shared, takes the camera's
 * place on the video track. `changed` runs after every switch with the tracks to send.
 */
export class LocalMedia {
  private camera: MediaStreamTrack | null = null;
  private microphone: MediaStreamTrack | null = null;
  private screen: MediaStreamTrack | null = null;
  private readonly current = signal<MediaState>({
    camera: false,
    microphone: false,
    screen: false,
  });
  private readonly previewStream = signal<MediaStream | null>(null);

  readonly state = this.current.asReadonly();
  /** The video being sent (screen or camera), for the local preview; null when none. */
  readonly preview = this.previewStream.asReadonly();
  readonly anyOn = computed(() => {
    const s = this.current();
    return s.camera || s.microphone || s.screen;
  });

  constructor(
    private readonly devices: () => MediaDevicesLike | undefined,
    private readonly changed: (
      audio: MediaStreamTrack | null,
      video: MediaStreamTrack | null,
      state: MediaState,
    ) => void,
  ) {}

  /** Turns one source on or off; rejects with the browser's error when access is refused. */
  async set(kind: MediaKind, on: boolean): Promise<void> {
    if (on === this.current()[kind]) {
      return;
    }
    if (on) {
      const track = await this.open(kind);
      this.stop(kind);
      this.assign(kind, track);
    } else {
      this.stop(kind);
    }
    this.emit();
  }

  /** Everything off (leaving the room, demoted to participant). */
  stopAll(): void {
    if (!this.anyOn()) {
      return;
    }
    (['camera', 'microphone', 'screen'] as const).forEach((k) => this.stop(k));
    this.emit();
  }

  private async open(kind: MediaKind): Promise<MediaStreamTrack> {
    const devices = this.devices();
    if (!devices) {
      throw new DOMException('No media devices', 'NotSupportedError');
    }
    const stream =
      kind === 'screen'
        ? await devices.getDisplayMedia({ video: true, audio: false })
        : await devices.getUserMedia(
            kind === 'camera'
              ? { video: CAMERA, audio: false }
              : { audio: MICROPHONE, video: false },
          );
    const track = kind === 'microphone' ? stream.getAudioTracks()[0] : stream.getVideoTracks()[0];
    if (!track) {
      throw new DOMException('No track', 'NotFoundError');
    }
    if (kind === 'screen') {
      // The browser's own "Stop sharing" button.
      track.addEventListener('ended', () => {
        if (this.screen === track) {
          void this.set('screen', false);
        }
      });
    }
    return track;
  }

  private assign(kind: MediaKind, track: MediaStreamTrack | null): void {
    if (kind === 'camera') {
      this.camera = track;
    } else if (kind === 'microphone') {
      this.microphone = track;
    } else {
      this.screen = track;
    }
  }

  private stop(kind: MediaKind): void {
    const track =
      kind === 'camera' ? this.camera : kind === 'microphone' ? this.microphone : this.screen;
    track?.stop();
    this.assign(kind, null);
  }

  private emit(): void {
    const state: MediaState = {
      camera: this.camera !== null,
      microphone: this.microphone !== null,
      screen: this.screen !== null,
    };
    this.current.set(state);
    const video = this.screen ?? this.camera;
    this.previewStream.set(video ? new MediaStream([video]) : null);
    this.changed(this.microphone, video, state);
  }
}
