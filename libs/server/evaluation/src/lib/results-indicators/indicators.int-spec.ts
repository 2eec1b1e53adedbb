import type { CourseIndicators, IndicatorView } from '@siantar/contracts';
import request from 'supertest';
import {
  auth,
  createEvaluationWorld,
  type EvaluationWorld,
  type Person,
  publishCourse,
} from '../testing/evaluation-world';

describe('results indicators (L4): definitions by reviewers, values per OPD by admins in reach (real PostgreSQL + Redis)', () => {
  let w: EvaluationWorld;
  let courseId = '';
  let queue: IndicatorView;

  beforeAll(async () => {
    w = await createEvaluationWorld();
    ({ courseId } = await publishCourse(w, { code: 'HASIL-1', title: 'Layanan Daring Adminduk' }));
  });
  afterAll(() => w.close());

  const list = async (who: Person) =>
    (
      await request(w.t.http)
        .get(`/api/v1/evaluation/courses/${courseId}/indicators`)
        .set(auth(who.token))
        .expect(200)
    ).body as CourseIndicators;

  const setValue = (who: Person, id: string, body: Record<string, unknown>) =>
    request(w.t.http)
      .put(`/api/v1/evaluation/indicators/${id}/values`)
      .set(auth(who.token))
      .send(body);

  it('is defined by the admins who review the course, not by other admins or trainers', async () => {
    const body = {
      name: 'Rata-rata waktu antre di loket',
      unit: 'menit',
      direction: 'lower-is-better',
      description: 'Dari aplikasi antrean.',
    };
    const other = await request(w.t.http)
      .post(`/api/v1/evaluation/courses/${courseId}/indicators`)
      .set(auth(w.users.adminDukcapil.token))
      .send(body)
      .expect(403);
    expect(other.body).toMatchObject({ code: 'evaluation.not-reviewer' });
    await request(w.t.http)
      .post(`/api/v1/evaluation/courses/${courseId}/indicators`)
      .set(auth(w.users.trainer.token))
      .send(body)
      .expect(403);
    const bad = await request(w.t.http)
      .post(`/api/v1/evaluation/courses/${courseId}/indicators`)
      .set(auth(w.users.adminBkpsdm.token))
      .send({ ...body, direction: 'down' })
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('direction');
    queue = (
      await request(w.t.http)
        .post(`/api/v1/evaluation/courses/${courseId}/indicators`)
        .set(auth(w.users.adminBkpsdm.token))
        .send(body)
        .expect(201)
    ).body as IndicatorView;
    expect(queue).toMatchObject({ name: body.name, unit: 'menit', values: [] });
    const renamed = (
      await request(w.t.http)
        .put(`/api/v1/evaluation/courses/${courseId}/indicators/${queue.id}`)
        .set(auth(w.users.cityAdmin.token))
        .send({ ...body, name: 'Waktu antre rata-rata' })
        .expect(200)
    ).body as IndicatorView;
    expect(renamed.name).toBe('Waktu antre rata-rata');
  });

  it('takes each OPD’s values from admins whose reach holds that OPD only', async () => {
    const dukcapil = {
      orgUnitId: w.units.dukcapil.id,
      before: 42,
      after: 18.5,
      measuredBefore: '2026-01-15',
      measuredAfter: '2026-04-15',
      note: 'Aplikasi antrean loket',
    };
    // BKPSDM's admin reviews the course but does not reach Disdukcapil.
    const out = await setValue(w.users.adminBkpsdm, queue.id, dukcapil).expect(403);
    expect(out.body).toMatchObject({ code: 'evaluation.out-of-reach' });
    expect((out.body as { detail: string }).detail).toContain('Dinas Kependudukan');
    const mine = (await setValue(w.users.adminDukcapil, queue.id, dukcapil).expect(200))
      .body as IndicatorView;
    expect(mine.values).toEqual([
      expect.objectContaining({
        orgUnitName: 'Dinas Kependudukan dan Pencatatan Sipil',
        before: 42,
        after: 18.5,
        change: -23.5,
        changePercent: -55.95,
        improved: true,
        editable: true,
      }),
    ]);
    await setValue(w.users.adminDukcapil, queue.id, {
      ...dukcapil,
      orgUnitId: w.units.dinkes.id,
    }).expect(403);
    await setValue(w.users.cityAdmin, queue.id, {
      orgUnitId: w.units.dinkes.id,
      before: 30,
      measuredBefore: '2026-01-20',
    }).expect(200);
  });

  it('refuses values that do not add up, listing each', async () => {
    const bad = await setValue(w.users.cityAdmin, queue.id, {
      orgUnitId: w.units.dukcapil.id,
      before: 10,
      after: 5,
      measuredBefore: '2026-05-01',
      measuredAfter: '2026-04-01',
    }).expect(400);
    expect((bad.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      'measuredAfter',
    ]);
    const noDate = await setValue(w.users.cityAdmin, queue.id, {
      orgUnitId: w.units.dukcapil.id,
      before: 10,
      after: 5,
      measuredBefore: '2026-02-30',
    }).expect(400);
    expect((noDate.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
      'measuredBefore',
      'measuredAfter',
    ]);
    const bidang = await setValue(w.users.cityAdmin, queue.id, {
      orgUnitId: w.units.city.id,
      before: 35,
      measuredBefore: '2026-01-10',
    }).expect(200);
    expect((bidang.body as IndicatorView).values.map((v) => v.orgUnitName)).toContain(
      'Pemerintah Kota Pematangsiantar',
    );
  });

  it('shows every OPD to the authors and reviewers, and other admins only the OPDs in their reach', async () => {
    const all = await list(w.users.trainer);
    expect(all).toMatchObject({ scope: 'all', canDefine: false });
    expect(all.indicators[0].values.map((v) => [v.orgUnitName, v.editable])).toEqual([
      ['Dinas Kependudukan dan Pencatatan Sipil', false],
      ['Dinas Kesehatan', false],
      ['Pemerintah Kota Pematangsiantar', false],
    ]);
    expect(all.indicators[0].summary).toEqual({ opds: 3, measured: 1, improved: 1 });
    const reviewer = await list(w.users.adminBkpsdm);
    expect(reviewer).toMatchObject({ scope: 'all', canDefine: true });
    const opd = await list(w.users.adminDukcapil);
    expect(opd).toMatchObject({ scope: 'reach', canDefine: false });
    expect(opd.indicators[0].values.map((v) => [v.orgUnitName, v.editable])).toEqual([
      ['Dinas Kependudukan dan Pencatatan Sipil', true],
    ]);
    // A trainer who is not an author: 404.
    await request(w.t.http)
      .get(`/api/v1/evaluation/courses/${courseId}/indicators`)
      .set(auth(w.users.otherTrainer.token))
      .expect(404);
  });

  it('lets an admin in reach remove their OPD’s values, and a reviewer remove an indicator', async () => {
    await request(w.t.http)
      .delete(`/api/v1/evaluation/indicators/${queue.id}/values/${w.units.dinkes.id}`)
      .set(auth(w.users.adminDukcapil.token))
      .expect(403);
    const after = (
      await request(w.t.http)
        .delete(`/api/v1/evaluation/indicators/${queue.id}/values/${w.units.dinkes.id}`)
        .set(auth(w.users.cityAdmin.token))
        .expect(200)
    ).body as IndicatorView;
    expect(after.values.map((v) => v.orgUnitName)).not.toContain('Dinas Kesehatan');
    await request(w.t.http)
      .delete(`/api/v1/evaluation/courses/${courseId}/indicators/${queue.id}`)
      .set(auth(w.users.adminDukcapil.token))
      .expect(403);
    await request(w.t.http)
      .delete(`/api/v1/evaluation/courses/${courseId}/indicators/${queue.id}`)
      .set(auth(w.users.adminBkpsdm.token))
      .expect(204);
    expect((await list(w.users.trainer)).indicators).toEqual([]);
  });
});
