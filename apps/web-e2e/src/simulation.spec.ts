import { type Page, expect, test } from '@playwright/test';
import { openCourseByTitle, signIn } from './support';

/**
 * The demo scenario of apps/api/src/cli/demo-scenarios/akta-kelahiran.ts; its best and poor
 * paths are AKTA_BEST_PATH and AKTA_POOR_PATH there (copied here: e2e specs import no app code).
 */
const COURSE = 'Simulasi Pelayanan di Loket';
const SCENARIO = 'Membantu Warga Mengajukan Akta Kelahiran secara Daring';
const LEARNER = 'asn@siantar.test';
const FORM: Record<string, string> = {
  'nik-pemohon': '1273011503900002',
  'nomor-kk': '1273010405180007',
  'jenis-permohonan': 'Akta Kelahiran dan pembaruan KK',
  'nama-anak': 'Nadia Aurelia Sinaga',
  'jenis-kelamin': 'Perempuan',
  'tempat-lahir': 'Pematangsiantar',
  'tanggal-lahir': '2026-11-12',
  'nama-ayah': 'Rudi Hartono Sinaga',
  'nama-ibu': 'Melati br Purba',
  'nomor-ponsel': '081200007788',
};
const SELECTS = ['jenis-permohonan', 'jenis-kelamin'];

const sceneTitle = (page: Page) => page.getByTestId('scene-title');

/** Picks a choice and waits for the scene that follows it. */
async function choose(page: Page, choiceId: string, nextScene: string | RegExp) {
  await page.getByTestId(`choice-${choiceId}`).click();
  await expect(sceneTitle(page)).toHaveText(nextScene);
}

async function fillForm(page: Page, answers: Record<string, string>) {
  for (const [key, value] of Object.entries(answers)) {
    const field = page.getByTestId(`field-${key}`);
    if (SELECTS.includes(key)) await field.selectOption(value);
    else await field.fill(value);
  }
  await page.getByTestId('practice-submit').click();
}

test('a learner plays the civil-registry simulation to the best ending, then replays to a poor one', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, LEARNER);
  await openCourseByTitle(page, COURSE);
  const lesson = page.getByTestId('home-lesson').filter({ hasText: SCENARIO });
  await lesson.getByRole('link', { name: SCENARIO }).click();
  await expect(page.getByRole('heading', { level: 1, name: SCENARIO })).toBeVisible();

  // Start (or, on a database this journey already used, start again).
  await page.getByTestId('start').click();
  await expect(sceneTitle(page)).toHaveText('Warga tiba di loket');
  await expect(page.getByTestId('scene-speaker')).toContainText('Rudi');

  await choose(page, 'sambut-tanya', 'Dokumen lengkap, saatnya mencoba aplikasi');
  await expect(page.getByTestId('feedback')).toBeVisible();
  await choose(page, 'tawarkan-bersama', 'Menemukan menu yang tepat');

  // The menu practice: a wrong pick is explained, then the right path.
  await expect(page.getByTestId('menu-screen')).toHaveText('Beranda');
  await expect(page.getByTestId('practice-pending')).toBeVisible();
  const wrong = page
    .getByTestId(/^menu-option-/)
    .filter({ hasText: 'Layanan Kependudukan' })
    .first();
  await wrong.click();
  await expect(page.getByTestId('menu-mistake')).toBeVisible();
  for (const [option, screen] of [
    ['menu-pencatatan-sipil', 'Layanan Pencatatan Sipil'],
    ['menu-akta-kelahiran', 'Akta Kelahiran'],
  ]) {
    await page.getByTestId(`menu-option-${option}`).click();
    await expect(page.getByTestId('menu-screen')).toHaveText(screen);
  }
  await page.getByTestId('menu-option-menu-ajukan-baru').click();
  await expect(page.getByTestId('menu-done')).toBeVisible();
  await choose(page, 'menu-ajak-isi', 'Mengisi formulir permohonan');

  // The practice form: the phone number copied with its dashes is refused and explained.
  await expect(page.getByTestId('practice-documents')).toBeVisible();
  await fillForm(page, { ...FORM, 'nomor-ponsel': '0812-0000-7788' });
  await expect(page.getByTestId('form-mistakes')).toBeVisible();
  await expect(page.getByTestId('mistake-nomor-ponsel')).toBeVisible();
  await expect(page.getByTestId('mistake-nik-pemohon')).toHaveCount(0);
  await fillForm(page, FORM);
  await expect(page.getByTestId('form-done')).toBeVisible();

  await choose(page, 'formulir-baca-ulang', 'Mengunggah dokumen persyaratan');
  await choose(page, 'unggah-lengkap', 'Permohonan terkirim');
  await choose(page, 'selesai-jelaskan', 'Pak Rudi pulang dengan tenang');
  await expect(page.getByTestId('ending-rating')).toHaveText('Terbaik');
  await expect(page.getByTestId('ending-completes')).toHaveText(
    'Hasil ini menyelesaikan pelajaran.',
  );
  await expect(page.getByTestId('ending-debrief')).not.toBeEmpty();
  // The mistakes made on the way are listed with the debrief.
  await expect(page.getByTestId('ending-mistakes').getByRole('listitem')).toHaveCount(2);

  // Replay, taking the poor path; the best run still counts.
  await page.getByTestId('replay').click();
  await expect(sceneTitle(page)).toHaveText('Warga tiba di loket');
  await choose(page, 'sambut-kertas', 'Antrean makin panjang');
  await choose(page, 'kertas-antre', 'Pak Rudi pulang tanpa permohonan');
  await expect(page.getByTestId('ending-rating')).toHaveText('Kurang');
  await expect(page.getByTestId('run-counted')).toContainText('Terbaik');

  // The lesson is completed on the course home.
  await page.goto(page.url().replace(/\/[0-9a-f-]{36}$/, ''));
  await expect(page.getByTestId('home-lesson').filter({ hasText: SCENARIO })).toHaveAttribute(
    'data-status',
    'completed',
  );
});

test('a reload in the middle of a simulation resumes where the learner was', async ({ page }) => {
  await signIn(page, LEARNER);
  await openCourseByTitle(page, COURSE);
  await page
    .getByTestId('home-lesson')
    .filter({ hasText: SCENARIO })
    .getByRole('link', { name: SCENARIO })
    .click();
  await page.getByTestId('start').or(page.getByTestId('replay')).first().click();
  await expect(sceneTitle(page)).toHaveText('Warga tiba di loket');
  await choose(page, 'sambut-tanya', 'Dokumen lengkap, saatnya mencoba aplikasi');
  await page.reload();
  await expect(sceneTitle(page)).toHaveText('Dokumen lengkap, saatnya mencoba aplikasi');
  await expect(page.getByTestId('choice-tawarkan-bersama')).toBeVisible();
});
