// A closed-loop load generator for requests that differ per request (bodies, tokens): `workers`
// concurrent clients, each with its own keep-alive connection, each sending its next request as
// soon as the previous answer arrived (or after its `pause`, a think time), until `seconds` have
// passed (bounded: no request starts after the deadline, and each one times out). Returns the
// same Run as load.mjs's autocannon run.
import http from 'node:http';
import { snapshot, used } from './cpu.mjs';

/**
 * @typedef {object} Request
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string>} headers
 * @property {string} [body]
 */

/**
 * @param {object} o
 * @param {string} o.label
 * @param {string} o.base  http://127.0.0.1:<port>
 * @param {number} o.workers
 * @param {number} o.seconds
 * @param {number} [o.pid]  server process, for CPU accounting
 * @param {string} o.database
 * @param {(worker: number) => Request} o.next  the worker's next request
 * @param {(worker: number, req: Request, status: number, body: string) => void} [o.done]  every answer
 * @param {(worker: number, req: Request, error: unknown) => void} [o.failed]  every socket error or timeout
 * @param {(worker: number) => number} [o.pause]  ms the worker waits before each request (think time), none by default
 * @param {number} [o.timeoutMs]
 * @returns {Promise<import('./load.mjs').Run>}
 */
export async function loop(o) {
  const base = new URL(o.base);
  if (base.hostname !== '127.0.0.1')
    throw new Error(`benchmarks only target 127.0.0.1, not ${base.hostname}`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.workers });
  /** @type {number[]} */
  const latencies = [];
  let responses = 0;
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  const before = snapshot(o.pid, o.database);
  const started = performance.now();
  const deadline = started + o.seconds * 1000;
  await Promise.all(
    Array.from({ length: o.workers }, async (_, w) => {
      while (performance.now() < deadline) {
        const pause = o.pause ? Math.min(o.pause(w), deadline - performance.now()) : 0;
        if (pause > 0) await new Promise((r) => setTimeout(r, pause));
        if (performance.now() >= deadline) break;
        const req = o.next(w);
        const t0 = performance.now();
        try {
          const res = await send(agent, base, req, o.timeoutMs ?? 30_000);
          const ms = performance.now() - t0;
          responses++;
          if (res.status >= 200 && res.status < 300) {
            ok++;
            latencies.push(ms);
          } else non2xx++;
          o.done?.(w, req, res.status, res.body);
        } catch (e) {
          errors++;
          o.failed?.(w, req, e);
          await new Promise((r) => setTimeout(r, 50)); // no hot loop against a dead server
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = used(before, snapshot(o.pid, o.database));
  agent.destroy();
  return {
    label: o.label,
    seconds,
    responses,
    ok,
    non2xx,
    errors,
    serverCpuMs: cpu.serverMs,
    otherCores: cpu.othersMs / 1000 / seconds,
    cpu,
    latencies,
  };
}

/** One request; resolves with status and body text, rejects on socket error or timeout. */
export function send(
  /** @type {http.Agent} */ agent,
  /** @type {URL} */ base,
  /** @type {Request} */ r,
  timeoutMs = 30_000,
) {
  return /** @type {Promise<{ status: number, body: string }>} */ (
    new Promise((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: base.hostname,
          port: base.port,
          method: r.method,
          path: r.path,
          headers: r.body
            ? { ...r.headers, 'content-length': String(Buffer.byteLength(r.body)) }
            : r.headers,
        },
        (res) => {
          /** @type {Buffer[]} */
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
      req.on('error', reject);
      req.end(r.body);
    })
  );
}
