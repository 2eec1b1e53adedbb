import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogModule } from '@siantar/server-catalog';
import { IdentityModule } from '@siantar/server-identity';
import {
  createOrgUnit,
  createTestApp,
  createTestContext,
  createUser,
  type TestApp,
  type TestContext,
  type TestUnit,
  type TestUser,
} from '@siantar/server-testing';
import { publishCourse as publishCatalogCourse } from '@siantar/server-catalog/testing';
import { LiveModule } from '../live.module';

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

type Person = TestUser & { token: string };

/**
 * A city with two OPDs (OPD A has a bidang) and a partner; a published course by
 * `trainer` with a link lesson and a live-session lesson.
 */
export interface LiveWorld {
  ctx: TestContext;
  t: TestApp;
  units: Record<'city' | 'opdA' | 'bidangA' | 'opdB' | 'mitra', TestUnit>;
  users: Record<
    | 'cityAdmin'
    | 'adminB'
    | 'trainer'
    | 'otherTrainer'
    | 'partner'
    | 'learnerA'
    | 'learnerBidang'
    | 'learnerB',
    Person
  >;
  course: { id: string; liveKey: string; linkKey: string };
  close(): Promise<void>;
}

export async function createLiveWorld(env: Record<string, string> = {}): Promise<LiveWorld> {
  const ctx = await createTestContext({
    STORAGE_DIR: mkdtempSync(join(tmpdir(), 'sb-live-')),
    ...env,
  });
  const t = await createTestApp(ctx.config, [IdentityModule, CatalogModule, LiveModule]);
  const city = await createOrgUnit(t.db, { code: 'PEMKO', name: 'Pemerintah Kota' });
  const opdA = await createOrgUnit(t.db, { code: 'DINKES', name: 'Dinas Kesehatan', parent: city });
  const bidangA = await createOrgUnit(t.db, {
    code: 'YANKES',
    name: 'Bidang Pelayanan Kesehatan',
    kind: 'bidang',
    parent: opdA,
  });
  const opdB = await createOrgUnit(t.db, {
    code: 'DISDIK',
    name: 'Dinas Pendidikan',
    parent: city,
  });
  const mitra = await createOrgUnit(t.db, { code: 'MITRA', kind: 'mitra', parent: city });
  const p = async (u: Promise<TestUser>): Promise<Person> => {
    const user = await u;
    return { ...user, token: await t.tokenFor(user.id) };
  };
  const users = {
    cityAdmin: await p(
      createUser(t.db, { unit: city, roles: ['admin'], adminScope: city, name: 'Admin Kota' }),
    ),
    adminB: await p(
      createUser(t.db, { unit: opdB, roles: ['admin'], adminScope: opdB, name: 'Admin Disdik' }),
    ),
    trainer: await p(createUser(t.db, { unit: opdA, roles: ['trainer'], name: 'Dr. Lestari' })),
    otherTrainer: await p(createUser(t.db, { unit: opdB, roles: ['trainer'], name: 'Pak Hotma' })),
    partner: await p(
      createUser(t.db, {
        unit: mitra,
        roles: ['partner'],
        employmentType: 'NON_ASN',
        name: 'Mitra Kampus',
      }),
    ),
    learnerA: await p(createUser(t.db, { unit: opdA, name: 'Budi Dinkes' })),
    learnerBidang: await p(createUser(t.db, { unit: bidangA, name: 'Sari Yankes' })),
    learnerB: await p(createUser(t.db, { unit: opdB, name: 'Rina Disdik' })),
  };
  const course = await publishCourse(t, users.trainer.token, users.cityAdmin.token, 'LIVE-1');
  return {
    ctx,
    t,
    units: { city, opdA, bidangA, opdB, mitra },
    users,
    course,
    close: async () => {
      await t.close();
      await ctx.cleanup();
    },
  };
}

/** A course authored by `trainer` and approved by `admin`, with a link and a live-session lesson. */
export async function publishCourse(
  t: TestApp,
  trainer: string,
  admin: string,
  code: string,
): Promise<{ id: string; liveKey: string; linkKey: string }> {
  const course = await publishCatalogCourse(t, trainer, admin, {
    code,
    meta: { summary: 'Ringkasan.', jp: 4 },
    lessons: [
      { type: 'link', title: 'Tautan', content: { url: 'https://example.go.id' } },
      { type: 'live-session', title: 'Sesi tatap maya', content: {} },
    ],
  });
  const lessons = course.working.modules.flatMap((m) => m.lessons);
  const key = (type: string) => lessons.find((l) => l.type === type)?.key ?? '';
  return { id: course.courseId, liveKey: key('live-session'), linkKey: key('link') };
}

/** A time `days` from now, on the hour (UTC), as ISO 8601. */
export function inDays(days: number, hours = 0): string {
  const d = new Date(Date.now() + days * 86400_000 + hours * 3600_000);
  d.setUTCMinutes(0, 0, 0);
  return d.toISOString();
}

/**
 * A session running now (the scheduling API refuses a past start): inserted directly,
 * starting `startedMinutesAgo` and ending `endsInMinutes` from now.
 */
export async function runningSession(
  t: TestApp,
  o: {
    trainerIds: string[];
    courseId?: string;
    lessonKey?: string;
    audience?: string[];
    capacity?: number;
    jp?: number;
    startedMinutesAgo?: number;
    endsInMinutes?: number;
    title?: string;
  },
): Promise<string> {
  const [{ id }]: { id: string }[] = await t.db.query(
    `INSERT INTO live_session (course_id, lesson_key, title, starts_at, ends_at, capacity,
                               audience_org_unit_ids, jp, created_by)
     VALUES ($1, $2, $3, now() - $4 * interval '1 minute', now() + $5 * interval '1 minute',
             $6, $7, $8, $9) RETURNING id`,
    [
      o.courseId ?? null,
      o.lessonKey ?? null,
      o.title ?? 'Webinar Pelayanan Prima',
      o.startedMinutesAgo ?? 5,
      o.endsInMinutes ?? 60,
      o.capacity ?? null,
      o.audience ?? [],
      o.jp ?? 2,
      o.trainerIds[0],
    ],
  );
  for (const u of o.trainerIds)
    await t.db.query(`INSERT INTO live_session_trainer (session_id, user_id) VALUES ($1, $2)`, [
      id,
      u,
    ]);
  return id;
}
