import { expect, test } from '@playwright/test';
import { signIn } from './support';

test('a learner signs in, sees her name and OPD, switches to English and signs out', async ({
  page,
}) => {
  await signIn(page, 'asn@siantar.test');

  // Welcome with her name, and her OPD.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Rina Marpaung/);
  const main = page.getByRole('main');
  await expect(main).toContainText('Dinas Kependudukan dan Pencatatan Sipil');
  const toolbar = page.getByRole('banner');
  await expect(toolbar).toContainText('Rina Marpaung');
  await expect(toolbar).toContainText('Dinas Kependudukan dan Pencatatan Sipil');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');

  // A learner has no admin navigation.
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await expect(nav.getByRole('link', { name: 'Beranda' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Profil' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Pengguna' })).toHaveCount(0);

  // Switch to English: saved on her account (PATCH /me), and the UI changes.
  await page.getByRole('button', { name: 'Ganti bahasa' }).click();
  const saved = page.waitForResponse(
    (r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH',
  );
  await page.getByRole('menuitem', { name: 'English' }).click();
  expect((await saved).status()).toBe(200);
  const navEn = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(navEn.getByRole('link', { name: 'Home' })).toBeVisible();
  await expect(navEn.getByRole('link', { name: 'Profile' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Rina Marpaung');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  // The choice survives a reload (session restored from the refresh cookie, language from /me).
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Rina Marpaung');

  // Sign out: back on the sign-in page.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/masuk$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');

  // Signed out for real: the home page sends her back to sign-in.
  await page.goto('/beranda');
  await expect(page).toHaveURL(/\/masuk$/);

  // Leave the demo account as it was (Indonesian) for the next runs.
  await page.getByLabel('NIP or email').fill('asn@siantar.test');
  await page.getByLabel('Password').fill('siantar-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/beranda$/);
  await page.getByRole('button', { name: 'Change language' }).click();
  await page.getByRole('menuitem', { name: 'Bahasa Indonesia' }).click();
  await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeVisible();
});

test('a wrong password shows the API message', async ({ page }) => {
  await page.goto('/masuk');
  await page.getByLabel('NIP atau email').fill('asn@siantar.test');
  await page.getByLabel('Kata sandi').fill('bukan-sandinya');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('alert')).not.toBeEmpty();
  await expect(page).toHaveURL(/\/masuk$/);
});
