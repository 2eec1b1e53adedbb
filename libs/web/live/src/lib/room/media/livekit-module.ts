import { InjectionToken } from '@angular/core';
import type * as LiveKit from 'livekit-client';

/**
 * The parts of livekit-client that `LiveKitPlane` uses. The real module satisfies them (the
 * loader below and the checks at the end say so to the compiler); tests pass a fake.
 */

/** LiveKit's `ElementInfo`: what adaptive stream needs to know of an element showing a video. */
export interface LkElementInfo {
  element: object;
  width(): number;
  height(): number;
  visible: boolean;
  pictureInPicture: boolean;
  visibilityChangedAt: number | undefined;
  handleResize?: () => void;
  handleVisibilityChanged?: () => void;
  observe(): void;
  stopObserving(): void;
}

export interface LkRemoteTrack {
  readonly kind: string;
  readonly mediaStreamTrack: MediaStreamTrack;
  getRTCStatsReport(): Promise<RTCStatsReport | undefined>;
  /** Video only (adaptive stream): the elements showing it. */
  observeElementInfo?(info: LkElementInfo): void;
  stopObservingElementInfo?(info: LkElementInfo): void;
}

export interface LkRemotePublication {
  readonly kind: string;
  /** Whether this side asked for it. */
  readonly isDesired: boolean;
  readonly track?: LkRemoteTrack;
  setSubscribed(subscribed: boolean): void;
}

export interface LkRemoteParticipant {
  readonly identity: string;
  readonly trackPublications: ReadonlyMap<string, LkRemotePublication>;
}

export interface LkLocalParticipant {
  publishTrack(track: MediaStreamTrack, options?: { source?: string }): Promise<unknown>;
  unpublishTrack(track: MediaStreamTrack, stopOnUnpublish?: boolean): Promise<unknown>;
}

export interface LkRoom {
  readonly remoteParticipants: ReadonlyMap<string, LkRemoteParticipant>;
  readonly localParticipant: LkLocalParticipant;
  on(event: string, listener: (...args: never[]) => void): unknown;
  connect(url: string, token: string, options?: { autoSubscribe?: boolean }): Promise<void>;
  disconnect(stopTracks?: boolean): Promise<void>;
}

export interface LiveKitModule {
  Room: new (options: { adaptiveStream: boolean; dynacast: boolean }) => LkRoom;
  RoomEvent: {
    readonly TrackPublished: string;
    readonly TrackSubscribed: string;
    readonly TrackUnsubscribed: string;
    readonly ParticipantDisconnected: string;
    readonly Disconnected: string;
  };
  Track: { readonly Source: { Camera: string; Microphone: string; ScreenShare: string } };
  DisconnectReason: { readonly DUPLICATE_IDENTITY: number };
}

export type LiveKitLoader = () => Promise<LiveKitModule>;

/**
 * Loads livekit-client; replaced in tests. Only a room whose media goes through LiveKit loads
 * it, in its own chunk, so that it never weighs on the other pages.
 */
export const LIVEKIT_LOADER = new InjectionToken<LiveKitLoader>('LIVEKIT_LOADER', {
  providedIn: 'root',
  factory: () => () => import('livekit-client'),
});

/** The listeners are typed here by hand: the compiler checks that the real objects fit them. */
type Fits<A, B> = [A] extends [B] ? true : false;
type Check<T extends true> = T;
export type LiveKitFits = [
  Check<Fits<LiveKit.RemoteVideoTrack, LkRemoteTrack>>,
  Check<Fits<LiveKit.RemoteAudioTrack, LkRemoteTrack>>,
  Check<Fits<LiveKit.RemoteTrackPublication, LkRemotePublication>>,
  Check<Fits<LiveKit.RemoteParticipant, LkRemoteParticipant>>,
  Check<Fits<LiveKit.ElementInfo, LkElementInfo>>,
  Check<Fits<LkElementInfo, LiveKit.ElementInfo>>,
];
