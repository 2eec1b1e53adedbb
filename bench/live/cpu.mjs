// CPU accounting of a live-chat run (Linux /proc; NaN elsewhere): the server process(es), the
// client processes, the bench process, PostgreSQL backends of the bench database, Redis, and
// everything else ("others"), between two snapshots.
import { procMs, redisCpu, snapshot } from '../lib/cpu.mjs';

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
