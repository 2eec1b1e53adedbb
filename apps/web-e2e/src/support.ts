import { type Page, expect } from '@playwright/test';

/** Demo course of the seed (apps/api/src/cli/demo-courses.ts). */
export const COURSE = 'Pelayanan Publik Berbasis Digital';

export const DEMO_PASSWORD = 'siantar-demo';

/** Signs in through the form, as a person would, and waits for the home page. */
export async function signIn(page: Page, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/masuk');
  await page.getByLabel('NIP atau email').fill(login);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page).toHaveURL(/\/beranda$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // A previous, interrupted run may have left the account in English: start from Indonesian.
  if ((await page.locator('html').getAttribute('lang')) === 'en') {
    await page.getByRole('button', { name: 'Change language' }).click();
    await page.getByRole('menuitem', { name: 'Bahasa Indonesia' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * A valid, run-unique PNS NIP: birth YYYYMMDD + appointment YYYYMM (age 18 or more) +
 * sex (1/2) + 3-digit sequence. The birth date and the sequence come from the clock.
 */
export function uniqueNip(seed: number, sex: 1 | 2): string {
  const year = 1975 + (seed % 20);
  const month = 1 + (Math.floor(seed / 20) % 12);
  const day = 1 + (Math.floor(seed / 240) % 28);
  const appointed = `${year + 25}${pad(1 + (seed % 12), 2)}`;
  const sequence = pad(1 + (Math.floor(seed / 7) % 999), 3);
  return `${year}${pad(month, 2)}${pad(day, 2)}${appointed}${sex}${sequence}`;
}

/** Finds the demo course by searching the catalogue, enrols when needed, and lands on its course home. */
export async function openCourseHome(page: Page): Promise<string> {
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await nav.getByRole('link', { name: 'Katalog Pelatihan' }).click();
  await expect(page).toHaveURL(/\/katalog$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Katalog Pelatihan' })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Cari pelatihan' }).fill('berbasis digital');
  // Wait for the search result (debounced), not the unfiltered first page.
  await expect(page.getByTestId('catalog-card')).toHaveCount(1);
  const card = page.getByTestId('catalog-card').filter({ hasText: COURSE });
  await expect(card).toHaveCount(1);
  await card.getByRole('link', { name: COURSE, exact: true }).click();
  return enrolOrOpen(page, COURSE);
}

/**
 * Finds a course in the catalogue by its exact title, enrols when needed and lands on its
 * course home; returns the enrolment id.
 */
export async function openCourseByTitle(page: Page, title: string): Promise<string> {
  await page.goto('/katalog');
  await expect(page.getByRole('heading', { level: 1, name: 'Katalog Pelatihan' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Cari pelatihan' }).fill(title);
  const card = page.getByTestId('catalog-card').filter({ hasText: title });
  await expect(card).toHaveCount(1);
  await card.getByRole('link', { name: title, exact: true }).click();
  return enrolOrOpen(page, title);
}

/** On a course page: enrols (or opens the enrolment) and lands on the course home; the enrolment id. */
async function enrolOrOpen(page: Page, title: string): Promise<string> {
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const enrol = page.getByRole('button', { name: 'Daftar', exact: true });
  const open = page.getByRole('link', { name: 'Buka pelatihan' });
  await expect(enrol.or(open)).toBeVisible();
  if (await enrol.isVisible()) {
    const enrolled = page.waitForResponse(
      (r) => r.url().endsWith('/enrol') && r.request().method() === 'POST',
    );
    await enrol.click();
    expect((await enrolled).status()).toBe(201);
  } else {
    await open.click();
  }
  await expect(page).toHaveURL(/\/belajar\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return page.url().split('/').pop() as string;
}

/** The JP of the year that the learner's ring shows (its aria-valuenow). */
export async function ringValue(page: Page): Promise<number> {
  const ring = page.getByRole('progressbar', { name: 'JP tahun ini' });
  await expect(ring).toBeVisible();
  return Number(await ring.getAttribute('aria-valuenow'));
}
