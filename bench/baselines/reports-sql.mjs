// Baselines of reports.bench.mjs: GET /api/v1/reports/dashboard and /api/v1/reports/people
// answered by Fastify + pg with the least code, in one of two modes (REPORTS_SOURCE):
//   summary  "bare SQL": the same aggregate statements over the trigger-kept stat_* tables
//            (and ledger_year_total) as libs/server/reporting, assembled into the same JSON;
//   raw      "naive scan": the same figures computed per request from the raw rows
//            (enrolment, app_user, ledger_entry), as one would without summary tables; the
//            GROUP BYs are the recomputations of libs/server/core/src/lib/database/summaries.ts.
// Both answer byte-for-byte the api's JSON (tookMs aside; checked by the bench before each load),
// for the filters the bench uses: year and orgUnitId (employmentType, competencyType, courseId,
// q, only, sort are not implemented). Same principal query and pool size as the api.
import { app, authenticate, listen, pool, problem } from './common.mjs';

const RAW = process.env.REPORTS_SOURCE === 'raw';
if (!RAW && process.env.REPORTS_SOURCE !== 'summary')
  throw new Error('REPORTS_SOURCE must be summary or raw');

const COUNTERS = ['enrolled', 'started', 'completed', 'passed', 'withdrawn'];
const COMPETENCY_TYPES = ['teknis', 'manajerial', 'sosial-kultural'];
// libs/shared/contracts PNS_RANKS: the order of jpDistribution.byRank
const PNS_RANKS = [
  'I/a',
  'I/b',
  'I/c',
  'I/d',
  'II/a',
  'II/b',
  'II/c',
  'II/d',
  'III/a',
  'III/b',
  'III/c',
  'III/d',
  'IV/a',
  'IV/b',
  'IV/c',
  'IV/d',
  'IV/e',
];
const START_OF_TODAY_WIB = `(wib_date(now())::timestamp AT TIME ZONE 'Asia/Jakarta')`;
const num = (/** @type {unknown} */ v) => (v === null || v === undefined ? 0 : Number(v));
const round1 = (/** @type {number} */ n) => Math.round(n * 10) / 10;
const yearWib = () =>
  Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric' }).format(
      new Date(),
    ),
  );
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Child of the scope a row rolls up to ('' = the scope unit itself); $1 = the scope path. */
const CHILD = `split_part(substr(o.path, length($1) + 1), '/', 1)`;
const IN_SCOPE = (/** @type {string} */ col) =>
  `JOIN org_unit o ON o.id = ${col} AND o.path LIKE $1 || '%'`;

/** Per data set: [summary SQL, raw SQL]; $1 = scope path, $2 = year where used. */
const SQL = {
  enrolment: [
    `SELECT ${CHILD} AS child, s.month, ${COUNTERS.map((c) => `sum(s.${c})::int AS ${c}`).join(', ')}
       FROM stat_enrolment_org s ${IN_SCOPE('s.org_unit_id')} WHERE s.year = $2 GROUP BY 1, 2`,
    `SELECT ${CHILD} AS child, extract(month FROM wib_date(ev.at))::int AS month,
            ${COUNTERS.map((c) => `count(*) FILTER (WHERE ev.kind = '${c}')::int AS ${c}`).join(', ')}
       FROM enrolment e ${IN_SCOPE('e.org_unit_id')}
       CROSS JOIN LATERAL (VALUES ('enrolled', e.enrolled_at), ('started', e.started_at),
         ('completed', e.completed_at), ('passed', e.passed_at), ('withdrawn', e.withdrawn_at)) AS ev(kind, at)
      WHERE ev.at IS NOT NULL AND extract(year FROM wib_date(ev.at)) = $2 GROUP BY 1, 2`,
  ],
  overdue: [
    `SELECT ${CHILD} AS child, sum(s.open) AS open FROM stat_open_due s ${IN_SCOPE('s.org_unit_id')}
      WHERE s.due_date < wib_date(now()) GROUP BY 1`,
    `SELECT ${CHILD} AS child, count(*) AS open FROM enrolment e ${IN_SCOPE('e.org_unit_id')}
      WHERE e.status = 'active' AND e.due_at IS NOT NULL AND wib_date(e.due_at) < wib_date(now()) GROUP BY 1`,
  ],
  staff: [
    `SELECT ${CHILD} AS child, s.employment_type, s.rank, sum(s.persons) AS persons
       FROM stat_staff s ${IN_SCOPE('s.org_unit_id')} GROUP BY 1, 2, 3`,
    `SELECT ${CHILD} AS child, u.employment_type, coalesce(u.rank, '-') AS rank, count(*) AS persons
       FROM app_user u ${IN_SCOPE('u.org_unit_id')}
      WHERE u.active AND u.employment_type IN ('PNS', 'PPPK') GROUP BY 1, 2, 3`,
  ],
  persons: [
    `SELECT ${CHILD} AS child, s.employment_type, s.rank, s.jp_floor, sum(s.persons) AS persons
       FROM stat_jp_person s ${IN_SCOPE('s.org_unit_id')} WHERE s.year = $2 GROUP BY 1, 2, 3, 4`,
    `SELECT ${CHILD} AS child, u.employment_type, coalesce(u.rank, '-') AS rank,
            LEAST(GREATEST(floor(t.jp), 0), 40) AS jp_floor, count(*) AS persons
       FROM (SELECT user_id, sum(jp) AS jp FROM ledger_entry WHERE year = $2 GROUP BY user_id) t
       JOIN app_user u ON u.id = t.user_id ${IN_SCOPE('u.org_unit_id')}
      WHERE u.active AND u.employment_type IN ('PNS', 'PPPK') GROUP BY 1, 2, 3, 4`,
  ],
  jp: [
    `SELECT ${CHILD} AS child, s.month, s.employment_type, s.competency_type,
            sum(s.jp) AS jp, sum(s.entries) AS entries
       FROM stat_jp_month s ${IN_SCOPE('s.org_unit_id')} WHERE s.year = $2 GROUP BY 1, 2, 3, 4`,
    `SELECT ${CHILD} AS child, extract(month FROM l.entry_date)::int AS month,
            l.employment_type, l.competency_type, sum(l.jp) AS jp, count(*) AS entries
       FROM ledger_entry l ${IN_SCOPE('l.org_unit_id')} WHERE l.year = $2 GROUP BY 1, 2, 3, 4`,
  ],
  jpRank: [
    `SELECT '' AS child, s.rank, s.employment_type, s.competency_type,
            sum(s.jp) AS jp, sum(s.entries) AS entries
       FROM stat_jp_rank s ${IN_SCOPE('s.org_unit_id')} WHERE s.year = $2 GROUP BY 2, 3, 4`,
    `SELECT '' AS child, coalesce(l.rank, '-') AS rank, l.employment_type, l.competency_type,
            sum(l.jp) AS jp, count(*) AS entries
       FROM ledger_entry l ${IN_SCOPE('l.org_unit_id')} WHERE l.year = $2 GROUP BY 2, 3, 4`,
  ],
};

const SUMS = COUNTERS.map((c) => `sum(s.${c})::int AS ${c}`).join(', ');
const RAW_SUMS = COUNTERS.map((c) => `count(*) FILTER (WHERE ev.kind = '${c}')::int AS ${c}`).join(
  ', ',
);
const FUNNEL_OUTER = (/** @type {string} */ inner) => `SELECT f.course_id AS "courseId", c.code,
    coalesce(v.title, c.code) AS title, f.enrolled, f.started, f.completed, f.passed, f.withdrawn
  FROM (${inner}) f JOIN course c ON c.id = f.course_id LEFT JOIN course_version v ON v.id = c.current_version_id
  WHERE f.enrolled + f.started + f.completed + f.passed + f.withdrawn > 0
  ORDER BY f.enrolled DESC, c.code LIMIT 20`;
const EVENTS = `CROSS JOIN LATERAL (VALUES ('enrolled', e.enrolled_at), ('started', e.started_at),
    ('completed', e.completed_at), ('passed', e.passed_at), ('withdrawn', e.withdrawn_at)) AS ev(kind, at)`;
/** Top 20 course funnels: [root scope, subtree] × [summary, raw]; $1 = year, $2 = path (subtree). */
const FUNNELS = {
  root: [
    FUNNEL_OUTER(
      `SELECT s.course_id, ${SUMS} FROM stat_course_year s WHERE s.year = $1 GROUP BY s.course_id`,
    ),
    FUNNEL_OUTER(`SELECT e.course_id, ${RAW_SUMS} FROM enrolment e ${EVENTS}
      WHERE ev.at IS NOT NULL AND extract(year FROM wib_date(ev.at)) = $1 GROUP BY e.course_id`),
  ],
  subtree: [
    FUNNEL_OUTER(`SELECT s.course_id, ${SUMS} FROM stat_enrolment_course s
      JOIN org_unit o ON o.id = s.org_unit_id AND o.path LIKE $2 || '%' WHERE s.year = $1 GROUP BY s.course_id`),
    FUNNEL_OUTER(`SELECT e.course_id, ${RAW_SUMS} FROM enrolment e
      JOIN org_unit o ON o.id = e.org_unit_id AND o.path LIKE $2 || '%' ${EVENTS}
      WHERE ev.at IS NOT NULL AND extract(year FROM wib_date(ev.at)) = $1 GROUP BY e.course_id`),
  ],
};
const pick = (/** @type {string[]} */ pair) => pair[RAW ? 1 : 0];

/** The scope as resolveScope makes it: the named unit (inside the reach) or the reach. */
async function resolveScope(
  /** @type {import('./common.mjs').Principal} */ p,
  /** @type {string | undefined} */ orgUnitId,
) {
  const reach = p.adminScopePath;
  if (!reach) return null;
  const id = orgUnitId ?? reach.split('/').filter(Boolean).pop();
  const { rows } = await pool.query(
    `SELECT id, name, kind, path, parent_id AS "parentId" FROM org_unit WHERE id = $1`,
    [id],
  );
  const unit = rows[0];
  if (!unit || !unit.path.startsWith(reach)) return null;
  const depth = reach.split('/').filter(Boolean).length;
  const ids = unit.path
    .split('/')
    .filter(Boolean)
    .slice(depth - 1);
  const names = await pool.query(`SELECT id, name FROM org_unit WHERE id = ANY($1::uuid[])`, [ids]);
  const byId = new Map(names.rows.map((n) => [n.id, n.name]));
  return {
    unit,
    named: orgUnitId !== undefined,
    trail: ids.map((i) => ({ id: i, name: byId.get(i) ?? '' })),
  };
}

async function dashboard(/** @type {any} */ scope, /** @type {number} */ year) {
  const path = scope.unit.path;
  const q = (/** @type {string} */ sql, /** @type {unknown[]} */ params) =>
    pool.query(sql, params).then((r) => r.rows);
  const funnelSql = scope.unit.parentId === null ? pick(FUNNELS.root) : pick(FUNNELS.subtree);
  const [targetRows, children, enrolment, overdue, staff, persons, jp, jpRank, funnels] =
    await Promise.all([
      q(`SELECT employment_type, jp FROM jp_target`, []),
      q(
        `SELECT c.id, c.name, c.kind, EXISTS (SELECT 1 FROM org_unit g WHERE g.parent_id = c.id) AS "hasChildren"
         FROM org_unit c WHERE c.parent_id = $1 ORDER BY c.name, c.id`,
        [scope.unit.id],
      ),
      q(pick(SQL.enrolment), [path, year]),
      q(pick(SQL.overdue), [path]),
      q(pick(SQL.staff), [path]),
      q(pick(SQL.persons), [path, year]),
      q(pick(SQL.jp), [path, year]),
      q(pick(SQL.jpRank), [path, year]),
      q(funnelSql, scope.unit.parentId === null ? [year] : [year, path]),
    ]);
  /** @type {Record<string, number>} */
  const targets = { PNS: 20, PPPK: 24 };
  for (const r of targetRows) targets[r.employment_type] = r.jp;
  const fig = {
    targets,
    enrolment: enrolment.map((r) => ({
      child: String(r.child),
      month: num(r.month),
      ...counts(r),
    })),
    overdue: new Map(overdue.map((r) => [String(r.child), num(r.open)])),
    staff: staff.map((r) => ({
      child: String(r.child),
      employmentType: r.employment_type,
      rank: r.rank,
      persons: num(r.persons),
    })),
    persons: persons.map((r) => ({
      child: String(r.child),
      employmentType: r.employment_type,
      rank: r.rank,
      jpFloor: num(r.jp_floor),
      persons: num(r.persons),
    })),
    jp: jp.map((r) => ({
      child: String(r.child),
      month: num(r.month),
      employmentType: r.employment_type,
      competencyType: r.competency_type,
      jp: num(r.jp),
      entries: num(r.entries),
    })),
    jpRank: jpRank.map((r) => ({
      child: String(r.child),
      rank: r.rank,
      employmentType: r.employment_type,
      competencyType: r.competency_type,
      jp: num(r.jp),
      entries: num(r.entries),
    })),
  };
  const rows = unitRows(fig);
  const units = children.map((c) => ({
    orgUnitId: c.id,
    name: c.name,
    kind: c.kind,
    hasChildren: c.hasChildren,
    ...(rows.get(c.id) ?? emptyRow()),
  }));
  const own = rows.get('');
  if (own && hasFigures(own))
    units.push({
      orgUnitId: scope.unit.id,
      name: scope.unit.name,
      kind: scope.unit.kind,
      hasChildren: false,
      direct: true,
      ...own,
    });
  const byRank = jpCountsBy(fig, (r) => r.rank, fig.jpRank);
  const byType = jpCountsBy(fig, (r) =>
    r.employmentType === 'PNS' || r.employmentType === 'PPPK' ? r.employmentType : null,
  );
  return {
    filter: scope.named ? { year, orgUnitId: scope.unit.id } : { year },
    scope: {
      orgUnitId: scope.named ? scope.unit.id : null,
      name: scope.unit.name,
      path: scope.trail,
    },
    totals: rows.get(null),
    months: Array.from({ length: 12 }, (_, i) => {
      const month = i + 1;
      const c = zero();
      for (const r of fig.enrolment) if (r.month === month) for (const k of COUNTERS) c[k] += r[k];
      const sum = fig.jp.filter((j) => j.month === month).reduce((s, j) => s + j.jp, 0);
      return { month, jp: round1(sum), ...c };
    }),
    units,
    jpDistribution: {
      buckets: jpBuckets(fig),
      byRank: [...byRank.entries()]
        .sort(([a], [b]) => rankOrder(a, b))
        .map(([rank, c]) => ({ rank, ...c })),
      byEmploymentType: ['PNS', 'PPPK'].map((t) => ({
        employmentType: t,
        target: targets[t],
        ...(byType.get(t) ?? { staff: 0, belowTarget: 0, jp: 0 }),
      })),
      byCompetency: COMPETENCY_TYPES.map((c) => {
        const rs = fig.jp.filter((j) => j.competencyType === c);
        return {
          competencyType: c,
          jp: round1(rs.reduce((s, j) => s + j.jp, 0)),
          entries: rs.reduce((s, j) => s + j.entries, 0),
        };
      }),
    },
    funnels,
    filterNotes: [],
    tookMs: 0,
  };
}

const zero = () => Object.fromEntries(COUNTERS.map((c) => [c, 0]));
const counts = (/** @type {any} */ r) => Object.fromEntries(COUNTERS.map((c) => [c, num(r[c])]));
const emptyRow = () => ({
  ...zero(),
  staff: 0,
  belowTarget: 0,
  jp: 0,
  completionRate: null,
  overdue: 0,
});
const hasFigures = (/** @type {any} */ r) =>
  r.staff > 0 || r.jp !== 0 || r.overdue > 0 || COUNTERS.some((c) => r[c] > 0);

/** Staff, below target (staff − people whose whole JP reaches their target) and JP per key. */
function jpCountsBy(
  /** @type {any} */ fig,
  /** @type {(r: any) => string | null} */ key,
  /** @type {any[] | undefined} */ jpRows = undefined,
) {
  /** @type {Map<string, { staff: number, belowTarget: number, jp: number }>} */
  const out = new Map();
  const get = (/** @type {string} */ k) => {
    let c = out.get(k);
    if (!c) out.set(k, (c = { staff: 0, belowTarget: 0, jp: 0 }));
    return c;
  };
  for (const s of fig.staff) {
    const k = key(s);
    if (k === null) continue;
    const c = get(k);
    c.staff += s.persons;
    c.belowTarget += s.persons;
  }
  for (const p of fig.persons) {
    const k = key(p);
    const target =
      p.employmentType === 'PNS' || p.employmentType === 'PPPK'
        ? fig.targets[p.employmentType]
        : null;
    if (k === null || target === null || p.jpFloor < target) continue;
    get(k).belowTarget -= p.persons;
  }
  for (const j of jpRows ?? fig.jp) {
    const k = key(j);
    if (k !== null) get(k).jp += j.jp;
  }
  for (const c of out.values()) c.jp = round1(c.jp);
  return out;
}

const BUCKETS = [
  { label: '0–4', from: 0, to: 4 },
  { label: '5–9', from: 5, to: 9 },
  { label: '10–14', from: 10, to: 14 },
  { label: '15–19', from: 15, to: 19 },
  { label: '20–29', from: 20, to: 29 },
  { label: '30+', from: 30, to: null },
];
function jpBuckets(/** @type {any} */ fig) {
  const total = fig.staff.reduce(
    (/** @type {number} */ s, /** @type {any} */ r) => s + r.persons,
    0,
  );
  const withRows = fig.persons.reduce(
    (/** @type {number} */ s, /** @type {any} */ r) => s + r.persons,
    0,
  );
  return BUCKETS.map((b) => ({
    ...b,
    persons:
      fig.persons
        .filter(
          (/** @type {any} */ p) => p.jpFloor >= b.from && (b.to === null || p.jpFloor <= b.to),
        )
        .reduce((/** @type {number} */ s, /** @type {any} */ p) => s + p.persons, 0) +
      (b.from === 0 ? total - withRows : 0),
  }));
}

function rankOrder(/** @type {string} */ a, /** @type {string} */ b) {
  const w = (/** @type {string} */ r) => {
    const i = PNS_RANKS.indexOf(r);
    return i >= 0 ? i : r === '-' ? 1000 : 500;
  };
  return w(a) - w(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** A DashboardRow per child ('' = the scope unit) and for the whole scope (key null). */
function unitRows(/** @type {any} */ fig) {
  /** @type {Map<string | null, any>} */
  const rows = new Map();
  const get = (/** @type {string | null} */ k) => {
    let r = rows.get(k);
    if (!r) rows.set(k, (r = emptyRow()));
    return r;
  };
  get(null);
  for (const e of fig.enrolment)
    for (const k of [e.child, null]) for (const c of COUNTERS) get(k)[c] += e[c];
  for (const [child, n] of fig.overdue) for (const k of [child, null]) get(k).overdue += n;
  for (const [k, c] of jpCountsBy(fig, (r) => r.child)) Object.assign(get(k), c);
  for (const [, c] of jpCountsBy(fig, () => 'all')) Object.assign(get(null), c);
  for (const r of rows.values())
    r.completionRate = r.enrolled > 0 ? round1((r.completed / r.enrolled) * 100) : null;
  return rows;
}

// ---- people: the page of PeopleService.list (sorted by name) and its person rows -----------

/** The yearly JP of person u: ledger_year_total by primary key, or (raw) the sum of their entries. */
const JP_JOIN = (/** @type {string} */ year) =>
  RAW
    ? `LEFT JOIN LATERAL (SELECT sum(l.jp) AS jp FROM ledger_entry l
         WHERE l.user_id = u.id AND l.year = ${year}) t ON true`
    : `LEFT JOIN ledger_year_total t ON t.user_id = u.id AND t.year = ${year}`;
const PAGE_SQL = `SELECT u.id, count(*) OVER () AS total
    FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id AND o.path LIKE $1 || '%'
    ${JP_JOIN('$2')}
    LEFT JOIN jp_target jt ON jt.employment_type = u.employment_type
   WHERE u.active ORDER BY lower(u.name), u.id LIMIT $3 OFFSET $4`;
const PERSON_SQL = `SELECT u.id AS "userId", u.name, u.nip, u.rank, u.employment_type AS "employmentType",
      u.org_unit_id AS "orgUnitId", o.name AS "orgUnitName", coalesce(t.jp, 0) AS jp, jt.jp AS target,
      ec.active, ec.completed, ec.overdue
    FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id
    ${JP_JOIN('$2')}
    LEFT JOIN jp_target jt ON jt.employment_type = u.employment_type
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE e.status = 'active')::int AS active,
             count(*) FILTER (WHERE e.status = 'completed'
                                AND extract(year FROM wib_date(e.completed_at)) = $2)::int AS completed,
             count(*) FILTER (WHERE e.status = 'active' AND e.due_at < ${START_OF_TODAY_WIB})::int AS overdue
        FROM enrolment e WHERE e.user_id = u.id) ec
   WHERE u.id = ANY($1::uuid[])`;

async function people(
  /** @type {any} */ scope,
  /** @type {number} */ year,
  limit = 50,
  offset = 0,
) {
  const page = (await pool.query(PAGE_SQL, [scope.unit.path, year, limit, offset])).rows;
  const ids = page.map((r) => r.id);
  const rows = ids.length ? (await pool.query(PERSON_SQL, [ids, year])).rows : [];
  const byId = new Map(
    rows.map((r) => {
      const jp = num(r.jp);
      return [
        r.userId,
        {
          userId: r.userId,
          name: r.name,
          nip: r.nip,
          rank: r.rank,
          employmentType: r.employmentType,
          orgUnitId: r.orgUnitId,
          orgUnitName: r.orgUnitName,
          jp,
          target: r.target,
          behind: r.target !== null && jp < r.target,
          activeCourses: r.active,
          completedCourses: r.completed,
          overdueCourses: r.overdue,
        },
      ];
    }),
  );
  return {
    items: ids.flatMap((id) => byId.get(id) ?? []),
    total: num(page[0]?.total),
    limit,
    offset,
  };
}

const f = app();
/** Admin check, year and scope as the api reads them; null when the request was answered. */
async function prepare(/** @type {any} */ req, /** @type {any} */ reply) {
  const p = await authenticate(req);
  if (!p) return (problem(reply, 401, 'unauthorized'), null);
  if (!p.roles.includes('admin')) return (problem(reply, 403, 'forbidden'), null);
  const { year, orgUnitId } = req.query;
  if (orgUnitId !== undefined && !UUID.test(orgUnitId))
    return (problem(reply, 400, 'orgUnitId'), null);
  const scope = await resolveScope(p, orgUnitId);
  if (!scope) return (problem(reply, 404, 'org-unit-not-found'), null);
  return { scope, year: year === undefined ? yearWib() : Number(year) };
}
f.get('/api/v1/reports/dashboard', async (req, reply) => {
  const r = await prepare(req, reply);
  return r && dashboard(r.scope, r.year);
});
f.get('/api/v1/reports/people', async (req, reply) => {
  const r = await prepare(req, reply);
  return r && people(r.scope, r.year);
});
await listen(f);
