// CPU accounting from /proc (Linux): what the server used per request, and what other processes
// took from the machine meanwhile. Elsewhere every figure is NaN.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

let tick = 0;
/** Milliseconds per clock tick of /proc accounting. */
const msPerTick = () =>
  (tick ||= 1000 / (Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100));

/** @returns {{ comm: string, ms: number } | undefined} user + system time of one process */
function proc(/** @type {number | string} */ pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    return {
      comm: stat.slice(stat.indexOf('(') + 1, close),
      ms: (Number(fields[11]) + Number(fields[12])) * msPerTick(),
    };
  } catch {
    return undefined;
  }
}

/** user + system ms of one process, NaN when it is gone or there is no /proc. */
export function procMs(/** @type {number | string | undefined} */ pid) {
  return pid === undefined ? NaN : (proc(pid)?.ms ?? NaN);
}

/** CPU ms of each local redis-server process (empty where there is no /proc). */
export function redisCpu() {
  /** @type {Map<string, number>} */
  const out = new Map();
  try {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      const p = proc(pid);
      if (p?.comm === 'redis-server') out.set(pid, p.ms);
    }
  } catch {
    // not Linux
  }
  return out;
}

/** The database a backend serves, from its title "postgres: [cluster: ]user db host state". */
function backendOf(/** @type {string} */ pid) {
  try {
    const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0.*$/s, '');
    return /^postgres: (?:\S+: )?\S+ (\S+) /.exec(title)?.[1];
  } catch {
    return undefined;
  }
}

/** @typedef {{ busyMs: number, server: number, self: number, postgres: Map<string, number> }} CpuSnapshot */

/**
 * @param {number | undefined} serverPid
 * @param {string} database  PostgreSQL backends serving this database count as "postgres"
 * @returns {CpuSnapshot}
 */
export function snapshot(serverPid, database) {
  const postgres = new Map();
  let busyMs = NaN;
  try {
    // cpu  user nice system idle iowait irq softirq steal ...: busy = all but idle and iowait
    const cpu = readFileSync('/proc/stat', 'utf8')
      .split('\n')[0]
      .trim()
      .split(/\s+/)
      .slice(1)
      .map(Number);
    busyMs = (cpu.reduce((a, b) => a + b, 0) - cpu[3] - cpu[4]) * msPerTick();
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      const p = proc(pid);
      if (p?.comm === 'postgres' && backendOf(pid) === database) postgres.set(pid, p.ms);
    }
  } catch {
    // not Linux
  }
  return {
    busyMs,
    server: proc(serverPid ?? -1)?.ms ?? NaN,
    self: proc(process.pid)?.ms ?? NaN,
    postgres,
  };
}

/**
 * CPU time between two snapshots, split into the server, this process (autocannon), PostgreSQL
 * backends of the benchmark database, and everything else (other processes, PostgreSQL's
 * background workers, interrupts). A PostgreSQL backend that appeared in between counts from zero.
 * @param {CpuSnapshot} a
 * @param {CpuSnapshot} b
 */
export function used(a, b) {
  let postgres = 0;
  for (const [pid, ms] of b.postgres) postgres += ms - (a.postgres.get(pid) ?? 0);
  const server = b.server - a.server;
  const self = b.self - a.self;
  return {
    serverMs: server,
    loaderMs: self,
    postgresMs: postgres,
    othersMs: Math.max(0, b.busyMs - a.busyMs - server - self - postgres),
  };
}
