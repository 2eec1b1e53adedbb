// The A/B procedure shared by the benchmarks: one server at a time, rounds in the order
// api, baseline, baseline, api, ... and the database transactions each side committed per request.
import { isDeepStrictEqual } from 'node:util';
import { committedTransactions } from './db.mjs';
import { load, summarize } from './load.mjs';
import { freePort, startNode, stop, waitReady } from './proc.mjs';
import { num, ratios } from './report.mjs';

/** @typedef {'api' | 'baseline'} Side */
/** @typedef {import('./load.mjs').Run & { side: Side, round: number, dbTransactionsPerRequest: number }} SideRun */

/** api, baseline, then baseline, api (ABBA...): drift over time hits both sides alike. */
export function* alternate(/** @type {number} */ rounds) {
  for (let round = 1; round <= rounds; round++) {
    /** @type {Side[]} */
    const order = round % 2 === 1 ? ['api', 'baseline'] : ['baseline', 'api'];
    for (const side of order) yield /** @type {const} */ ([side, round]);
  }
}

/**
 * Starts one server alone on a free port, runs `body` against it, stops it; counts the
 * transactions the database committed meanwhile (pg_stat_database.xact_commit).
 * @template {{ responses: number }} T
 * @param {{ side: Side, script: string, env: NodeJS.ProcessEnv, dbUrl: string }} o
 * @param {(base: string, pid: number | undefined) => Promise<T>} body  returns at least the responses it made
 * @returns {Promise<T & { transactions: number }>}
 */
export async function withServer(o, body) {
  const before = await committedTransactions(o.dbUrl);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startNode(o.side, o.script, [], { ...o.env, PORT: String(port) });
  let result;
  try {
    await waitReady(server, `${base}/api/health/ready`);
    result = await body(base, server.child.pid);
  } finally {
    await stop(server);
  }
  return { ...result, transactions: (await committedTransactions(o.dbUrl)) - before };
}

/** GETs `path` with the token; throws unless 200. */
export async function getJson(
  /** @type {string} */ base,
  /** @type {string} */ path,
  /** @type {string} */ token,
) {
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  if (!res.ok) throw new Error(`GET ${path} answered ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

/**
 * A GET endpoint of the api against a baseline answering the same JSON: before each load the
 * server's answer must deep-equal the api's (after `normalize`), then autocannon loads it.
 * @param {object} o
 * @param {{ settings: import('./env.mjs').LoadSettings, log: (line: string) => void }} o.ctx
 * @param {Record<Side, string>} o.scripts
 * @param {NodeJS.ProcessEnv} o.env
 * @param {string} o.path
 * @param {string} o.token
 * @param {(body: any) => unknown} [o.normalize]  e.g. strips values that differ per request
 * @param {(body: any) => string} [o.describe]  one line about the answer, for the log
 * @param {string[]} [o.notes]
 * @returns {Promise<import('../../tools/scripts/bench.mjs').BenchResult>}
 */
export async function compareGet(o) {
  const { settings, log } = o.ctx;
  const dbUrl = /** @type {string} */ (o.env.DATABASE_URL);
  const database = new URL(dbUrl).pathname.slice(1);
  const normalize = o.normalize ?? ((/** @type {unknown} */ b) => b);
  /** @type {unknown} */
  let reference;
  /** @type {SideRun[]} */
  const runs = [];
  for (const [side, round] of alternate(settings.rounds)) {
    let warmed = 0;
    const r = await withServer(
      { side, script: o.scripts[side], env: o.env, dbUrl },
      async (base, pid) => {
        const body = normalize(await getJson(base, o.path, o.token));
        if (reference === undefined) {
          reference = body;
          if (o.describe) log(`answer: ${o.describe(body)}`);
        } else if (!isDeepStrictEqual(body, reference)) {
          throw new Error(
            `${side} answered ${JSON.stringify(body)}\nexpected ${JSON.stringify(reference)}`,
          );
        }
        const target = {
          label: side,
          url: `${base}${o.path}`,
          headers: { authorization: `Bearer ${o.token}` },
          connections: settings.connections,
          pid,
          database,
        };
        if (settings.warmup > 0)
          warmed = (await load({ ...target, seconds: settings.warmup })).responses;
        return load({ ...target, seconds: settings.duration });
      },
    );
    // +1: the answer checked before the load
    const dbTransactionsPerRequest = r.transactions / (r.responses + warmed + 1);
    log(
      `round ${round} ${side.padEnd(8)} ${num(r.responses / r.seconds)} req/s, ` +
        `${r.non2xx} non-2xx, ${r.errors} errors (other processes: ${num(r.otherCores, 2)} cores)`,
    );
    runs.push({ ...r, side, round, dbTransactionsPerRequest });
  }
  const of = (/** @type {Side} */ side) => runs.filter((r) => r.side === side);
  const perRequest = (/** @type {Side} */ side) =>
    of(side).reduce((n, r) => n + r.dbTransactionsPerRequest, 0) / of(side).length;
  const api = summarize('api (NestJS)', of('api'));
  const baseline = summarize('baseline (Fastify)', of('baseline'));
  return {
    summaries: [api, baseline],
    ratio: { project: api.label, baseline: baseline.label, ...ratios(api, baseline) },
    notes: [
      'api runs with LOG_LEVEL=warn (no per-request log lines), NODE_ENV=production; pool size 10 on both sides.',
      `DB statements per request (pg_stat_database.xact_commit): api ${num(perRequest('api'), 2)}, ` +
        `baseline ${num(perRequest('baseline'), 2)}.`,
      'Both servers answered the same JSON body before each load.',
      ...(o.notes ?? []),
    ],
    runs: runs.map(({ latencies, ...r }) => ({ ...r, latencySamples: latencies.length })),
  };
}
