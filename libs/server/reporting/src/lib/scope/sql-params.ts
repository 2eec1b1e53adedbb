import { wibYear } from '@siantar/server-ledger';
/** Collects positional parameters while a query is put together: `$${n}` for each value. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Escapes LIKE wildcards so user text matches literally (with ESCAPE '\'). */
export function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Start of today in Asia/Jakarta as a timestamptz: deadlines before it are overdue. */
export const START_OF_TODAY_WIB = `(wib_date(now())::timestamp AT TIME ZONE 'Asia/Jakarta')`;

/** The current calendar year in Asia/Jakarta. */
export const currentYearWib = (now = new Date()): number => wibYear(now);

export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
