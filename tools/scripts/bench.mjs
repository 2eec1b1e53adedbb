#!/usr/bin/env node
// `npm run bench [-- <name>...]`: builds the api, runs every bench/*.bench.mjs (or those whose
// name contains one of the arguments), prints each result and writes it to bench/results/.
// Settings: BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (20), BENCH_ROUNDS (2),
// BENCH_WARMUP (s, 0), BENCH_SKIP_BUILD=1 to use dist/ as it is.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadSettings } from '../../bench/lib/env.mjs';
import { num, summaryTable } from '../../bench/lib/report.mjs';

/**
 * What a bench/*.bench.mjs file exports by default.
 * @typedef {object} Benchmark
 * @property {string} name
 * @property {string} title
 * @property {(ctx: { root: string, settings: import('../../bench/lib/env.mjs').LoadSettings, log: (line: string) => void }) => Promise<BenchResult>} run
 *
 * @typedef {object} BenchResult
 * @property {import('../../bench/lib/load.mjs').Summary[]} summaries
 * @property {{ project: string, baseline: string, rps: number, p50: number, p99: number, cpu: number }} [ratio]
 * @property {string[]} notes
 * @property {unknown[]} runs
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const benchDir = join(root, 'bench');
const resultsDir = join(benchDir, 'results');

function build() {
  if (process.env.BENCH_SKIP_BUILD === '1')
    return console.log('build skipped (BENCH_SKIP_BUILD=1)');
  const t = Date.now();
  process.stdout.write('building api and worker with nx (cached when unchanged)... ');
  const r = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'worker'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    console.log('FAILED');
    console.error(`${r.stdout}\n${r.stderr}`.split('\n').slice(-40).join('\n'));
    process.exit(1);
  }
  console.log(`done in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}

function gitCommit() {
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {
    cwd: root,
    encoding: 'utf8',
  }).stdout.trim();
  const dirty =
    spawnSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).stdout.trim() !==
    '';
  return dirty ? `${head}+dirty` : head;
}

/** @param {Benchmark} bench  @param {BenchResult} result */
function print(bench, result) {
  console.log(`\n${summaryTable(result.summaries)}`);
  if (result.ratio) {
    const r = result.ratio;
    console.log(`\nratio ${r.project} / ${r.baseline}:`);
    console.log(
      `  req/s         ${num(r.rps, 2).padStart(6)}   1 = as fast; 0.5 = serves half as many requests`,
    );
    console.log(
      `  p50 latency   ${num(r.p50, 2).padStart(6)}   1 = as fast; 2 = typical request takes twice as long`,
    );
    console.log(`  p99 latency   ${num(r.p99, 2).padStart(6)}   same, for the slowest 1 %`);
    console.log(
      `  CPU/request   ${num(r.cpu, 2).padStart(6)}   server process CPU per request (PostgreSQL not included)`,
    );
  }
  for (const n of result.notes) console.log(`note: ${n}`);
  const busiest = Math.max(...result.summaries.map((s) => s.otherCores));
  if (busiest > 0.2) {
    console.log(
      `WARNING: other processes took up to ${num(busiest, 2)} of ${cpus().length} cores during a run ("others" column): ` +
        'absolute figures are depressed; the ratios and CPU/request are less affected',
    );
  }
  const failed = result.summaries.filter((s) => s.errors > 0 || s.non2xx > 0);
  for (const s of failed)
    console.log(
      `WARNING: ${s.label} had ${s.non2xx} non-2xx and ${s.errors} errors: figures are not valid`,
    );
  return failed.length === 0;
}

async function main() {
  const filters = process.argv.slice(2);
  const files = readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench.mjs'))
    .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
    .sort();
  if (files.length === 0) throw new Error(`no bench/*.bench.mjs matches ${filters.join(', ')}`);
  const settings = loadSettings();
  build();
  console.log(
    `settings: ${settings.duration} s per run, ${settings.connections} connections, ${settings.rounds} round(s), ` +
      `warm-up ${settings.warmup} s; ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(2)} after the build`,
  );
  mkdirSync(resultsDir, { recursive: true });
  let ok = true;
  for (const file of files) {
    /** @type {Benchmark} */
    const bench = (await import(pathToFileURL(join(benchDir, file)).href)).default;
    console.log(`\n== ${bench.name}: ${bench.title}`);
    const startedAt = new Date();
    const result = await bench.run({ root, settings, log: (line) => console.log(`  ${line}`) });
    ok = print(bench, result) && ok;
    const out = join(
      resultsDir,
      `${bench.name}-${startedAt.toISOString().replace(/[:.]/g, '-')}.json`,
    );
    const meta = {
      startedAt,
      commit: gitCommit(),
      node: process.version,
      os: release(),
      cpu: cpus()[0]?.model,
      cpus: cpus().length,
      settings,
    };
    writeFileSync(
      out,
      `${JSON.stringify({ name: bench.name, title: bench.title, ...meta, ...result }, null, 2)}\n`,
    );
    console.log(`written ${out.slice(root.length + 1)}`);
  }
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
