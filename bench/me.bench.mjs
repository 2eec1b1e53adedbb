// GET /api/v1/me through the whole api (NestJS, TypeORM) versus a bare Fastify baseline doing
// the same essential work; see baselines/me-fastify.mjs for what the baseline leaves out.
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { committedTransactions } from './lib/db.mjs';
import { serverEnv } from './lib/env.mjs';
import { load, summarize } from './lib/load.mjs';
import { freePort, startNode, stop, waitReady } from './lib/proc.mjs';
import { num, ratios } from './lib/report.mjs';
import { prepareDatabase } from './lib/setup.mjs';

/** @typedef {'api' | 'baseline'} Side */
/** @typedef {import('./lib/load.mjs').Run & { side: Side, round: number, dbStatementsPerRequest: number }} MeRun */
/** @typedef {{ token: string, body: unknown }} Reference  token of the demo learner, api's answer */

/** @type {import('../tools/scripts/bench.mjs').Benchmark} */
export default {
  name: 'me',
  title: 'GET /api/v1/me: full api stack vs bare Fastify + jsonwebtoken + pg',
  async run({ root, settings, log }) {
    const env = serverEnv();
    const dbUrl = /** @type {string} */ (env.DATABASE_URL);
    const database = new URL(dbUrl).pathname.slice(1);
    await prepareDatabase(root, env, log);

    const scripts = {
      api: join(root, 'dist/apps/api/main.js'),
      baseline: join(root, 'bench/baselines/me-fastify.mjs'),
    };
    /** @type {Reference | undefined} */
    let reference;

    /** Starts one server alone, checks its answer, loads it, stops it. */
    async function measure(/** @type {Side} */ side, /** @type {number} */ round) {
      const before = await committedTransactions(dbUrl);
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const server = startNode(side, scripts[side], [], { ...env, PORT: String(port) });
      let run;
      let warmed = 0;
      try {
        await waitReady(server, `${base}/api/health/ready`);
        reference ??= await signIn(base);
        await checkSameBody(base, side, reference);
        const target = {
          label: side,
          url: `${base}/api/v1/me`,
          headers: { authorization: `Bearer ${reference.token}` },
          connections: settings.connections,
          pid: server.child.pid,
          database,
        };
        if (settings.warmup > 0)
          warmed = (await load({ ...target, seconds: settings.warmup })).responses;
        run = await load({ ...target, seconds: settings.duration });
      } finally {
        await stop(server);
      }
      const statements = (await committedTransactions(dbUrl)) - before;
      log(
        `round ${round} ${side.padEnd(8)} ${num(run.responses / run.seconds)} req/s, ` +
          `${run.non2xx} non-2xx, ${run.errors} errors (other processes: ${num(run.otherCores, 2)} cores)`,
      );
      return { ...run, side, round, dbStatementsPerRequest: statements / (run.responses + warmed) };
    }

    // api, baseline, then baseline, api (ABBA...): drift over time hits both sides alike.
    /** @type {MeRun[]} */
    const runs = [];
    for (let round = 1; round <= settings.rounds; round++) {
      /** @type {Side[]} */
      const order = round % 2 === 1 ? ['api', 'baseline'] : ['baseline', 'api'];
      for (const side of order) runs.push(await measure(side, round));
    }

    const of = (/** @type {Side} */ side) => runs.filter((r) => r.side === side);
    const statements = (/** @type {Side} */ side) =>
      of(side).reduce((n, r) => n + r.dbStatementsPerRequest, 0) / of(side).length;
    const api = summarize('api (NestJS)', of('api'));
    const baseline = summarize('baseline (Fastify)', of('baseline'));
    return {
      summaries: [api, baseline],
      ratio: { project: api.label, baseline: baseline.label, ...ratios(api, baseline) },
      notes: [
        'api runs with LOG_LEVEL=warn (no per-request log lines), NODE_ENV=production; pool size 10 on both sides.',
        `DB statements per request (pg_stat_database.xact_commit): api ${num(statements('api'), 2)}, ` +
          `baseline ${num(statements('baseline'), 2)}.`,
        'Both servers answered the same JSON body for the demo learner before the load.',
      ],
      runs: runs.map(({ latencies, ...r }) => ({ ...r, latencySamples: latencies.length })),
    };
  },
};

/** Signs the demo learner in on the api; the same token then serves both servers. */
async function signIn(/** @type {string} */ base) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'asn@siantar.test', password: 'siantar-demo' }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const { accessToken } = /** @type {{ accessToken: string }} */ (await res.json());
  const me = await fetch(`${base}/api/v1/me`, {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  if (!me.ok) throw new Error(`GET /api/v1/me on the api failed: ${me.status} ${await me.text()}`);
  return { token: accessToken, body: await me.json() };
}

/** Refuses to load a server whose answer differs from the api's: the work must be the same. */
async function checkSameBody(
  /** @type {string} */ base,
  /** @type {Side} */ side,
  /** @type {Reference} */ ref,
) {
  const res = await fetch(`${base}/api/v1/me`, {
    headers: { authorization: `Bearer ${ref.token}` },
  });
  const body = await res.json();
  if (!res.ok || !isDeepStrictEqual(body, ref.body)) {
    throw new Error(
      `${side} answered ${res.status} ${JSON.stringify(body)}\nexpected ${JSON.stringify(ref.body)}`,
    );
  }
}
