// Live chat in one room of BENCH_LIVE_CLIENTS (1000) socket.io clients, held by BENCH_LIVE_PROCS
// (4) client processes apart from the server: BENCH_LIVE_RATE chat messages per second for
// BENCH_DURATION seconds, each sent by one of the room's participants (chat:send with its
// acknowledgement) and broadcast to everyone in the room, the sender included. Measured at every
// receiver: the time from the sender's emit to the arrival of 'chat:message' (latency
// p50/p95/p99) and deliveries per second, with deliveries counted against the expected
// (messages acknowledged x clients). The project is the built api (dist/apps/api/main.js:
// handshake admission, payload validation, rate limit, INSERT, broadcast through its Redis
// Streams adapter); the baseline a bare socket.io server (baselines/live-bare-socketio.mjs)
// broadcasting the same payloads. Both at the same offered load, A B B A, then again with two
// server processes sharing the room through the Redis Streams adapter, half of the clients on each.
import { Redis } from 'ioredis';
import { join } from 'node:path';
import { alternate } from './lib/ab.mjs';
import { intEnv, serverEnv } from './lib/env.mjs';
import { summarize } from './lib/load.mjs';
import { freePort, startNode, stop, waitReady } from './lib/proc.mjs';
import { num, ratios } from './lib/report.mjs';
import { prepareDatabase } from './lib/setup.mjs';
import { cpuSnapshot, cpuUsed } from './live/cpu.mjs';
import { ClientFleet } from './live/fleet.mjs';
import { chatRows, createSession, deleteSessions, ensureLiveUsers } from './live/setup.mjs';

/** @typedef {import('./lib/ab.mjs').Side} Side */
/** @typedef {import('./live/cpu.mjs').LiveCpu} LiveCpu */

/**
 * Participants may send 5 chat messages per 10 s (LIVE_LIMITS, fixed windows in Redis): each
 * sender sends at most one message every 2.5 s, so that no window ever holds more than 5.
 */
const SENDER_INTERVAL_S = 2.5;
/** The bare baseline's stream and channel prefix, apart from the api's `${REDIS_PREFIX}:socket.io`. */
const BARE_STREAM_PREFIX = 'sbbench-bare:socket.io';
/** The keys of a chat:message, on both sides. */
const MESSAGE_KEYS = ['id', 'name', 'role', 'sentAt', 'text', 'userId'];

const now = () => performance.timeOrigin + performance.now();
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));
const sum = (/** @type {number[]} */ xs) => xs.reduce((n, x) => n + x, 0);

/** Nearest-rank percentile of unsorted samples. */
function pct(/** @type {ArrayLike<number>} */ xs, /** @type {number} */ p) {
  const s = Float64Array.from(xs).sort();
  if (s.length === 0) return NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** BENCH_LIVE_SERVERS: the variants to run, by server processes ("1,2"). */
function serverCounts() {
  const raw = process.env.BENCH_LIVE_SERVERS || '1,2';
  const counts = raw.split(',').map((x) => Number(x.trim()));
  if (counts.some((n) => n !== 1 && n !== 2))
    throw new Error(`BENCH_LIVE_SERVERS must list 1 and/or 2, got "${raw}"`);
  return counts;
}

/** @type {import('../tools/scripts/bench.mjs').Benchmark} */
export default {
  name: 'live-chat',
  title:
    'Live chat, one room of 1,000 socket.io clients: broadcast latency and deliveries/s, api gateway vs bare socket.io (1 and 2 processes)',
  async run({ root, settings, log }) {
    const clients = intEnv('BENCH_LIVE_CLIENTS', 1000, 2);
    const processes = Math.min(intEnv('BENCH_LIVE_PROCS', 4), clients);
    const rate = intEnv('BENCH_LIVE_RATE', 20);
    const variants = serverCounts();
    const senders = Math.ceil(rate * SENDER_INTERVAL_S);
    if (senders > clients)
      throw new Error(
        `BENCH_LIVE_RATE ${rate} needs ${senders} senders (one message per ${SENDER_INTERVAL_S} s each) but there are ${clients} clients`,
      );
    const warm = rate * settings.warmup;
    const measured = rate * settings.duration;
    const total = warm + measured;

    const env = serverEnv();
    const dbUrl = /** @type {string} */ (env.DATABASE_URL);
    const database = new URL(dbUrl).pathname.slice(1);
    const redisUrl = /** @type {string} */ (env.REDIS_URL);
    const apiStream = `${env.REDIS_PREFIX}:socket.io`;
    await prepareDatabase(root, env, log);
    const users = await ensureLiveUsers(dbUrl, /** @type {string} */ (env.JWT_SECRET), clients);
    const sessionId = await createSession(dbUrl);
    log(
      `session ${sessionId} (webinar, open to all); ${clients} participants in ${processes} client processes; ` +
        `${rate} messages/s for ${settings.duration} s${warm ? ` after ${settings.warmup} s of warm-up` : ''} ` +
        `by ${senders} of them (one message per ${num(senders / rate, 2)} s each)`,
    );

    const scripts = {
      api: join(root, 'dist/apps/api/main.js'),
      baseline: join(root, 'bench/baselines/live-bare-socketio.mjs'),
    };
    /** @type {Record<Side, string>} */
    const sideName = { api: 'api', baseline: 'bare socket.io' };
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3, lazyConnect: false });
    /** Each run starts from empty streams (the api's and the baseline's; no server is running). */
    const resetStreams = () => redis.del(apiStream, BARE_STREAM_PREFIX);

    /** @typedef {Awaited<ReturnType<typeof measure>>} LiveRun */
    /** @type {LiveRun[]} */
    const runs = [];
    let runId = 0;
    /** @type {string | undefined} */
    let sampleName;

    /** One run: `servers` processes of one side, the fleet connected, the chat sent and drained. */
    async function measure(
      /** @type {number} */ servers,
      /** @type {Side} */ side,
      /** @type {number} */ round,
    ) {
      const id = ++runId;
      await resetStreams();
      /** @type {number[]} */
      const ports = [];
      while (ports.length < servers) {
        const p = await freePort();
        if (!ports.includes(p)) ports.push(p);
      }
      const procs = ports.map((port, i) =>
        startNode(
          `${side} ${i + 1}`,
          scripts[side],
          [],
          side === 'api'
            ? { ...env, PORT: String(port) }
            : {
                PATH: process.env.PATH,
                HOME: process.env.HOME,
                NODE_ENV: 'production',
                PORT: String(port),
                REDIS_URL: redisUrl,
                BARE_ADAPTER: servers > 1 ? 'redis-streams' : 'memory',
                BARE_STREAM_PREFIX,
              },
        ),
      );
      /** @type {ClientFleet | undefined} */
      let fleet;
      try {
        await Promise.all(
          procs.map((p, i) =>
            waitReady(p, `http://127.0.0.1:${ports[i]}/api/health/ready`, 60_000),
          ),
        );
        const rowsBefore = side === 'api' ? await chatRows(dbUrl, sessionId) : 0;
        fleet = new ClientFleet(processes, clients);
        const connectStarted = now();
        await fleet.connect(
          ports.map((p) => `http://127.0.0.1:${p}/live`),
          sessionId,
          users,
        );
        const connected = await fleet.settle();
        const connectSeconds = (now() - connectStarted) / 1000;
        if (connected !== clients)
          throw new Error(`${connected} of ${clients} clients still connected after joining`);

        const before = cpuSnapshot(
          procs.map((p) => p.child.pid),
          fleet.pids,
          database,
        );
        const t0 = now() + 500;
        const f = fleet;
        await f.all('send', (p) => ({
          run: id,
          t0,
          rate,
          total,
          warm,
          senders,
          clientsTotal: clients,
          offset: p.offset,
        }));
        // Drain: until every send is answered and every expected delivery has arrived; gives up
        // after 5 s without a new delivery or 60 s after the last send was due.
        const lastDue = t0 + ((total - 1) * 1000) / rate;
        await sleep(Math.max(0, lastDue - now()));
        let seen = -1;
        let changed = now();
        for (;;) {
          const ps = await f.all('progress');
          const settled = ps.every((p) => p.acked + p.refused + p.timeouts === p.planned);
          const delivered = sum(ps.map((p) => p.delivered));
          if (settled && delivered >= sum(ps.map((p) => p.ackedMeasured)) * clients) break;
          if (delivered !== seen) [seen, changed] = [delivered, now()];
          if (now() - changed > 5000 || now() - lastDue > 60_000) break;
          await sleep(50);
        }
        const cpu = cpuUsed(
          before,
          cpuSnapshot(
            procs.map((p) => p.child.pid),
            f.pids,
            database,
          ),
        );
        const reports = await f.all('report');
        await f.close();
        fleet = undefined;

        const counts = new Uint32Array(total);
        for (const r of reports) for (let k = 0; k < total; k++) counts[k] += r.counts[k];
        let duplicates = 0;
        for (let k = warm; k < total; k++) duplicates += Math.max(0, counts[k] - clients);
        const latencies = reports.flatMap((r) =>
          Array.from(/** @type {Float64Array} */ (r.latencies)),
        );
        const delivered = latencies.length;
        const deliveredAll = sum(Array.from(counts));
        const acked = sum(reports.map((r) => r.acked));
        const ackedMeasured = sum(reports.map((r) => r.ackedMeasured));
        const refused = sum(reports.map((r) => r.refused));
        const timeouts = sum(reports.map((r) => r.timeouts));
        const unanswered = total - acked - refused - timeouts;
        const disconnects = sum(reports.map((r) => r.disconnects));
        const expected = ackedMeasured * clients;
        const lost = Math.max(0, expected - (delivered - duplicates));
        /** @type {Record<string, number>} */
        const refusals = {};
        for (const r of reports)
          for (const [code, n] of Object.entries(r.refusals))
            refusals[code] = (refusals[code] ?? 0) + /** @type {number} */ (n);
        const sample = reports.find((r) => r.sample)?.sample;
        if (sample) {
          const keys = Object.keys(sample).sort();
          if (
            keys.join() !== MESSAGE_KEYS.join() ||
            keys.some((k) => typeof sample[k] !== 'string')
          )
            throw new Error(
              `${side} sent chat:message ${JSON.stringify(sample)}: not the api's shape`,
            );
          if (side === 'api') sampleName ??= sample.name;
        }
        const firstDue = t0 + (warm * 1000) / rate;
        const lastAt = Math.max(...reports.map((r) => r.lastAt || 0));
        const seconds = lastAt > firstDue ? (lastAt - firstDue) / 1000 : settings.duration;
        const share = deliveredAll > 0 ? delivered / deliveredAll : 1;

        // Stop the servers, then check what the api stored.
        await Promise.all(procs.map((p) => stop(p)));
        let rowsAdded = NaN;
        if (side === 'api') {
          rowsAdded = (await chatRows(dbUrl, sessionId)) - rowsBefore;
          if (rowsAdded < acked || rowsAdded > acked + timeouts + unanswered)
            throw new Error(
              `the api stored ${rowsAdded} chat messages for ${acked} acknowledged sends (${timeouts} timed out)`,
            );
        }
        const label = `${sideName[side]}, ${servers} process${servers > 1 ? 'es' : ''}`;
        /** @type {import('./lib/load.mjs').Run & { cpu: LiveCpu }} */
        const run = {
          label,
          seconds,
          responses: delivered,
          ok: delivered,
          non2xx: refused,
          errors: lost + duplicates + timeouts + unanswered + disconnects,
          serverCpuMs: cpu.serverMs * share,
          otherCores: cpu.othersMs / 1000 / seconds,
          cpu,
          latencies,
        };
        log(
          `${servers}p round ${round} ${side.padEnd(8)} joined in ${num(connectSeconds, 1)} s; ` +
            `${num(delivered)}/${num(expected)} delivered, ${num(delivered / seconds)} msgs/s, ` +
            `p50 ${num(pct(latencies, 50), 1)} p99 ${num(pct(latencies, 99), 1)} ms; ` +
            `${refused} refused, ${timeouts + unanswered} unanswered, ${disconnects} dropped ` +
            `(other processes: ${num(run.otherCores, 2)} cores)`,
        );
        return {
          ...run,
          side,
          round,
          servers,
          connectSeconds,
          messages: measured,
          ackedMeasured,
          expected,
          lost,
          duplicates,
          refused,
          refusals,
          timeouts: timeouts + unanswered,
          disconnects,
          disconnectReasons: reports.flatMap((r) => r.disconnectReasons),
          strays: sum(reports.map((r) => r.strays)),
          rowsAdded,
          /** @type {number[]} ms from emit to acknowledgement, per measured send */
          acks: reports.flatMap((r) => Array.from(/** @type {Float64Array} */ (r.acks))),
          /** @type {number[]} ms each emit came after its scheduled time */
          lags: reports.flatMap((r) => Array.from(/** @type {Float64Array} */ (r.lags))),
        };
      } finally {
        await fleet?.close();
        await Promise.all(procs.map((p) => stop(p)));
      }
    }

    try {
      for (const servers of variants)
        for (const [side, round] of alternate(settings.rounds))
          runs.push(await measure(servers, side, round));
    } finally {
      await deleteSessions(dbUrl);
      await resetStreams().catch(() => undefined);
      await redis.quit().catch(() => redis.disconnect());
    }

    const of = (/** @type {number} */ servers, /** @type {Side} */ side) =>
      runs.filter((r) => r.servers === servers && r.side === side);
    const pairs = variants.map((servers) => {
      const api = summarize(of(servers, 'api')[0].label, of(servers, 'api'));
      const baseline = summarize(of(servers, 'baseline')[0].label, of(servers, 'baseline'));
      return { servers, api, baseline };
    });
    const totalOf = (
      /** @type {number} */ servers,
      /** @type {Side} */ side,
      /** @type {(r: LiveRun) => number} */ f,
    ) => sum(of(servers, side).map(f));
    /** CPU ms per message sent, one part, runs of a side pooled. */
    const perMessage = (
      /** @type {number} */ servers,
      /** @type {Side} */ side,
      /** @type {keyof LiveCpu} */ part,
    ) => totalOf(servers, side, (r) => r.cpu[part]) / (of(servers, side).length * total);
    const cpuLine = (/** @type {number} */ servers, /** @type {Side} */ side) =>
      `${sideName[side]}: server${servers > 1 ? 's' : ''} ${num(perMessage(servers, side, 'serverMs'), 2)}, ` +
      `clients ${num(perMessage(servers, side, 'clientsMs'), 2)}, PostgreSQL ${num(perMessage(servers, side, 'postgresMs'), 2)}, ` +
      `Redis ${num(perMessage(servers, side, 'redisMs'), 2)}`;
    const accounting = (/** @type {number} */ servers, /** @type {Side} */ side) => {
      const t = (/** @type {(r: LiveRun) => number} */ f) => totalOf(servers, side, f);
      /** @type {Record<string, number>} */
      const codes = {};
      for (const r of of(servers, side))
        for (const [c, n] of Object.entries(r.refusals)) codes[c] = (codes[c] ?? 0) + n;
      const pooled = (/** @type {(r: LiveRun) => number[]} */ f) => of(servers, side).flatMap(f);
      return (
        `${sideName[side]} ${num(t((r) => r.responses - r.duplicates))}/${num(t((r) => r.expected))} delivered ` +
        `(${num(t((r) => r.lost))} lost, ${num(t((r) => r.duplicates))} duplicated), ` +
        `${num(t((r) => r.refused))} sends refused${t((r) => r.refused) ? ` ${JSON.stringify(codes)}` : ''}, ` +
        `${num(t((r) => r.timeouts))} unanswered, ${num(t((r) => r.disconnects))} clients dropped; ` +
        `ack p50/p99 ${num(
          pct(
            pooled((r) => r.acks),
            50,
          ),
          1,
        )}/${num(
          pct(
            pooled((r) => r.acks),
            99,
          ),
          1,
        )} ms, ` +
        `send lag p99 ${num(
          pct(
            pooled((r) => r.lags),
            99,
          ),
          1,
        )} ms, ` +
        `joining ${num(Math.max(...of(servers, side).map((r) => r.connectSeconds)), 1)} s (slowest run)`
      );
    };
    const one = pairs.find((p) => p.servers === 1) ?? pairs[0];
    return {
      summaries: pairs.flatMap((p) => [p.api, p.baseline]),
      ratio: {
        project: one.api.label,
        baseline: one.baseline.label,
        ...ratios(one.api, one.baseline),
      },
      notes: [
        `load: ${clients} clients in one room (${processes} client processes, websocket transport), ` +
          `${rate} chat messages/s for ${settings.duration} s per run (${measured} messages` +
          `${warm ? `, after ${warm} unmeasured` : ''}) sent by ${senders} participants in turn; every message ` +
          `reaches all ${clients} clients, so ${num(measured * clients)} deliveries are expected per run and ` +
          `the offered load is ${num(rate * clients)} deliveries/s on both sides. req/s = deliveries/s ` +
          '(from the first measured send to the last arrival); p50/p95/p99 = ms from the emit in the ' +
          "sender's process to the arrival of chat:message in each receiver's (same clock); " +
          'cpu ms/req = server CPU per delivery; requests = deliveries; non-2xx = refused sends; ' +
          'errors = lost or duplicated deliveries, unanswered sends and dropped clients.',
        ...pairs.map(
          (p) =>
            `ratio api / bare socket.io, ${p.servers} process${p.servers > 1 ? 'es' : ''}: ` +
            `msgs/s ${num(p.api.rps / p.baseline.rps, 2)}, p50 ${num(p.api.p50 / p.baseline.p50, 2)}, ` +
            `p95 ${num(p.api.p95 / p.baseline.p95, 2)}, p99 ${num(p.api.p99 / p.baseline.p99, 2)}, ` +
            `server CPU per message ${num(p.api.cpuMsPerRequest / p.baseline.cpuMsPerRequest, 2)}`,
        ),
        ...variants.map(
          (servers) =>
            `${servers} process${servers > 1 ? 'es' : ''}: ${accounting(servers, 'api')}; ${accounting(servers, 'baseline')}.`,
        ),
        ...variants.map(
          (servers) =>
            `CPU ms per message sent, ${servers} process${servers > 1 ? 'es' : ''} (all ${clients} deliveries): ` +
            `${cpuLine(servers, 'api')}; ${cpuLine(servers, 'baseline')}.`,
        ),
        `api: every acknowledged message was stored (live_chat_message rows added = acknowledged sends, ` +
          `${num(sum(runs.filter((r) => r.side === 'api').map((r) => r.rowsAdded)))} in all); chat:message has the ` +
          `same keys on both sides (${MESSAGE_KEYS.join(', ')})${sampleName ? `, e.g. name "${sampleName}"` : ''}. ` +
          'The api always broadcasts through its Redis Streams adapter (XADD per broadcast, for connection-state ' +
          'recovery), also with one process; the one-process baseline uses the in-memory adapter, the two-process ' +
          `one the Redis Streams adapter (stream ${BARE_STREAM_PREFIX}).`,
        'Servers, client processes, PostgreSQL and Redis share the same cores: the latencies include the time a ' +
          "receiving client process takes to get to each of its clients' copies.",
      ],
      runs: runs.map(({ latencies, acks, lags, ...r }) => ({
        ...r,
        latencySamples: latencies.length,
        ackP50: pct(acks, 50),
        ackP99: pct(acks, 99),
        lagP99: pct(lags, 99),
      })),
    };
  },
};
