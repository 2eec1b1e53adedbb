import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Page, expect, test } from '@playwright/test';
import { simpleParser } from 'mailparser';
import { DEMO_PASSWORD, signIn } from './support';

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

/** Where the e2e stack's mail catcher keeps what it receives (tools/scripts/mail-catcher.mjs). */
const MAIL_DIR = join(__dirname, '..', '..', '..', 'tmp', 'mail');

/** Recipients of the mails caught since `since` whose subject contains `text`. */
async function mailedTo(since: number, text: string): Promise<string[]> {
  const out: string[] = [];
  if (!existsSync(MAIL_DIR)) return out;
  for (const f of readdirSync(MAIL_DIR)) {
    const file = join(MAIL_DIR, f);
    if (!f.endsWith('.eml') || statSync(file).mtimeMs < since) continue;
    const m = await simpleParser(readFileSync(file));
    if (m.subject?.includes(text)) {
      const to = Array.isArray(m.to) ? m.to : m.to ? [m.to] : [];
      out.push(...to.flatMap((a) => a.value.map((v) => v.address ?? '')));
    }
  }
  return out;
}

test('the next reminder follows the preferences she just changed', async ({ page, request }) => {
  test.setTimeout(120_000);
  const since = Date.now() - 1000;
  await signIn(page, LEARNER);
  await page.goto('/profil/notifikasi');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Pengaturan notifikasi' }),
  ).toBeVisible();

  // Live-session reminders in the app only, and no quiet hours to hold them.
  const live = page.getByRole('group', { name: 'Pengingat sesi langsung' });
  const set = async (name: string, on: boolean) => {
    const sw = live.getByRole('switch', { name });
    if ((await sw.getAttribute('aria-checked')) !== String(on)) await sw.click();
    await expect(sw).toHaveAttribute('aria-checked', String(on));
  };
  await set('Di aplikasi', true);
  await set('Email', false);
  const quiet = page.getByRole('switch', { name: 'Jam tenang' });
  if ((await quiet.getAttribute('aria-checked')) === 'true') await quiet.click();
  await expect(quiet).toHaveAttribute('aria-checked', 'false');
  const saved = page.waitForResponse(
    (r) => r.url().endsWith('/my/notification-preferences') && r.request().method() === 'PUT',
  );
  await page.getByRole('button', { name: 'Simpan' }).click();
  expect((await saved).status()).toBe(200);
  await page.goto('/beranda');

  // A trainer schedules a city-wide webinar starting in 15 minutes and 20 seconds: its
  // 15-minute reminder is due in 20 seconds, for every invitee.
  const login = await request.post('/api/v1/auth/login', {
    data: { login: 'pelatih@siantar.test', password: DEMO_PASSWORD },
  });
  expect(login.status()).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const title = `Kelas Kilat ${Date.now()}`;
  const start = Date.now() + 15 * 60_000 + 20_000;
  const created = await request.post('/api/v1/live-sessions', {
    headers: { authorization: `Bearer ${accessToken}` },
    data: {
      title,
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 3600_000).toISOString(),
      jp: 1,
    },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  // It reaches her bell while she is on the page, and leads to the session.
  await page.getByTestId('notification-bell').click();
  const notice = page
    .getByTestId('notification-item')
    .filter({ hasText: `15 menit lagi: ${title}` });
  await expect(notice).toBeVisible({ timeout: 60_000 });
  await notice.click();
  await expect(page).toHaveURL(new RegExp(`/live/${id}$`));

  // By email it went to the others invited (default preferences), never to her.
  await expect
    .poll(() => mailedTo(since, title), { timeout: 30_000 })
    .toContain('atasan@siantar.test');
  expect(await mailedTo(since, title)).not.toContain(LEARNER);
});
