import { candidateUfrag, connectionForCandidate, descriptionUfrags } from './ice-candidates';

describe('ICE candidates', () => {
  const line =
    'candidate:842163049 1 udp 1677729535 192.0.2.7 46154 typ srflx raddr 0.0.0.0 rport 0 generation 0 ufrag Xk3p network-cost 999';

  it('reads the ufrag of a candidate and of a description', () => {
    expect(candidateUfrag(line)).toBe('Xk3p');
    expect(candidateUfrag('candidate:1 1 udp 1 192.0.2.7 1 typ host')).toBeNull();
    expect(descriptionUfrags('v=0\r\na=ice-ufrag:Xk3p\r\nm=video\r\na=ice-ufrag:Xk3p\r\n')).toEqual(
      ['Xk3p', 'Xk3p'],
    );
    expect(descriptionUfrags(null)).toEqual([]);
  });

  it('gives the only link once it has its remote description', () => {
    expect(connectionForCandidate([{ remoteSdp: null }], line)).toBeNull();
    const ready = { remoteSdp: 'v=0' };
    expect(connectionForCandidate([ready], line)).toBe(ready);
    expect(connectionForCandidate([], line)).toBeNull();
  });

  it('tells two links to the same socket apart by ufrag, or waits', () => {
    const a = { remoteSdp: 'a=ice-ufrag:Aaaa' };
    const b = { remoteSdp: 'a=ice-ufrag:Xk3p' };
    expect(connectionForCandidate([a, b], line)).toBe(b);
    expect(connectionForCandidate([a, { remoteSdp: null }], line)).toBeNull();
  });
});
