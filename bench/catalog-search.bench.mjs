// GET /api/v1/catalog?q=layanan&limit=20 (catalogue search) through the whole api versus a bare
// Fastify baseline running the very CATALOG_SQL the api runs (read from its source at start).
import { join } from 'node:path';
import { compareGet } from './lib/ab.mjs';
import { serverEnv } from './lib/env.mjs';
import { ensureLearners, prepareDatabase } from './lib/setup.mjs';

/** Cover URLs carry an expiry in seconds and its signature: equal in substance, not in bytes. */
const withoutSignatures = (/** @type {any} */ page) => ({
  ...page,
  items: page.items.map((/** @type {any} */ i) => ({
    ...i,
    coverUrl: i.coverUrl && i.coverUrl.replace(/\?.*$/, ''),
  })),
});

/** @type {import('../tools/scripts/bench.mjs').Benchmark} */
export default {
  name: 'catalog-search',
  title: 'GET /api/v1/catalog?q=layanan: full api stack vs bare Fastify + the same CATALOG_SQL',
  async run(ctx) {
    const env = serverEnv();
    await prepareDatabase(ctx.root, env, ctx.log);
    const { learners } = await ensureLearners(
      /** @type {string} */ (env.DATABASE_URL),
      /** @type {string} */ (env.JWT_SECRET),
    );
    return compareGet({
      ctx,
      env,
      scripts: {
        api: join(ctx.root, 'dist/apps/api/main.js'),
        baseline: join(ctx.root, 'bench/baselines/catalog-fastify.mjs'),
      },
      path: '/api/v1/catalog?q=layanan&limit=20',
      token: learners[0].token,
      normalize: withoutSignatures,
      describe: (page) =>
        `${page.total} course(s): ${page.items.map((/** @type {any} */ i) => i.code).join(', ')}`,
      notes: [
        'Caller: bench learner 1 (enrolled in PPBD-01, so myEnrolmentId is set for it). ' +
          'Per request both sides run the principal query and CATALOG_SQL (full-text + ILIKE, window count).',
      ],
    });
  },
};
