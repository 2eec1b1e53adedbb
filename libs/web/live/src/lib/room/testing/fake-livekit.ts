import type { LiveKitModule } from '../media/livekit-module';

/** A stand-in for `livekit-client` around a fake Room: the enums the plane reads, as strings. */
export function fakeLiveKitModule(Room: unknown): LiveKitModule {
  return {
    Room,
    RoomEvent: {
      TrackPublished: 'trackPublished',
      TrackSubscribed: 'trackSubscribed',
      TrackUnsubscribed: 'trackUnsubscribed',
      ParticipantDisconnected: 'participantDisconnected',
      Disconnected: 'disconnected',
    },
    Track: { Source: { Camera: 'camera', Microphone: 'microphone', ScreenShare: 'screen_share' } },
    DisconnectReason: { DUPLICATE_IDENTITY: 2 },
  } as unknown as LiveKitModule;
}
