import { type ConsoleMessage, expect, test } from '@playwright/test';
import { signIn } from './support';

test.describe('on a 360-px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('the navigation is a drawer behind a menu button and nothing overflows', async ({
    page,
  }) => {
    const problems: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      // The silent session restore at start-up answers 401 when nobody is signed in: expected.
      if (m.type() === 'error' && !/status of 401/.test(m.text())) problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));

    await signIn(page, 'admin@siantar.test');
    const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
    await expect(nav).toBeHidden();

    const menu = page.getByRole('button', { name: 'Buka atau tutup menu' });
    await menu.click();
    await expect(nav).toBeVisible();
    await expect(nav).toContainText('Dedi Simanjuntak');
    await nav.getByRole('link', { name: 'Unit Organisasi' }).click();
    await expect(page).toHaveURL(/\/admin\/unit-organisasi$/);
    await expect(nav).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unit Organisasi');

    for (const path of ['/beranda', '/profil', '/admin/pengguna', '/admin/pengguna/impor']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `page width of ${path}`).toBeLessThanOrEqual(360);
    }
    // No script errors and no Content-Security-Policy violations.
    expect(problems).toEqual([]);
  });
});

test('keyboard: the skip link is the first stop and moves focus to the content', async ({
  page,
}) => {
  await signIn(page, 'asn@siantar.test');
  await page.goto('/profil');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Profil');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Langsung ke konten utama' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  // The profile forms are reachable and labelled.
  await expect(page.getByLabel('Telepon')).toBeVisible();
  await expect(page.getByLabel('Kata sandi saat ini')).toBeVisible();
});
