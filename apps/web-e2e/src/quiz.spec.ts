import { type Page, expect, test } from '@playwright/test';
import { openCourseHome, signIn } from './support';

/** The demo quiz of PPBD-01 (apps/api/src/cli/demo-quiz.ts): six questions, the last an essay, 15 minutes. */
const QUIZ_LESSON = 'Kuis akhir';
/** A demo staff member, so this journey leaves the main demo learner's progress alone. */
const LEARNER = 'andi.siregar.1@siantar.test';

function question(page: Page, slot: number) {
  return page.getByTestId(`question-${slot}`);
}

async function expectSaved(page: Page, slot: number) {
  await expect(page.getByTestId(`save-state-${slot}`)).toHaveAttribute('data-state', 'saved');
}

test('a learner takes a timed quiz, keeps answers given offline, sees the result live, the trainer’s essay mark arrives live, and the report shows it', async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(120_000);
  // Results must arrive through socket.io, not a reload or a poll: count the pushed events.
  const pushed: string[] = [];
  page.on('websocket', (ws) => {
    ws.on('framereceived', ({ payload }) => {
      if (typeof payload === 'string' && payload.includes('"attempt.graded"')) pushed.push(payload);
    });
  });
  await signIn(page, LEARNER);
  await openCourseHome(page);
  await page
    .getByTestId('home-lesson')
    .filter({ hasText: QUIZ_LESSON })
    .getByRole('link', { name: QUIZ_LESSON })
    .click();
  await page.getByTestId('quiz-start').first().click();
  await expect(page).toHaveURL(/\/belajar\/kuis\/[0-9a-f-]{36}/);
  // The server's clock: a countdown below 15 minutes.
  await expect(page.getByTestId('quiz-timer')).toContainText(/1[45][.:]\d\d/);

  await question(page, 1).getByText('Kartu Keluarga lama dan dokumen pendukung perubahan').click();
  await expectSaved(page, 1);
  await page.getByTestId('quiz-next').click();

  // Two answers while the connection is down: kept in the browser, shown as not yet sent.
  await context.setOffline(true);
  await question(page, 2).getByText('Benar', { exact: true }).click();
  await expect(page.getByTestId('save-state-2')).toHaveAttribute('data-state', 'offline');
  await page.getByTestId('quiz-next').click();
  await question(page, 3)
    .getByText('Menunjukkan langkahnya lalu membiarkan warga mencoba sendiri')
    .click();
  await question(page, 3).getByText('Memeriksa kelengkapan dokumen sebelum dikirim').click();
  await expect(page.getByTestId('save-state-3')).toHaveAttribute('data-state', 'offline');
  await expect(page.getByTestId('quiz-offline')).toBeVisible();
  await context.setOffline(false);
  await expectSaved(page, 3);

  await page.getByTestId('quiz-next').click();
  await question(page, 4).getByTestId('text-answer').fill('3');
  await expectSaved(page, 4);
  await page.getByTestId('quiz-next').click();
  await question(page, 5).getByTestId('text-answer').fill('e-government');
  await expectSaved(page, 5);
  await page.getByTestId('quiz-next').click();
  await question(page, 6)
    .getByTestId('essay-answer')
    .fill('Saya mendampingi beliau langkah demi langkah dan memakai bahasa yang sederhana.');
  await expectSaved(page, 6);
  // The offline answer reached the server too.
  await page.getByTestId('palette-2').click();
  await expectSaved(page, 2);

  await page.getByTestId('quiz-submit').click();
  await page.getByTestId('quiz-confirm-submit').click();
  // Graded by the worker and pushed over socket.io: no reload.
  await expect(page.getByTestId('quiz-awaiting')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('quiz-result')).toContainText('5');
  expect(pushed).toHaveLength(1);
  expect(pushed[0]).toContain('"awaiting-grading"');

  const trainerContext = await browser.newContext();
  const trainer = await trainerContext.newPage();
  await signIn(trainer, 'pelatih@siantar.test');
  await trainer.goto('/penilaian/penilaian-esai');
  await trainer.getByTestId('grading-item').filter({ hasText: 'Refleksi loket' }).first().click();
  await expect(trainer.getByText('memakai bahasa yang sederhana')).toBeVisible();
  const report = await trainer
    .getByRole('link', { name: 'Kuis akhir: Pelayanan Publik Berbasis Digital' })
    .getAttribute('href');
  await trainer.getByTestId('mark-input').fill('1');
  await trainer.getByTestId('save-grade').click();

  await expect(page.getByTestId('quiz-result')).toHaveAttribute('data-status', 'graded', {
    timeout: 20_000,
  });
  await expect(page.getByTestId('quiz-score')).toContainText('100');
  await expect(page.getByTestId('quiz-passed')).toBeVisible();
  expect(pushed).toHaveLength(2);
  expect(pushed[1]).toContain('"graded"');

  // The trainer's report: one graded attempt at 100 %, the chart beside its table, a CSV.
  await trainer.goto(report ?? '');
  await expect(trainer.getByTestId('report-stats')).toContainText('100');
  await expect(
    trainer.locator('sb-score-histogram canvas, sb-score-histogram svg').first(),
  ).toBeVisible();
  await expect(
    trainer
      .getByTestId('report-histogram-table')
      .getByRole('row')
      .filter({ hasText: /^\s*90/ }),
  ).toContainText('1');
  await expect(trainer.getByTestId('report-items').getByRole('row')).toHaveCount(7);
  const csv = trainer.waitForEvent('download');
  await trainer.getByTestId('report-csv').click();
  expect((await csv).suggestedFilename()).toMatch(/\.csv$/);
  await trainerContext.close();

  // Passing the quiz completed its lesson.
  await page.getByTestId('quiz-back-to-lesson').click();
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-status', 'completed');

  // The trainer's mark also came to the bell without a reload; it leads back to the result.
  await page.getByTestId('notification-bell').click();
  const notice = page.getByTestId('notification-item').filter({ hasText: 'Hasil kuis' }).first();
  await expect(notice).toBeVisible({ timeout: 20_000 });
  await expect(notice).toContainText('Nilai Anda 100 — lulus');
  await notice.click();
  await expect(page).toHaveURL(/\/belajar\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-status', 'completed');
});
