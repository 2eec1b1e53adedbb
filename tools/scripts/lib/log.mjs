/** Small, readable console output for the set-up scripts. */
const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, s) => (useColor ? `\x1b[${code}m${s}\x1b[0m` : s);

export const step = (s) => console.log(paint('1;36', `\n▶ ${s}`));
export const info = (s) => console.log(`  ${s}`);
export const ok = (s) => console.log(paint('32', `  ✓ ${s}`));
export const warn = (s) => console.log(paint('33', `  ! ${s}`));

/** Stops with a message that says exactly what to do. */
export function fail(message) {
  console.error(paint('1;31', `\n✗ ${message}\n`));
  process.exit(1);
}
