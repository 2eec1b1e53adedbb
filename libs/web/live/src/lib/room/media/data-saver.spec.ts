import {
  inboundCounters,
  isLighter,
  lossBetween,
  modeForConnection,
  modeForLoss,
} from './data-saver';

describe('data saver', () => {
  it('suggests a lighter mode for a 2G connection', () => {
    expect(modeForConnection('slow-2g')).toBe('slides');
    expect(modeForConnection('2g')).toBe('audio');
    expect(modeForConnection('3g')).toBeNull();
    expect(modeForConnection('4g')).toBeNull();
    expect(modeForConnection(undefined)).toBeNull();
  });

  it('sums the inbound RTP counters of a stats report', () => {
    expect(
      inboundCounters([
        { type: 'inbound-rtp', kind: 'video', packetsReceived: 900, packetsLost: 100 },
        { type: 'inbound-rtp', kind: 'audio', packetsReceived: 500, packetsLost: -2 },
        { type: 'outbound-rtp', packetsSent: 10 },
        { type: 'candidate-pair' },
      ]),
    ).toEqual({ packetsReceived: 1400, packetsLost: 100 });
  });

  it('measures loss between two readings, not since the start', () => {
    const before = { packetsReceived: 1000, packetsLost: 0 };
    expect(lossBetween(before, { packetsReceived: 1180, packetsLost: 20 })).toBeCloseTo(0.1);
    // Too few packets say nothing; counters that went back (a new link) neither.
    expect(lossBetween(before, { packetsReceived: 1010, packetsLost: 5 })).toBeNull();
    expect(lossBetween(before, { packetsReceived: 10, packetsLost: 0 })).toBeNull();
  });

  it('suggests only modes lighter than the current one', () => {
    expect(modeForLoss(0.02, 'video')).toBeNull();
    expect(modeForLoss(0.12, 'video')).toBe('audio');
    expect(modeForLoss(0.3, 'video')).toBe('slides');
    expect(modeForLoss(0.12, 'audio')).toBeNull();
    expect(modeForLoss(0.3, 'audio')).toBe('slides');
    expect(modeForLoss(0.9, 'slides')).toBeNull();
    expect(modeForLoss(null, 'video')).toBeNull();
    expect(isLighter('audio', 'video')).toBe(true);
    expect(isLighter('video', 'audio')).toBe(false);
  });
});
