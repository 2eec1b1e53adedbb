import { expect, test } from '@playwright/test';
import { signIn, uniqueNip } from './support';

const HEADER =
  'nip,nama,email,telepon,jabatan,golongan,jenis_kepegawaian,kode_unit,peran,nip_atasan';
/** 30 February 1985: not a date, so not a valid NIP. */
const BAD_NIP = '198502302010011002';

test('an admin imports staff from CSV and sees each row’s result', async ({ page }) => {
  const seed = Date.now();
  const tag = seed.toString(36);
  const nip1 = uniqueNip(Math.floor(seed / 1000), 1);
  const nip2 = uniqueNip(Math.floor(seed / 1000) + 7, 2);
  const csv = [
    HEADER,
    `${nip1},Budi Santoso,budi.${tag}@siantar.test,081234567890,Pengadministrasi Umum,II/c,PNS,DISDUKCAPIL,learner,`,
    `${BAD_NIP},Salah Tanggal,salah.${tag}@siantar.test,,Pengadministrasi Umum,II/c,PNS,DISDUKCAPIL,learner,`,
    `${nip2},Sri Wahyuni,sri.${tag}@siantar.test,,Analis Kebijakan,III/a,PNS,DISDUKCAPIL,learner;supervisor,`,
  ].join('\n');

  await signIn(page, 'admin@siantar.test');
  await expect(page.getByRole('banner')).toContainText('Dedi Simanjuntak');

  await page
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Pengguna' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pengguna' })).toBeVisible();
  await page.getByRole('link', { name: 'Impor CSV' }).click();
  await expect(page).toHaveURL(/\/admin\/pengguna\/impor$/);

  // The template downloads with the bearer token.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Unduh templat CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);

  await page.getByLabel('Berkas CSV').setInputFiles({
    name: `pegawai-${tag}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await page.getByRole('button', { name: 'Unggah dan impor' }).click();

  await expect(page.getByTestId('import-summary')).toHaveText(
    '3 baris diproses: 2 dibuat, 1 gagal.',
  );
  const results = page.getByRole('region', { name: 'Hasil per baris' });

  // The bad row is line 3 (the header is line 1) and carries its error.
  const badRow = results.getByRole('row').filter({ hasText: BAD_NIP });
  await expect(badRow).toHaveCount(1);
  await expect(badRow.getByRole('cell').nth(0)).toHaveText('3');
  await expect(badRow.getByRole('cell').nth(2)).toHaveText('Gagal');
  await expect(badRow.getByRole('listitem').first()).not.toBeEmpty();

  for (const [nip, line] of [
    [nip1, '2'],
    [nip2, '4'],
  ] as const) {
    const row = results.getByRole('row').filter({ hasText: nip });
    await expect(row.getByRole('cell').nth(0)).toHaveText(line);
    await expect(row.getByRole('cell').nth(2)).toHaveText('Dibuat');
    await expect(row.getByRole('listitem')).toHaveCount(0);
  }

  // The new staff can be found in the user list.
  await page.getByRole('link', { name: 'Kembali ke daftar pengguna' }).click();
  await page.getByRole('searchbox', { name: 'Cari' }).fill(nip1);
  await expect(
    page
      .getByRole('region', { name: 'Daftar pengguna' })
      .getByRole('row')
      .filter({ hasText: nip1 }),
  ).toContainText('Budi Santoso');
});
