import { type Page, expect, test } from '@playwright/test';
import { COURSE, openCourseHome, signIn } from './support';

const TEXT_1 = 'Mengapa layanan publik berbasis digital';
const TEXT_2 = 'Alur permohonan di aplikasi pelayanan';
const SCORM = 'Simulasi loket Disdukcapil (SCORM)';

function homeLesson(page: Page, title: string) {
  return page.getByTestId('home-lesson').filter({ hasText: title });
}

async function completedCount(page: Page): Promise<number> {
  await expect(page.getByTestId('home-lesson').first()).toBeVisible();
  return page.locator('[data-testid="home-lesson"][data-status="completed"]').count();
}

/** Scrolls a text lesson to its end, as a reader would. */
async function readToTheEnd(page: Page): Promise<void> {
  await page.getByTestId('lesson-end').evaluate((el) => el.scrollIntoView({ block: 'end' }));
}

test('a learner enrols, completes a text lesson online and one offline, and each counts once', async ({
  page,
  context,
}) => {
  const fetched: string[] = [];
  page.on('response', (r) => {
    if (r.ok()) fetched.push(r.url());
  });
  await signIn(page, 'asn@siantar.test');
  const enrolmentId = await openCourseHome(page);

  const before = await completedCount(page);
  const newlyDone =
    ((await homeLesson(page, TEXT_1).getAttribute('data-status')) === 'completed' ? 0 : 1) +
    ((await homeLesson(page, TEXT_2).getAttribute('data-status')) === 'completed' ? 0 : 1);

  // Lesson 1, online.
  await homeLesson(page, TEXT_1).getByRole('link', { name: TEXT_1 }).click();
  await expect(page.getByTestId('lesson-title')).toHaveText(TEXT_1);
  await readToTheEnd(page);
  const status = page.getByTestId('sync-status');
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-status', 'completed');
  await expect(status).toHaveText('Tersimpan');

  // Lesson 2 while offline: the player fetched it ahead; its events wait in the queue.
  const next = page.getByTestId('next-lesson');
  const nextId = ((await next.getAttribute('href')) ?? '').split('/').pop() ?? '';
  await expect.poll(() => fetched.some((u) => u.endsWith(`/lessons/${nextId}`))).toBe(true);
  await context.setOffline(true);
  await next.click();
  await expect(page.getByTestId('lesson-title')).toHaveText(TEXT_2);
  await readToTheEnd(page);
  await expect(status).toHaveText('Offline — akan dikirim saat tersambung');
  await expect(status).toHaveAttribute('data-status', 'offline');

  // Back online: the queue is sent and the lesson completes.
  await context.setOffline(false);
  await expect(status).toHaveText('Tersimpan', { timeout: 20_000 });
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-status', 'completed');

  // Fresh from the server: both completed, each counted once.
  await page.getByTestId('course-home-link').click();
  const authorised = page.waitForRequest(
    (r) => r.url().endsWith(`/api/v1/enrolments/${enrolmentId}`) && !!r.headers()['authorization'],
  );
  await page.reload();
  const token = (await authorised).headers()['authorization'];
  await expect(homeLesson(page, TEXT_1)).toHaveAttribute('data-status', 'completed');
  await expect(homeLesson(page, TEXT_2)).toHaveAttribute('data-status', 'completed');
  expect(await completedCount(page)).toBe(before + newlyDone);

  const res = await page.request.get(`/api/v1/enrolments/${enrolmentId}`, {
    headers: { authorization: token },
  });
  expect(res.status()).toBe(200);
  const course = (await res.json()) as {
    modules: { lessons: { title: string; progress: { status: string } }[] }[];
  };
  const lessons = course.modules.flatMap((m) => m.lessons);
  const done = lessons.filter((l) => l.progress.status === 'completed');
  expect(done.map((l) => l.title)).toEqual(expect.arrayContaining([TEXT_1, TEXT_2]));
  expect(done).toHaveLength(before + newlyDone);
  // Nothing is left in the browser queue.
  await expect(page.getByTestId('sync-status')).toHaveText('Tersimpan');
});

test('a learner plays the SCORM lesson, leaves on page 2 and resumes on page 2', async ({
  page,
}) => {
  await signIn(page, 'asn@siantar.test');
  await openCourseHome(page);

  await homeLesson(page, SCORM).getByRole('link', { name: SCORM }).click();
  await expect(page.getByTestId('lesson-title')).toHaveText(SCORM);
  let sco = page.frameLocator('[data-testid="scorm-frame"]');
  await expect(sco.locator('#lms-status')).toHaveText('Tersambung ke LMS');
  const title = sco.locator('#page-title');
  await expect(title).toHaveText(/Halaman \d dari 3/);
  // Start from page 1 whatever an earlier run left.
  while ((await title.textContent())?.trim() !== 'Halaman 1 dari 3') {
    await sco.getByRole('button', { name: /Sebelumnya/ }).click();
  }
  await sco.getByRole('button', { name: /Berikutnya/ }).click();
  await expect(title).toHaveText('Halaman 2 dari 3');

  // Leave inside the app, wait until the commit has reached the server.
  const committed = page.waitForResponse(
    (r) => r.url().includes('/scorm/commit') && r.request().method() === 'POST',
  );
  await page.getByTestId('course-home-link').click();
  await expect(page.getByRole('heading', { level: 1, name: COURSE })).toBeVisible();
  expect((await committed).status()).toBe(204);
  await expect(page.getByTestId('sync-status')).toHaveText('Tersimpan');

  // Come back: the SCO resumes on page 2.
  await homeLesson(page, SCORM).getByRole('link', { name: SCORM }).click();
  sco = page.frameLocator('[data-testid="scorm-frame"]');
  await expect(sco.locator('#lms-status')).toHaveText('Tersambung ke LMS');
  await expect(sco.locator('#page-title')).toHaveText('Halaman 2 dari 3');

  // And after a full reload of the page (another visit), still page 2.
  await page.reload();
  sco = page.frameLocator('[data-testid="scorm-frame"]');
  await expect(sco.locator('#page-title')).toHaveText('Halaman 2 dari 3');
});
