import {
  createTestApp,
  createTestContext,
  type TestApp,
  type TestContext,
} from '@siantar/server-testing';
import request from 'supertest';

describe('health endpoints', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.cleanup());

  it('is live and ready when PostgreSQL and Redis answer', async () => {
    const t = await createTestApp(ctx.config, []);
    try {
      await request(t.http).get('/api/health/live').expect(200, { status: 'ok' });
      const ready = await request(t.http).get('/api/health/ready').expect(200);
      expect(ready.body).toMatchObject({
        status: 'ok',
        info: { postgres: { status: 'up' }, redis: { status: 'up' } },
      });
    } finally {
      await t.close();
    }
  });

  it('is live but not ready when Redis is unreachable, and says which dependency is down', async () => {
    const t: TestApp = await createTestApp({ ...ctx.config, REDIS_URL: 'redis://127.0.0.1:1' }, []);
    try {
      await request(t.http).get('/api/health/live').expect(200);
      const res = await request(t.http).get('/api/health/ready').expect(503);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect((res.body as { detail: string }).detail).toMatch(/redis/);
    } finally {
      await t.close();
    }
  });

  it('answers unknown API paths with a problem+json 404 and the request id', async () => {
    const t = await createTestApp(ctx.config, []);
    try {
      const res = await request(t.http)
        .get('/api/v1/tidak-ada')
        .set('X-Request-Id', 'test-request-0001')
        .expect(404);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.headers['x-request-id']).toBe('test-request-0001');
      expect(res.body).toMatchObject({
        status: 404,
        code: 'not-found',
        requestId: 'test-request-0001',
      });
      const docs = await request(t.http).get('/api/docs/openapi.json').expect(200);
      expect((docs.body as { openapi: string }).openapi).toMatch(/^3\./);
    } finally {
      await t.close();
    }
  });
});
