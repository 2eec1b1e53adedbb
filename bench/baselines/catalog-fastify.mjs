// Baseline for GET /api/v1/catalog (search) and GET /api/v1/catalog/:courseId (course page with
// outline): the least code that runs the same SQL as the api and answers the same JSON.
//
// It DOES, per request: verify the HS256 bearer token and load the principal with the api's own
// principal query (one round trip, as AccessGuard), then
//   search: run CATALOG_SQL read at start from catalogue.service.ts (never a copy), with the
//           parameters CatalogueService.search() passes, and map the rows as item() does
//           (cover URLs signed with the same key derivation as FilesService.signedUrl);
//   detail: the six statements of CatalogueService.detail(): the course+version row, the version
//           (TypeORM findOneByOrFail: all entity columns), its modules and its lessons (TypeORM
//           find: all entity columns, lesson content included, ordered by position), the authors,
//           the prerequisites. The raw statements are copied and checked against the api source at
//           start; the three TypeORM ones are written out by hand (same columns, same filter/order).
// It does NOT: compute `enrolBlockedReason` for a learner who is not enrolled (the api then runs
// EnrolmentRules.selfEnrolBlocker, several more queries); the benchmark uses an enrolled learner,
// for whom the api skips that check as well, so both do the same work. It returns null there.
// Nor helmet, CORS, request ids, pino-http, Nest's router/guards/pipes/filters, class-validator
// (query parameters are parsed by hand, loosely), TypeORM's query building and hydration, ETags.
// It does not look up an `orgUnitId` filter's path more cleverly than the api: same extra query.
import { createHmac } from 'node:crypto';
import { CATALOGUE_SERVICE, assertInSource, catalogSql } from '../lib/source-sql.mjs';
import { app, authenticate, listen, pool, problem, root } from './common.mjs';

const CATALOG_SQL = catalogSql(root);

// Copied from CatalogueService.detail(); assertInSource() refuses to start once they differ.
const DETAIL_SQL = `SELECT c.id AS course_id, c.code, v.id AS version_id, v.number, v.title, v.summary, v.cover_file_id, v.competency_type,
                v.delivery_mode, v.jp, v.completion_deadline, v.enrol_closes_at, v.enrol_opens_at, v.language, o.name AS owner,
                (SELECT array_agg(u.name ORDER BY a.added_at) FROM course_author a JOIN app_user u ON u.id = a.user_id WHERE a.course_id = c.id) AS trainers,
                (SELECT e.id FROM enrolment e WHERE e.course_id = c.id AND e.user_id = $2 AND e.status <> 'withdrawn') AS my_enrolment_id
           FROM course c JOIN course_version v ON v.id = c.current_version_id JOIN org_unit o ON o.id = c.owner_org_unit_id
          WHERE c.id = $1 AND c.archived_at IS NULL`;
const AUTHORS_SQL = `SELECT u.id, u.name, u.nip FROM course_author a JOIN app_user u ON u.id = a.user_id WHERE a.course_id = $1 ORDER BY a.added_at`;
const PREREQUISITES_SQL = `SELECT c.id AS "courseId", c.code, coalesce(v.title, c.code) AS title,
              EXISTS (SELECT 1 FROM enrolment e WHERE e.course_id = c.id AND e.user_id = $2 AND e.status = 'completed') AS completed
         FROM course c LEFT JOIN course_version v ON v.id = c.current_version_id WHERE c.id = ANY($1)`;
assertInSource(root, CATALOGUE_SERVICE, { DETAIL_SQL, AUTHORS_SQL, PREREQUISITES_SQL });

// What TypeORM selects for findOneByOrFail(CourseVersion) and find(CourseModule / Lesson).
const VERSION_SQL = `SELECT id, course_id, number, status, title, summary, cover_file_id, competency_type, delivery_mode, jp,
       target_org_unit_ids, target_positions, target_ranks, prerequisite_course_ids, enrol_opens_at, enrol_closes_at,
       completion_deadline, language, self_enrol, sequential, changelog, published_at, created_at, updated_at
  FROM course_version WHERE id = $1 LIMIT 1`;
const MODULES_SQL = `SELECT id, version_id, position, title FROM course_module WHERE version_id = $1 ORDER BY position ASC`;
const LESSONS_SQL = `SELECT id, version_id, module_id, key, position, type, title, duration_minutes, content
  FROM lesson WHERE version_id = $1 ORDER BY position ASC`;

// FilesService.signedUrl(): key derived from JWT_SECRET for 'file-url', FILE_URL_TTL_SECONDS.
const urlKey = createHmac('sha256', /** @type {string} */ (process.env.JWT_SECRET))
  .update('siantar-belajar:file-url')
  .digest();
const urlTtl = Number(process.env.FILE_URL_TTL_SECONDS || 4 * 3600);
function signedUrl(/** @type {string} */ fileId) {
  const exp = Math.floor(Date.now() / 1000) + urlTtl;
  const sig = createHmac('sha256', urlKey)
    .update(`${fileId}:${exp}:0`)
    .digest()
    .toString('base64url');
  return `/api/v1/files/${fileId}/content?exp=${exp}&sig=${sig}`;
}

/** Same shape as CatalogueService.item(). */
function item(/** @type {Record<string, any>} */ r) {
  return {
    courseId: r.course_id,
    code: r.code,
    title: r.title,
    summary: r.summary,
    coverUrl: r.cover_file_id ? signedUrl(r.cover_file_id) : null,
    competencyType: r.competency_type,
    deliveryMode: r.delivery_mode,
    jp: Number(r.jp),
    completionDeadline: r.completion_deadline?.toISOString() ?? null,
    enrolClosesAt: r.enrol_closes_at?.toISOString() ?? null,
    trainers: r.trainers ?? [],
    myEnrolmentId: r.my_enrolment_id,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Loose parsing of CatalogQuery: enough to run the same statement with the same parameters. */
function parseQuery(/** @type {Record<string, string | undefined>} */ q) {
  const int = (/** @type {string | undefined} */ v, /** @type {number} */ d) =>
    v === undefined ? d : Number.parseInt(v, 10);
  const num = (/** @type {string | undefined} */ v) => (v === undefined ? null : Number(v));
  const limit = int(q.limit, 20);
  const offset = int(q.offset, 0);
  if (!(limit >= 1 && limit <= 100) || !(offset >= 0)) return null;
  const text = q.q?.trim() || null;
  return {
    q: text,
    competencyType: q.competencyType ?? null,
    deliveryMode: q.deliveryMode ?? null,
    orgUnitId: q.orgUnitId ?? null,
    jpMin: num(q.jpMin),
    jpMax: num(q.jpMax),
    sort: q.sort ?? (text ? 'relevance' : 'newest'),
    limit,
    offset,
  };
}

const f = app();

f.get('/api/v1/catalog', async (req, reply) => {
  const p = await authenticate(req);
  if (!p) return problem(reply, 401, 'Token akses tidak valid.');
  const query = parseQuery(/** @type {Record<string, string>} */ (req.query));
  if (!query) return problem(reply, 400, 'Parameter tidak valid.');
  let unitPath = null;
  if (query.orgUnitId) {
    const { rows } = await pool.query(`SELECT path FROM org_unit WHERE id = $1`, [query.orgUnitId]);
    unitPath = rows[0]?.path ?? '/none/';
  }
  const { rows } = await pool.query(CATALOG_SQL, [
    p.id,
    query.q,
    query.competencyType,
    query.deliveryMode,
    unitPath,
    query.jpMin,
    query.jpMax,
    query.sort,
    query.limit,
    query.offset,
  ]);
  return {
    items: rows.map(item),
    total: Number(rows[0]?.total ?? 0),
    limit: query.limit,
    offset: query.offset,
  };
});

f.get('/api/v1/catalog/:courseId', async (req, reply) => {
  const p = await authenticate(req);
  if (!p) return problem(reply, 401, 'Token akses tidak valid.');
  const { courseId } = /** @type {{ courseId: string }} */ (req.params);
  if (!UUID.test(courseId)) return problem(reply, 400, 'id harus UUID.');
  const { rows } = await pool.query(DETAIL_SQL, [courseId, p.id]);
  const r = rows[0];
  if (!r) return problem(reply, 404, 'Kursus tidak ditemukan.');
  const version = (await pool.query(VERSION_SQL, [r.version_id])).rows[0];
  if (!version) return problem(reply, 404, 'Kursus tidak ditemukan.');
  const modules = (await pool.query(MODULES_SQL, [r.version_id])).rows;
  const lessons = (await pool.query(LESSONS_SQL, [r.version_id])).rows;
  const authors = (await pool.query(AUTHORS_SQL, [courseId])).rows;
  const prerequisites = (
    await pool.query(PREREQUISITES_SQL, [version.prerequisite_course_ids, p.id])
  ).rows;
  return {
    ...item(r),
    versionNumber: r.number,
    language: r.language,
    ownerOrgUnitName: r.owner,
    authors,
    prerequisites,
    outline: modules.map((m) => ({
      id: m.id,
      title: m.title,
      lessons: lessons
        .filter((l) => l.module_id === m.id)
        .map((l) => ({
          id: l.id,
          title: l.title,
          type: l.type,
          durationMinutes: l.duration_minutes,
        })),
    })),
    enrolOpensAt: r.enrol_opens_at?.toISOString() ?? null,
    // Not computed (see the header): null is the api's answer for an enrolled learner.
    enrolBlockedReason: null,
  };
});

await listen(f);
