import type { LiveAck } from '@siantar/contracts';

type Handler = (...args: unknown[]) => void;
type AckCallback = (err: Error | null, res: LiveAck<unknown>) => void;

/** Just enough of a socket.io client socket: server events in, client events with acks out. */
export class FakeSocket {
  readonly handlers = new Map<string, Handler[]>();
  readonly sent: { event: string; payload: unknown; ack: AckCallback }[] = [];
  connected = false;
  active = true;
  recovered = false;
  id: string | undefined = undefined;
  connects = 0;

  on(event: string, h: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), h]);
    return this;
  }
  /** The server (or socket.io) fires an event. */
  fire(event: string, ...args: unknown[]): void {
    for (const h of this.handlers.get(event) ?? []) {
      h(...args);
    }
  }
  timeout(_ms: number) {
    return {
      emit: (event: string, payload: unknown, ack: AckCallback) =>
        this.sent.push({ event, payload, ack }),
    };
  }
  connect(): this {
    this.connects++;
    return this;
  }
  disconnect(): this {
    this.connected = false;
    return this;
  }
  removeAllListeners(): this {
    this.handlers.clear();
    return this;
  }
  /** socket.io connected (recovered or not). */
  up(recovered = false): void {
    this.connected = true;
    this.recovered = recovered;
    this.id = 'sock-1';
    this.fire('connect');
  }
  take(event: string) {
    const i = this.sent.findIndex((s) => s.event === event);
    if (i < 0) {
      throw new Error(`${event} was not sent`);
    }
    return this.sent.splice(i, 1)[0];
  }
}
