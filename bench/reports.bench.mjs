// Reports on the large dataset (100,000 ASN, 1,000,000 enrolments, ~1M ledger entries):
// the api (libs/server/reporting over the trigger-kept summary tables) against two baselines
// that answer the same JSON (baselines/reports-sql.mjs): "bare SQL" = the same aggregates on
// the same stat_* tables from Fastify + pg, and "naive scan" = the figures computed per request
// from the raw rows. Three GETs: the province-wide dashboard, one OPD's dashboard, one OPD's
// people list (first page by name), all for 2026.
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { withServer, getJson } from './lib/ab.mjs';
import { intEnv, serverEnv } from './lib/env.mjs';
import { ensureLargeDataset, largeAdmin, largeDatabaseUrl } from './lib/large-dataset.mjs';
import { snapshot, used } from './lib/cpu.mjs';
import { load, summarize } from './lib/load.mjs';
import { num, ratios } from './lib/report.mjs';

/** @typedef {'api' | 'bare' | 'naive'} Side */

const LABEL = { api: 'api (NestJS)', bare: 'bare SQL (summaries)', naive: 'naive (raw rows)' };

/** tookMs differs per request; everything else must be equal. */
const normalize = (/** @type {any} */ body) => {
  if (body && typeof body === 'object' && 'tookMs' in body) {
    const rest = { ...body };
    delete rest.tookMs;
    return rest;
  }
  return body;
};

/** @type {import('../tools/scripts/bench.mjs').Benchmark} */
export default {
  name: 'reports',
  title:
    'reports on the large dataset: api vs bare SQL on the same summaries vs naive scan of raw rows',
  async run({ root, settings, log }) {
    const env = serverEnv({ DATABASE_URL: largeDatabaseUrl() });
    const dbUrl = await ensureLargeDataset(root, env, log);
    const database = new URL(dbUrl).pathname.slice(1);
    const { token, opd } = await largeAdmin(dbUrl, /** @type {string} */ (env.JWT_SECRET));
    const year = intEnv('BENCH_REPORTS_YEAR', 2026);
    const naiveConnections = intEnv('BENCH_NAIVE_CONNECTIONS', 1);
    log(
      `admin@large.siantar.test (province-wide); OPD ${opd.name} (${num(opd.people)} people); year ${year}`,
    );

    const baseline = join(root, 'bench/baselines/reports-sql.mjs');
    /** @type {Record<Side, { script: string, env: NodeJS.ProcessEnv }>} */
    const sides = {
      api: { script: join(root, 'dist/apps/api/main.js'), env },
      bare: { script: baseline, env: { ...env, REPORTS_SOURCE: 'summary' } },
      naive: { script: baseline, env: { ...env, REPORTS_SOURCE: 'raw' } },
    };
    const endpoints = [
      { key: 'dashboard province', path: `/api/v1/reports/dashboard?year=${year}`, slow: true },
      {
        key: 'dashboard OPD',
        path: `/api/v1/reports/dashboard?year=${year}&orgUnitId=${opd.id}`,
        slow: true,
      },
      {
        key: 'people OPD',
        path: `/api/v1/reports/people?year=${year}&orgUnitId=${opd.id}`,
        slow: false,
      },
    ];
    /** @type {Side[][]} */
    const orders = [
      ['api', 'bare', 'naive'],
      ['naive', 'bare', 'api'],
    ];

    const summaries = [];
    const notes = [
      `api: LOG_LEVEL=warn, NODE_ENV=production; pool size 10 on every side; ${settings.connections} connections ` +
        `for api and bare SQL, BENCH_NAIVE_CONNECTIONS=${naiveConnections} for the naive scan (seconds per request: ` +
        'more connections only queue). The dashboards (every side) and the naive scan are loaded by a closed loop of fetches ' +
        'without timeout (at least 3 requests; a run ends when its last request does), since a request takes seconds and ' +
        'autocannon gives up after 10 s; the people list by autocannon. Every server answered the same JSON (tookMs aside) before its load.',
    ];
    const runs = [];
    /** @type {any} */
    let headline;
    for (const ep of endpoints) {
      log(`-- ${ep.key}: GET ${ep.path}`);
      /** @type {unknown} */
      let reference;
      /** @type {Record<Side, any[]>} */
      const bySide = { api: [], bare: [], naive: [] };
      for (let round = 1; round <= settings.rounds; round++) {
        for (const side of orders[(round - 1) % 2]) {
          const s = sides[side];
          const connections = side === 'naive' ? naiveConnections : settings.connections;
          let single = NaN;
          const r = await withServer(
            { side, script: s.script, env: s.env, dbUrl },
            async (base, pid) => {
              const t = performance.now();
              const body = normalize(await getJson(base, ep.path, token));
              single = performance.now() - t;
              if (reference === undefined) {
                reference = body;
                log(`answer: ${describe(body)}`);
              } else if (!isDeepStrictEqual(body, reference)) {
                throw new Error(
                  `${side} answered differently for ${ep.path}:\n${firstDifference(body, reference)}`,
                );
              }
              const target = {
                label: side,
                url: `${base}${ep.path}`,
                headers: { authorization: `Bearer ${token}` },
                connections,
                pid,
                database,
              };
              // a dashboard request takes seconds: autocannon would give up after 10 s under load
              if (side === 'naive' || ep.slow)
                return slowLoad({ ...target, seconds: settings.duration });
              if (settings.warmup > 0) await load({ ...target, seconds: settings.warmup });
              return load({ ...target, seconds: settings.duration });
            },
          );
          log(
            `round ${round} ${side.padEnd(5)} ${num(r.responses / r.seconds, 1)} req/s, first request ${num(single)} ms, ` +
              `${r.non2xx} non-2xx, ${r.errors} errors (other processes: ${num(r.otherCores, 2)} cores)`,
          );
          bySide[side].push(r);
          const { latencies, ...rest } = r;
          runs.push({
            ...rest,
            endpoint: ep.key,
            side,
            round,
            latencySamples: latencies.length,
            firstRequestMs: single,
          });
        }
      }
      const [api, bare, naive] = /** @type {Side[]} */ (['api', 'bare', 'naive']).map((side) =>
        summarize(`${ep.key}: ${LABEL[side]}`, bySide[side]),
      );
      summaries.push(api, bare, naive);
      const first = (/** @type {Side} */ side) => {
        const ms = runs
          .filter((r) => r.endpoint === ep.key && r.side === side)
          .map((r) => r.firstRequestMs)
          .sort((a, b) => a - b);
        return ms[Math.floor((ms.length - 1) / 2)];
      };
      const pb = ratios(api, bare);
      const np = ratios(naive, api);
      headline ??= { project: api.label, baseline: bare.label, ...pb };
      notes.push(
        `${ep.key}: api / bare SQL: req/s ${num(pb.rps, 2)}, p50 ${num(pb.p50, 2)}, p99 ${num(pb.p99, 2)}, CPU/request ${num(pb.cpu, 2)}; ` +
          `naive / api: req/s ${num(np.rps, 3)} (the api serves ${num(1 / np.rps, 1)}× as many); ` +
          `first request of each run, alone (median): api ${num(first('api'))} ms, bare SQL ${num(first('bare'))} ms, ` +
          `naive ${num(first('naive'))} ms (naive / api ${num(first('naive') / first('api'), 1)}×)`,
      );
    }
    return { summaries, ratio: headline, notes, runs };
  },
};

/**
 * The naive side: requests take seconds (autocannon gives up after 10), so a closed loop of
 * `connections` fetches without a timeout, for `seconds` and at least 3 requests; the same
 * Run record as load() (latency of each 2xx, CPU of the server process).
 * @param {{ label: string, url: string, headers: Record<string, string>, seconds: number, connections: number, pid?: number, database: string }} o
 * @returns {Promise<import('./lib/load.mjs').Run>}
 */
async function slowLoad(o) {
  /** @type {number[]} */
  const latencies = [];
  let responses = 0;
  let non2xx = 0;
  let errors = 0;
  const before = snapshot(o.pid, o.database);
  const started = performance.now();
  const until = started + o.seconds * 1000;
  const worker = async () => {
    while (performance.now() < until || responses < 3) {
      const t = performance.now();
      try {
        const res = await fetch(o.url, { headers: o.headers });
        await res.arrayBuffer();
        responses++;
        if (res.ok) latencies.push(performance.now() - t);
        else non2xx++;
      } catch {
        errors++;
        if (errors > 10) return;
      }
    }
  };
  await Promise.all(Array.from({ length: o.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpu = used(before, snapshot(o.pid, o.database));
  return {
    label: o.label,
    seconds,
    responses,
    ok: latencies.length,
    non2xx,
    errors,
    serverCpuMs: cpu.serverMs,
    otherCores: cpu.othersMs / 1000 / seconds,
    cpu,
    latencies,
  };
}

function describe(/** @type {any} */ b) {
  if (b.totals)
    return (
      `scope ${b.scope.name}: ${num(b.totals.enrolled)} enrolled, ${num(b.totals.completed)} completed, ` +
      `${num(b.totals.overdue)} overdue, ${num(b.totals.staff)} staff, ${num(b.totals.belowTarget)} below target, ` +
      `${num(b.totals.jp, 1)} JP; ${b.units.length} units, ${b.funnels.length} funnels`
    );
  if (b.items)
    return `${num(b.total)} people, first page of ${b.items.length} (${b.items[0]?.name} …)`;
  return JSON.stringify(b).slice(0, 200);
}

/** The first path where two JSON values differ, for the error message. */
function firstDifference(/** @type {any} */ a, /** @type {any} */ b, path = '$') {
  if (isDeepStrictEqual(a, b)) return '';
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!isDeepStrictEqual(a[k], b[k])) return firstDifference(a[k], b[k], `${path}.${k}`);
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 300)} <> expected (api) ${JSON.stringify(b)?.slice(0, 300)}`;
}
