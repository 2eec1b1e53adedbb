import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { Workbook } from 'exceljs';
import { signIn } from './support';

const OPD = 'Dinas Kependudukan dan Pencatatan Sipil';
/** Demo accounts placed in Disdukcapil (apps/api/src/cli/demo-data.ts). */
const PEOPLE = ['Rina Marpaung', 'Hendra Damanik'];

test('an admin drills down to an OPD and a person, and exports the OPD people as XLSX', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, 'admin@siantar.test');

  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await nav.getByRole('link', { name: 'Dasbor' }).click();
  await expect(page).toHaveURL(/\/laporan$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Dasbor' })).toBeVisible();

  // City-wide: KPI cards, and each chart with its table.
  const kpis = page.getByTestId('kpis');
  await expect(kpis.locator('[data-kpi="staff"] dd')).not.toHaveText('');
  for (const table of [
    'months-table',
    'buckets-table',
    'rank-table',
    'competency-table',
    'funnel-table',
  ]) {
    await expect(page.getByTestId(table)).toBeVisible();
  }
  await expect(page.getByTestId('months-table').locator('tbody tr')).toHaveCount(12);

  // Drill down to the OPD: the filter goes into the URL and the breadcrumb names it.
  await page.getByTestId('units-table').getByRole('link', { name: OPD, exact: true }).click();
  await expect(page).toHaveURL(/[?&]unit=[0-9a-f-]{36}/);
  const crumbs = page.getByRole('navigation', { name: 'Lingkup laporan' });
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText(OPD);
  // Its bidang are the next level.
  await expect(
    page
      .getByTestId('units-table')
      .getByRole('link', { name: 'Bidang Pelayanan Pendaftaran Penduduk' }),
  ).toBeVisible();
  const opdUrl = page.url();

  // The OPD's people; the URL survives a reload.
  await page.reload();
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText(OPD);
  const people = page.getByTestId('people-table');
  for (const name of PEOPLE) {
    await expect(people.getByRole('link', { name, exact: true })).toBeVisible();
  }

  // A person: their courses and their ledger.
  await people.getByRole('link', { name: PEOPLE[0], exact: true }).click();
  await expect(page).toHaveURL(/\/laporan\/orang\/[0-9a-f-]{36}/);
  await expect(page.getByTestId('person-name')).toHaveText(PEOPLE[0]);
  await expect(page.getByTestId('enrolment-table')).toBeVisible();
  await expect(page.getByTestId('ledger-table')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Tambah entri' })).toBeVisible();

  // Back to the OPD's dashboard, filters kept.
  await page.getByRole('main').getByRole('link', { name: 'Dasbor' }).click();
  await expect(crumbs.locator('[aria-current="page"]')).toHaveText(OPD);
  expect(new URL(page.url()).searchParams.get('unit')).toBe(
    new URL(opdUrl).searchParams.get('unit'),
  );

  // Export the people table as XLSX: progress, then a link to the file.
  const started = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/reports/exports') && r.request().method() === 'POST',
  );
  await page.getByTestId('export-people-xlsx').click();
  expect((await started).status()).toBe(202);
  const link = page.getByTestId('export-download-people');
  await expect(link).toBeVisible({ timeout: 60_000 });
  await expect(link).toContainText('.xlsx');

  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const path = await download.path();
  const workbook = new Workbook();
  const bytes = await readFile(path);
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const sheet = workbook.worksheets[0];
  expect(sheet).toBeDefined();
  const cells = (n: number): string[] =>
    ((sheet?.getRow(n).values as unknown[]) ?? []).slice(1).map((v) => String(v ?? ''));
  const header = cells(1);
  expect(header.slice(0, 5)).toEqual([
    'NIP',
    'Nama',
    'Pangkat/golongan',
    'Jenis kepegawaian',
    'Unit',
  ]);
  expect(header[5]).toMatch(/^JP \d{4}$/);
  expect(header).toContain('Target JP');
  const names: string[] = [];
  sheet?.eachRow((row, n) => {
    if (n > 1) {
      names.push(String((row.values as unknown[])[2] ?? ''));
    }
  });
  for (const name of PEOPLE) {
    expect(names).toContain(name);
  }
  // Everyone in the OPD's table is in the file.
  const shown = await people.getByTestId('person-row').count();
  expect(names.length).toBeGreaterThanOrEqual(shown);
});
