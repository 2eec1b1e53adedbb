// Baseline of export.bench.mjs: the ledger of one year written to a CSV file by a bare `pg`
// cursor, the least code doing the export's essential work: one read-only repeatable-read
// transaction, count(*), DECLARE … FETCH 5000 of the same statement as the api's 'ledger'
// export table (libs/server/reporting/src/lib/exports/export-tables.ts: the same columns, join,
// filter and order), each row to an RFC 4180 line (the same cell rules as table-writer's csvLine:
// formula-looking text prefixed with ', quoted only when needed, CRLF, BOM) written to a file
// stream with back-pressure. Left out: the job queue, progress updates, storage copy and sha256.
// Run as `node reports-export-csv.mjs <out.csv>` with DATABASE_URL, EXPORT_PATH (scope unit path),
// EXPORT_YEAR; prints one JSON line: { rows, ms, bytes, peakRssKb }.
import { createWriteStream, readFileSync, statSync } from 'node:fs';
import { once } from 'node:events';
import pg from 'pg';

const [out] = process.argv.slice(2);
const HEADER = [
  'NIP',
  'Nama',
  'Unit',
  'Tanggal',
  'Judul',
  'Penyelenggara',
  'Jenis pelatihan',
  'Jalur',
  'Kompetensi',
  'JP',
  'Nomor sertifikat',
];
const SQL = `SELECT l.nip, u.name, o.name AS unit, to_char(l.entry_date, 'YYYY-MM-DD') AS date, l.title,
                    l.provider, l.training_type, l.route, l.competency_type, l.jp, l.certificate_number
               FROM ledger_entry l JOIN org_unit o ON o.id = l.org_unit_id AND o.path LIKE $1 || '%'
               JOIN app_user u ON u.id = l.user_id
              WHERE l.year = $2
              ORDER BY l.entry_date, lower(u.name), l.id`;
const FORMULA_START = /^[=+\-@\t\r]/;

/** @param {(string | number | null)[]} cells */
function csvLine(cells) {
  return (
    cells
      .map((cell) => {
        if (cell === null) return '';
        const text =
          typeof cell === 'number'
            ? Number.isFinite(cell)
              ? String(cell)
              : ''
            : FORMULA_START.test(cell)
              ? `'${cell}`
              : cell;
        return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      })
      .join(',') + '\r\n'
  );
}
const str = (/** @type {unknown} */ v) => (v === null || v === undefined ? '' : String(v));
const orNull = (/** @type {unknown} */ v) => (v === null || v === undefined ? null : String(v));

const started = performance.now();
const client = new pg.Client({
  connectionString: process.env.DATABASE_URL,
  application_name: 'siantar-bench-export',
});
await client.connect();
const params = [process.env.EXPORT_PATH, Number(process.env.EXPORT_YEAR)];
await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
const total = Number(
  (await client.query(`SELECT count(*)::int AS n FROM (${SQL}) r`, params)).rows[0].n,
);
await client.query(`DECLARE export_rows NO SCROLL CURSOR FOR ${SQL}`, params);
const file = createWriteStream(out);
file.write(`\uFEFF${csvLine(HEADER)}`);
let rows = 0;
for (;;) {
  const batch = (await client.query('FETCH 5000 FROM export_rows')).rows;
  if (!batch.length) break;
  for (const r of batch) {
    const line = csvLine([
      orNull(r.nip),
      str(r.name),
      str(r.unit),
      str(r.date),
      str(r.title),
      str(r.provider),
      str(r.training_type),
      str(r.route),
      str(r.competency_type),
      Number(r.jp),
      orNull(r.certificate_number),
    ]);
    if (!file.write(line)) await once(file, 'drain');
  }
  rows += batch.length;
}
await client.query('CLOSE export_rows');
await client.query('COMMIT');
file.end();
await once(file, 'finish');
await client.end();
const peak = /VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'));
console.log(
  JSON.stringify({
    rows,
    total,
    ms: performance.now() - started,
    bytes: statSync(out).size,
    peakRssKb: peak ? Number(peak[1]) : null,
  }),
);
