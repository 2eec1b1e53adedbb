// SQL taken from the api's own source, so that a baseline can never drift from what the api runs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CATALOGUE_SERVICE = 'libs/server/catalog/src/lib/catalogue/catalogue.service.ts';
export const PROGRESS_SERVICE = 'libs/server/catalog/src/lib/progress/progress.service.ts';
export const LOCKING = 'libs/server/catalog/src/lib/progress/locking.ts';
export const ATTEMPTS_SERVICE = 'libs/server/assessment/src/lib/attempts/attempts.service.ts';
export const PRINCIPAL_LOADER = 'libs/server/identity/src/lib/auth/user-principal.loader.ts';

/** Collapses whitespace, so that indentation changes don't count as drift. */
const norm = (/** @type {string} */ s) => s.replace(/\s+/g, ' ').trim();

/** The template string after `export const CATALOG_SQL =` in the catalogue service. */
export function catalogSql(/** @type {string} */ root) {
  const src = readFileSync(join(root, CATALOGUE_SERVICE), 'utf8');
  const m = /export const CATALOG_SQL\s*=\s*`([^`]*)`/.exec(src);
  if (!m) throw new Error(`no \`export const CATALOG_SQL = \`...\`\` in ${CATALOGUE_SERVICE}`);
  if (m[1].includes('${'))
    throw new Error(
      `CATALOG_SQL in ${CATALOGUE_SERVICE} interpolates values: extract it differently`,
    );
  return m[1];
}

/**
 * Fails unless every statement (whitespace aside) still appears verbatim in the api source file:
 * a baseline that copies SQL refuses to start once the api changed it.
 * @param {string} root
 * @param {string} file  path relative to the repository root
 * @param {Record<string, string>} statements  name -> SQL
 */
export function assertInSource(root, file, statements) {
  const src = norm(readFileSync(join(root, file), 'utf8'));
  const missing = Object.entries(statements)
    .filter(([, sql]) => !src.includes(norm(sql)))
    .map(([name]) => name);
  if (missing.length > 0) {
    throw new Error(
      `baseline SQL ${missing.join(', ')} no longer appears in ${file}: the api changed, copy its statements again`,
    );
  }
}
