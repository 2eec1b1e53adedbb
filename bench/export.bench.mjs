// A 1,000,000-row report export on the large dataset: the ledger of one year (BENCH_EXPORT_YEAR,
// 2024, topped up to BENCH_EXPORT_ROWS entries imported from SIASN by `cli.js seed-large
// --ledger-history`, since no table of the generated 2025/2026 data reaches a million rows)
// through the api's background export (POST /api/v1/reports/exports, worker job
// reporting.export, polled with GET /api/v1/reports/exports/:id) as CSV and as XLSX, against a
// bare pg cursor → CSV file writer (baselines/reports-export-csv.mjs). Measured: rows/s from the
// request to status done, and the worker's peak RSS (VmRSS polled every 100 ms, VmHWM at the end).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { snapshot, used } from './lib/cpu.mjs';
import { intEnv, serverEnv } from './lib/env.mjs';
import { ensureLargeDataset, largeAdmin, largeDatabaseUrl } from './lib/large-dataset.mjs';
import { freePort, startNode, stop, waitReady } from './lib/proc.mjs';
import { num } from './lib/report.mjs';
import { withDb } from './lib/setup.mjs';

/** @typedef {'csv' | 'xlsx' | 'baseline'} Side */

const LABEL = {
  csv: 'api + worker, CSV',
  xlsx: 'api + worker, XLSX',
  baseline: 'bare pg cursor → CSV',
};

/** VmRSS and VmHWM of a process in kB (undefined once it is gone). */
function memory(/** @type {number | undefined} */ pid) {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    return {
      rss: Number(/VmRSS:\s+(\d+)/.exec(s)?.[1]),
      hwm: Number(/VmHWM:\s+(\d+)/.exec(s)?.[1]),
    };
  } catch {
    return undefined;
  }
}

/** Polls the RSS of `pid` every 100 ms until stopped; returns the highest seen. */
function rssSampler(/** @type {number | undefined} */ pid) {
  let peak = 0;
  const timer = setInterval(() => {
    const m = memory(pid);
    // a process that has exited but is not yet reaped has no VmRSS line
    if (m && Number.isFinite(m.rss)) peak = Math.max(peak, m.rss);
  }, 100);
  return () => {
    clearInterval(timer);
    const m = memory(pid);
    return {
      peakRssKb: Math.max(peak, Number.isFinite(m?.rss) ? Number(m?.rss) : 0),
      hwmKb: Number.isFinite(m?.hwm) ? Number(m?.hwm) : peak,
    };
  };
}

async function sha256(/** @type {string} */ path) {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(/** @type {Buffer} */ (chunk));
  return h.digest('hex');
}

/** @type {import('../tools/scripts/bench.mjs').Benchmark} */
export default {
  name: 'export',
  title: 'ledger export of 1,000,000 rows: api + worker job (CSV, XLSX) vs bare pg cursor → CSV',
  async run({ root, settings, log }) {
    const env = serverEnv({ DATABASE_URL: largeDatabaseUrl(), REDIS_PREFIX: 'sbbench-large' });
    const dbUrl = await ensureLargeDataset(root, env, log);
    const database = new URL(dbUrl).pathname.slice(1);
    const year = intEnv('BENCH_EXPORT_YEAR', 2024);
    const target = intEnv('BENCH_EXPORT_ROWS', 1_000_000);
    const cli = join(root, 'dist/apps/api/cli.js');
    const code = await new Promise((resolve) => {
      const child = spawn(
        process.execPath,
        [cli, 'seed-large', '--ledger-history', `${year}:${target}`],
        {
          env,
          stdio: ['ignore', 'inherit', 'inherit'],
        },
      );
      child.on('exit', resolve);
    });
    if (code !== 0) throw new Error(`seed-large --ledger-history exited with ${code}`);
    const { token } = await largeAdmin(dbUrl, /** @type {string} */ (env.JWT_SECRET));
    const { rootPath, expected } = await withDb(dbUrl, async (c) => {
      const r = await c.query(
        `SELECT path FROM org_unit WHERE parent_id IS NULL AND kind = 'pemda'`,
      );
      const n = await c.query(`SELECT count(*)::int AS n FROM ledger_entry WHERE year = $1`, [
        year,
      ]);
      return { rootPath: r.rows[0].path, expected: n.rows[0].n };
    });
    log(`ledger ${year}: ${num(expected)} rows to export (province-wide admin)`);
    const worker = join(root, 'dist/apps/worker/main.js');
    if (!existsSync(worker))
      throw new Error(`${worker} is missing: npx nx run-many -t build -p api worker`);
    const storageDir = mkdtempSync(join(tmpdir(), 'sb-bench-export-'));
    const redis = new Redis(/** @type {string} */ (env.REDIS_URL), { maxRetriesPerRequest: null });
    const queue = new Queue('reporting', { connection: redis, prefix: env.REDIS_PREFIX });

    /** One export through the api and a fresh worker process. */
    async function project(/** @type {'csv' | 'xlsx'} */ format) {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const wenv = {
        ...env,
        STORAGE_DIR: storageDir,
        WORKER_CONCURRENCY: '1',
        SMTP_URL: 'smtp://127.0.0.1:1025',
      };
      const api = startNode('api', join(root, 'dist/apps/api/main.js'), [], {
        ...wenv,
        PORT: String(port),
      });
      const w = startNode('worker', worker, [], wenv);
      try {
        await waitReady(api, `${base}/api/health/ready`);
        const deadline = Date.now() + 30_000;
        while ((await queue.getWorkersCount()) < 1) {
          if (w.child.exitCode !== null || Date.now() > deadline)
            throw new Error(`worker not connected:\n  ${w.tail.join('\n  ')}`);
          await new Promise((r) => setTimeout(r, 50));
        }
        const idle = memory(w.child.pid);
        const sample = rssSampler(w.child.pid);
        const cpu0 = snapshot(w.child.pid, database);
        const t0 = performance.now();
        const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
        const res = await fetch(`${base}/api/v1/reports/exports`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ table: 'ledger', format, filter: { year } }),
        });
        if (res.status !== 202)
          throw new Error(`POST /reports/exports answered ${res.status}: ${await res.text()}`);
        const { id } = await res.json();
        /** @type {any} */
        let view;
        let polls = 0;
        for (;;) {
          await new Promise((r) => setTimeout(r, 250));
          polls++;
          const g = await fetch(`${base}/api/v1/reports/exports/${id}`, { headers });
          view = await g.json();
          if (view.status === 'done' || view.status === 'failed') break;
          if (performance.now() - t0 > 30 * 60_000)
            throw new Error('export not done after 30 minutes');
        }
        const seconds = (performance.now() - t0) / 1000;
        const cpu = used(cpu0, snapshot(w.child.pid, database));
        const mem = sample();
        if (view.status !== 'done')
          throw new Error(`export ${id} failed: ${view.error}\n  ${w.tail.join('\n  ')}`);
        if (view.rows !== expected)
          throw new Error(`export ${id} wrote ${view.rows} rows, expected ${expected}`);
        const file = join(storageDir, 'exports', `${id}.${format}`);
        const bytes = existsSync(file) ? statSync(file).size : NaN;
        return {
          rows: view.rows,
          seconds,
          bytes,
          file,
          polls,
          idleRssKb: idle?.rss ?? NaN,
          peakRssKb: mem.peakRssKb,
          hwmKb: mem.hwmKb,
          cpuMs: cpu.serverMs,
          postgresMs: cpu.postgresMs,
          otherCores: cpu.othersMs / 1000 / seconds,
        };
      } finally {
        await Promise.all([stop(api), stop(w)]);
      }
    }

    /** The same rows through a bare pg cursor into a CSV file. */
    async function baseline() {
      const out = join(storageDir, `baseline-${Date.now()}.csv`);
      const t0 = performance.now();
      const p = startNode('baseline', join(root, 'bench/baselines/reports-export-csv.mjs'), [out], {
        ...env,
        EXPORT_PATH: rootPath,
        EXPORT_YEAR: String(year),
      });
      const sample = rssSampler(p.child.pid);
      const cpu0 = snapshot(p.child.pid, database);
      let cpuMs = NaN;
      let postgresMs = NaN;
      let othersMs = 0;
      // CPU of the process just before it exits: read on every sample while it runs
      const timer = setInterval(() => {
        const u = used(cpu0, snapshot(p.child.pid, database));
        // the highest seen: a process or backend that is gone no longer counts in a snapshot
        cpuMs = Math.max(cpuMs || 0, u.serverMs);
        postgresMs = Math.max(postgresMs || 0, u.postgresMs);
        othersMs = Math.max(othersMs, u.othersMs);
      }, 100);
      const code = await p.exited;
      clearInterval(timer);
      const seconds = (performance.now() - t0) / 1000;
      const mem = sample();
      if (code !== 0) throw new Error(`baseline exited with ${code}:\n  ${p.tail.join('\n  ')}`);
      const report = JSON.parse(/** @type {string} */ (p.tail.at(-1)));
      if (report.rows !== expected)
        throw new Error(`baseline wrote ${report.rows} rows, expected ${expected}`);
      return {
        rows: report.rows,
        seconds,
        bytes: report.bytes,
        file: out,
        idleRssKb: NaN,
        peakRssKb: Math.max(mem.peakRssKb, report.peakRssKb ?? 0),
        hwmKb: report.peakRssKb ?? mem.hwmKb,
        cpuMs,
        postgresMs,
        otherCores: othersMs / 1000 / seconds,
      };
    }

    /** @type {Side[][]} */
    const orders = [
      ['csv', 'xlsx', 'baseline'],
      ['baseline', 'xlsx', 'csv'],
    ];
    /** @type {any[]} */
    const runs = [];
    const hashes = new Map();
    try {
      for (let round = 1; round <= settings.rounds; round++) {
        for (const side of orders[(round - 1) % 2]) {
          const r = side === 'baseline' ? await baseline() : await project(side);
          if (side !== 'xlsx') hashes.set(`${side} ${round}`, await sha256(r.file));
          rmSync(r.file, { force: true });
          log(
            `round ${round} ${side.padEnd(8)} ${num(r.rows / r.seconds)} rows/s (${num(r.seconds, 1)} s), ` +
              `peak RSS ${num(r.peakRssKb / 1024)} MB (VmHWM ${num(r.hwmKb / 1024)} MB), ${num(r.bytes / 1048576, 1)} MB file, ` +
              `CPU ${num(r.cpuMs / 1000, 1)} s (PostgreSQL ${num(r.postgresMs / 1000, 1)} s), other processes ${num(r.otherCores, 2)} cores`,
          );
          runs.push({ side, round, ...r });
        }
      }
    } finally {
      await queue.close();
      redis.disconnect();
      rmSync(storageDir, { recursive: true, force: true });
    }
    const identical = new Set(hashes.values()).size === 1;
    const summaries = /** @type {Side[]} */ (['csv', 'xlsx', 'baseline']).map((side) =>
      summary(
        side,
        runs.filter((r) => r.side === side),
      ),
    );
    const [csv, xlsx, bare] = summaries;
    const perRow = (/** @type {any} */ s) => s.cpuMsPerRequest;
    return {
      summaries,
      ratio: {
        project: csv.label,
        baseline: bare.label,
        rps: csv.rps / bare.rps,
        p50: csv.p50 / bare.p50,
        p99: csv.p99 / bare.p99,
        cpu: perRow(csv) / perRow(bare),
      },
      notes: [
        `req/s = rows per second, from POST to status done (api) or from process start to exit (baseline); ` +
          `p50/p95/p99/max = seconds per export ×1000 (ms); cpu ms/req = CPU ms of the worker (baseline process) per 1,000 rows; ` +
          `${num(expected)} rows per export, ${settings.rounds} export(s) per side.`,
        `peak RSS (VmRSS polled every 100 ms): worker CSV ${mb(csv.peakRssKb)}, XLSX ${mb(xlsx.peakRssKb)} (idle after start ${mb(csv.idleRssKb)}), ` +
          `baseline ${mb(bare.peakRssKb)}; VmHWM: worker CSV ${mb(csv.hwmKb)}, XLSX ${mb(xlsx.hwmKb)}, baseline ${mb(bare.hwmKb)}.`,
        `XLSX / CSV (api): rows/s ${num(xlsx.rps / csv.rps, 2)}, worker CPU per row ${num(perRow(xlsx) / perRow(csv), 2)}; ` +
          `files: CSV ${num(csv.bytes / 1048576, 1)} MB, XLSX ${num(xlsx.bytes / 1048576, 1)} MB.`,
        identical
          ? 'The api CSV files and the baseline CSV files are byte-identical (sha256).'
          : `WARNING: the CSV files differ (sha256 ${[...hashes.entries()].map(([k, v]) => `${k} ${v.slice(0, 12)}`).join(', ')}).`,
        'The worker runs WORKER_CONCURRENCY=1, a fresh process per export (VmHWM covers its start-up too), STORAGE_DRIVER=local.',
      ],
      runs,
    };
  },
};

const mb = (/** @type {number} */ kb) => `${num(kb / 1024)} MB`;

/** A Summary row of the runner's table for one side's exports. */
function summary(/** @type {Side} */ side, /** @type {any[]} */ rs) {
  const rows = rs.reduce((n, r) => n + r.rows, 0);
  const seconds = rs.reduce((n, r) => n + r.seconds, 0);
  const ms = rs.map((r) => r.seconds * 1000).sort((a, b) => a - b);
  const pct = (/** @type {number} */ p) =>
    ms[Math.min(ms.length - 1, Math.max(0, Math.ceil((p / 100) * ms.length) - 1))];
  return {
    label: LABEL[side],
    runs: rs.length,
    rps: rows / seconds,
    rpsPerRun: rs.map((r) => r.rows / r.seconds),
    p50: pct(50),
    p95: pct(95),
    p99: pct(99),
    max: ms.at(-1) ?? NaN,
    cpuMsPerRequest: (rs.reduce((n, r) => n + r.cpuMs, 0) / rows) * 1000,
    otherCores: Math.max(...rs.map((r) => r.otherCores)),
    requests: rows,
    non2xx: 0,
    errors: 0,
    peakRssKb: Math.max(...rs.map((r) => r.peakRssKb)),
    hwmKb: Math.max(...rs.map((r) => r.hwmKb)),
    idleRssKb: Math.max(...rs.map((r) => r.idleRssKb)),
    bytes: rs[0]?.bytes ?? NaN,
  };
}
