// Baseline for GET /api/v1/me: the least code that does the same essential work as the api.
//
// It DOES: parse the Bearer header, verify the HS256 JWT with the same secret (jsonwebtoken,
// the library under @nestjs/jwt), check `typ: 'access'`, read the caller from the same
// PostgreSQL database through a pg Pool of the same size (10), refuse inactive users, and
// return the very same JSON body as the api (the benchmark checks they are equal).
//
// It does NOT: run helmet (CSP and ~12 security headers), CORS, cookie parsing, request ids,
// pino-http logging (the api runs with LOG_LEVEL=warn, so no per-request lines, but the
// request logger still runs), Nest's router, guards, interceptors, exception filter,
// validation pipe, Express's ETag, or TypeORM (query building and entity hydration).
// And it reads the user, org unit, supervisor and admin scope with ONE query, where the api
// makes three round trips: the principal query of the access guard, then TypeORM's findOne
// with relations, which runs a DISTINCT id query followed by the joined query.
// The ratio therefore measures the whole cost of the framework stack, not of one layer.
import Fastify from 'fastify';
import jwt from 'jsonwebtoken';
import pg from 'pg';

const secret = /** @type {string} */ (process.env.JWT_SECRET);
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE || 10),
  application_name: 'siantar-bench-baseline',
});

const SQL = `
  SELECT u.id, u.nip, u.name, u.email, u.phone, u.position, u.rank, u.employment_type, u.roles,
         u.language, u.active, u.created_at,
         o.id AS o_id, o.code AS o_code, o.name AS o_name, o.kind AS o_kind,
         sup.id AS sup_id, sup.name AS sup_name, sup.nip AS sup_nip,
         s.id AS s_id, s.code AS s_code, s.name AS s_name, s.kind AS s_kind
    FROM app_user u
    JOIN org_unit o ON o.id = u.org_unit_id
    LEFT JOIN app_user sup ON sup.id = u.supervisor_id
    LEFT JOIN org_unit s ON s.id = u.admin_scope_id
   WHERE u.id = $1`;

/** Same shape as toUserResponse() in libs/server/identity. */
function toResponse(/** @type {Record<string, any>} */ r) {
  const orgUnit = { id: r.o_id, code: r.o_code, name: r.o_name, kind: r.o_kind };
  const scope = r.s_id ? { id: r.s_id, code: r.s_code, name: r.s_name, kind: r.s_kind } : orgUnit;
  return {
    id: r.id,
    nip: r.nip,
    name: r.name,
    email: r.email,
    phone: r.phone,
    position: r.position,
    rank: r.rank,
    employmentType: r.employment_type,
    orgUnit,
    roles: r.roles,
    supervisor: r.sup_id ? { id: r.sup_id, name: r.sup_name, nip: r.sup_nip } : null,
    adminScope: r.roles.includes('admin') ? scope : null,
    language: r.language,
    active: r.active,
    createdAt: r.created_at.toISOString(),
  };
}

const app = Fastify({ logger: false });

app.get('/api/v1/me', async (req, reply) => {
  const [scheme, token] = (req.headers.authorization ?? '').split(' ');
  /** @type {any} */
  let claims;
  try {
    if (scheme !== 'Bearer' || !token) throw new Error('no bearer token');
    claims = jwt.verify(token, secret, { algorithms: ['HS256'] });
  } catch {
    return reply.code(401).send({ title: 'unauthorized' });
  }
  if (claims.typ !== 'access') return reply.code(401).send({ title: 'unauthorized' });
  const { rows } = await pool.query(SQL, [claims.sub]);
  if (!rows[0] || !rows[0].active) return reply.code(401).send({ title: 'unauthorized' });
  return toResponse(rows[0]);
});

app.get('/api/health/ready', async () => {
  await pool.query('SELECT 1');
  return { status: 'ok' };
});

const close = () =>
  app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
process.once('SIGTERM', close);
process.once('SIGINT', close);

await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
