// What every baseline server shares: the pg Pool, bearer-token authentication as the api's
// AccessGuard does it, and starting/stopping Fastify. Not a server by itself.
import { createSecretKey } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import jwt from 'jsonwebtoken';
import pg from 'pg';
import { PRINCIPAL_LOADER, assertInSource } from '../lib/source-sql.mjs';

export const root = fileURLToPath(new URL('../..', import.meta.url));

export const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE || 10),
  application_name: 'siantar-bench-baseline',
});

// A KeyObject built once, as the api's JwtModule does (a string secret is re-parsed per call).
const key = createSecretKey(Buffer.from(/** @type {string} */ (process.env.JWT_SECRET), 'utf8'));

/** The principal query of UserPrincipalLoader (checked against its source at start). */
const PRINCIPAL_SQL = `SELECT u.id, u.roles, u.org_unit_id, u.active, u.language,
              CASE WHEN 'admin' = ANY(u.roles) THEN coalesce(s.path, o.path) END AS scope_path
         FROM app_user u
         JOIN org_unit o ON o.id = u.org_unit_id
         LEFT JOIN org_unit s ON s.id = u.admin_scope_id
        WHERE u.id = $1`;
assertInSource(root, PRINCIPAL_LOADER, { PRINCIPAL_SQL });

/** @typedef {{ id: string, roles: string[], orgUnitId: string, adminScopePath: string | null, language: string }} Principal */

/**
 * Verifies the HS256 bearer token (typ 'access') and loads the caller fresh, like AccessGuard:
 * one query per request, so that a deactivation takes effect at once.
 * @returns {Promise<Principal | null>} null = answer 401
 */
export async function authenticate(/** @type {import('fastify').FastifyRequest} */ req) {
  const [scheme, token] = (req.headers.authorization ?? '').split(' ');
  if (scheme !== 'Bearer' || !token) return null;
  /** @type {any} */
  let claims;
  try {
    claims = jwt.verify(token, key, { algorithms: ['HS256'] });
  } catch {
    return null;
  }
  if (claims.typ !== 'access') return null;
  const { rows } = await pool.query(PRINCIPAL_SQL, [claims.sub]);
  const r = rows[0];
  if (!r || !r.active) return null;
  return {
    id: r.id,
    roles: r.roles,
    orgUnitId: r.org_unit_id,
    adminScopePath: r.scope_path,
    language: r.language,
  };
}

export const problem = (
  /** @type {import('fastify').FastifyReply} */ reply,
  /** @type {number} */ status,
  /** @type {string} */ detail,
) => reply.code(status).type('application/problem+json').send({ status, detail });

/** A Fastify app with the readiness route; call listen() once the routes are added. */
export function app() {
  const f = Fastify({ logger: false });
  f.get('/api/health/ready', async () => {
    await pool.query('SELECT 1');
    return { status: 'ok' };
  });
  const close = () =>
    f
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0));
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
  return f;
}

export const listen = (/** @type {import('fastify').FastifyInstance} */ f) =>
  f.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
