// Child processes of a benchmark: spawn, wait until ready, stop, and never leave one behind.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** @typedef {{ name: string, child: import('node:child_process').ChildProcess, tail: string[], exited: Promise<number | null> }} Server */

/** @type {Set<Server>} */
const live = new Set();

function killAllNow() {
  for (const s of live) if (running(s)) s.child.kill('SIGKILL');
}
process.on('exit', killAllNow);
for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
  process.once(sig, () => {
    killAllNow();
    process.exit(130);
  });
}

/** @param {Server} s */
const running = (s) => s.child.exitCode === null && s.child.signalCode === null;

/** A free TCP port on 127.0.0.1 (asked from the kernel, then released). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node <script>`; its output is kept (last 40 lines) for error messages, not printed.
 * @param {string} name
 * @param {string} script
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @returns {Server}
 */
export function startNode(name, script, args, env) {
  const child = spawn(process.execPath, [script, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  /** @type {string[]} */
  const tail = [];
  const keep = (/** @type {Buffer} */ chunk) => {
    tail.push(...chunk.toString().split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  const server = { name, child, tail, exited };
  live.add(server);
  exited.then(() => live.delete(server));
  return server;
}

/** Runs `node <script> <args>` to completion; rejects with its output when it fails. */
export async function runNode(
  /** @type {string} */ name,
  /** @type {string} */ script,
  /** @type {string[]} */ args,
  /** @type {NodeJS.ProcessEnv} */ env,
) {
  const p = startNode(name, script, args, env);
  const code = await p.exited;
  if (code !== 0) throw new Error(`${name} exited with ${code}:\n  ${p.tail.join('\n  ')}`);
}

/**
 * Polls `url` until it answers 200; fails early when the process dies, or after `timeoutMs`.
 * @param {Server} server
 * @param {string} url
 */
export async function waitReady(server, url, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!running(server)) {
      throw new Error(
        `${server.name} exited (${server.child.exitCode ?? server.child.signalCode}) before ready:\n  ${server.tail.join('\n  ')}`,
      );
    }
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `${server.name} not ready at ${url} after ${timeoutMs} ms:\n  ${server.tail.join('\n  ')}`,
  );
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
export async function stop(/** @type {Server} */ server, graceMs = 5000) {
  if (!running(server)) return;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), graceMs);
  await server.exited;
  clearTimeout(timer);
}
