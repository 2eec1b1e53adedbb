import { signal } from '@angular/core';
import type { RtcSignal } from '@siantar/contracts';
import { connectionForCandidate } from './ice-candidates';
import type { LocalTracks, MediaPlane, PublisherRef, RemoteStream } from './media-plane';

export type { PublisherRef, RemoteStream } from './media-plane';

/** A relayed `rtc:signal`: who sent it and what. */
export interface IncomingSignal {
  from: string;
  fromUserId: string;
  description?: { type: 'offer' | 'answer'; sdp: string };
  candidate?: { candidate: string; sdpMid?: string | null; sdpMLineIndex?: number | null };
}

export interface MeshDeps {
  send(signal: RtcSignal): Promise<unknown>;
  iceServers(): RTCIceServer[];
  createPeer?(config: RTCConfiguration): RTCPeerConnection;
  createStream?(): MediaStream;
  now?(): number;
}

interface Link {
  direction: 'out' | 'in';
  socketId: string;
  userId: string;
  pc: RTCPeerConnection;
  /** Set once the remote description is in: candidates are added from then on. */
  remoteSdp: string | null;
}

/** A viewer asks a publisher again if no offer came within this long. */
export const REQUEST_RETRY_MS = 10_000;

/** Addresses every socket of a user (the server relays to each). */
export const userTarget = (userId: string): string => `user:${userId}`;

/**
 * The built-in media plane: WebRTC from each publisher (host, speaker) straight to each viewer.
 *
 * Protocol (relayed by the server's `rtc:signal`): a viewer that wants a publisher's media
 * sends an empty signal to `user:<publisherId>`; each of the publisher's sockets with media
 * on answers with an offer to the viewer's socket; the viewer answers; candidates flow both
 * ways. Publishers send on two fixed transceivers (audio, video) and swap tracks with
 * `replaceTrack`, so that turning a camera on or off needs no new negotiation.
 */
export class MeshPeers implements MediaPlane {
  private readonly links = new Map<string, Link>();
  private readonly pending = new Map<string, IncomingSignal['candidate'][]>();
  private readonly requestedAt = new Map<string, number>();
  private readonly remote = signal<readonly RemoteStream[]>([]);
  private audio: MediaStreamTrack | null = null;
  private video: MediaStreamTrack | null = null;
  private outStream: MediaStream | null = null;
  private videoEnabled = true;
  private queue: Promise<void> = Promise.resolve();

  /** Streams received, one per publishing socket. */
  readonly streams = this.remote.asReadonly();

  constructor(private readonly deps: MeshDeps) {}

  /** Whether this side sends anything. */
  get publishing(): boolean {
    return this.audio !== null || this.video !== null;
  }

  publish(tracks: LocalTracks): Promise<void> {
    return this.setLocalTracks(tracks.audio, tracks.video);
  }

  /** The local tracks to send; with none, every outgoing link closes. */
  async setLocalTracks(
    audio: MediaStreamTrack | null,
    video: MediaStreamTrack | null,
  ): Promise<void> {
    this.audio = audio;
    this.video = video;
    const out = [...this.links.values()].filter((l) => l.direction === 'out');
    if (!this.publishing) {
      out.forEach((l) => this.drop(l));
      return;
    }
    await Promise.all(
      out.flatMap((l) =>
        l.pc.getTransceivers().map((t) => {
          const kind = t.receiver.track.kind;
          return t.sender.replaceTrack(kind === 'audio' ? audio : video).catch(() => undefined);
        }),
      ),
    );
  }

  /** Handles relayed signals one after the other, in the order they came. */
  handle(s: IncomingSignal): Promise<void> {
    this.queue = this.queue
      .then(() => this.process(s))
      .catch((error: unknown) => console.warn('WebRTC signal failed', error));
    return this.queue;
  }

  private async process(s: IncomingSignal): Promise<void> {
    if (s.description?.type === 'offer') {
      await this.acceptOffer(s.from, s.fromUserId, s.description.sdp);
    } else if (s.description?.type === 'answer') {
      const link = this.links.get(key('out', s.from));
      if (link) {
        await link.pc.setRemoteDescription(s.description);
        link.remoteSdp = s.description.sdp;
        await this.flushCandidates(s.from);
      }
    } else if (s.candidate) {
      await this.addCandidate(s.from, s.candidate);
    } else if (this.publishing) {
      await this.offerTo(s.from, s.fromUserId);
    }
  }

  /**
   * The viewer side: asks each publisher not yet linked for its media and closes links to
   * those who stopped. With `receiving` false (data saver: slides and chat), closes them all.
   */
  reconcile(publishers: readonly PublisherRef[], receiving: boolean): void {
    const wanted = new Set(receiving ? publishers.map((p) => p.userId) : []);
    for (const link of [...this.links.values()]) {
      if (link.direction === 'in' && !wanted.has(link.userId)) {
        this.drop(link);
      }
    }
    const now = this.deps.now?.() ?? Date.now();
    for (const userId of wanted) {
      const linked = [...this.links.values()].some(
        (l) => l.direction === 'in' && l.userId === userId,
      );
      const asked = this.requestedAt.get(userId);
      if (!linked && (asked === undefined || now - asked >= REQUEST_RETRY_MS)) {
        this.requestedAt.set(userId, now);
        this.deps.send({ to: userTarget(userId) }).catch(() => this.requestedAt.delete(userId));
      }
    }
  }

  /** Audio only: received video is neither shown nor decoded. */
  setVideoEnabled(enabled: boolean): void {
    this.videoEnabled = enabled;
    for (const r of this.remote()) {
      r.stream.getVideoTracks().forEach((t) => (t.enabled = enabled));
    }
  }

  /** Closes the links to and from one socket's user (they left the room). */
  dropUser(userId: string): void {
    [...this.links.values()].filter((l) => l.userId === userId).forEach((l) => this.drop(l));
    this.requestedAt.delete(userId);
  }

  /** The peer connections receiving media (for loss statistics). */
  receivers(): RTCPeerConnection[] {
    return [...this.links.values()].filter((l) => l.direction === 'in').map((l) => l.pc);
  }

  async inboundStats(): Promise<unknown[] | null> {
    const receivers = this.receivers();
    if (receivers.length === 0) {
      return null;
    }
    const reports = await Promise.all(receivers.map((pc) => pc.getStats().catch(() => null)));
    const stats: unknown[] = [];
    reports.forEach((r) => r?.forEach((v: unknown) => stats.push(v)));
    return stats;
  }

  /** How many viewers this side sends to. */
  outgoingCount(): number {
    return [...this.links.values()].filter((l) => l.direction === 'out').length;
  }

  closeAll(): void {
    [...this.links.values()].forEach((l) => this.drop(l));
    this.requestedAt.clear();
    this.pending.clear();
  }

  leave(): void {
    this.closeAll();
  }

  private async offerTo(socketId: string, userId: string): Promise<void> {
    const old = this.links.get(key('out', socketId));
    if (old) {
      this.drop(old);
    }
    const link = this.link('out', socketId, userId);
    this.outStream ??= this.deps.createStream?.() ?? new MediaStream();
    const streams = [this.outStream];
    link.pc.addTransceiver(this.audio ?? 'audio', { direction: 'sendonly', streams });
    link.pc.addTransceiver(this.video ?? 'video', { direction: 'sendonly', streams });
    const offer = await link.pc.createOffer();
    await link.pc.setLocalDescription(offer);
    await this.deps.send({
      to: socketId,
      description: { type: 'offer', sdp: offer.sdp ?? '' },
    });
  }

  private async acceptOffer(socketId: string, userId: string, sdp: string): Promise<void> {
    const old = this.links.get(key('in', socketId));
    if (old) {
      this.drop(old);
    }
    const link = this.link('in', socketId, userId);
    const stream = this.deps.createStream?.() ?? new MediaStream();
    link.pc.ontrack = (e) => {
      e.track.enabled = e.track.kind === 'video' ? this.videoEnabled : true;
      stream.addTrack(e.track);
      this.remote.update((list) => [
        ...list.filter((r) => r.socketId !== socketId),
        { socketId, userId, stream },
      ]);
    };
    await link.pc.setRemoteDescription({ type: 'offer', sdp });
    link.remoteSdp = sdp;
    await this.flushCandidates(socketId);
    const answer = await link.pc.createAnswer();
    await link.pc.setLocalDescription(answer);
    await this.deps.send({ to: socketId, description: { type: 'answer', sdp: answer.sdp ?? '' } });
  }

  private async addCandidate(
    socketId: string,
    candidate: NonNullable<IncomingSignal['candidate']>,
  ): Promise<void> {
    const links = [this.links.get(key('out', socketId)), this.links.get(key('in', socketId))];
    const target = connectionForCandidate(
      links.filter((l): l is Link => l !== undefined),
      candidate.candidate,
    );
    if (!target) {
      this.pending.set(socketId, [...(this.pending.get(socketId) ?? []), candidate]);
      return;
    }
    await target.pc.addIceCandidate(candidate).catch(() => undefined);
  }

  private async flushCandidates(socketId: string): Promise<void> {
    const waiting = this.pending.get(socketId) ?? [];
    this.pending.delete(socketId);
    for (const c of waiting) {
      if (c) {
        await this.addCandidate(socketId, c);
      }
    }
  }

  private link(direction: Link['direction'], socketId: string, userId: string): Link {
    const pc = this.deps.createPeer
      ? this.deps.createPeer({ iceServers: this.deps.iceServers() })
      : new RTCPeerConnection({ iceServers: this.deps.iceServers() });
    const link: Link = { direction, socketId, userId, pc, remoteSdp: null };
    pc.onicecandidate = (e) => {
      if (e.candidate?.candidate) {
        this.deps
          .send({
            to: socketId,
            candidate: {
              candidate: e.candidate.candidate,
              sdpMid: e.candidate.sdpMid,
              sdpMLineIndex: e.candidate.sdpMLineIndex,
            },
          })
          .catch(() => undefined);
      }
    };
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'failed' || pc.connectionState === 'closed') {
        if (this.links.get(key(direction, socketId))?.pc === pc) {
          this.drop(link);
          // A viewer asks again on the next reconcile.
          this.requestedAt.delete(userId);
        }
      }
    };
    this.links.set(key(direction, socketId), link);
    return link;
  }

  private drop(link: Link): void {
    if (this.links.get(key(link.direction, link.socketId))?.pc === link.pc) {
      this.links.delete(key(link.direction, link.socketId));
    }
    link.pc.onicecandidate = null;
    link.pc.onconnectionstatechange = null;
    link.pc.ontrack = null;
    link.pc.close();
    if (link.direction === 'in') {
      this.remote.update((list) => list.filter((r) => r.socketId !== link.socketId));
    }
  }
}

const key = (direction: Link['direction'], socketId: string): string => `${direction}:${socketId}`;
