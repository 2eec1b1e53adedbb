// GET /api/v1/catalog/:courseId (the course page with its outline) for PPBD-01 through the whole
// api versus a bare Fastify baseline running the same six statements as CatalogueService.detail().
import { join } from 'node:path';
import { compareGet } from './lib/ab.mjs';
import { serverEnv } from './lib/env.mjs';
import { ensureLearners, prepareDatabase } from './lib/setup.mjs';

/** @type {import('../tools/scripts/bench.mjs').Benchmark} */
export default {
  name: 'catalog-outline',
  title:
    'GET /api/v1/catalog/:courseId (course page + outline): full api stack vs bare Fastify + the same SQL',
  async run(ctx) {
    const env = serverEnv();
    await prepareDatabase(ctx.root, env, ctx.log);
    const { learners, courseId } = await ensureLearners(
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
      path: `/api/v1/catalog/${courseId}`,
      token: learners[0].token,
      normalize: (d) => ({ ...d, coverUrl: d.coverUrl && d.coverUrl.replace(/\?.*$/, '') }),
      describe: (d) =>
        `${d.code}: ${d.outline.length} modules, ` +
        `${d.outline.reduce((n, /** @type {any} */ m) => n + m.lessons.length, 0)} lessons, ` +
        `${d.authors.length} authors, enrolled: ${d.myEnrolmentId !== null}`,
      notes: [
        'Course PPBD-01, caller bench learner 1, who is enrolled: the api then skips the self-enrolment ' +
          'check (EnrolmentRules.selfEnrolBlocker), which the baseline does not implement.',
      ],
    });
  },
};
