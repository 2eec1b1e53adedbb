import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import type { Role } from '@siantar/contracts';
import { listRoutes } from '@siantar/server-core';
import {
  createOrgUnit,
  createTestApp,
  createTestContext,
  createUser,
  type TestApp,
  type TestContext,
} from '@siantar/server-testing';
import request from 'supertest';
import { AppModule } from './app.module';
import { COMPLETION_ROUTES } from './authorization/completion.routes';
import { LEDGER_ROUTES } from './authorization/ledger.routes';
import { LIVE_ROUTES } from './authorization/live.routes';
import { NOTIFY_ROUTES } from './authorization/notify.routes';
import { SIMULATION_ROUTES } from './authorization/simulation.routes';
import { CERTIFICATES_ROUTES } from './authorization/certificates.routes';
import { EVALUATION_ROUTES } from './authorization/evaluation.routes';
import { REPORTING_ROUTES } from './authorization/reporting.routes';
import type { RouteRow } from './authorization/route-rule';

/**
 * Who may call what, for every route of the api. A route missing here fails
 * the completeness test, so a new route cannot ship without its row.
 */
const MATRIX: RouteRow[] = [
  ['GET /health/live', 'public'],
  ['GET /health/ready', 'public'],
  // City-wide admins only; OPD admins get 403 from the route (queue-dashboard.int-spec.ts).
  ['POST /admin/queue-dashboard', ['admin']],
  ['POST /auth/login', 'public'],
  ['POST /auth/refresh', 'public'],
  ['POST /auth/logout', 'public'],
  ['POST /auth/set-password', 'public'],
  ['POST /auth/password', 'authenticated'],
  ['GET /me', 'authenticated'],
  ['PATCH /me', 'authenticated'],
  ['GET /org-units', 'authenticated'],
  ['POST /org-units', ['admin']],
  ['PATCH /org-units/:id', ['admin']],
  ['GET /users', ['admin']],
  ['POST /users', ['admin']],
  ['GET /users/import/template', ['admin']],
  ['POST /users/import', ['admin']],
  ['GET /users/:id', ['admin']],
  ['PATCH /users/:id', ['admin']],
  ['POST /users/:id/deactivate', ['admin']],
  ['POST /users/:id/activate', ['admin']],
  ['GET /authoring/courses', ['trainer', 'partner', 'admin']],
  ['POST /authoring/courses', ['trainer', 'partner', 'admin']],
  ['GET /authoring/courses/:courseId', ['trainer', 'partner', 'admin']],
  ['PATCH /authoring/courses/:courseId/draft', ['trainer', 'partner', 'admin']],
  ['POST /authoring/courses/:courseId/draft', ['trainer', 'partner', 'admin']],
  ['POST /authoring/courses/:courseId/draft/modules', ['trainer', 'partner', 'admin']],
  ['PATCH /authoring/courses/:courseId/draft/modules/:moduleId', ['trainer', 'partner', 'admin']],
  ['DELETE /authoring/courses/:courseId/draft/modules/:moduleId', ['trainer', 'partner', 'admin']],
  [
    'POST /authoring/courses/:courseId/draft/modules/:moduleId/lessons',
    ['trainer', 'partner', 'admin'],
  ],
  ['PATCH /authoring/courses/:courseId/draft/lessons/:lessonId', ['trainer', 'partner', 'admin']],
  ['DELETE /authoring/courses/:courseId/draft/lessons/:lessonId', ['trainer', 'partner', 'admin']],
  ['PUT /authoring/courses/:courseId/draft/outline', ['trainer', 'partner', 'admin']],
  ['POST /authoring/courses/:courseId/draft/submit', ['trainer', 'partner', 'admin']],
  ['POST /authoring/courses/:courseId/authors', ['trainer', 'partner', 'admin']],
  ['GET /authoring/courses/:courseId/comments', ['trainer', 'partner', 'admin']],
  ['POST /authoring/courses/:courseId/comments', ['trainer', 'partner', 'admin']],
  ['POST /authoring/courses/:courseId/review/approve', ['admin']],
  ['POST /authoring/courses/:courseId/review/send-back', ['admin']],
  ['POST /authoring/courses/:courseId/archive', ['admin']],
  ['POST /files', ['trainer', 'partner', 'admin']],
  ['GET /files/:id/content', 'public'],
  ['POST /scorm-packages', ['trainer', 'partner', 'admin']],
  ['GET /scorm-packages/:id', ['trainer', 'partner', 'admin']],
  ['GET /scorm-content/:token/*path', 'public'],
  ['GET /catalog', 'authenticated'],
  ['GET /catalog/:courseId', 'authenticated'],
  ['POST /catalog/:courseId/enrol', 'authenticated'],
  ['GET /my/enrolments', 'authenticated'],
  ['POST /courses/:courseId/enrolments', ['admin']],
  ['GET /enrolment-requests/:id', ['admin']],
  ['GET /courses/:courseId/learners', ['trainer', 'partner', 'admin']],
  ['POST /enrolments/:id/withdraw', ['admin']],
  ['POST /enrolments/:id/migrate', ['admin']],
  ['GET /enrolments/:id', 'authenticated'],
  ['GET /enrolments/:id/lessons/:lessonId', 'authenticated'],
  ['POST /progress/events', 'authenticated'],
  ['GET /enrolments/:id/lessons/:lessonId/scorm', 'authenticated'],
  ['POST /enrolments/:id/lessons/:lessonId/scorm/commit', 'authenticated'],
  ['GET /question-banks', ['trainer', 'partner', 'admin']],
  ['POST /question-banks', ['trainer', 'partner', 'admin']],
  ['GET /question-banks/:bankId', ['trainer', 'partner', 'admin']],
  ['POST /question-banks/:bankId/categories', ['trainer', 'partner', 'admin']],
  ['GET /question-banks/:bankId/questions', ['trainer', 'partner', 'admin']],
  ['POST /question-banks/:bankId/questions', ['trainer', 'partner', 'admin']],
  ['GET /questions/:questionId', ['trainer', 'partner', 'admin']],
  ['PUT /questions/:questionId', ['trainer', 'partner', 'admin']],
  ['POST /question-import/preview', ['trainer', 'admin']],
  ['POST /question-banks/:bankId/import', ['trainer', 'partner', 'admin']],
  ['GET /question-banks/:bankId/export.gift', ['trainer', 'partner', 'admin']],
  ['GET /quizzes', ['trainer', 'partner', 'admin']],
  ['POST /quizzes', ['trainer', 'partner', 'admin']],
  ['GET /quizzes/:quizId', ['trainer', 'partner', 'admin']],
  ['PUT /quizzes/:quizId', ['trainer', 'partner', 'admin']],
  ['GET /quizzes/:quizId/me', 'authenticated'],
  ['POST /quizzes/:quizId/attempts', 'authenticated'],
  ['POST /quizzes/:quizId/regrade', ['trainer', 'partner', 'admin']],
  ['GET /quizzes/:quizId/report', ['trainer', 'partner', 'admin']],
  ['GET /quizzes/:quizId/report.csv', ['trainer', 'partner', 'admin']],
  ['GET /attempts/:attemptId', 'authenticated'],
  ['PUT /attempts/:attemptId/answers/:slot', 'authenticated'],
  ['POST /attempts/:attemptId/submit', 'authenticated'],
  ['GET /grading-queue', ['trainer', 'partner', 'admin']],
  ['GET /attempts/:attemptId/slots/:slot/grading', ['trainer', 'partner', 'admin']],
  ['PUT /attempts/:attemptId/slots/:slot/grade', ['trainer', 'partner', 'admin']],
  ...COMPLETION_ROUTES,
  ...LEDGER_ROUTES,
  ...REPORTING_ROUTES,
  ...LIVE_ROUTES,
  ...NOTIFY_ROUTES,
  ...SIMULATION_ROUTES,
  ...CERTIFICATES_ROUTES,
  ...EVALUATION_ROUTES,
];

const ROLES: Role[] = ['learner', 'trainer', 'supervisor', 'partner', 'admin'];
const SOME_ID = '00000000-0000-4000-8000-000000000000';

describe('authorization of every route, per role (real PostgreSQL + Redis)', () => {
  let ctx: TestContext;
  let t: TestApp;
  const tokens = new Map<Role, string>();

  beforeAll(async () => {
    ctx = await createTestContext();
    t = await createTestApp(ctx.config, [AppModule.forRoot(ctx.config)], { withCore: false });
    const city = await createOrgUnit(t.db, { code: 'PEMKO' });
    const partnerUnit = await createOrgUnit(t.db, { code: 'MITRA', kind: 'mitra' });
    for (const role of ROLES) {
      const u = await createUser(t.db, {
        unit: role === 'partner' ? partnerUnit : city,
        roles: [role],
        employmentType: role === 'partner' ? 'NON_ASN' : 'PNS',
      });
      tokens.set(role, await t.tokenFor(u.id));
    }
  });
  afterAll(async () => {
    await t.close();
    await ctx.cleanup();
  });

  it('has a row for every route the api serves, and every route declares a rule', () => {
    const routes = listRoutes(
      t.app.get(DiscoveryService),
      t.app.get(MetadataScanner),
      t.app.get(Reflector),
    );
    expect(routes.filter((r) => !r.rule)).toEqual([]);
    expect(routes.map((r) => r.route).sort()).toEqual(MATRIX.map(([r]) => r).sort());
  });

  /** The access guard answers with these codes; a domain's own 401/403 (e.g. no refresh cookie) is not a denial. */
  const deniedByGuard = (res: { status: number; body: unknown }) =>
    (res.status === 401 && (res.body as { code?: string }).code === 'unauthorized') ||
    (res.status === 403 && (res.body as { code?: string }).code === 'forbidden');

  const call = (route: string, token?: string) => {
    const [method, path] = route.split(' ');
    const prefix = path.startsWith('/health') ? '/api' : '/api/v1';
    const url = prefix + path.replace(/:\w+/g, SOME_ID);
    const req = request(t.http)[
      method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete'
    ](url);
    if (token) req.set('Authorization', `Bearer ${token}`);
    return req.send({});
  };

  describe.each(MATRIX)('%s', (route, rule) => {
    it('without a token', async () => {
      const res = await call(route);
      if (rule === 'public') expect(deniedByGuard(res)).toBe(false);
      else {
        expect(res.status).toBe(401);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
      }
    });

    it.each(ROLES)('as %s', async (role) => {
      const res = await call(route, tokens.get(role));
      const allowed = rule === 'public' || rule === 'authenticated' || rule.includes(role);
      if (allowed) expect(deniedByGuard(res)).toBe(false);
      else {
        expect(res.status).toBe(403);
        expect((res.body as { code: string }).code).toBe('forbidden');
      }
    });
  });
});
