import type { AuthoringCourseResponse } from '@siantar/contracts';
import type { TestApp } from '@siantar/server-testing';
import request from 'supertest';

/** Drives the real authoring API to a published course; returns its response. */
export async function publishCourse(
  t: TestApp,
  authorToken: string,
  adminToken: string,
  opts: {
    code: string;
    lessons: { type: string; title: string; content: Record<string, unknown> }[];
    meta?: Record<string, unknown>;
  },
): Promise<AuthoringCourseResponse> {
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const created = await request(t.http)
    .post('/api/v1/authoring/courses')
    .set(auth(authorToken))
    .send({
      code: opts.code,
      title: `Kursus ${opts.code}`,
      summary: 'Ringkasan kursus uji.',
      jp: 2,
      ...opts.meta,
    })
    .expect(201);
  const courseId = (created.body as AuthoringCourseResponse).courseId;
  const withModule = await request(t.http)
    .post(`/api/v1/authoring/courses/${courseId}/draft/modules`)
    .set(auth(authorToken))
    .send({ title: 'Modul 1' })
    .expect(201);
  const moduleId = (withModule.body as AuthoringCourseResponse).working.modules[0].id;
  for (const l of opts.lessons) {
    await request(t.http)
      .post(`/api/v1/authoring/courses/${courseId}/draft/modules/${moduleId}/lessons`)
      .set(auth(authorToken))
      .send({ ...l, durationMinutes: 15 })
      .expect(201);
  }
  await request(t.http)
    .post(`/api/v1/authoring/courses/${courseId}/draft/submit`)
    .set(auth(authorToken))
    .send({ changelog: 'Versi pertama.' })
    .expect(200);
  const approved = await request(t.http)
    .post(`/api/v1/authoring/courses/${courseId}/review/approve`)
    .set(auth(adminToken))
    .send({})
    .expect(200);
  return approved.body as AuthoringCourseResponse;
}
