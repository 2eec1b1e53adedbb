// CPU accounting of a live-chat run (Linux /proc; NaN elsewhere): the server process(es), the
// client processes, the bench process, PostgreSQL backends of the bench database, Redis, and
// everything else ("others"), between two snapshots.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { snapshot } from '../lib/cpu.mjs';

let tick = 0;
const msPerTick = () =>
  (tick ||= 1000 / (Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100));

/** user + system ms of one process, NaN when it is gone or there is no /proc. */
function procMs(/** @type {number | undefined} */ pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * msPerTick();
  } catch {
    return NaN;
  }
}

/** CPU ms of each local redis-server process. */
function redisCpu() {
  /** @type {Map<string, number>} */
  const out = new Map();
  try {
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        if (stat.slice(stat.indexOf('(') + 1, close) !== 'redis-server') continue;
        const f = stat.slice(close + 2).split(' ');
        out.set(pid, (Number(f[11]) + Number(f[12])) * msPerTick());
      } catch {
        // ended meanwhile
      }
    }
  } catch {
    // not Linux
  }
  return out;
}

/**
 * @param {(number | undefined)[]} serverPids
 * @param {(number | undefined)[]} clientPids
 * @param {string} database
 */
export function cpuSnapshot(serverPids, clientPids, database) {
  return {
    all: snapshot(undefined, database),
    servers: serverPids.map(procMs),
    clients: clientPids.map(procMs),
    redis: redisCpu(),
  };
}

/** @typedef {ReturnType<typeof cpuSnapshot>} LiveCpuSnapshot */
/** @typedef {{ serverMs: number, clientsMs: number, loaderMs: number, postgresMs: number, redisMs: number, othersMs: number }} LiveCpu */

/** @returns {LiveCpu} */
export function cpuUsed(/** @type {LiveCpuSnapshot} */ a, /** @type {LiveCpuSnapshot} */ b) {
  const sum = (/** @type {number[]} */ xs, /** @type {number[]} */ ys) =>
    ys.reduce((n, y, i) => n + y - xs[i], 0);
  let postgres = 0;
  for (const [pid, ms] of b.all.postgres) postgres += ms - (a.all.postgres.get(pid) ?? 0);
  let redis = 0;
  for (const [pid, ms] of b.redis) redis += ms - (a.redis.get(pid) ?? 0);
  const server = sum(a.servers, b.servers);
  const clients = sum(a.clients, b.clients);
  const self = b.all.self - a.all.self;
  return {
    serverMs: server,
    clientsMs: clients,
    loaderMs: self,
    postgresMs: postgres,
    redisMs: redis,
    othersMs: Math.max(0, b.all.busyMs - a.all.busyMs - server - clients - self - postgres - redis),
  };
}
