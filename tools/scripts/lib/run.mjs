import { spawn, spawnSync } from 'node:child_process';
import { ROOT } from './paths.mjs';

/** Runs a command in the repository root, streaming its output; resolves with its exit code. */
export function run(cmd, args, { env = process.env, cwd = ROOT, quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env, stdio: quiet ? 'pipe' : 'inherit' });
    let out = '';
    if (quiet) {
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
    }
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
    child.on('error', (e) => resolve({ code: 1, out: String(e) }));
  });
}

/** Like run, but stops the script when the command fails. */
export async function must(cmd, args, opts = {}) {
  const { code, out } = await run(cmd, args, opts);
  if (code !== 0) {
    if (opts.quiet) console.error(out);
    console.error(`\n✗ ${cmd} ${args.join(' ')} failed (exit ${code})`);
    process.exit(code);
  }
  return out;
}

export function commandExists(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}
