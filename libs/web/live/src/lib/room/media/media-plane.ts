import type { Signal } from '@angular/core';

/** A stream received from one publisher (one socket on the mesh, one participant on LiveKit). */
export interface RemoteStream {
  socketId: string;
  userId: string;
  stream: MediaStream;
  /**
   * Tells the plane which element shows the stream; gives the function that ends it.
   * LiveKit sizes the video it sends to the element, and sends none while it is hidden.
   */
  observe?: (element: HTMLElement) => () => void;
}

/** A publisher with media on, as the viewer side sees it. */
export interface PublisherRef {
  userId: string;
}

/** What this user sends: the microphone, and the camera or the shared screen. */
export interface LocalTracks {
  audio: MediaStreamTrack | null;
  video: MediaStreamTrack | null;
  /** The video is the shared screen, not the camera. */
  screen?: boolean;
}

/** Why a plane carries no media although it should: `elsewhere` is another tab of the user. */
export type MediaTrouble = 'failed' | 'elsewhere';

/**
 * How the room's media travels: the built-in mesh (`MeshPeers`) or a LiveKit SFU
 * (`LiveKitPlane`), as the room snapshot's `rtc.mode` says. The room service only uses this.
 */
export interface MediaPlane {
  /** The streams received, one per publisher. */
  readonly streams: Signal<readonly RemoteStream[]>;
  /** Why no media flows, when that is not intended (null: fine). */
  readonly trouble?: Signal<MediaTrouble | null>;

  /**
   * Follows the publishers (called when they change and every few seconds). With
   * `receiving` false (data saver: slides and chat) nothing is received, sound included.
   */
  reconcile(publishers: readonly PublisherRef[], receiving: boolean): void;
  /** The local tracks to send; with none, nothing is sent. */
  publish(tracks: LocalTracks): Promise<void>;
  /** Audio only: received video is neither shown nor fetched. */
  setVideoEnabled(enabled: boolean): void;
  /** A user left the room. */
  dropUser(userId: string): void;
  /** The inbound RTP statistics (for the loss check); null when nothing is received. */
  inboundStats(): Promise<unknown[] | null>;
  /** New grants (this user's role changed): connect again with them. */
  renew?(): void;
  /** Stops sending and receiving (session over, removed, left the room). */
  leave(): void;
}
