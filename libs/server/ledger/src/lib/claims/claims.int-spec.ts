import type { Page, TrainingClaimView } from '@siantar/contracts';
import request from 'supertest';
import {
  auth,
  createLedgerWorld,
  type LedgerWorld,
  totalsMismatches,
  training,
  uploadEvidence,
} from '../testing/ledger-fixture';
import { addYears, wibDate } from '../wib-date';

describe('training claims: evidence, date/JP rules, decisions by the supervisor or an admin (real PostgreSQL + Redis)', () => {
  let w: LedgerWorld;
  beforeAll(async () => {
    w = await createLedgerWorld();
  });
  afterAll(() => w.close());

  const submit = (token: string, body: object) =>
    request(w.t.http).post('/api/v1/me/training-claims').set(auth(token)).send(body);
  const decide = (token: string, id: string, body: object) =>
    request(w.t.http).post(`/api/v1/training-claims/${id}/decision`).set(auth(token)).send(body);
  const fieldPaths = (body: unknown) =>
    ((body as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path);
  const entriesOf = async (claimId: string) =>
    Number(
      (
        await w.t.db.query<{ n: string }[]>(
          `SELECT count(*) AS n FROM ledger_entry WHERE source = 'external' AND source_ref = $1`,
          [claimId],
        )
      )[0].n,
    );
  const newClaim = async (token: string, overrides = {}) => {
    const evidenceFileId = await uploadEvidence(w.t, token);
    const res = await submit(token, { ...training(overrides), evidenceFileId }).expect(201);
    return res.body as TrainingClaimView;
  };

  describe('evidence upload', () => {
    it('stores a PDF as evidence owned by the caller', async () => {
      const { pns } = w.users;
      const fileId = await uploadEvidence(w.t, pns.token);
      const [f]: { purpose: string; uploaded_by: string; content_type: string }[] =
        await w.t.db.query(
          `SELECT purpose, uploaded_by, content_type FROM stored_file WHERE id = $1`,
          [fileId],
        );
      expect(f).toEqual({
        purpose: 'evidence',
        uploaded_by: pns.id,
        content_type: 'application/pdf',
      });
    });

    it('refuses a file that is not PDF/JPEG/PNG by its bytes, whatever its name, and one over 10 MB', async () => {
      const { pns } = w.users;
      const res = await request(w.t.http)
        .post('/api/v1/me/training-claims/evidence')
        .set(auth(pns.token))
        .attach('file', Buffer.from('<html><script>alert(1)</script></html>'), 'sertifikat.pdf')
        .expect(415);
      expect(res.body).toMatchObject({ code: 'files.wrong-type' });
      await request(w.t.http)
        .post('/api/v1/me/training-claims/evidence')
        .set(auth(pns.token))
        .attach(
          'file',
          Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024)]),
          'besar.pdf',
        )
        .expect(413);
      await request(w.t.http)
        .post('/api/v1/me/training-claims/evidence')
        .set(auth(pns.token))
        .attach(
          'file',
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]),
          'foto.png',
        )
        .expect(201);
    });
  });

  describe('submitting', () => {
    it('creates a pending claim with a signed evidence URL', async () => {
      const { pns } = w.users;
      const c = await newClaim(pns.token);
      expect(c).toMatchObject({
        status: 'pending',
        userId: pns.id,
        nip: pns.nip,
        orgUnitName: 'Dinas Kesehatan',
        evidenceFilename: 'sertifikat.pdf',
        ledgerEntryId: null,
        jp: 8,
      });
      expect(c.evidenceUrl).toMatch(/^\/api\/v1\/files\/[0-9a-f-]+\/content\?exp=\d+&sig=/);
      const mine = (
        await request(w.t.http)
          .get('/api/v1/me/training-claims')
          .query({ status: 'pending' })
          .set(auth(pns.token))
          .expect(200)
      ).body as Page<TrainingClaimView>;
      expect(mine.items.map((i) => i.id)).toContain(c.id);
    });

    it('refuses each wrong field with a 400 naming it', async () => {
      const { pns, pppk } = w.users;
      const today = wibDate(new Date());
      const tomorrow = wibDate(new Date(Date.now() + 86400000));
      const ownEvidence = await uploadEvidence(w.t, pns.token);
      const othersEvidence = await uploadEvidence(w.t, pppk.token);
      const cases: [string, object, string][] = [
        ['evidence missing', { ...training() }, 'evidenceFileId'],
        [
          'evidence not found',
          { ...training(), evidenceFileId: '00000000-0000-4000-8000-000000000001' },
          'evidenceFileId',
        ],
        [
          'evidence of someone else',
          { ...training(), evidenceFileId: othersEvidence },
          'evidenceFileId',
        ],
        [
          'end before start',
          {
            ...training({ startDate: '2025-03-10', endDate: '2025-03-09' }),
            evidenceFileId: ownEvidence,
          },
          'endDate',
        ],
        [
          'in the future',
          { ...training({ startDate: today, endDate: tomorrow }), evidenceFileId: ownEvidence },
          'endDate',
        ],
        [
          'more than five years ago',
          {
            ...training({ startDate: addYears(today, -6), endDate: addYears(today, -6), jp: 2 }),
            evidenceFileId: ownEvidence,
          },
          'startDate',
        ],
        [
          'more than 10 JP a day',
          {
            ...training({ startDate: '2025-03-10', endDate: '2025-03-11', jp: 21 }),
            evidenceFileId: ownEvidence,
          },
          'jp',
        ],
      ];
      for (const [name, body, path] of cases) {
        const res = await submit(pns.token, body);
        expect({ name, status: res.status }).toEqual({ name, status: 400 });
        expect({ name, paths: fieldPaths(res.body) }).toEqual({ name, paths: [path] });
      }
      const jp = await submit(pns.token, {
        ...training({ startDate: '2025-03-10', endDate: '2025-03-11', jp: 21 }),
        evidenceFileId: ownEvidence,
      });
      expect((jp.body as { errors: { message: string }[] }).errors[0].message).toContain(
        'paling banyak 20 JP',
      );
      // nothing was written, and the evidence is still usable
      await submit(pns.token, { ...training(), evidenceFileId: ownEvidence }).expect(201);
      const again = await submit(pns.token, { ...training(), evidenceFileId: ownEvidence }).expect(
        400,
      );
      expect(fieldPaths(again.body)).toEqual(['evidenceFileId']);
    });

    it('refuses a NON_ASN caller: the ledger is for ASN', async () => {
      const { partner } = w.users;
      const evidenceFileId = await uploadEvidence(w.t, partner.token);
      const res = await submit(partner.token, { ...training(), evidenceFileId }).expect(403);
      expect(res.body).toMatchObject({ code: 'ledger.non-asn' });
      expect((res.body as { detail: string }).detail).toContain('ASN');
    });
  });

  describe('deciding', () => {
    it('the supervisor approves: one entry dated the end date, the claim shows it', async () => {
      const { pns, supervisor } = w.users;
      const c = await newClaim(pns.token, {
        startDate: '2025-06-02',
        endDate: '2025-06-04',
        jp: 20,
      });
      const res = await decide(supervisor.token, c.id, { decision: 'approve' }).expect(200);
      const decided = res.body as TrainingClaimView;
      expect(decided).toMatchObject({ status: 'approved', decidedByName: 'Atasan Dinkes' });
      expect(decided.ledgerEntryId).toBeTruthy();
      const [e]: { entry_date: string; jp: string; recorded_by: string; source: string }[] =
        await w.t.db.query(
          `SELECT entry_date::text, jp, recorded_by, source FROM ledger_entry WHERE id = $1`,
          [decided.ledgerEntryId],
        );
      expect(e).toEqual({
        entry_date: '2025-06-04',
        jp: '20.0',
        recorded_by: supervisor.id,
        source: 'external',
      });
      await decide(supervisor.token, c.id, { decision: 'reject', note: 'salah' }).expect(409);
      expect(await totalsMismatches(w.t)).toEqual([]);
    });

    it('two concurrent approvals write exactly one entry', async () => {
      const { pppk, supervisor, adminA } = w.users;
      for (let i = 0; i < 5; i++) {
        const c = await newClaim(pppk.token, {
          title: `Workshop paralel ${i}`,
          trainingType: 'workshop',
        });
        const results = await Promise.all([
          decide(supervisor.token, c.id, { decision: 'approve' }),
          decide(adminA.token, c.id, { decision: 'approve' }),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
        const refused = results.find((r) => r.status === 409);
        expect((refused?.body as { detail: string }).detail).toMatch(
          /^Klaim ini sudah disetujui oleh (Atasan Dinkes|Admin Dinkes)/,
        );
        expect(await entriesOf(c.id)).toBe(1);
      }
    });

    it('rejecting needs a note, which the learner then sees', async () => {
      const { pns, supervisor } = w.users;
      const c = await newClaim(pns.token);
      const res = await decide(supervisor.token, c.id, { decision: 'reject' }).expect(400);
      expect(fieldPaths(res.body)).toEqual(['note']);
      await decide(supervisor.token, c.id, { decision: 'reject', note: '   ' }).expect(400);
      const ok = await decide(supervisor.token, c.id, {
        decision: 'reject',
        note: 'Sertifikat tidak terbaca; unggah pindaian yang jelas.',
      }).expect(200);
      expect(ok.body).toMatchObject({ status: 'rejected', ledgerEntryId: null });
      expect(await entriesOf(c.id)).toBe(0);
    });

    it('a supervisor outside the team gets 403 naming the person; an admin of another OPD 404; nobody decides their own', async () => {
      const { pns, otherSupervisor, adminB, adminA, supervisor } = w.users;
      const c = await newClaim(pns.token);
      const res = await decide(otherSupervisor.token, c.id, { decision: 'approve' }).expect(403);
      expect(res.body).toMatchObject({ code: 'claims.not-your-team' });
      expect((res.body as { detail: string }).detail).toContain(
        'Budi Santoso bukan anggota tim Anda',
      );
      await decide(adminB.token, c.id, { decision: 'approve' }).expect(404);
      expect(await entriesOf(c.id)).toBe(0);

      // the supervisor's own claim: not even an admin role of theirs lets them decide it
      const own = await newClaim(supervisor.token);
      const self = await decide(supervisor.token, own.id, { decision: 'approve' }).expect(403);
      expect(self.body).toMatchObject({ code: 'claims.own-claim' });
      await decide(adminA.token, own.id, { decision: 'approve' }).expect(200);
    });

    it('lists what each decider may decide: a supervisor their team, an admin their OPD', async () => {
      const { outsider, supervisor, otherSupervisor, adminA, adminB, cityAdmin, pns } = w.users;
      const theirs = await newClaim(outsider.token);
      const ours = await newClaim(pns.token);
      const ids = async (token: string) =>
        (
          (
            await request(w.t.http)
              .get('/api/v1/training-claims')
              .query({ status: 'pending', limit: 100 })
              .set(auth(token))
              .expect(200)
          ).body as Page<TrainingClaimView>
        ).items.map((i) => i.id);
      expect(await ids(supervisor.token)).toContain(ours.id);
      expect(await ids(supervisor.token)).not.toContain(theirs.id);
      expect(await ids(otherSupervisor.token)).toEqual([theirs.id]);
      expect(await ids(adminA.token)).toContain(ours.id);
      expect(await ids(adminA.token)).not.toContain(theirs.id);
      expect(await ids(adminB.token)).toEqual([theirs.id]);
      expect(await ids(cityAdmin.token)).toEqual(expect.arrayContaining([ours.id, theirs.id]));
      // a learner has no such list
      await request(w.t.http).get('/api/v1/training-claims').set(auth(pns.token)).expect(403);
    });
  });
});
