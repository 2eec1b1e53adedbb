import { type Page, expect, test } from '@playwright/test';
import { signIn } from './support';

const LEARNER = 'asn@siantar.test';

/** The bell in the top bar, whatever the count. */
const bell = (page: Page) => page.getByRole('button', { name: /^Notifikasi, \d+ belum dibaca$/ });

test('a learner sets her notification preferences, finds them kept, and reads everything', async ({
  page,
}) => {
  await signIn(page, LEARNER);

  // From the bell's menu to "Pengaturan notifikasi".
  await bell(page).click();
  const menu = page.getByRole('menu', { name: 'Notifikasi' });
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitem', { name: 'Pengaturan notifikasi' }).click();
  await expect(page).toHaveURL(/\/profil\/notifikasi$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Pengaturan notifikasi' }),
  ).toBeVisible();

  // No more enrolment emails (already off when the journey ran before on this database).
  const enrolment = page.getByRole('group', { name: 'Pendaftaran pelatihan' });
  const email = enrolment.getByRole('switch', { name: 'Email' });
  await expect(email).toBeEnabled();
  if ((await email.getAttribute('aria-checked')) === 'true') {
    await email.click();
  }
  await expect(email).toHaveAttribute('aria-checked', 'false');
  // Without email there is nothing to bundle into the daily digest.
  await expect(enrolment.getByRole('switch', { name: 'Ringkasan harian' })).toBeDisabled();
  await expect(enrolment.getByRole('switch', { name: 'Di aplikasi' })).toBeEnabled();

  // A cancelled session is always announced.
  const mandatory = page.getByRole('group', { name: 'Perubahan/pembatalan sesi' });
  await expect(mandatory).toContainText('Wajib — tidak dapat dimatikan');
  await expect(mandatory.getByRole('switch', { name: 'Email' })).toBeDisabled();

  // Quiet hours: a start time unique to this run, so that there is always a change to save.
  const start = `22:${String(new Date().getMinutes()).padStart(2, '0')}`;
  const quiet = page.getByRole('switch', { name: 'Jam tenang' });
  if ((await quiet.getAttribute('aria-checked')) !== 'true') {
    await quiet.click();
  }
  await expect(quiet).toHaveAttribute('aria-checked', 'true');
  await expect(
    page.getByText('Email dan pemberitahuan ditahan selama jam tenang (WIB)'),
  ).toBeVisible();
  await page.getByLabel('Mulai', { exact: true }).fill(start);
  await page.getByLabel('Selesai', { exact: true }).fill('06:30');

  const saved = page.waitForResponse(
    (r) => r.url().endsWith('/my/notification-preferences') && r.request().method() === 'PUT',
  );
  await page.getByRole('button', { name: 'Simpan' }).click();
  expect((await saved).status()).toBe(200);
  await expect(page.getByText('Pengaturan notifikasi tersimpan.')).toBeVisible();

  // Kept after a reload.
  await page.reload();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Pengaturan notifikasi' }),
  ).toBeVisible();
  await expect(
    page
      .getByRole('group', { name: 'Pendaftaran pelatihan' })
      .getByRole('switch', { name: 'Email' }),
  ).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByRole('switch', { name: 'Jam tenang' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect(page.getByLabel('Mulai', { exact: true })).toHaveValue(start);
  await expect(page.getByLabel('Selesai', { exact: true })).toHaveValue('06:30');

  // The bell: whatever earlier journeys left unread (enrolments) is marked read; 0 remains.
  await bell(page).click();
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitem', { name: 'Tandai semua dibaca' }).click();
  await expect(page.getByRole('button', { name: 'Notifikasi, 0 belum dibaca' })).toBeVisible();
  // The menu stayed open for that; Escape closes it and gives the focus back to the bell.
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(bell(page)).toBeFocused();

  await page.reload();
  await expect(page.getByRole('button', { name: 'Notifikasi, 0 belum dibaca' })).toBeVisible();
  await expect(page.getByTestId('notification-badge').locator('.mat-badge-content')).toBeHidden();
});
