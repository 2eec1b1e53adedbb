import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  ensureDatabase,
  rebuildSummaries,
  runMigrations,
  summaryMismatches,
  type EnvSchema,
} from '@siantar/server-core';
import { hashPassword } from '@siantar/server-identity';
import { checkPnsNip } from '@siantar/util';
import {
  COURSE_LEVELS,
  COURSE_PREFIXES,
  COURSE_TOPICS,
  EXTERNAL_FORMS,
  EXTERNAL_PROVIDERS,
  EXTERNAL_TITLES,
  FAMILY_NAMES,
  FEMALE_NAMES,
  LARGE_OPDS,
  LARGE_ROOT,
  MALE_NAMES,
  PNS_POSITIONS,
  PNS_RANK_MIX,
  PPPK_GRADE_MIX,
  PPPK_POSITIONS,
  bidangOf,
} from './seed-large-data';

/**
 * `node dist/apps/api/cli.js seed-large [--scale 1] [--yes]`: the dataset of a large
 * province in the database of DATABASE_URL (its own database, e.g. siantar_large; the
 * wrapper `npm run seed:large` picks it). At scale 1: 100,000 ASN, about 230 units,
 * 2,000 courses, 1,000,000 enrolments over 2025–2026, 5,000,000 progress events with
 * their lesson_progress rows, about a million ledger entries.
 *
 * Every row is made inside PostgreSQL (INSERT … SELECT over generate_series), its
 * attributes drawn from hashint8extended(index, salt): the same scale gives the same
 * data. Ids are md5 of a name and an index, so rows refer to each other without a
 * lookup. The load runs with session_replication_role = replica (row triggers, foreign
 * keys and the snapshot triggers off): the snapshot columns are filled here, and the
 * summary tables are rebuilt afterwards by core's rebuildSummaries, then checked
 * with summaryMismatches.
 */

export const LARGE_PASSWORD = 'siantar-large';
const MARKER = 'siantar seed-large';
/** Databases this command must never drop. */
const PROTECTED = /^(siantar|siantar_e2e|siantar_test_.*|postgres|template[01])$/;

/** Asia/Jakarta midnight of 1 January 2025: the dataset's first day. */
const START = `timestamptz '2025-01-01 00:00:00+07'`;

type Log = (line: string) => void;

interface Args {
  scale: number;
  yes: boolean;
  /** --ledger-history YEAR:ROWS: top an existing dataset's ledger up to ROWS entries in YEAR. */
  history?: { year: number; rows: number };
}

function parseArgs(argv: string[]): Args {
  const args: Args = { scale: 1, yes: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--yes' || a === '-y') args.yes = true;
    else if (a === '--scale') args.scale = Number(argv[++i]);
    else if (a.startsWith('--scale=')) args.scale = Number(a.slice(8));
    else if (a === '--ledger-history') {
      const m = /^(\d{4}):(\d+)$/.exec(argv[++i] ?? '');
      if (!m) throw new Error('seed-large: --ledger-history takes YEAR:ROWS, e.g. 2024:1000000');
      args.history = { year: Number(m[1]), rows: Number(m[2]) };
    } else throw new Error(`seed-large: unknown argument "${a}" (use --scale <0.01..3> --yes)`);
  }
  if (!Number.isFinite(args.scale) || args.scale < 0.01 || args.scale > 3)
    throw new Error('seed-large: --scale must be between 0.01 and 3');
  return args;
}

// ---- deterministic pseudo-random SQL expressions -------------------------------------

/** A float in [0, 1) from an integer expression and a salt (PostgreSQL's seeded hash of int8). */
const rnd = (x: string, salt: number) =>
  `((hashint8extended((${x})::bigint, ${salt}) & 16777215)::float8 / 16777216)`;
/** An integer in [0, n). */
const rint = (x: string, salt: number, n: number | string) =>
  `((hashint8extended((${x})::bigint, ${salt}) & 2147483647) % (${n}))::int`;
/** The same from a uuid column. */
const urnd = (x: string, salt: number) =>
  `((uuid_hash_extended(${x}, ${salt}) & 16777215)::float8 / 16777216)`;
const urint = (x: string, salt: number, n: number | string) =>
  `((uuid_hash_extended(${x}, ${salt}) & 2147483647) % (${n}))::int`;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (values: readonly (string | number)[]) =>
  `ARRAY[${values.map((v) => (typeof v === 'number' ? String(v) : lit(v))).join(', ')}]`;
/** One of `values`, chosen by the hash of x. */
const choose = (values: readonly (string | number)[], x: string, salt: number) =>
  `(${arr(values)})[1 + ${rint(x, salt, values.length)}]`;
/** Deterministic uuid of a kind and an index expression. */
const uid = (kind: string, x: string) => `md5('${kind}:' || (${x}))::uuid`;

const fmt = (n: number) => n.toLocaleString('en-US');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function seedLarge(config: EnvSchema, argv: string[], log: Log): Promise<void> {
  const args = parseArgs(argv);
  const t0 = Date.now();
  const url = new URL(config.DATABASE_URL);
  const database = decodeURIComponent(url.pathname.slice(1));
  if (PROTECTED.test(database))
    throw new Error(
      `seed-large refuses to write into the database "${database}": give it its own (siantar_large)`,
    );

  const existing = await databaseComment(url, database);
  if (args.history) {
    if (!existing?.startsWith(MARKER))
      throw new Error(`${database} holds no finished dataset: generate it first`);
    const db = new Client({
      connectionString: config.DATABASE_URL,
      application_name: 'siantar-seed-large',
    });
    await db.connect();
    try {
      await ledgerHistory(db, args.history.year, args.history.rows, log);
    } finally {
      await db.end();
    }
    log(`done in ${secs(Date.now() - t0)}`);
    return;
  }
  if (existing !== undefined) {
    if (!args.yes) {
      throw new Error(
        existing.startsWith(MARKER)
          ? `${database} already holds a dataset (${existing}); --yes rebuilds it`
          : `${database} exists${existing ? '' : ' without a finished dataset'}; --yes drops and rebuilds it`,
      );
    }
    log(`dropping database ${database}`);
    await adminQuery(url, `DROP DATABASE "${database.replace(/"/g, '""')}" WITH (FORCE)`);
  }
  await ensureDatabase(config.DATABASE_URL);
  const tm = Date.now();
  await runMigrations(config, () => undefined);
  log(`database ${database} created and migrated in ${secs(Date.now() - tm)}`);

  const db = new Client({
    connectionString: config.DATABASE_URL,
    application_name: 'siantar-seed-large',
  });
  await db.connect();
  try {
    await new Generator(db, args.scale, log).run();
    await db.query(
      `COMMENT ON DATABASE "${database.replace(/"/g, '""')}" IS ${lit(
        `${MARKER} scale=${args.scale} built ${new Date().toISOString()}`,
      )}`,
    );
  } finally {
    await db.end();
  }
  log(`done in ${secs(Date.now() - t0)} (scale ${args.scale}, database ${database})`);
}

/**
 * Tops the ledger of one (earlier) year up to `rows` entries: external trainings imported
 * from SIASN, about ten per person, so that a year's ledger export reaches a million rows.
 * Written with the triggers on (snapshot and summaries kept by PostgreSQL as in production),
 * then checked with summaryMismatches. Idempotent: nothing happens once the year holds enough.
 */
async function ledgerHistory(db: Client, year: number, rows: number, log: Log): Promise<void> {
  const have = Number(
    (await db.query(`SELECT count(*) AS n FROM ledger_entry WHERE year = $1`, [year])).rows[0].n,
  );
  if (have >= rows) {
    log(`ledger ${year}: ${fmt(have)} entries already (>= ${fmt(rows)})`);
    return;
  }
  await db.query(`SET jit = off`);
  await db.query(`SET synchronous_commit = off`);
  await db.query(`CREATE TEMP TABLE h_user AS
    SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM app_user
     WHERE active AND employment_type IN ('PNS', 'PPPK') AND NOT 'admin' = ANY(roles)`);
  const people = Number((await db.query(`SELECT count(*) AS n FROM h_user`)).rows[0].n);
  await db.query(`CREATE UNIQUE INDEX ON h_user (n)`);
  await db.query(`ANALYZE h_user`);
  log(
    `ledger ${year}: ${fmt(have)} entries, adding ${fmt(rows - have)} imported from SIASN (triggers on)`,
  );
  const t = Date.now();
  const step = 50_000;
  let added = 0;
  const key = `(${year}::bigint * 10000000 + g)`;
  for (let from = have + 1; from <= rows; from += step) {
    const to = Math.min(rows, from + step - 1);
    added +=
      (
        await db.query(`
      INSERT INTO ledger_entry (user_id, entry_date, source, title, provider, training_type, route, competency_type,
                                jp, start_date, end_date, certificate_number, recorded_at)
      SELECT h.id, d.day, 'external', ${choose(EXTERNAL_TITLES, key, 111)}, ${choose(EXTERNAL_PROVIDERS, key, 112)},
             (${arr(EXTERNAL_FORMS.map(([t]) => t))})[f.i], (${arr(EXTERNAL_FORMS.map(([, r]) => r))})[f.i],
             ${choose(['teknis', 'teknis', 'teknis', 'manajerial', 'sosial-kultural'], key, 114)},
             ${choose([1, 2, 2, 3, 4, 4, 6, 8], key, 115)}, d.day, d.day, 'SIASN/${year}/' || g,
             timestamptz '${year + 1}-01-20 09:00:00+07'
        FROM generate_series(${from}, ${to}) g
        JOIN h_user h ON h.n = ${rint(key, 110, people)}
        CROSS JOIN LATERAL (SELECT 1 + ${rint(key, 113, EXTERNAL_FORMS.length)} AS i) f
        CROSS JOIN LATERAL (SELECT date '${year}-01-01' + ${rint(key, 116, 365)} AS day) d`)
      ).rowCount ?? 0;
    log(`  ${fmt(have + added)} / ${fmt(rows)} (${secs(Date.now() - t)})`);
  }
  await db.query(`ANALYZE ledger_entry`);
  const tc = Date.now();
  const mismatches = await summaryMismatches({
    query: async (sql: string, params?: unknown[]) => (await db.query(sql, params)).rows,
  });
  log(
    `summaryMismatches: ${mismatches.length === 0 ? 'none' : mismatches.length} (check took ${secs(Date.now() - tc)})`,
  );
  if (mismatches.length > 0)
    throw new Error(
      `summary tables differ from their recomputation: ${JSON.stringify(mismatches).slice(0, 2000)}`,
    );
}

/** The comment of the database, '' when it has none, undefined when it does not exist. */
async function databaseComment(url: URL, name: string): Promise<string | undefined> {
  const rows = await adminQuery(
    url,
    `SELECT coalesce(shobj_description(oid, 'pg_database'), '') AS c FROM pg_database WHERE datname = $1`,
    [name],
  );
  return rows[0]?.c;
}

async function adminQuery(
  url: URL,
  sql: string,
  params: unknown[] = [],
): Promise<Record<string, string>[]> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end();
  }
}

interface Unit {
  idx: number;
  id: string;
  code: string;
  name: string;
  kind: 'pemda' | 'opd' | 'bidang';
  parent: number | null;
  path: string;
  /** Share of the staff (bidang only). */
  weight: number;
}

/** The unit of a code that LARGE_OPDS defines (a typo here is a bug of this file). */
function unitByCode(units: Unit[], code: string): Unit {
  const u = units.find((x) => x.code === code);
  if (!u) throw new Error(`seed-large: no unit ${code}`);
  return u;
}

class Generator {
  readonly people: number;
  readonly courses: number;
  readonly enrolments: number;
  readonly events: number;
  /** Upper bound of every generated instant: now, at the latest the end of 2026. */
  end = '';
  private units: Unit[] = [];

  constructor(
    private readonly db: Client,
    readonly scale: number,
    private readonly log: Log,
  ) {
    // even, so that the per-person enrolment counts pair up to exactly 10 on average
    this.people = 2 * Math.round((100_000 * scale) / 2);
    this.courses = Math.max(20, Math.round(2000 * scale));
    this.enrolments = this.people * 10;
    this.events = Math.round(5_000_000 * scale);
  }

  private explained = new Set<string>();

  private async q(sql: string, params?: unknown[]): Promise<number> {
    // SEED_LARGE_EXPLAIN=1 prints the plan of the first statement of each kind (tuning aid)
    const kind = /^\s*INSERT INTO (\w+)/.exec(sql)?.[1];
    if (process.env['SEED_LARGE_EXPLAIN'] && kind && !this.explained.has(kind)) {
      this.explained.add(kind);
      await this.db.query('BEGIN');
      const plan = await this.db.query(`EXPLAIN (ANALYZE) ${sql}`, params);
      await this.db.query('ROLLBACK');
      this.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
    }
    return (await this.db.query(sql, params)).rowCount ?? 0;
  }

  /** Runs `chunk(from, to)` over [1, total] in steps; prints a progress line per step. */
  private async chunked(
    label: string,
    total: number,
    step: number,
    chunk: (from: number, to: number) => Promise<number>,
  ): Promise<number> {
    const t = Date.now();
    let rows = 0;
    let lastLog = 0;
    for (let from = 1; from <= total; from += step) {
      const to = Math.min(total, from + step - 1);
      rows += await chunk(from, to);
      if (Date.now() - lastLog > 5000 || to === total) {
        lastLog = Date.now();
        const s = (Date.now() - t) / 1000;
        this.log(
          `  ${label}: ${Math.round((100 * to) / total)} % (${fmt(rows)} rows, ${secs(Date.now() - t)}, ${fmt(Math.round(rows / Math.max(s, 0.001)))} rows/s)`,
        );
      }
    }
    return rows;
  }

  /** Chunks of a table by physical pages (TID range scans), for the rows derived from it. */
  private async byPages(
    label: string,
    table: string,
    alias: string,
    pagesPerChunk: number,
    chunk: (tidFilter: string) => Promise<number>,
  ): Promise<number> {
    const { rows } = await this.db.query(
      `SELECT pg_relation_size($1::regclass) / current_setting('block_size')::int AS pages`,
      [table],
    );
    const pages = Number(rows[0].pages);
    const chunks = Math.max(1, Math.ceil(pages / pagesPerChunk));
    return this.chunked(label, chunks, 1, (i) =>
      chunk(
        `${alias}.ctid >= '(${(i - 1) * pagesPerChunk},0)'::tid AND ${alias}.ctid < '(${i * pagesPerChunk},0)'::tid`,
      ),
    );
  }

  async run(): Promise<void> {
    const t0 = Date.now();
    await this.q(`SET session_replication_role = replica`);
    await this.q(`SET synchronous_commit = off`);
    // the plans look expensive, and JIT compilation took seconds per chunk
    await this.q(`SET jit = off`);
    await this.q(`SET TimeZone = 'Asia/Jakarta'`);
    await this.q(`SET work_mem = '64MB'`);
    await this.q(`SET maintenance_work_mem = '512MB'`);
    const { rows } = await this.db.query(
      `SELECT least(now(), timestamptz '2026-12-31 23:59:59+07')::text AS e`,
    );
    this.end = `timestamptz '${rows[0].e}'`;
    this.log(
      `scale ${this.scale}: ${fmt(this.people)} people, ${fmt(this.courses)} courses, ` +
        `${fmt(this.enrolments)} enrolments, ${fmt(this.events)} progress events; dates 2025-01-01 .. ${rows[0].e}`,
    );

    const restore = await this.dropIndexes();
    await this.step('units', () => this.orgUnits());
    await this.step('people', () => this.appUsers());
    await this.step('courses', () => this.catalogue());
    await this.step('enrolments', () => this.enrolmentRows());
    await this.step('lesson progress', () => this.lessonProgress());
    await this.step('progress events', () => this.progressEvents());
    await this.step('ledger', () => this.ledger());
    await this.step('admins', () => this.admins());
    await this.step('indexes', async () => {
      for (const sql of restore) {
        const t = Date.now();
        await this.q(sql);
        this.log(`  ${sql.replace(/\s+/g, ' ').slice(0, 110)} (${secs(Date.now() - t)})`);
      }
    });
    await this.q(`SET session_replication_role = origin`);

    let t = Date.now();
    await this.q('BEGIN');
    await rebuildSummaries(this.db);
    await this.q('COMMIT');
    this.log(`summaries rebuilt from the raw rows (rebuildSummaries) in ${secs(Date.now() - t)}`);
    t = Date.now();
    await this.q(`VACUUM (ANALYZE)`);
    this.log(`VACUUM (ANALYZE) in ${secs(Date.now() - t)}`);
    t = Date.now();
    const mismatches = await summaryMismatches({
      query: async (sql: string, params?: unknown[]) => (await this.db.query(sql, params)).rows,
    });
    this.log(
      `summaryMismatches: ${mismatches.length === 0 ? 'none' : mismatches.length} (check took ${secs(Date.now() - t)})`,
    );
    if (mismatches.length > 0)
      throw new Error(
        `summary tables differ from their recomputation: ${JSON.stringify(mismatches).slice(0, 2000)}`,
      );
    await this.checkNips();
    await this.printCounts();
    this.log(`generated in ${secs(Date.now() - t0)}`);
  }

  /**
   * Index maintenance row by row is most of the cost of a bulk load: the indexes of the big
   * tables are dropped now and built afterwards (a sort each). Constraints that other tables'
   * foreign keys rest on stay (the primary keys of enrolment and ledger_entry).
   * Returns the statements that recreate them, as the migrations defined them.
   */
  private async dropIndexes(): Promise<string[]> {
    const { rows } = await this.db.query(
      `SELECT i.indexrelid::regclass::text AS name, t.relname AS tbl, c.conname, c.contype,
              pg_get_indexdef(i.indexrelid) AS indexdef,
              CASE WHEN c.oid IS NOT NULL THEN pg_get_constraintdef(c.oid) END AS condef,
              EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = i.indexrelid) AS referenced
         FROM pg_index i
         JOIN pg_class t ON t.oid = i.indrelid
         LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u')
        WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
        ORDER BY t.relname, i.indexrelid`,
      [
        [
          'enrolment',
          'lesson_progress',
          'progress_event',
          'ledger_entry',
          'external_training_claim',
        ],
      ],
    );
    const restore: string[] = [];
    for (const r of rows) {
      if (r.referenced) continue;
      if (r.conname) {
        await this.q(`ALTER TABLE ${r.tbl} DROP CONSTRAINT ${r.conname}`);
        restore.push(`ALTER TABLE ${r.tbl} ADD CONSTRAINT ${r.conname} ${r.condef}`);
      } else {
        await this.q(`DROP INDEX ${r.name}`);
        restore.push(r.indexdef);
      }
    }
    this.log(
      `${restore.length} indexes of the big tables dropped for the load, rebuilt at the end`,
    );
    return restore;
  }

  private async step(name: string, fn: () => Promise<void>): Promise<void> {
    const t = Date.now();
    this.log(`${name}...`);
    await fn();
    // fresh statistics for the next step's joins (temp tables get none from autovacuum)
    await this.q(`ANALYZE`);
    this.log(`${name} done in ${secs(Date.now() - t)}`);
  }

  // ---- org units ---------------------------------------------------------------------

  private async orgUnits(): Promise<void> {
    const units: Unit[] = [];
    const add = (
      code: string,
      name: string,
      kind: Unit['kind'],
      parent: number | null,
      weight: number,
    ) => {
      const id = randomUUID();
      const path = `${parent === null ? '/' : units[parent].path}${id}/`;
      units.push({ idx: units.length, id, code, name, kind, parent, path, weight });
      return units.length - 1;
    };
    const root = add(LARGE_ROOT.code, LARGE_ROOT.name, 'pemda', null, 0);
    for (const o of LARGE_OPDS) {
      const opd = add(o.code, o.name, 'opd', root, 0);
      const bidang = bidangOf(o);
      bidang.forEach((b, j) => {
        // the secretariat is smaller than the line units
        const w = (o.weight / bidang.length) * (/^(Sekretariat|Bagian Umum)/.test(b) ? 0.6 : 1.1);
        add(`${o.code}-${String(j + 1).padStart(2, '0')}`, b, 'bidang', opd, w);
      });
    }
    this.units = units;
    const total = units.reduce((n, u) => n + u.weight, 0);
    let cum = 0;
    await this
      .q(`CREATE TEMP TABLE seed_unit (idx int PRIMARY KEY, id uuid NOT NULL, kind text NOT NULL,
      parent int, name text NOT NULL, lo float8, hi float8)`);
    await this.q(
      `INSERT INTO seed_unit SELECT * FROM json_to_recordset($1::json)
         AS x(idx int, id uuid, kind text, parent int, name text, lo float8, hi float8)`,
      [
        JSON.stringify(
          units.map((u) => {
            const lo = cum / total;
            cum += u.weight;
            return {
              idx: u.idx,
              id: u.id,
              kind: u.kind,
              parent: u.parent,
              name: u.name,
              lo,
              hi: u.weight > 0 ? cum / total : null,
            };
          }),
        ),
      ],
    );
    await this.q(`CREATE INDEX ON seed_unit (hi)`);
    await this.q(
      `INSERT INTO org_unit (id, code, name, kind, parent_id, path, created_at, updated_at)
       SELECT x.id, x.code, x.name, x.kind, x.parent_id, x.path, timestamptz '2024-09-01', timestamptz '2024-09-01'
         FROM json_to_recordset($1::json) AS x(id uuid, code text, name text, kind text, parent_id uuid, path text)`,
      [
        JSON.stringify(
          units.map((u) => ({
            id: u.id,
            code: u.code,
            name: u.name,
            kind: u.kind,
            parent_id: u.parent === null ? null : units[u.parent].id,
            path: u.path,
          })),
        ),
      ],
    );
    this.log(
      `  ${units.length} units: 1 pemda, ${LARGE_OPDS.length} OPD, ${units.length - 1 - LARGE_OPDS.length} bidang`,
    );
  }

  // ---- people ------------------------------------------------------------------------

  /**
   * Person g (1-based): g < number of units is the head of unit g (OPD heads report to
   * the Sekretaris Daerah, bidang heads to their OPD head); the others are staff of a
   * bidang drawn by weight, reporting to its head. 70 % PNS, 30 % PPPK.
   * NIP (PNS): birth date from a bijection of g mod 12,775 days (1966–2000), CPNS
   * appointment 22–35 years later (not after 2025), sex digit, sequence (g div 12,775)·37 + 1..37:
   * unique by construction and valid per checkPnsNip (checked on a sample at the end).
   */
  private personSql(g: string, pns = false): { cols: string; from: string } {
    const heads = this.units.length - 1;
    const days = 12775;
    const emp = pns
      ? `'PNS'`
      : `CASE WHEN ${g} <= ${heads} OR ${rnd(g, 11)} < 0.7 THEN 'PNS' ELSE 'PPPK' END`;
    const sex = `(1 + ${rint(g, 12, 2)})`;
    const birth = `(date '1966-01-01' + (((${g})::bigint * 7919) % ${days})::int)`;
    return {
      from: `CROSS JOIN LATERAL (SELECT ${emp} AS emp, ${sex} AS sex, ${birth} AS birth) p
        CROSS JOIN LATERAL (SELECT extract(year FROM p.birth)::int + 22
            + ${rint(g, 13, `greatest(1, least(14, 2025 - extract(year FROM p.birth)::int - 22 + 1))`)} AS ay,
          1 + ${rint(g, 14, 12)} AS am) a`,
      cols: `p.emp,
        to_char(p.birth, 'YYYYMMDD') || CASE WHEN p.emp = 'PNS' THEN lpad(a.ay::text, 4, '0') || lpad(a.am::text, 2, '0')
          ELSE (2021 + ${rint(g, 15, 4)})::text || lpad((1 + ${rint(g, 16, 12)})::text, 2, '0') END
          || p.sex::text || lpad(((${g}) / ${days} * 37 + 1 + ${rint(g, 17, 37)})::text, 3, '0') AS nip,
        CASE WHEN p.sex = 1 THEN ${choose(MALE_NAMES, g, 18)} ELSE ${choose(FEMALE_NAMES, g, 18)} END
          || ' ' || ${choose(FAMILY_NAMES, g, 19)} AS name`,
    };
  }

  private async appUsers(): Promise<void> {
    const heads = this.units.length - 1;
    const setda = unitByCode(this.units, 'SETDA').idx;
    const { cols, from } = this.personSql('g');
    const email = `lower(replace(x.name, ' ', '.')) || '.' || g || '@large.siantar.test'`;
    // heads: one per unit (unit idx = g)
    let n = await this.q(`
      INSERT INTO app_user (id, nip, name, email, position, rank, employment_type, org_unit_id, roles,
                            supervisor_id, created_at, updated_at)
      SELECT ${uid('u', 'g')}, x.nip, x.name, ${email},
             'Kepala ' || un.name,
             CASE WHEN un.kind = 'opd' THEN ${choose(['IV/c', 'IV/c', 'IV/d'], 'g', 20)} ELSE ${choose(['IV/a', 'IV/a', 'IV/b', 'III/d'], 'g', 20)} END,
             x.emp, un.id, ARRAY['learner', 'supervisor'],
             CASE WHEN un.kind = 'bidang' THEN ${uid('u', 'un.parent')}
                  WHEN g = ${setda} THEN NULL ELSE ${uid('u', String(setda))} END,
             timestamptz '2024-09-01', timestamptz '2024-09-01'
        FROM generate_series(1, ${heads}) g
        JOIN seed_unit un ON un.idx = g
        CROSS JOIN LATERAL (SELECT ${cols} FROM (SELECT 1) one ${from}) x`);
    n += await this.chunked('people', this.people - heads, 25_000, (a, b) =>
      this.q(`
      INSERT INTO app_user (id, nip, name, email, position, rank, employment_type, org_unit_id, roles,
                            supervisor_id, created_at, updated_at)
      SELECT ${uid('u', 'g')}, x.nip, x.name, ${email},
             CASE WHEN x.emp = 'PNS' THEN ${choose(PNS_POSITIONS, 'g', 21)} ELSE ${choose(PPPK_POSITIONS, 'g', 21)} END,
             CASE WHEN x.emp = 'PNS' THEN ${choose(PNS_RANK_MIX, 'g', 22)} ELSE ${choose(PPPK_GRADE_MIX, 'g', 22)} END,
             x.emp, un.id, ARRAY['learner'], ${uid('u', 'un.idx')},
             timestamptz '2024-09-01' + ${rnd('g', 23)} * interval '90 days', timestamptz '2024-12-01'
        FROM generate_series(${heads + a}, ${heads + b}) g
        CROSS JOIN LATERAL (SELECT ${cols} FROM (SELECT 1) one ${from}) x
        CROSS JOIN LATERAL (SELECT idx, id FROM seed_unit WHERE hi > ${rnd('g', 24)} ORDER BY hi LIMIT 1) un`),
    );
    this.log(`  ${fmt(n)} people (${fmt(heads)} heads of unit)`);
  }

  // ---- catalogue -----------------------------------------------------------------------

  private async catalogue(): Promise<void> {
    const opds = this.units.filter((u) => u.kind === 'opd');
    const bpsdm = opds.findIndex((u) => u.code === 'BPSDM');
    // Half the courses belong to BPSDM (the training agency), the rest to an OPD.
    await this.q(`CREATE TEMP TABLE seed_course AS
      SELECT c, ${uid('c', 'c')} AS id, ${uid('v', 'c')} AS version_id,
             'LRG-' || lpad(c::text, 4, '0') AS code,
             ${choose(COURSE_PREFIXES, 'c', 31)} || ' ' || ${choose(COURSE_TOPICS, 'c', 32)} || ' ' || ${choose(COURSE_LEVELS, 'c', 33)} AS title,
             ${choose(['teknis', 'teknis', 'teknis', 'teknis', 'teknis', 'teknis', 'manajerial', 'manajerial', 'manajerial', 'sosial-kultural'], 'c', 34)} AS competency_type,
             ${choose(['self-paced', 'self-paced', 'self-paced', 'self-paced', 'self-paced', 'self-paced', 'self-paced', 'self-paced', 'blended', 'live'], 'c', 35)} AS delivery_mode,
             ${choose([2, 2, 3, 4, 4, 4, 6, 6, 8, 8, 10, 12, 16, 20, 24, 32], 'c', 36)}::numeric(5,1) AS jp,
             1 + ${rint('c', 37, 3)} AS modules, 1 + ${rint('c', 38, 3)} AS per_module,
             CASE WHEN ${rnd('c', 39)} < 0.25
                  THEN date_trunc('month', ${START} + interval '4 months' + ${rnd('c', 40)} * interval '700 days')
                       + interval '1 month' - interval '1 second' END AS deadline,
             CASE WHEN ${rnd('c', 41)} < 0.5 THEN ${bpsdm} ELSE ${rint('c', 42, opds.length)} END AS owner_opd,
             timestamptz '2024-10-01' + ${rnd('c', 43)} * interval '85 days' AS published_at
        FROM generate_series(1, ${this.courses}) c`);
    await this.q(`ALTER TABLE seed_course ADD PRIMARY KEY (c)`);
    await this.q(
      `ALTER TABLE seed_course ADD COLUMN owner_id uuid, ADD COLUMN provider text, ADD COLUMN lessons int`,
    );
    await this.q(
      `UPDATE seed_course s SET owner_id = o.id, provider = o.name, lessons = modules * per_module
         FROM (SELECT row_number() OVER (ORDER BY idx) - 1 AS k, id, name FROM seed_unit WHERE kind = 'opd') o
        WHERE o.k = s.owner_opd`,
    );
    await this.q(`CREATE UNIQUE INDEX ON seed_course (version_id)`);
    await this.q(`INSERT INTO course (id, code, owner_org_unit_id, current_version_id, created_at)
      SELECT id, code, owner_id, version_id, published_at - interval '20 days' FROM seed_course`);
    await this
      .q(`INSERT INTO course_version (id, course_id, number, status, title, summary, competency_type,
        delivery_mode, jp, completion_deadline, published_at, created_at, updated_at, changelog)
      SELECT version_id, id, 1, 'published', title,
             'Kursus ' || lower(title) || ' bagi ASN Pemerintah Provinsi Sumatera Utara. Diselenggarakan oleh ' || provider || '.',
             competency_type, delivery_mode, jp, deadline, published_at, published_at - interval '20 days', published_at, 'Versi pertama'
        FROM seed_course`);
    await this.q(`INSERT INTO course_module (id, version_id, position, title)
      SELECT ${uid('m', "c || ':' || m")}, version_id, m + 1, 'Modul ' || (m + 1) || ': ' || ${choose(
        [
          'Pendahuluan',
          'Konsep Dasar',
          'Regulasi dan Kebijakan',
          'Studi Kasus',
          'Praktik',
          'Evaluasi dan Refleksi',
        ],
        'c * 10 + m',
        44,
      )}
        FROM seed_course CROSS JOIN generate_series(0, modules - 1) m`);
    await this.q(`CREATE TEMP TABLE seed_lesson AS
      SELECT c, i, ${uid('l', "c || ':' || i")} AS id, version_id, i / per_module AS m, i % per_module AS pos,
             ${choose(['text', 'text', 'text', 'text', 'video', 'video', 'video', 'link'], 'c * 100 + i', 45)} AS type,
             5 + ${rint('c * 100 + i', 46, 41)} AS minutes
        FROM seed_course CROSS JOIN generate_series(0, lessons - 1) i`);
    await this.q(`ALTER TABLE seed_lesson ADD PRIMARY KEY (c, i)`);
    await this.q(`CREATE UNIQUE INDEX ON seed_lesson (id)`);
    await this
      .q(`INSERT INTO lesson (id, version_id, module_id, key, position, type, title, duration_minutes, content)
      SELECT l.id, l.version_id, ${uid('m', "l.c || ':' || l.m")}, ${uid('k', "l.c || ':' || l.i")}, l.pos + 1, l.type,
             CASE l.type WHEN 'video' THEN 'Video: ' WHEN 'link' THEN 'Bacaan: ' ELSE '' END || 'Materi ' || (l.i + 1),
             l.minutes,
             CASE l.type
               WHEN 'text' THEN jsonb_build_object('format', 'markdown', 'source', '## Materi ' || (l.i + 1) || E'\\n\\nUraian materi kursus.')
               WHEN 'video' THEN jsonb_build_object('url', 'https://video.siantar.test/' || l.id || '.mp4', 'completionShare', 0.9)
               ELSE jsonb_build_object('url', 'https://jdih.sumutprov.go.id/dokumen/' || l.id) END
        FROM seed_lesson l`);
    const { rows } = await this.db.query(`SELECT count(*)::int AS n FROM seed_lesson`);
    this.log(`  ${fmt(this.courses)} courses, ${fmt(rows[0].n)} lessons`);
  }

  // ---- enrolments ------------------------------------------------------------------------

  /**
   * Person g takes 10 ± d courses (d from the pair of g, so the total is exactly
   * 10 per person): positions base + k·stride (mod courses), distinct by construction,
   * base skewed towards the popular end. Of the enrolments: 4 % withdrawn, 88 % started,
   * 80 % of the started ones complete (when before now and the course deadline);
   * passed = completed except 8 % (an optional end quiz not passed).
   */
  private async enrolmentRows(): Promise<void> {
    const C = this.courses;
    const strideMax = Math.max(1, Math.min(7, Math.floor((C - 1) / 18)));
    const key = `(ug::bigint * 32 + k)`;
    await this.chunked('enrolments', this.people, 10_000, (a, b) =>
      this.q(`
      INSERT INTO enrolment (id, course_id, version_id, user_id, status, source, enrolled_at, completed_at,
                             withdrawn_at, org_unit_id, employment_type, competency_type, due_at, started_at, passed_at)
      SELECT ${uid('e', key)}, c.id, c.version_id, u.id,
             CASE WHEN t.withdrawn THEN 'withdrawn' WHEN t.completed THEN 'completed' ELSE 'active' END,
             ${choose(['self', 'self', 'self', 'self', 'self', 'admin', 'admin', 'bulk', 'bulk', 'self'], key, 51)},
             t.enrolled_at,
             CASE WHEN t.completed THEN t.complete_at END,
             CASE WHEN t.withdrawn THEN t.withdraw_at END,
             u.org_unit_id, u.employment_type, c.competency_type, c.deadline,
             CASE WHEN t.withdrawn THEN t.started_w ELSE t.started_at END,
             CASE WHEN t.completed AND ${rnd(key, 52)} >= 0.08 THEN t.complete_at END
        FROM generate_series(${a}, ${b}) ug
        JOIN app_user u ON u.id = ${uid('u', 'ug')}
        CROSS JOIN LATERAL (SELECT 10 + CASE WHEN ug % 2 = 1 THEN 1 ELSE -1 END
                              * (${rint('(ug + 1) / 2', 53, 17)} - 8) AS n,
                              floor(${C} * power(${rnd('ug', 54)}, 2.2))::int AS base,
                              1 + ${rint('ug', 55, strideMax)} AS stride) p
        CROSS JOIN LATERAL generate_series(0, p.n - 1) k
        JOIN seed_course c ON c.c = 1 + (p.base + k * p.stride) % ${C}
        CROSS JOIN LATERAL (
          SELECT date_trunc('day', ${START} + ${rnd(key, 56)}
                   * greatest(0, extract(epoch FROM least(${this.end}, c.deadline - interval '14 days') - ${START}))
                   * interval '1 second') + (7.5 + 12 * ${rnd(key, 57)}) * interval '1 hour' AS enrolled_at) t0
        CROSS JOIN LATERAL (
          SELECT t0.enrolled_at + power(${rnd(key, 58)}, 2) * interval '6 days' AS start_at,
                 ${rnd(key, 59)} < 0.04 AS wants_withdraw,
                 ${rnd(key, 60)} < 0.88 AS wants_start,
                 ${rnd(key, 61)} < 0.80 AS wants_complete) w
        CROSS JOIN LATERAL (
          SELECT CASE WHEN w.wants_start AND w.start_at <= ${this.end} THEN w.start_at END AS started_at,
                 CASE WHEN ${rnd(key, 62)} < 0.5 AND w.start_at <= ${this.end} THEN w.start_at END AS started_w,
                 w.start_at + (0.3 + 50 * power(${rnd(key, 63)}, 1.6)) * interval '1 day' AS complete_at,
                 t0.enrolled_at + (1 + 20 * ${rnd(key, 64)}) * interval '1 day' AS withdraw_at) s
        CROSS JOIN LATERAL (
          SELECT t0.enrolled_at, s.started_at, s.started_w, s.complete_at, s.withdraw_at,
                 w.wants_withdraw AND s.withdraw_at <= ${this.end} AS withdrawn,
                 NOT (w.wants_withdraw AND s.withdraw_at <= ${this.end}) AND s.started_at IS NOT NULL
                   AND w.wants_complete AND s.complete_at <= ${this.end}
                   AND (c.deadline IS NULL OR s.complete_at <= c.deadline) AS completed) t`),
    );
  }

  // ---- lesson progress and events ---------------------------------------------------------

  /**
   * For every started enrolment, its first lessons in order: all of them completed when
   * the enrolment is (the last one at its completed_at), else some completed and the next
   * in progress (withdrawn: one or two opened). The first lesson opens at started_at.
   */
  private async lessonProgress(): Promise<void> {
    await this.byPages('lesson_progress', 'enrolment', 'e', 1500, (tids) =>
      this.q(`
      INSERT INTO lesson_progress (enrolment_id, lesson_id, status, percent, seconds_spent, max_scroll, watched_seconds,
                                   duration_seconds, position_seconds, position_at, first_opened_at, completed_at, updated_at)
      SELECT e.id, l.id,
             CASE WHEN x.done THEN 'completed' ELSE 'in-progress' END,
             x.pct,
             round(l.minutes * 60 * CASE WHEN x.done THEN 0.6 + 0.8 * ${urnd('l.id', 71)} ELSE x.pct / 100 END)::int,
             CASE WHEN l.type = 'text' THEN x.pct ELSE 0 END,
             CASE WHEN l.type = 'video' THEN round(l.minutes * 60 * x.pct / 100, 2) ELSE 0 END,
             CASE WHEN l.type = 'video' THEN l.minutes * 60 END,
             CASE WHEN l.type = 'video' THEN round(l.minutes * 60 * x.pct / 100, 2) END,
             CASE WHEN l.type = 'video' THEN x.last END,
             x.opened, CASE WHEN x.done THEN x.last END, x.last
        FROM enrolment e
        JOIN seed_course c ON c.version_id = e.version_id
        CROSS JOIN LATERAL (
          SELECT CASE e.status WHEN 'completed' THEN c.lessons
                               WHEN 'withdrawn' THEN least(c.lessons, 1 + ${urint('e.id', 72, 2)})
                               ELSE 1 + ${urint('e.id', 72, 'c.lessons')} END AS opened,
                 extract(epoch FROM CASE e.status WHEN 'completed' THEN e.completed_at
                                                  WHEN 'withdrawn' THEN e.withdrawn_at
                                                  ELSE least(${this.end}, e.started_at + (2 + 40 * ${urnd('e.id', 73)}) * interval '1 day') END
                                   - e.started_at) AS span) o
        CROSS JOIN LATERAL generate_series(0, o.opened - 1) AS gi(n)
        JOIN seed_lesson l ON l.c = c.c AND l.i = gi.n
        CROSS JOIN LATERAL (
          SELECT e.status = 'completed' OR (e.status = 'active' AND gi.n < o.opened - 1) AS done,
                 e.started_at + o.span * gi.n / o.opened * interval '1 second' AS opened,
                 e.started_at + o.span * (gi.n + 1) / o.opened * interval '1 second' AS last) y
        CROSS JOIN LATERAL (
          SELECT y.done, y.opened, y.last,
                 CASE WHEN y.done THEN 100 ELSE round((5 + 85 * ${urnd('e.id', 74)})::numeric, 2) END AS pct) x
       WHERE e.started_at IS NOT NULL AND ${tids}`),
    );
  }

  /**
   * The idempotency records behind the lesson_progress rows: 'opened' at first_opened_at,
   * then 'time' events, and for a completed lesson a last event of its kind (scrolled to
   * 100 %, video watched, link completed) at completed_at. Events per row are spread so
   * that the total is the target (5,000,000 at scale 1).
   */
  private async progressEvents(): Promise<void> {
    const { rows } = await this.db.query(`SELECT count(*)::bigint AS n FROM lesson_progress`);
    const lp = Number(rows[0].n);
    const avg = Math.max(1, this.events / lp);
    const whole = Math.floor(avg);
    const frac = avg - whole;
    this.log(`  ${fmt(lp)} lesson_progress rows: ${avg.toFixed(3)} events each on average`);
    await this.byPages('progress_event', 'lesson_progress', 'p', 2000, (tids) =>
      this.q(`
      INSERT INTO progress_event (id, enrolment_id, lesson_id, kind, occurred_at, data, received_at)
      SELECT gen_random_uuid(), p.enrolment_id, p.lesson_id, ev.kind, ev.at,
             CASE ev.kind
               WHEN 'time' THEN jsonb_build_object('seconds', 30 + (j * 37 + n.k) % 270)
               WHEN 'scrolled' THEN jsonb_build_object('percent', 100)
               WHEN 'video' THEN jsonb_build_object('positionSeconds', p.position_seconds, 'watchedSeconds', p.watched_seconds,
                                                     'durationSeconds', p.duration_seconds)
               ELSE '{}'::jsonb END,
             ev.at + (1 + (j * 7) % 9) * interval '1 second'
        FROM lesson_progress p
        JOIN seed_lesson l ON l.id = p.lesson_id
        CROSS JOIN LATERAL (SELECT ${whole} + CASE WHEN ${urnd('p.enrolment_id', 81)} < ${frac} THEN 1 ELSE 0 END AS k) n
        CROSS JOIN LATERAL generate_series(0, n.k - 1) j
        CROSS JOIN LATERAL (
          SELECT CASE WHEN j = 0 THEN 'opened'
                      WHEN j = n.k - 1 AND p.status = 'completed'
                        THEN CASE l.type WHEN 'text' THEN 'scrolled' WHEN 'video' THEN 'video' ELSE 'completed' END
                      ELSE 'time' END AS kind,
                 p.first_opened_at + CASE WHEN n.k = 1 THEN interval '0' ELSE (p.updated_at - p.first_opened_at) * j / (n.k - 1) END AS at) ev
       WHERE ${tids}`),
    );
  }

  // ---- ledger --------------------------------------------------------------------------

  /**
   * One 'course' credit per completed enrolment (as EnrolmentCompletion writes it), 0–8
   * approved external trainings per person (claims decided by the supervisor; some claims
   * still pending or rejected, without an entry), and reversals of 0.3 % of the course
   * credits and 1 % of the external ones, dated like the entry they cancel.
   */
  private async ledger(): Promise<void> {
    await this.byPages('course credits', 'enrolment', 'e', 3000, (tids) =>
      this.q(`
      INSERT INTO ledger_entry (id, user_id, entry_date, source, source_ref, title, provider, training_type, route,
                                competency_type, jp, start_date, end_date, nip, org_unit_id, employment_type, rank, recorded_at)
      SELECT ${uid('le', 'e.id::text')}, e.user_id, wib_date(e.completed_at), 'course', e.id, c.title, c.provider,
             CASE WHEN c.delivery_mode = 'self-paced' THEN 'e-learning' ELSE 'pelatihan jarak jauh' END, 'nonklasikal',
             c.competency_type, c.jp, wib_date(e.enrolled_at), wib_date(e.completed_at),
             u.nip, u.org_unit_id, u.employment_type, u.rank, e.completed_at
        FROM enrolment e
        JOIN seed_course c ON c.version_id = e.version_id
        JOIN app_user u ON u.id = e.user_id
       WHERE e.status = 'completed' AND ${tids}`),
    );
    const key = `(ug::bigint * 16 + j)`;
    await this.chunked('external claims', this.people, 20_000, (a, b) =>
      this.q(`
      INSERT INTO external_training_claim (id, user_id, submitted_by, title, provider, training_type, route, competency_type,
          start_date, end_date, jp, certificate_number, status, decided_by, decided_at, decision_note, created_at)
      SELECT ${uid('x', key)}, u.id, u.id, ${choose(EXTERNAL_TITLES, key, 91)}, ${choose(EXTERNAL_PROVIDERS, key, 92)},
             (${arr(EXTERNAL_FORMS.map(([t]) => t))})[f.i], (${arr(EXTERNAL_FORMS.map(([, r]) => r))})[f.i],
             ${choose(['teknis', 'teknis', 'teknis', 'manajerial', 'manajerial', 'sosial-kultural'], key, 94)},
             d.start_date, d.start_date + d.days, ${choose([2, 3, 4, 5, 6, 8, 10, 12, 16, 24, 32, 40], key, 95)},
             'SRT/' || (2025 + ${rint(key, 96, 2)}) || '/' || lpad(${rint(key, 97, 100000)}::text, 5, '0'),
             d.status, CASE WHEN d.status <> 'pending' THEN coalesce(u.supervisor_id, u.id) END,
             CASE WHEN d.status <> 'pending' THEN d.decided_at END,
             CASE WHEN d.status = 'rejected' THEN 'Sertifikat tidak terbaca, unggah ulang.' END,
             d.decided_at - interval '3 days'
        FROM generate_series(${a}, ${b}) ug
        JOIN app_user u ON u.id = ${uid('u', 'ug')}
        CROSS JOIN LATERAL generate_series(0, ${rint('ug', 90, 9)} - 1) j
        CROSS JOIN LATERAL (SELECT 1 + ${rint(key, 93, EXTERNAL_FORMS.length)} AS i) f
        CROSS JOIN LATERAL (
          SELECT wib_date(${START} + ${rnd(key, 98)} * (${this.end} - interval '10 days' - ${START})) AS start_date,
                 ${rint(key, 99, 5)} AS days,
                 ${START} + ${rnd(key, 98)} * (${this.end} - interval '10 days' - ${START}) + interval '8 days' AS decided_at,
                 CASE WHEN ${rnd(key, 100)} < 0.05 THEN 'pending' WHEN ${rnd(key, 100)} < 0.07 THEN 'rejected' ELSE 'approved' END AS status) d`),
    );
    await this.byPages('external credits', 'external_training_claim', 'x', 3000, (tids) =>
      this.q(`
      INSERT INTO ledger_entry (id, user_id, entry_date, source, source_ref, title, provider, training_type, route,
                                competency_type, jp, start_date, end_date, certificate_number, nip, org_unit_id,
                                employment_type, rank, recorded_by, recorded_at)
      SELECT ${uid('le', 'x.id::text')}, x.user_id, x.end_date, 'external', x.id, x.title, x.provider, x.training_type, x.route,
             x.competency_type, x.jp, x.start_date, x.end_date, x.certificate_number, u.nip, u.org_unit_id,
             u.employment_type, u.rank, x.decided_by, x.decided_at
        FROM external_training_claim x JOIN app_user u ON u.id = x.user_id
       WHERE x.status = 'approved' AND ${tids}`),
    );
    const reversed = await this.q(`
      INSERT INTO ledger_entry (id, user_id, entry_date, source, source_ref, title, provider, training_type, route,
                                competency_type, jp, start_date, end_date, reverses_id, reason, nip, org_unit_id,
                                employment_type, rank, recorded_by, recorded_at)
      SELECT ${uid('lr', 'o.id::text')}, o.user_id, o.entry_date, o.source, o.source_ref, o.title, o.provider, o.training_type,
             o.route, o.competency_type, -o.jp, o.start_date, o.end_date, o.id,
             CASE o.source WHEN 'course' THEN 'Penyelesaian dibatalkan: terdeteksi akun ganda'
                           ELSE 'Sertifikat ganda: pelatihan yang sama sudah tercatat' END,
             o.nip, o.org_unit_id, o.employment_type, o.rank, o.recorded_by, least(${this.end}, o.recorded_at + interval '20 days')
        FROM ledger_entry o
       WHERE ${urnd('o.id', 101)} < CASE o.source WHEN 'course' THEN 0.003 ELSE 0.01 END`);
    this.log(`  ${fmt(reversed)} reversing entries`);
  }

  // ---- admins ----------------------------------------------------------------------------

  /** admin@large.siantar.test (whole province) and admin-<opd>@large.siantar.test for five OPDs. */
  private async admins(): Promise<void> {
    const hash = await hashPassword(LARGE_PASSWORD);
    const root = this.units[0];
    const bkd = unitByCode(this.units, 'BKD');
    const scoped = ['DISDIK', 'DINKES', 'BAPENDA', 'DISHUT', 'DISKOMINFO'].map((code) =>
      unitByCode(this.units, code),
    );
    const list = [
      { email: 'admin@large.siantar.test', name: 'Admin Provinsi', unit: bkd, scope: root },
      ...scoped.map((u) => ({
        email: `admin-${u.code.toLowerCase()}@large.siantar.test`,
        name: `Admin ${u.name}`,
        unit: u,
        scope: u,
      })),
    ];
    const { cols, from } = this.personSql('g', true);
    for (const [i, a] of list.entries()) {
      const g = this.people + 1 + i; // beyond the bulk people: NIP still unique by construction
      await this.q(
        `INSERT INTO app_user (id, nip, name, email, position, rank, employment_type, org_unit_id, roles, admin_scope_id,
                               password_hash, password_changed_at)
         SELECT ${uid('u', 'g')}, x.nip, $1, $2, 'Pranata Komputer Ahli Muda', 'III/c', 'PNS', $3, ARRAY['learner', 'admin'],
                $4, $5, now()
           FROM (SELECT ${g} AS g) gg CROSS JOIN LATERAL (SELECT ${cols} FROM (SELECT 1) one ${from}) x`,
        [a.name, a.email, a.unit.id, a.scope.id, hash],
      );
    }
    this.log(`  ${list.map((a) => a.email).join(', ')} (password ${LARGE_PASSWORD})`);
  }

  // ---- checks and counts -----------------------------------------------------------------

  private async checkNips(): Promise<void> {
    const { rows } = await this.db.query(
      `SELECT nip FROM app_user WHERE employment_type = 'PNS' ORDER BY id LIMIT 5000`,
    );
    const bad = rows.map((r) => r.nip as string).filter((nip) => !checkPnsNip(nip).ok);
    if (bad.length)
      throw new Error(
        `invalid PNS NIPs, e.g. ${bad.slice(0, 5).join(', ')}: ${JSON.stringify(checkPnsNip(bad[0]))}`,
      );
    this.log(`NIPs: ${rows.length} PNS numbers sampled, all valid (checkPnsNip)`);
  }

  private async printCounts(): Promise<void> {
    const { rows } = await this.db.query(`SELECT
      (SELECT count(*) FROM org_unit) AS org_units,
      (SELECT count(*) FROM app_user) AS people,
      (SELECT count(*) FROM app_user WHERE employment_type = 'PNS') AS pns,
      (SELECT count(*) FROM app_user WHERE employment_type = 'PPPK') AS pppk,
      (SELECT count(*) FROM course) AS courses,
      (SELECT count(*) FROM lesson) AS lessons,
      (SELECT count(*) FROM enrolment) AS enrolments,
      (SELECT count(*) FROM enrolment WHERE status = 'completed') AS completed,
      (SELECT count(*) FROM enrolment WHERE passed_at IS NOT NULL) AS passed,
      (SELECT count(*) FROM enrolment WHERE status = 'withdrawn') AS withdrawn,
      (SELECT count(*) FROM enrolment WHERE status = 'active' AND due_at < now()) AS overdue,
      (SELECT count(*) FROM lesson_progress) AS lesson_progress,
      (SELECT count(*) FROM progress_event) AS progress_events,
      (SELECT count(*) FROM external_training_claim) AS external_claims,
      (SELECT count(*) FROM ledger_entry) AS ledger_entries,
      (SELECT count(*) FROM ledger_entry WHERE reverses_id IS NOT NULL) AS reversals,
      (SELECT count(*) FROM ledger_entry WHERE year = 2025) AS ledger_2025,
      (SELECT count(*) FROM ledger_entry WHERE year = 2026) AS ledger_2026,
      (SELECT pg_size_pretty(pg_database_size(current_database()))) AS size`);
    for (const [k, v] of Object.entries(rows[0]))
      this.log(
        `  ${k.padEnd(16)} ${typeof v === 'string' && /^\d+$/.test(v) ? fmt(Number(v)) : v}`,
      );
  }
}
