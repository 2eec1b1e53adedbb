// Printing benchmark results as plain-text tables.

/** @typedef {import('./load.mjs').Summary} Summary */

const num = (/** @type {number} */ n, d = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })
    : 'n/a';

/** Pads cells into aligned columns; the first column is left-aligned, the others right-aligned. */
export function table(/** @type {string[][]} */ rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '))
    .join('\n');
}

/** One line per server: throughput, latency percentiles, failures. */
export function summaryTable(/** @type {Summary[]} */ summaries) {
  return table([
    [
      'server',
      'req/s',
      'req/s per run',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      'cpu ms/req',
      'others',
      'requests',
      'non-2xx',
      'errors',
    ],
    ...summaries.map((s) => [
      s.label,
      num(s.rps),
      s.rpsPerRun.map((x) => num(x)).join(' / '),
      num(s.p50, 2),
      num(s.p95, 2),
      num(s.p99, 2),
      num(s.max, 1),
      num(s.cpuMsPerRequest, 3),
      num(s.otherCores, 2),
      num(s.requests),
      num(s.non2xx),
      num(s.errors),
    ]),
  ]);
}

/**
 * Project versus baseline. req/s ratio < 1 means the project serves fewer requests;
 * p99 ratio > 1 means its slowest 1 % are slower by that factor; cpu ratio > 1 means each request
 * costs the server process that many times more CPU (PostgreSQL's share not included).
 * @param {Summary} project
 * @param {Summary} baseline
 */
export function ratios(project, baseline) {
  return {
    rps: project.rps / baseline.rps,
    p50: project.p50 / baseline.p50,
    p99: project.p99 / baseline.p99,
    cpu: project.cpuMsPerRequest / baseline.cpuMsPerRequest,
  };
}

export { num };
