import { type Locator, type Page, expect, test } from '@playwright/test';
import { signIn } from './support';

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page).toHaveURL(/\/masuk$/);
}

async function openAuthoring(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Penulisan kursus' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kursus saya' })).toBeVisible();
}

/** Selects a scene from the editor's list view, where each scene is a button. */
async function pickScene(editor: Locator, title: string): Promise<void> {
  await editor
    .getByRole('list', { name: 'Daftar adegan' })
    .getByRole('button', { name: title })
    .first()
    .click();
  await expect(editor.getByTestId('scene-title')).toHaveValue(title);
}

test('a trainer builds a three-scene scenario in the editor and publishes it', async ({ page }) => {
  test.setTimeout(180_000);
  const tag = Date.now().toString(36).toUpperCase();
  const title = `Simulasi Loket ${tag}`;
  const lessonTitle = 'Menyambut warga di loket';

  await signIn(page, 'pelatih@siantar.test');
  await openAuthoring(page);
  await page.getByRole('button', { name: 'Kursus baru' }).click();
  const create = page.getByRole('dialog');
  // The dialog focuses its first field once open: typing before that would land elsewhere.
  await expect(create.getByLabel('Kode kursus')).toBeFocused();
  await create.getByLabel('Kode kursus').fill(`SIM-${tag}`);
  await create.getByLabel('Judul kursus').fill(title);
  await create.getByRole('button', { name: 'Buat kursus' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  await page.getByRole('tab', { name: 'Kerangka' }).click();
  await page.getByRole('button', { name: 'Tambah modul' }).click();
  const moduleDialog = page.getByRole('dialog');
  await moduleDialog.getByLabel('Judul modul').fill('Praktik loket');
  await moduleDialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(moduleDialog).toBeHidden();

  // A simulation lesson: its scenario is built in the full-screen editor.
  await page.getByRole('button', { name: 'Tambah pelajaran' }).click();
  const lesson = page.getByRole('dialog').first();
  await lesson.getByRole('combobox', { name: 'Jenis pelajaran' }).click();
  await page.getByRole('option', { name: 'Simulasi' }).click();
  await lesson.getByLabel('Judul pelajaran').fill(lessonTitle);
  await lesson.getByLabel('Durasi (menit)').fill('15');
  await lesson.getByTestId('open-scenario-editor').click();
  const editor = page.getByRole('dialog', { name: 'Editor skenario' });
  await expect(editor).toBeVisible();
  await editor
    .getByRole('radio', { name: 'Daftar' })
    .or(editor.getByRole('button', { name: 'Daftar' }))
    .first()
    .click();

  // Scene 1: the opening, whose choice gets a new scene as its target.
  await pickScene(editor, 'Pembukaan');
  await editor.getByTestId('scene-title').fill('Warga datang');
  await editor
    .getByLabel('Narasi')
    .fill('<p>Seorang warga datang ingin mengurus akta kelahiran.</p>');
  await editor.getByLabel('Tulisan pilihan').first().fill('Sapa dan tanyakan keperluannya');
  await editor.getByRole('button', { name: 'Adegan tujuan baru' }).first().click();

  // Scene 2: the new scene is selected; it leads to the ending.
  await editor.getByTestId('scene-title').fill('Menjelaskan layanan daring');
  await editor.getByLabel('Narasi').fill('<p>Anda menunjukkan aplikasi layanan daring.</p>');
  await editor.getByTestId('add-choice').click();
  await editor.getByLabel('Tulisan pilihan').first().fill('Bantu mengisi permohonan bersama');
  await editor.getByRole('combobox', { name: 'Adegan tujuan' }).first().click();
  await page.getByRole('option', { name: 'Akhir cerita' }).click();

  // Scene 3: the ending, with its debrief.
  await pickScene(editor, 'Akhir cerita');
  await editor.getByLabel('Narasi').fill('<p>Warga pulang membawa nomor permohonan.</p>');
  await editor.getByLabel('Pembahasan').fill('Mengajak warga mencoba sendiri memangkas antrean.');
  await expect(editor.getByTestId('problem-count')).toHaveText('0 masalah');

  // The preview plays it from the opening.
  await pickScene(editor, 'Warga datang');
  await editor.getByTestId('preview-from-scene').click();
  await editor.getByRole('button', { name: 'Sapa dan tanyakan keperluannya' }).click();
  await editor.getByRole('button', { name: 'Bantu mengisi permohonan bersama' }).click();
  await expect(editor.getByText('Mengajak warga mencoba sendiri memangkas antrean.')).toBeVisible();

  await editor.getByTestId('editor-done').click();
  await expect(editor).toBeHidden();
  await expect(lesson.getByTestId('simulation-summary')).toContainText('3');
  await lesson.getByRole('button', { name: 'Simpan pelajaran' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.getByRole('tab', { name: 'Informasi' }).click();
  await page
    .getByLabel('Ringkasan')
    .fill('Latihan menyambut warga dan menjelaskan layanan daring.');
  await page.getByRole('button', { name: 'Simpan informasi kursus' }).click();
  await expect(page.getByText('Informasi kursus tersimpan.')).toBeVisible();
  await page.getByRole('button', { name: 'Kirim untuk review' }).click();
  const submit = page.getByRole('dialog');
  await submit.getByLabel('Catatan perubahan').fill('Versi pertama dengan simulasi tiga adegan.');
  await submit.getByRole('button', { name: 'Kirim', exact: true }).click();
  await expect(submit).toBeHidden();
  await expect(page.getByTestId('status-chip').first()).toHaveText('Dalam review');
  await signOut(page);

  // The admin approves: the course and its simulation are published.
  await signIn(page, 'admin@siantar.test');
  await openAuthoring(page);
  await page
    .getByRole('region', { name: /Menunggu review/ })
    .getByRole('link', { name: title })
    .click();
  await page.getByRole('button', { name: 'Setujui & terbitkan' }).click();
  const approve = page.getByRole('dialog');
  await approve.getByRole('button', { name: 'Setujui & terbitkan' }).click();
  await expect(approve).toBeHidden();
  await expect(page.getByTestId('status-chip').first()).toHaveText('Terbit');
});
