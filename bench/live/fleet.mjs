// The live-chat benchmark's clients: BENCH_LIVE_PROCS Node processes (clients.mjs), each holding
// a contiguous share of the room's socket.io clients, driven over IPC. None is ever left behind:
// they are killed when the bench exits, and they exit themselves when the bench goes away.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), 'clients.mjs');

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

/** One client process and its pending requests. */
class ClientProcess {
  /**
   * @param {string} name
   * @param {number} offset  index of its first client in the fleet
   * @param {number} share  how many clients it holds
   */
  constructor(name, offset, share) {
    this.name = name;
    this.offset = offset;
    this.share = share;
    /** @type {string[]} */
    this.tail = [];
    this.child = spawn(process.execPath, [SCRIPT], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      serialization: 'advanced',
    });
    children.add(this.child);
    const keep = (/** @type {Buffer} */ chunk) => {
      this.tail.push(...chunk.toString().split('\n').filter(Boolean));
      this.tail.splice(0, Math.max(0, this.tail.length - 20));
    };
    this.child.stdout?.on('data', keep);
    this.child.stderr?.on('data', keep);
    /** @type {Map<number, { resolve: (v: any) => void, reject: (e: Error) => void }>} */
    this.pending = new Map();
    this.nextId = 1;
    this.child.on('message', (/** @type {any} */ msg) => {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.ok) p.resolve(msg.result);
      else p.reject(new Error(`${this.name}: ${msg.error}`));
    });
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => {
        children.delete(this.child);
        for (const p of this.pending.values())
          p.reject(
            new Error(
              `${this.name} exited (${code ?? signal}) with a request pending:\n  ${this.tail.join('\n  ')}`,
            ),
          );
        this.pending.clear();
        resolve(code);
      }),
    );
  }

  /** @returns {Promise<any>} */
  call(/** @type {string} */ cmd, args = {}) {
    if (this.child.exitCode !== null || this.child.signalCode !== null)
      return Promise.reject(new Error(`${this.name} is not running:\n  ${this.tail.join('\n  ')}`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.send({ ...args, id, cmd });
    });
  }
}

/**
 * `processes` client processes; process p holds clients [offset_p, offset_p + share_p) of the
 * `users` and connects them to `urls[floor(p * urls.length / processes)]`: with two servers,
 * the first half of the processes (and of the clients) goes to the first, the rest to the second.
 */
export class ClientFleet {
  /** @param {number} processes  @param {number} clients */
  constructor(processes, clients) {
    /** @type {ClientProcess[]} */
    this.procs = [];
    for (let p = 0, offset = 0; p < processes; p++) {
      const share =
        Math.floor(((p + 1) * clients) / processes) - Math.floor((p * clients) / processes);
      this.procs.push(new ClientProcess(`client process ${p + 1}`, offset, share));
      offset += share;
    }
    this.clients = clients;
  }

  get pids() {
    return this.procs.map((p) => p.child.pid);
  }

  /** Calls `cmd` on every process, with per-process arguments. */
  all(
    /** @type {string} */ cmd,
    /** @type {(p: ClientProcess, i: number) => object} */ args = () => ({}),
  ) {
    return Promise.all(this.procs.map((p, i) => p.call(cmd, args(p, i))));
  }

  /**
   * Connects every client (`concurrency` handshakes in flight per process).
   * @param {string[]} urls  namespace URLs, one per server
   * @param {string} sessionId
   * @param {{ userId: string, name: string, token: string }[]} users  at least `clients`
   */
  async connect(urls, sessionId, users, concurrency = 25) {
    const n = this.procs.length;
    return this.all('connect', (p, i) => ({
      url: urls[Math.floor((i * urls.length) / n)],
      sessionId,
      users: users.slice(p.offset, p.offset + p.share),
      concurrency,
    }));
  }

  /**
   * Waits until no client has received anything for `quietMs` (the participant:joined
   * broadcasts of the connections have all arrived), at most `timeoutMs`.
   * @returns {Promise<number>} clients still connected
   */
  async settle(quietMs = 1000, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const states = await this.all('idle');
      const connected = states.reduce((n, s) => n + s.connected, 0);
      if (states.every((s) => s.idleMs >= quietMs) || Date.now() > deadline) return connected;
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Asks every process to disconnect its clients and exit; kills what is left after `graceMs`. */
  async close(graceMs = 5000) {
    await Promise.all(
      this.procs.map(async (p) => {
        if (p.child.exitCode !== null || p.child.signalCode !== null) return;
        p.call('close').catch(() => undefined);
        const timer = setTimeout(() => p.child.kill('SIGKILL'), graceMs);
        await p.exited;
        clearTimeout(timer);
      }),
    );
  }
}
