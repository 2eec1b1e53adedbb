import type { JpTargetView, LearningHoursResponse } from '@siantar/contracts';
import request from 'supertest';
import { auth, createLedgerWorld, type LedgerWorld } from '../testing/ledger-fixture';

describe('JP targets per employment type (real PostgreSQL + Redis)', () => {
  let w: LedgerWorld;
  beforeAll(async () => {
    w = await createLedgerWorld();
  });
  afterAll(() => w.close());

  const target = async (token: string) =>
    (
      (await request(w.t.http).get('/api/v1/me/learning-hours').set(auth(token)).expect(200))
        .body as LearningHoursResponse
    ).target;

  it('everyone reads the targets; PNS and PPPK people get their own', async () => {
    const { pns, pppk, partner } = w.users;
    const list = (
      await request(w.t.http).get('/api/v1/jp-targets').set(auth(pns.token)).expect(200)
    ).body as JpTargetView[];
    expect(list.map((t) => [t.employmentType, t.jp])).toEqual([
      ['PNS', 20],
      ['PPPK', 24],
    ]);
    expect(await target(pns.token)).toBe(20);
    expect(await target(pppk.token)).toBe(24);
    expect(await target(partner.token)).toBeNull();
  });

  it('a city-wide admin changes the PPPK target: the PPPK person sees it, the PNS person does not', async () => {
    const { cityAdmin, pns, pppk } = w.users;
    const res = await request(w.t.http)
      .put('/api/v1/jp-targets/PPPK')
      .set(auth(cityAdmin.token))
      .send({ jp: 30 })
      .expect(200);
    expect(res.body).toMatchObject({ employmentType: 'PPPK', jp: 30 });
    expect(await target(pppk.token)).toBe(30);
    expect(await target(pns.token)).toBe(20);
  });

  it('an OPD admin is refused with a reason; only PNS and PPPK have targets; learners cannot set them', async () => {
    const { cityAdmin, adminA, pns } = w.users;
    const res = await request(w.t.http)
      .put('/api/v1/jp-targets/PNS')
      .set(auth(adminA.token))
      .send({ jp: 40 })
      .expect(403);
    expect(res.body).toMatchObject({ code: 'jp-targets.city-wide-only' });
    expect((res.body as { detail: string }).detail).toContain('admin tingkat kota');
    const nonAsn = await request(w.t.http)
      .put('/api/v1/jp-targets/NON_ASN')
      .set(auth(cityAdmin.token))
      .send({ jp: 10 })
      .expect(400);
    expect((nonAsn.body as { errors: { path: string }[] }).errors[0].path).toBe('employmentType');
    await request(w.t.http)
      .put('/api/v1/jp-targets/PNS')
      .set(auth(cityAdmin.token))
      .send({ jp: 0 })
      .expect(400);
    await request(w.t.http)
      .put('/api/v1/jp-targets/PNS')
      .set(auth(pns.token))
      .send({ jp: 40 })
      .expect(403);
    expect(await target(pns.token)).toBe(20);
  });
});
