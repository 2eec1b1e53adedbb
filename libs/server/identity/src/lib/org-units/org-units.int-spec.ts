import {
  createOrgUnit,
  createTestApp,
  createTestContext,
  createUser,
  type TestApp,
  type TestContext,
  type TestUnit,
} from '@siantar/server-testing';
import request from 'supertest';
import { IdentityModule } from '../identity.module';

describe('org units as a tree (real PostgreSQL)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let city: TestUnit;
  let cityAdmin: string;
  let opdAdmin: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    t = await createTestApp(ctx.config, [IdentityModule]);
    city = await createOrgUnit(t.db, { code: 'PEMKO', name: 'Pemerintah Kota' });
    const bkpsdm = await createOrgUnit(t.db, { code: 'BKPSDM', parent: city });
    cityAdmin = await t.tokenFor(
      (await createUser(t.db, { unit: bkpsdm, roles: ['admin'], adminScope: city })).id,
    );
    opdAdmin = await t.tokenFor((await createUser(t.db, { unit: bkpsdm, roles: ['admin'] })).id);
  });
  afterAll(async () => {
    await t.close();
    await ctx.cleanup();
  });

  const create = (token: string, body: object) =>
    request(t.http).post('/api/v1/org-units').set('Authorization', `Bearer ${token}`).send(body);

  it('creates OPD → bidang with paths, moves a subtree, refuses cycles and wrong kinds', async () => {
    const opd = (
      await create(cityAdmin, {
        code: 'DISKOMINFO',
        name: 'Diskominfo',
        kind: 'opd',
        parentId: city.id,
      }).expect(201)
    ).body as { id: string; path: string[] };
    expect(opd.path).toEqual(['Pemerintah Kota', 'Diskominfo']);
    const bidang = (
      await create(cityAdmin, {
        code: 'DISKOMINFO-TIK',
        name: 'Bidang TIK',
        kind: 'bidang',
        parentId: opd.id,
      }).expect(201)
    ).body as { id: string };
    await create(cityAdmin, { code: 'X-1', name: 'Salah', kind: 'opd', parentId: opd.id }).expect(
      400,
    );
    await create(cityAdmin, {
      code: 'DISKOMINFO',
      name: 'Lagi',
      kind: 'opd',
      parentId: city.id,
    }).expect(409);
    await create(cityAdmin, {
      code: 'huruf kecil',
      name: 'x',
      kind: 'opd',
      parentId: city.id,
    }).expect(400);
    const other = (
      await create(cityAdmin, {
        code: 'DISDIK',
        name: 'Disdik',
        kind: 'opd',
        parentId: city.id,
      }).expect(201)
    ).body as {
      id: string;
    };
    const moved = await request(t.http)
      .patch(`/api/v1/org-units/${bidang.id}`)
      .set('Authorization', `Bearer ${cityAdmin}`)
      .send({ parentId: other.id })
      .expect(200);
    expect((moved.body as { path: string[] }).path).toEqual([
      'Pemerintah Kota',
      'Disdik',
      'Bidang TIK',
    ]);
    await request(t.http)
      .patch(`/api/v1/org-units/${other.id}`)
      .set('Authorization', `Bearer ${cityAdmin}`)
      .send({ parentId: bidang.id })
      .expect(400);
  });

  it('lets only a city-wide admin create top-level units, and an OPD admin only inside its OPD', async () => {
    await create(opdAdmin, { code: 'MITRA-X', name: 'Mitra X', kind: 'mitra' }).expect(403);
    await create(cityAdmin, { code: 'MITRA-X', name: 'Mitra X', kind: 'mitra' }).expect(201);
    await create(opdAdmin, {
      code: 'DINSOS',
      name: 'Dinsos',
      kind: 'opd',
      parentId: city.id,
    }).expect(403);
  });

  it('lists every unit with its path for any signed-in user', async () => {
    const learner = await t.tokenFor((await createUser(t.db, { unit: city })).id);
    const res = await request(t.http)
      .get('/api/v1/org-units')
      .set('Authorization', `Bearer ${learner}`)
      .expect(200);
    const codes = (res.body as { code: string }[]).map((u) => u.code);
    expect(codes).toEqual(expect.arrayContaining(['PEMKO', 'BKPSDM']));
  });
});
