// One load run with autocannon, and the summary of several runs of the same server.
import { createRequire } from 'node:module';
import { snapshot, used } from './cpu.mjs';

const autocannon = createRequire(import.meta.url)('autocannon');

/**
 * @typedef {object} Run
 * @property {string} label
 * @property {number} seconds      measured wall time of the run
 * @property {number} responses    all responses (any status)
 * @property {number} ok           2xx responses
 * @property {number} non2xx
 * @property {number} errors       socket errors and timeouts
 * @property {number} serverCpuMs  CPU time the server process used during the run
 * @property {number} otherCores   cores' worth of CPU that unrelated processes took meanwhile
 * @property {ReturnType<typeof used>} cpu  CPU ms of the server, autocannon, PostgreSQL, others
 * @property {number[]} latencies  ms of each 2xx response (kept in memory only, not in the JSON)
 */

/**
 * Loads `url` for `seconds` with `connections` keep-alive connections (no pipelining).
 * Latencies are recorded per response so that p95 is exact (autocannon's summary has no p95).
 * @param {{ label: string, url: string, headers?: Record<string, string>, seconds: number, connections: number, pid?: number, database: string }} o
 * @returns {Promise<Run>}
 */
export async function load(o) {
  const url = new URL(o.url);
  if (url.hostname !== '127.0.0.1')
    throw new Error(`benchmarks only target 127.0.0.1, not ${url.hostname}`);
  /** @type {number[]} */
  const latencies = [];
  const before = snapshot(o.pid, o.database);
  const started = performance.now();
  const instance = autocannon({
    url: o.url,
    headers: o.headers,
    duration: o.seconds,
    connections: o.connections,
    pipelining: 1,
    timeout: 10,
  });
  instance.on(
    'response',
    (
      /** @type {unknown} */ _client,
      /** @type {number} */ status,
      /** @type {number} */ _bytes,
      /** @type {number} */ ms,
    ) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    },
  );
  const r = await instance;
  const seconds = (performance.now() - started) / 1000;
  const cpu = used(before, snapshot(o.pid, o.database));
  const responses = r['1xx'] + r['2xx'] + r['3xx'] + r['4xx'] + r['5xx'];
  return {
    label: o.label,
    seconds,
    responses,
    ok: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    serverCpuMs: cpu.serverMs,
    otherCores: cpu.othersMs / 1000 / seconds,
    cpu,
    latencies,
  };
}

/** @param {number[]} sorted  @param {number} p in 0..100 (nearest-rank) */
function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * @typedef {object} Summary
 * @property {string} label
 * @property {number} runs
 * @property {number} rps          responses per second over all runs
 * @property {number[]} rpsPerRun
 * @property {number} p50
 * @property {number} p95
 * @property {number} p99
 * @property {number} max
 * @property {number} cpuMsPerRequest  server process CPU per response (NaN without /proc)
 * @property {number} otherCores  the most CPU (in cores) unrelated processes took during one run
 * @property {number} requests
 * @property {number} non2xx
 * @property {number} errors
 */

/** Pools the runs of one server: total responses over total time, percentiles over all 2xx latencies. */
export function summarize(/** @type {string} */ label, /** @type {Run[]} */ runs) {
  const all = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const responses = runs.reduce((n, r) => n + r.responses, 0);
  const seconds = runs.reduce((n, r) => n + r.seconds, 0);
  /** @type {Summary} */
  const s = {
    label,
    runs: runs.length,
    rps: responses / seconds,
    rpsPerRun: runs.map((r) => r.responses / r.seconds),
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    p99: percentile(all, 99),
    max: all.at(-1) ?? NaN,
    cpuMsPerRequest: runs.reduce((n, r) => n + r.serverCpuMs, 0) / responses,
    otherCores: Math.max(...runs.map((r) => r.otherCores)),
    requests: responses,
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  };
  return s;
}
