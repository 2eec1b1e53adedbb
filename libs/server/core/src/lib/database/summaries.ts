/**
 * The summary tables reports read, each with its recomputation from the raw rows
 * (enrolments, ledger entries, people). Triggers keep the tables current (migration
 * 1764600000000); this file is what they must always equal. It rebuilds them (the
 * migration, the large-dataset generator) and compares them (the consistency tests).
 */

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export interface SummaryDefinition {
  table: string;
  /** The key columns, then the counters. */
  keys: string[];
  counters: string[];
  /** SELECT of keys and counters, in that order, from the raw rows. */
  recompute: string;
}

const ENROLMENT_EVENTS = `enrolment e CROSS JOIN LATERAL (VALUES
    ('enrolled', e.enrolled_at), ('started', e.started_at), ('completed', e.completed_at),
    ('passed', e.passed_at), ('withdrawn', e.withdrawn_at)) AS ev(kind, at)`;
const EVENT_COUNTS = `count(*) FILTER (WHERE ev.kind = 'enrolled')::int,
    count(*) FILTER (WHERE ev.kind = 'started')::int, count(*) FILTER (WHERE ev.kind = 'completed')::int,
    count(*) FILTER (WHERE ev.kind = 'passed')::int, count(*) FILTER (WHERE ev.kind = 'withdrawn')::int`;
const ENROLMENT_COUNTERS = ['enrolled', 'started', 'completed', 'passed', 'withdrawn'];
const YEAR = `extract(year FROM wib_date(ev.at))::smallint`;
const MONTH = `extract(month FROM wib_date(ev.at))::smallint`;

/** Per person and year from the ledger: the base of the per-person JP summaries. */
const PERSON_YEAR = `SELECT user_id, year, sum(jp) AS jp FROM ledger_entry GROUP BY user_id, year`;
const ACTIVE_ASN = `u.active AND u.employment_type IN ('PNS', 'PPPK')`;

export const SUMMARIES: SummaryDefinition[] = [
  {
    table: 'stat_enrolment_org',
    keys: ['year', 'month', 'org_unit_id', 'employment_type', 'competency_type'],
    counters: ENROLMENT_COUNTERS,
    recompute: `SELECT ${YEAR}, ${MONTH}, e.org_unit_id, e.employment_type, e.competency_type, ${EVENT_COUNTS}
      FROM ${ENROLMENT_EVENTS} WHERE ev.at IS NOT NULL GROUP BY 1, 2, 3, 4, 5`,
  },
  {
    table: 'stat_enrolment_course',
    keys: ['course_id', 'year', 'month', 'org_unit_id', 'employment_type', 'competency_type'],
    counters: ENROLMENT_COUNTERS,
    recompute: `SELECT e.course_id, ${YEAR}, ${MONTH}, e.org_unit_id, e.employment_type, e.competency_type, ${EVENT_COUNTS}
      FROM ${ENROLMENT_EVENTS} WHERE ev.at IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6`,
  },
  {
    table: 'stat_course_year',
    keys: ['course_id', 'year', 'employment_type', 'competency_type'],
    counters: ENROLMENT_COUNTERS,
    recompute: `SELECT e.course_id, ${YEAR}, e.employment_type, e.competency_type, ${EVENT_COUNTS}
      FROM ${ENROLMENT_EVENTS} WHERE ev.at IS NOT NULL GROUP BY 1, 2, 3, 4`,
  },
  {
    table: 'stat_open_due',
    keys: ['due_date', 'org_unit_id', 'course_id', 'employment_type', 'competency_type'],
    counters: ['open'],
    recompute: `SELECT wib_date(due_at), org_unit_id, course_id, employment_type, competency_type, count(*)::int
      FROM enrolment WHERE status = 'active' AND due_at IS NOT NULL GROUP BY 1, 2, 3, 4, 5`,
  },
  {
    table: 'ledger_year_total',
    keys: ['user_id', 'year'],
    counters: [
      'jp',
      'jp_teknis',
      'jp_manajerial',
      'jp_sosial_kultural',
      'jp_klasikal',
      'jp_nonklasikal',
      'entries',
    ],
    recompute: `SELECT user_id, year, sum(jp),
        coalesce(sum(jp) FILTER (WHERE competency_type = 'teknis'), 0),
        coalesce(sum(jp) FILTER (WHERE competency_type = 'manajerial'), 0),
        coalesce(sum(jp) FILTER (WHERE competency_type = 'sosial-kultural'), 0),
        coalesce(sum(jp) FILTER (WHERE route = 'klasikal'), 0),
        coalesce(sum(jp) FILTER (WHERE route = 'nonklasikal'), 0), count(*)::int
      FROM ledger_entry GROUP BY 1, 2`,
  },
  {
    table: 'stat_jp_month',
    keys: ['year', 'month', 'org_unit_id', 'employment_type', 'competency_type'],
    counters: ['jp', 'entries'],
    recompute: `SELECT year, extract(month FROM entry_date)::smallint, org_unit_id, employment_type,
        competency_type, sum(jp), count(*)::int
      FROM ledger_entry GROUP BY 1, 2, 3, 4, 5`,
  },
  {
    table: 'stat_jp_rank',
    keys: ['year', 'org_unit_id', 'employment_type', 'rank', 'competency_type'],
    counters: ['jp', 'entries'],
    recompute: `SELECT year, org_unit_id, employment_type, coalesce(rank, '-'), competency_type,
        sum(jp), count(*)::int
      FROM ledger_entry GROUP BY 1, 2, 3, 4, 5`,
  },
  {
    table: 'stat_staff',
    keys: ['org_unit_id', 'employment_type', 'rank'],
    counters: ['persons'],
    recompute: `SELECT u.org_unit_id, u.employment_type, coalesce(u.rank, '-'), count(*)::int
      FROM app_user u WHERE ${ACTIVE_ASN} GROUP BY 1, 2, 3`,
  },
  {
    table: 'stat_jp_person',
    keys: ['year', 'org_unit_id', 'employment_type', 'rank', 'jp_floor'],
    counters: ['persons'],
    recompute: `SELECT t.year, u.org_unit_id, u.employment_type, coalesce(u.rank, '-'),
        LEAST(GREATEST(floor(t.jp), 0), 40)::smallint, count(*)::int
      FROM (${PERSON_YEAR}) t JOIN app_user u ON u.id = t.user_id WHERE ${ACTIVE_ASN} GROUP BY 1, 2, 3, 4, 5`,
  },
];

function columns(s: SummaryDefinition): string {
  return [...s.keys, ...s.counters].join(', ');
}

/**
 * Empties and refills every summary from the raw rows, in one transaction
 * with the caller. The triggers that feed one summary from another are
 * switched off meanwhile so nothing is counted twice.
 */
export async function rebuildSummaries(db: Queryable): Promise<void> {
  await db.query(`ALTER TABLE ledger_year_total DISABLE TRIGGER ledger_year_total_stats`);
  try {
    for (const s of SUMMARIES) {
      await db.query(`DELETE FROM ${s.table}`);
      await db.query(`INSERT INTO ${s.table} (${columns(s)}) ${s.recompute}`);
    }
  } finally {
    await db.query(`ALTER TABLE ledger_year_total ENABLE TRIGGER ledger_year_total_stats`);
  }
}

export interface SummaryMismatch {
  table: string;
  /** Rows the table holds that the recomputation does not, and the reverse. */
  onlyInTable: Record<string, unknown>[];
  onlyInRecompute: Record<string, unknown>[];
}

/**
 * Compares every summary with its recomputation; [] when all agree. Rows whose
 * counters are all zero are what is left after decrements and count as absent.
 */
export async function summaryMismatches(db: Queryable): Promise<SummaryMismatch[]> {
  const out: SummaryMismatch[] = [];
  for (const s of SUMMARIES) {
    const cols = columns(s);
    const stored = `SELECT ${cols} FROM ${s.table} WHERE NOT (${s.counters.map((c) => `${c} = 0`).join(' AND ')})`;
    const fresh = `SELECT * FROM (${s.recompute}) r`;
    const onlyInTable = (await db.query(
      `${stored} EXCEPT ${fresh} LIMIT 20`,
    )) as SummaryMismatch['onlyInTable'];
    const onlyInRecompute = (await db.query(
      `${fresh} EXCEPT ${stored} LIMIT 20`,
    )) as SummaryMismatch['onlyInRecompute'];
    if (onlyInTable.length || onlyInRecompute.length)
      out.push({ table: s.table, onlyInTable, onlyInRecompute });
  }
  return out;
}
