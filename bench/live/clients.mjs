// One client process of the live-chat benchmark: holds a share of the room's socket.io clients,
// sends its senders' share of the chat messages on schedule and measures, per delivered
// 'chat:message', the time from the sender's emit to its arrival here. Driven by the bench
// over IPC (fork with serialization 'advanced'): { id, cmd, ...args } -> { id, ok, result | error }.
//
// Every client process of a run computes times as performance.timeOrigin + performance.now():
// milliseconds since the epoch with sub-millisecond resolution, on the same clock in every
// process of the machine, so a timestamp written by a sender in one process can be compared
// with the arrival time in another.
import { io } from 'socket.io-client';

const now = () => performance.timeOrigin + performance.now();

/** The message text: run, sequence number, send time, then filler to a fixed 120 characters. */
const FILLER =
  'Terima kasih, materinya jelas. Apakah salindia sesi ini bisa dibagikan sesudahnya? ';
const TEXT_LENGTH = 120;
const PATTERN = /^r(\d+) k(\d+) t(\d+\.\d+) /;
const textFor = (/** @type {number} */ run, /** @type {number} */ k, /** @type {number} */ t) =>
  `r${run} k${k} t${t.toFixed(3)} ${FILLER.repeat(2)}`.slice(0, TEXT_LENGTH).trimEnd();

/** @type {{ socket: import('socket.io-client').Socket, userId: string }[]} */
let clients = [];
let lastEventAt = now();
let disconnects = 0;
/** @type {string[]} */
const disconnectReasons = [];

/** Grows by doubling; typed so that a run's samples cost 8 bytes each and cross IPC as one block. */
class Samples {
  constructor(initial = 1 << 16) {
    this.a = new Float64Array(initial);
    this.n = 0;
  }
  push(/** @type {number} */ x) {
    if (this.n === this.a.length) {
      const b = new Float64Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = x;
  }
  values() {
    return this.a.slice(0, this.n);
  }
}

/**
 * @typedef {object} RunState
 * @property {number} id
 * @property {number} warm     messages k < warm are warm-up: sent, not measured
 * @property {number} total
 * @property {Uint32Array} counts  deliveries per message k received by this process's clients
 * @property {Samples} latencies   ms from emit to arrival, per measured delivery
 * @property {Samples} acks        ms from emit to acknowledgement, per measured send
 * @property {Samples} lags        ms the emit came after its scheduled time
 * @property {number} delivered
 * @property {number} lastAt
 * @property {number} planned  sends of this process
 * @property {number} fired
 * @property {number} acked
 * @property {number} ackedMeasured  acknowledged sends of measured messages (k >= warm)
 * @property {number} refused
 * @property {number} timeouts
 * @property {Record<string, number>} refusals  count per error code
 * @property {number} strays   chat messages of no run or another run
 * @property {unknown} sample  the first chat:message payload received
 */

/** @type {RunState | null} */
let run = null;

function onChat(/** @type {any} */ m) {
  const at = now();
  const r = run;
  const hit = typeof m?.text === 'string' ? PATTERN.exec(m.text) : null;
  if (!r || !hit || Number(hit[1]) !== r.id) {
    if (r) r.strays++;
    return;
  }
  r.sample ??= m;
  const k = Number(hit[2]);
  if (k >= r.total) return void r.strays++;
  r.counts[k]++;
  if (k < r.warm) return;
  r.latencies.push(at - Number(hit[3]));
  r.delivered++;
  r.lastAt = at;
}

/** Connects one client; rejects with the server's refusal. */
function connect(
  /** @type {string} */ url,
  /** @type {string} */ sessionId,
  /** @type {{ userId: string, name: string, token: string }} */ u,
) {
  const socket = io(url, {
    // userId and name serve the bare baseline only (which authenticates no one); the api
    // ignores them and reads token and sessionId.
    auth: { token: u.token, sessionId, userId: u.userId, name: u.name },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    timeout: 120_000,
  });
  socket.onAny((event, data) => {
    lastEventAt = now();
    if (event === 'chat:message') onChat(data);
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      socket.on('disconnect', (reason) => {
        disconnects++;
        if (disconnectReasons.length < 5) disconnectReasons.push(reason);
      });
      resolve(socket);
    });
    socket.once('connect_error', (/** @type {Error & { data?: { code?: string } }} */ e) => {
      socket.disconnect();
      reject(new Error(`${u.userId}: ${e.message}${e.data?.code ? ` (${e.data.code})` : ''}`));
    });
  });
}

/** @type {Record<string, (msg: any) => unknown>} */
const handlers = {
  /** { url, sessionId, users, concurrency } -> connected count, ms taken */
  async connect({ url, sessionId, users, concurrency }) {
    const started = now();
    let next = 0;
    /** @type {(typeof clients)} */
    const made = new Array(users.length);
    await Promise.all(
      Array.from({ length: Math.min(concurrency, users.length) }, async () => {
        while (next < users.length) {
          const i = next++;
          made[i] = { socket: await connect(url, sessionId, users[i]), userId: users[i].userId };
        }
      }),
    );
    clients = made;
    disconnects = 0;
    return { connected: clients.length, ms: now() - started };
  },

  /** ms since this process's clients last received any event (participant:joined...). */
  idle() {
    return {
      idleMs: now() - lastEventAt,
      connected: clients.filter((c) => c.socket.connected).length,
    };
  },

  /**
   * Schedules this process's share of a run: message k (0..total-1) is due at t0 + k * 1000 / rate
   * (epoch ms) and sent by global sender k mod senders, who is client floor(s * clientsTotal / senders)
   * of the whole fleet; this process holds clients [offset, offset + clients.length).
   */
  send({ run: id, t0, rate, total, warm, senders, clientsTotal, offset }) {
    /** @type {RunState} */
    const r = {
      id,
      warm,
      total,
      counts: new Uint32Array(total),
      latencies: new Samples(),
      acks: new Samples(1024),
      lags: new Samples(1024),
      delivered: 0,
      lastAt: 0,
      planned: 0,
      fired: 0,
      acked: 0,
      ackedMeasured: 0,
      refused: 0,
      timeouts: 0,
      refusals: {},
      strays: 0,
      sample: undefined,
    };
    /** @type {{ k: number, socket: import('socket.io-client').Socket }[]} */
    const plan = [];
    for (let k = 0; k < total; k++) {
      const g = Math.floor(((k % senders) * clientsTotal) / senders) - offset;
      if (g >= 0 && g < clients.length) plan.push({ k, socket: clients[g].socket });
    }
    r.planned = plan.length;
    run = r;
    const due = (/** @type {number} */ k) => t0 + (k * 1000) / rate;
    const fire = (/** @type {{ k: number, socket: import('socket.io-client').Socket }} */ p) => {
      const sentAt = now();
      if (p.k >= warm) r.lags.push(sentAt - due(p.k));
      r.fired++;
      p.socket
        .timeout(10_000)
        .emitWithAck('chat:send', { text: textFor(id, p.k, sentAt) })
        .then(
          (/** @type {{ ok: boolean, error?: { code: string } }} */ res) => {
            if (res?.ok) {
              r.acked++;
              if (p.k >= warm) {
                r.ackedMeasured++;
                r.acks.push(now() - sentAt);
              }
            } else {
              r.refused++;
              const code = res?.error?.code ?? 'no-answer';
              r.refusals[code] = (r.refusals[code] ?? 0) + 1;
            }
          },
          () => r.timeouts++,
        );
    };
    let i = 0;
    const tick = () => {
      const t = now();
      while (i < plan.length && due(plan[i].k) <= t) fire(plan[i++]);
      if (i < plan.length) setTimeout(tick, Math.max(0, due(plan[i].k) - now()));
    };
    setTimeout(tick, Math.max(0, due(plan[0]?.k ?? 0) - now()));
    return { planned: plan.length };
  },

  /** Counters of the current run, polled while it drains. */
  progress() {
    const r = run;
    if (!r) throw new Error('no run');
    return {
      planned: r.planned,
      fired: r.fired,
      acked: r.acked,
      ackedMeasured: r.ackedMeasured,
      refused: r.refused,
      timeouts: r.timeouts,
      delivered: r.delivered,
      lastAt: r.lastAt,
      disconnects,
    };
  },

  /** Everything measured in the current run. */
  report() {
    const r = run;
    if (!r) throw new Error('no run');
    run = null;
    return {
      counts: r.counts,
      latencies: r.latencies.values(),
      acks: r.acks.values(),
      lags: r.lags.values(),
      planned: r.planned,
      acked: r.acked,
      ackedMeasured: r.ackedMeasured,
      refused: r.refused,
      refusals: r.refusals,
      timeouts: r.timeouts,
      strays: r.strays,
      sample: r.sample,
      disconnects,
      disconnectReasons,
    };
  },

  /** Disconnects every client, then exits. */
  close() {
    for (const c of clients) c.socket.disconnect();
    clients = [];
    setTimeout(() => process.exit(0), 100);
    return null;
  },
};

process.on('message', async (/** @type {any} */ msg) => {
  try {
    const result = await handlers[msg.cmd](msg);
    process.send?.({ id: msg.id, ok: true, result });
  } catch (e) {
    process.send?.({ id: msg.id, ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
// The bench went away: nothing left to do.
process.on('disconnect', () => process.exit(0));
