import { type Page, expect, test } from '@playwright/test';
import { openCourseByTitle, ringValue, signIn } from './support';

/**
 * Short demo courses of two text lessons each (apps/api/src/cli/demo-courses.ts), completed
 * by reading both; the default completion rules (all lessons) then complete the enrolment.
 * The first one the learner has not completed yet is used, so that the journey can run again.
 */
const COURSES = [
  { title: 'Pelayanan Prima', jp: 3 },
  { title: 'Manajemen Administrasi Perkantoran', jp: 6 },
];

/** Hendra Damanik (PNS, target 20 JP): a learner no other journey takes courses with. */
const LEARNER = 'atasan@siantar.test';

async function readToTheEnd(page: Page): Promise<void> {
  await page.getByTestId('lesson-end').evaluate((el) => el.scrollIntoView({ block: 'end' }));
}

test('a learner sees the JP ring, completes a short course and sees the ring grow', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, LEARNER);

  // "Pembelajaran saya" shows this year's JP against the target.
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await nav.getByRole('link', { name: 'Pembelajaran Saya' }).click();
  await expect(page).toHaveURL(/\/belajar$/);
  const before = await ringValue(page);
  const ring = page.getByRole('progressbar', { name: 'JP tahun ini' });
  await expect(ring).toHaveAttribute('aria-valuemax', '20');
  await expect(ring).toHaveAttribute('aria-valuetext', new RegExp(`dari 20 JP$`));

  // A course not completed yet.
  let course: (typeof COURSES)[number] | null = null;
  for (const c of COURSES) {
    await openCourseByTitle(page, c.title);
    const checklist = page.getByTestId('completion-checklist');
    await expect(checklist).toBeVisible();
    await expect(checklist.getByRole('listitem').first()).toBeVisible();
    if (!(await page.getByTestId('checklist-completed').isVisible())) {
      course = c;
      break;
    }
  }
  expect(course, 'every short demo course is already completed by this learner').not.toBeNull();
  const { jp } = course as (typeof COURSES)[number];

  // The checklist names what remains: the required lessons, not met yet.
  const lessonsRule = page.locator('[data-criterion="lessons"]');
  await expect(lessonsRule).toHaveAttribute('data-met', 'false');
  await expect(lessonsRule).toContainText('Selesaikan materi wajib');

  // Read every lesson that is not completed yet.
  const todo = page.locator('[data-testid="home-lesson"]:not([data-status="completed"])');
  while ((await todo.count()) > 0) {
    await todo.first().getByRole('link').click();
    await expect(page.getByTestId('lesson-title')).toBeVisible();
    await readToTheEnd(page);
    await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-status', 'completed');
    await expect(page.getByTestId('sync-status')).toHaveText('Tersimpan', { timeout: 20_000 });
    await page.getByTestId('course-home-link').click();
    await expect(page.getByTestId('completion-checklist')).toBeVisible();
  }

  // The worker completes the enrolment; the `completion` event refreshes the checklist
  // (a reload stands in if the socket missed it).
  const completed = page.getByTestId('checklist-completed');
  await expect(async () => {
    if (!(await completed.isVisible())) {
      await page.reload();
    }
    await expect(completed).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 45_000 });
  await expect(lessonsRule).toHaveAttribute('data-met', 'true');

  // Back on "Pembelajaran saya": the ring counts the course's JP.
  await nav.getByRole('link', { name: 'Pembelajaran Saya' }).click();
  await expect(page).toHaveURL(/\/belajar$/);
  await expect(ring).toHaveAttribute('aria-valuenow', String(before + jp));
  await expect(page.getByTestId('jp-ring-value')).toHaveText(
    new Intl.NumberFormat('id-ID', { maximumFractionDigits: 1 }).format(before + jp),
  );

  // The details page shows the same total and the course in the year's ledger.
  await page.getByRole('link', { name: 'Lihat rincian JP' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jam Pelajaran Saya' })).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'JP tahun ini' })).toHaveAttribute(
    'aria-valuenow',
    String(before + jp),
  );
  await expect(
    page.getByTestId('ledger-row').filter({ hasText: (course as { title: string }).title }),
  ).toHaveCount(1);
});
