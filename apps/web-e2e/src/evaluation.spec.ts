import { type Page, expect, test } from '@playwright/test';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { openCourseByTitle, signIn } from './support';

/** The demo course of apps/api/src/cli/demo-evaluation.ts: one reading, a required survey. */
const COURSE = 'Etika dan Standar Pelayanan Publik';
const LESSON = 'Bacaan: standar dan maklumat pelayanan';
const LEARNER = 'asn@siantar.test';

/** The e2e stack's database and Redis prefix (tools/scripts/e2e-stack.mjs). */
function e2eDatabaseUrl(): string {
  const url = new URL(process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = '/siantar_e2e';
  return url.toString();
}

/**
 * Thirty-one days pass for one enrolment: its course end and its follow-ups move back together
 * (so the schedule still agrees with the course end), then the 30-day follow-up job is run now
 * instead of waiting for its delay.
 */
async function thirtyDaysLater(enrolmentId: string): Promise<void> {
  const db = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await db.connect();
  try {
    await db.query(
      `UPDATE enrolment SET completed_at = completed_at - interval '31 days',
              passed_at = passed_at - interval '31 days' WHERE id = $1`,
      [enrolmentId],
    );
    await db.query(
      `UPDATE follow_up SET due_at = due_at - interval '31 days' WHERE enrolment_id = $1`,
      [enrolmentId],
    );
  } finally {
    await db.end();
  }
  const connection = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379', {
    maxRetriesPerRequest: null,
  });
  const queue = new Queue('evaluation', { connection, prefix: 'sbe2e' });
  try {
    await queue.add(
      'evaluation.follow-up-due',
      { enrolmentId, offsetDays: 30 },
      { jobId: `e2e-follow-up-${enrolmentId}-${Date.now()}` },
    );
  } finally {
    await queue.close();
    connection.disconnect();
  }
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page).toHaveURL(/\/masuk$/);
}

test('survey, action plan, certificate verified by anyone, and 30 days later the supervisor confirms; the programme page shows L1–L3', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await signIn(page, LEARNER);
  const enrolmentId = await openCourseByTitle(page, COURSE);

  // The one reading: opening its link completes it.
  const lesson = page.getByTestId('home-lesson').filter({ hasText: LESSON });
  await lesson.getByRole('link', { name: LESSON }).click();
  const opened = page.context().waitForEvent('page');
  await page.getByRole('link', { name: 'Buka tautan' }).click();
  await (await opened).close();
  await expect(page.getByTestId('lesson-status')).toHaveAttribute('data-status', 'completed');

  // The course waits for its required feedback survey.
  await page.goto(`/belajar/${enrolmentId}`);
  await page.getByTestId('link-survey').first().click();
  await expect(page.getByTestId('survey-required')).toBeVisible();
  const items = page.getByTestId('survey-item');
  for (let i = 0; i < (await items.count()); i++) {
    const agree = items.nth(i).getByRole('radio', { name: '4 — Setuju' });
    if ((await agree.count()) > 0) await agree.check();
  }
  await page.getByTestId('survey-submit').click();
  await expect(page.getByTestId('survey-submitted')).toBeVisible();

  // The worker completes the course: the action plan (RTL) opens.
  await expect
    .poll(
      async () => {
        await page.goto(`/belajar/${enrolmentId}`);
        await expect(page.getByTestId('completion-checklist')).toBeVisible();
        return page.getByTestId('link-plan').count();
      },
      { timeout: 30_000 },
    )
    .toBe(1);
  await page.getByTestId('link-plan').click();
  const item = page.getByTestId('plan-item').first();
  await item
    .getByLabel('Apa yang akan diterapkan')
    .fill('Menerapkan maklumat pelayanan di loket KTP.');
  const due = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
  await item.getByLabel('Target tanggal').fill(due);
  await item.getByLabel('Hasil terukur').fill('Keluhan warga tentang persyaratan turun separuh.');
  await page.getByTestId('plan-save').click();
  await expect(page.getByText('Rencana tindak lanjut tersimpan.')).toBeVisible();

  // The certificate: issued by the worker, downloaded, and verified by an anonymous visitor.
  await page.goto('/belajar/sertifikat');
  const certificate = page.getByTestId('certificate').filter({ hasText: COURSE });
  await expect(certificate.getByTestId('download')).toBeEnabled({ timeout: 60_000 });
  const download = page.waitForEvent('download');
  await certificate.getByTestId('download').click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
  const number = (await certificate.getByTestId('register-number').textContent())?.trim() ?? '';
  const verifyUrl = (await certificate.getByTestId('verify-link').getAttribute('href')) ?? '';
  expect(verifyUrl).toMatch(/\/verify\/[A-Za-z0-9_-]{20,}$/);
  const visitor = await browser.newContext();
  const anonymous = await visitor.newPage();
  await anonymous.goto(verifyUrl);
  await expect(anonymous.getByTestId('verify-verdict')).toContainText('Sertifikat SAH');
  await expect(anonymous.getByTestId('verify-details')).toContainText(number);
  await expect(anonymous.getByTestId('verify-details')).toContainText('Rina Marpaung');
  await visitor.close();
  await signOut(page);

  // Thirty days on, the follow-up is asked; the direct supervisor confirms the application.
  await thirtyDaysLater(enrolmentId);
  await signIn(page, 'atasan@siantar.test');
  await expect
    .poll(
      async () => {
        await page.goto('/evaluasi/tim');
        await expect(
          page.getByRole('heading', { level: 1, name: 'Tindak lanjut tim' }),
        ).toBeVisible();
        return page.getByTestId('confirm-form').count();
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
  const form = page.getByTestId('confirm-form').first();
  const groups = form.getByRole('radiogroup');
  for (let i = 0; i < (await groups.count()); i++)
    await groups.nth(i).getByRole('radio', { name: '4 — Setuju' }).check();
  await form.getByTestId('confirm-submit').click();
  await expect(page.getByText('Konfirmasi terkirim.')).toBeVisible();
  await signOut(page);

  // The programme evaluation page shows reactions, learning and behaviour side by side.
  await signIn(page, 'admin@siantar.test');
  await page.goto('/evaluasi');
  await page.getByRole('link', { name: COURSE }).first().click();
  await expect(page.getByTestId('level-l1').getByTestId('l1-figure')).toBeVisible();
  await expect(page.getByTestId('level-l2')).toBeVisible();
  await expect(page.getByTestId('level-l3')).toContainText('Dikonfirmasi atasan');
  await expect(page.getByTestId('level-l3').getByTestId('l3-figures')).toContainText('1');
});
