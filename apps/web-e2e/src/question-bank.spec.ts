import { expect, test } from '@playwright/test';
import { signIn } from './support';

/** The demo course bank of PPBD-01 (apps/api/src/cli/demo-quiz.ts); `pelatih` authors the course. */
const BANK = 'Bank soal Pelayanan Publik Berbasis Digital';

const GIFT = `$CATEGORY: $course$/top/Loket

::Sapa warga::Petugas menyapa warga sebelum warga berbicara. {TRUE}

::Rusak::Soal ini rusak {=satu ~dua
`;

test('a trainer imports GIFT into a bank after a preview that names the bad line, then finds and exports it', async ({
  page,
}) => {
  await signIn(page, 'pelatih@siantar.test');
  await page.goto('/penilaian/bank-soal');
  await page.getByTestId('bank-link').filter({ hasText: BANK }).click();
  await page.getByTestId('bank-import').click();

  await page.getByTestId('import-text').fill(GIFT);
  await page.getByTestId('import-preview').click();
  await expect(page.getByTestId('import-preview-row')).toHaveCount(1);
  await expect(page.getByTestId('import-preview-row')).toContainText('Sapa warga');
  await expect(page.getByTestId('import-error')).toHaveCount(1);
  await expect(page.getByTestId('import-error')).toContainText('5');

  await page.getByTestId('import-confirm').click();
  await expect(page.getByTestId('import-result')).toContainText('1');

  await page.goto('/penilaian/bank-soal');
  await page.getByTestId('bank-link').filter({ hasText: BANK }).click();
  await page.getByTestId('question-search').fill('Sapa warga');
  await expect(page.getByTestId('question-link').filter({ hasText: 'Sapa warga' })).toBeVisible();
  await expect(page.getByTestId('category-node').filter({ hasText: 'Loket' })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByTestId('bank-export').click();
  expect((await download).suggestedFilename()).toMatch(
    /^bank-soal-pelayanan-publik-berbasis-digital\.gift/,
  );
});
