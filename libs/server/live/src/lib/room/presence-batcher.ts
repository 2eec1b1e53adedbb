/** How long presence changes of one session are gathered before they go out. */
export const PRESENCE_BATCH_MS = 250;

/**
 * Gathers the users whose connections changed, per session, and hands each session's
 * set to `flush` once per window: 1,000 people arriving cost a few dozen broadcasts
 * instead of one each (each of which reaches everyone already in the room).
 */
export class PresenceBatcher {
  private readonly pending = new Map<string, Set<string>>();

  constructor(
    private readonly flush: (sessionId: string, userIds: string[]) => Promise<void>,
    private readonly delayMs = PRESENCE_BATCH_MS,
  ) {}

  touch(sessionId: string, userId: string): void {
    const users = this.pending.get(sessionId);
    if (users) {
      users.add(userId);
      return;
    }
    this.pending.set(sessionId, new Set([userId]));
    setTimeout(() => {
      const batch = this.pending.get(sessionId);
      this.pending.delete(sessionId);
      if (batch) void this.flush(sessionId, [...batch]);
    }, this.delayMs).unref();
  }
}
