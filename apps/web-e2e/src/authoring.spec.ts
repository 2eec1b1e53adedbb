import { type Page, expect, test } from '@playwright/test';
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

test('a partner drafts a course with a text and a video lesson; an admin reviews and publishes it', async ({
  page,
}) => {
  // A long journey through two accounts: more than the default minute.
  test.setTimeout(180_000);
  const tag = Date.now().toString(36).toUpperCase();
  const code = `E2E-${tag}`;
  const title = `Pelayanan Publik Digital ${tag}`;
  const textLesson = 'Mengenal aplikasi layanan daring';
  const videoLesson = 'Video: alur permohonan';

  // --- The partner drafts the course ---
  await signIn(page, 'mitra@siantar.test');
  await expect(page.getByRole('banner')).toContainText('Lestari Purba');
  await openAuthoring(page);

  await page.getByRole('button', { name: 'Kursus baru' }).click();
  const create = page.getByRole('dialog');
  // The dialog focuses its first field once open: typing before that would land elsewhere.
  await expect(create.getByLabel('Kode kursus')).toBeFocused();
  await create.getByLabel('Kode kursus').fill(code);
  await create.getByLabel('Judul kursus').fill(title);
  await create.getByRole('button', { name: 'Buat kursus' }).click();
  await expect(page).toHaveURL(/\/penulisan\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId('status-chip').first()).toHaveText('Draf');

  await page.getByRole('tab', { name: 'Kerangka' }).click();
  await page.getByRole('button', { name: 'Tambah modul' }).click();
  const moduleDialog = page.getByRole('dialog');
  await moduleDialog.getByLabel('Judul modul').fill('Pengenalan layanan digital');
  await moduleDialog.getByRole('button', { name: 'Simpan' }).click();
  await expect(moduleDialog).toBeHidden();
  await expect(page.getByRole('heading', { name: /Pengenalan layanan digital/ })).toBeVisible();

  // A text lesson in Markdown, with the live preview.
  await page.getByRole('button', { name: 'Tambah pelajaran' }).click();
  const textDialog = page.getByRole('dialog');
  await textDialog.getByLabel('Judul pelajaran').fill(textLesson);
  await textDialog.getByLabel('Durasi (menit)').fill('20');
  await textDialog
    .getByLabel('Isi (Markdown atau HTML)')
    .fill('# Selamat datang\n\nAplikasi **Siantar Melayani** memudahkan warga.');
  await expect(
    textDialog
      .getByRole('region', { name: 'Pratinjau' })
      .getByRole('heading', { name: 'Selamat datang' }),
  ).toBeVisible();
  await textDialog.getByRole('button', { name: 'Simpan pelajaran' }).click();
  await expect(textDialog).toBeHidden();

  // A video lesson from an external URL (not played here).
  await page.getByRole('button', { name: 'Tambah pelajaran' }).click();
  const videoDialog = page.getByRole('dialog');
  await videoDialog.getByRole('combobox', { name: 'Jenis pelajaran' }).click();
  await page.getByRole('option', { name: 'Video' }).click();
  await videoDialog.getByLabel('Judul pelajaran').fill(videoLesson);
  await videoDialog.getByLabel('Durasi (menit)').fill('10');
  await videoDialog.getByRole('radio', { name: 'URL eksternal' }).check();
  await videoDialog.getByLabel('URL video').fill('https://video.siantar.test/alur-permohonan.mp4');
  await videoDialog.getByRole('button', { name: 'Simpan pelajaran' }).click();
  await expect(videoDialog).toBeHidden();

  const lessons = page.getByRole('list', { name: /Pelajaran di modul/ }).getByRole('listitem');
  await expect(lessons).toHaveCount(2);
  await expect(lessons.nth(0)).toContainText(textLesson);
  await expect(lessons.nth(1)).toContainText(videoLesson);

  // Keyboard reorder: the move button keeps focus and the order is saved (PUT …/outline).
  const up = page.getByRole('button', { name: `Pindahkan pelajaran ${videoLesson} ke atas` });
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(lessons.nth(0)).toContainText(videoLesson);
  // At the top its "up" button is disabled, so the focus moves to its "down" button.
  await expect(
    page.getByRole('button', { name: `Pindahkan pelajaran ${videoLesson} ke bawah` }),
  ).toBeFocused();
  await expect(page.getByText('Menyimpan urutan…')).toBeHidden();
  await page.reload();
  await page.getByRole('tab', { name: 'Kerangka' }).click();
  await expect(lessons.nth(0)).toContainText(videoLesson);

  // Metadata: a summary (required to submit) and the JP suggested from the durations
  // (30 minutes → 0.7 JP at 45 minutes per JP), saved with PATCH …/draft.
  await page.getByRole('tab', { name: 'Informasi' }).click();
  await page
    .getByLabel('Ringkasan')
    .fill('Cara melayani warga lewat aplikasi layanan publik daring Kota Pematangsiantar.');
  await page.getByRole('button', { name: 'Gunakan saran dari durasi pelajaran: 0.7 JP' }).click();
  await expect(page.getByLabel('Jam pelajaran (JP)')).toHaveValue('0.7');
  await page.getByRole('button', { name: 'Simpan informasi kursus' }).click();
  await expect(page.getByText('Informasi kursus tersimpan.')).toBeVisible();

  await page.getByRole('button', { name: 'Kirim untuk review' }).click();
  const submit = page.getByRole('dialog');
  await submit
    .getByLabel('Catatan perubahan')
    .fill('Versi pertama: pengenalan aplikasi dan video alur.');
  await submit.getByRole('button', { name: 'Kirim', exact: true }).click();
  await expect(submit).toBeHidden();
  await expect(page.getByTestId('status-chip').first()).toHaveText('Dalam review');
  await expect(page.getByRole('button', { name: 'Kirim untuk review' })).toHaveCount(0);
  await signOut(page);

  // --- The admin reviews and publishes it ---
  await signIn(page, 'admin@siantar.test');
  await openAuthoring(page);
  const awaiting = page.getByRole('region', { name: /Menunggu review/ });
  await awaiting.getByRole('link', { name: title }).click();
  await expect(page).toHaveURL(/\/penulisan\/[0-9a-f-]{36}\/review$/);
  await expect(page.getByRole('tab', { name: 'Review', selected: true })).toBeVisible();

  await page.getByRole('button', { name: `Komentari pelajaran ${textLesson}` }).click();
  await page.getByLabel(`Komentar untuk ${textLesson}`).fill('Tambahkan tangkapan layar formulir.');
  await page.getByRole('button', { name: 'Kirim komentar' }).last().click();
  await expect(page.getByText('Tambahkan tangkapan layar formulir.')).toBeVisible();

  await page.getByRole('button', { name: 'Setujui & terbitkan' }).click();
  const approve = page.getByRole('dialog');
  await approve.getByLabel('Catatan (opsional)').fill('Siap terbit.');
  await approve.getByRole('button', { name: 'Setujui & terbitkan' }).click();
  await expect(approve).toBeHidden();
  await expect(page.getByTestId('status-chip').first()).toHaveText('Terbit');

  // History shows the changelog and the approval; the list shows the course as published.
  await page.getByRole('tab', { name: 'Riwayat versi' }).click();
  await expect(
    page.getByText('Versi pertama: pengenalan aplikasi dan video alur.').first(),
  ).toBeVisible();
  await expect(page.getByText('Disetujui & terbit')).toBeVisible();
  await page.getByRole('link', { name: 'Kursus saya' }).click();
  const card = page.getByRole('listitem').filter({ hasText: code });
  await expect(card.getByTestId('status-chip')).toHaveText('Terbit');
});
