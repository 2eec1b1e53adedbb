import type { LearningHoursResponse, LedgerEntryView } from '@siantar/contracts';
import request from 'supertest';
import {
  auth,
  createLedgerWorld,
  credit,
  type LedgerWorld,
  totalsMismatches,
  training,
} from '../testing/ledger-fixture';

describe('ledger entries: admin entries, reversals, append-only (real PostgreSQL + Redis)', () => {
  let w: LedgerWorld;
  beforeAll(async () => {
    w = await createLedgerWorld();
  });
  afterAll(() => w.close());

  const enter = (token: string, userId: string, body: object) =>
    request(w.t.http).post(`/api/v1/users/${userId}/ledger-entries`).set(auth(token)).send(body);
  const reverse = (token: string, id: string, reason = 'Dicatat dua kali oleh operator') =>
    request(w.t.http)
      .post(`/api/v1/ledger-entries/${id}/reverse`)
      .set(auth(token))
      .send({ reason });
  const hours2025 = async (token: string) =>
    (
      await request(w.t.http)
        .get('/api/v1/me/learning-hours')
        .query({ year: 2025 })
        .set(auth(token))
        .expect(200)
    ).body as LearningHoursResponse;

  describe('admin entries', () => {
    it('writes an approved claim and its entry in one go', async () => {
      const { adminA, pns } = w.users;
      const res = await enter(
        adminA.token,
        pns.id,
        training({ startDate: '2025-04-01', endDate: '2025-04-02', jp: 16 }),
      ).expect(201);
      const e = res.body as LedgerEntryView;
      expect(e).toMatchObject({
        source: 'external',
        jp: 16,
        entryDate: '2025-04-02',
        reversesId: null,
      });
      const [c]: { status: string; submitted_by: string; decided_by: string }[] =
        await w.t.db.query(
          `SELECT status, submitted_by, decided_by FROM external_training_claim WHERE id = $1`,
          [e.sourceRef],
        );
      expect(c).toEqual({ status: 'approved', submitted_by: adminA.id, decided_by: adminA.id });
    });

    it('checks reach (404 outside it), the same rules as claims, and refuses self-entries and NON_ASN', async () => {
      const { adminA, adminB, pns, partner, cityAdmin } = w.users;
      await enter(adminB.token, pns.id, training()).expect(404);
      const bad = await enter(
        adminA.token,
        pns.id,
        training({ startDate: '2025-04-01', endDate: '2025-04-01', jp: 11 }),
      ).expect(400);
      expect((bad.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
        'jp',
      ]);
      await enter(adminA.token, adminA.id, training()).expect(403);
      const nonAsn = await enter(cityAdmin.token, partner.id, training()).expect(403);
      expect(nonAsn.body).toMatchObject({ code: 'ledger.non-asn' });
    });
  });

  describe('reversals', () => {
    it('a reversal lowers the totals, history keeps both, a second one is 409', async () => {
      const { cityAdmin, pppk } = w.users;
      const a = await credit(w.t, pppk.id, '2025-07-01', 5);
      const b = await credit(w.t, pppk.id, '2025-09-15', 3, {
        competencyType: 'teknis',
        route: 'klasikal',
      });
      expect((await hours2025(pppk.token)).jp).toBe(8);

      const res = await reverse(cityAdmin.token, b).expect(201);
      const r = res.body as LedgerEntryView;
      expect(r).toMatchObject({
        reversesId: b,
        jp: -3,
        entryDate: '2025-09-15',
        source: 'course',
        competencyType: 'teknis',
        route: 'klasikal',
        reason: 'Dicatat dua kali oleh operator',
      });

      const after = await hours2025(pppk.token);
      expect(after.jp).toBe(5);
      expect(after.byCompetency.teknis).toBe(0);
      expect(after.byRoute).toEqual({ klasikal: 0, nonklasikal: 5 });
      expect(after.entries.map((e) => [e.id, e.jp, e.reversedById, e.reversesId])).toEqual([
        [a, 5, null, null],
        [b, 3, r.id, null],
        [r.id, -3, null, b],
      ]);

      const again = await reverse(cityAdmin.token, b).expect(409);
      expect(again.body).toMatchObject({ code: 'ledger.already-reversed', reversedById: r.id });
      const ofReversal = await reverse(cityAdmin.token, r.id).expect(409);
      expect(ofReversal.body).toMatchObject({ code: 'ledger.reversal-of-reversal' });
      expect(await totalsMismatches(w.t)).toEqual([]);
    });

    it('two concurrent reversals write one reversing entry', async () => {
      const { cityAdmin, adminA, pns } = w.users;
      for (let i = 0; i < 5; i++) {
        const id = await credit(w.t, pns.id, '2025-10-10', 2);
        const results = await Promise.all([
          reverse(cityAdmin.token, id),
          reverse(adminA.token, id),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
        const n: { n: string }[] = await w.t.db.query(
          `SELECT count(*) AS n FROM ledger_entry WHERE reverses_id = $1`,
          [id],
        );
        expect(Number(n[0].n)).toBe(1);
      }
      expect(await totalsMismatches(w.t)).toEqual([]);
    });

    it('only admins whose reach covers the person reverse; a short reason is refused', async () => {
      const { adminB, adminA, pns } = w.users;
      const id = await credit(w.t, pns.id, '2025-11-11', 2);
      await reverse(adminB.token, id).expect(404);
      const short = await reverse(adminA.token, id, 'x').expect(400);
      expect((short.body as { errors: { path: string }[] }).errors[0].path).toBe('reason');
      await request(w.t.http)
        .post(`/api/v1/ledger-entries/${id}/reverse`)
        .set(auth(pns.token))
        .send({ reason: 'saya tidak ikut' })
        .expect(403);
    });
  });

  describe('append-only', () => {
    it('PATCH, PUT and DELETE answer 405 pointing to the reverse route', async () => {
      const { cityAdmin, pns } = w.users;
      const id = await credit(w.t, pns.id, '2025-01-20', 1);
      for (const method of ['patch', 'put', 'delete'] as const) {
        const res = await request(w.t.http)
          [method](`/api/v1/ledger-entries/${id}`)
          .set(auth(cityAdmin.token))
          .send({ jp: 100 })
          .expect(405);
        expect(res.headers['allow']).toBe('POST');
        expect(res.body).toMatchObject({ code: 'ledger-append-only' });
        expect((res.body as { detail: string }).detail).toContain('/reverse');
      }
    });

    it('the database refuses UPDATE and DELETE on ledger_entry, whoever sends them', async () => {
      const { pns } = w.users;
      const id = await credit(w.t, pns.id, '2025-01-21', 1);
      await expect(
        w.t.db.query(`UPDATE ledger_entry SET jp = 100 WHERE id = $1`, [id]),
      ).rejects.toThrow(/append-only/);
      await expect(w.t.db.query(`DELETE FROM ledger_entry WHERE id = $1`, [id])).rejects.toThrow(
        /append-only/,
      );
      const [row]: { jp: string }[] = await w.t.db.query(
        `SELECT jp FROM ledger_entry WHERE id = $1`,
        [id],
      );
      expect(row.jp).toBe('1.0');
      expect(await totalsMismatches(w.t)).toEqual([]);
    });
  });
});
