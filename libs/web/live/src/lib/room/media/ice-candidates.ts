/** The ICE username fragment a candidate line names (`… ufrag abcd …`), if any. */
export function candidateUfrag(candidate: string): string | null {
  const m = /\bufrag (\S+)/.exec(candidate);
  return m?.[1] ?? null;
}

/** The ICE username fragments of a session description (`a=ice-ufrag:abcd`). */
export function descriptionUfrags(sdp: string | undefined | null): string[] {
  return [...(sdp ?? '').matchAll(/^a=ice-ufrag:(\S+)/gm)].map((m) => m[1] ?? '');
}

/**
 * The peer connection a remote candidate belongs to. Two connections may link the same two
 * sockets (each publishing to the other): the candidate's ufrag tells them apart. Null while
 * the one it belongs to has no remote description yet (the candidate then waits).
 */
export function connectionForCandidate<T extends { remoteSdp: string | null }>(
  connections: readonly T[],
  candidate: string,
): T | null {
  if (connections.length <= 1) {
    const only = connections[0];
    return only && only.remoteSdp !== null ? only : null;
  }
  const ufrag = candidateUfrag(candidate);
  return (
    connections.find((c) => ufrag !== null && descriptionUfrags(c.remoteSdp).includes(ufrag)) ??
    null
  );
}
