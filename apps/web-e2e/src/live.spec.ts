import { type Locator, type Page, expect, test } from '@playwright/test';
import config from '../playwright.config';
import { signIn } from './support';

/** The demo webinar of the seed: live now, run by the demo trainer, for the whole city. */
const WEBINAR = 'Webinar Pelayanan Prima: Menghadapi Antrean';
const TRAINER = 'pelatih@siantar.test';
const LEARNER = 'asn@siantar.test';

// Chromium's fake camera and microphone, allowed without a prompt; the config's own arguments kept.
const baseLaunch = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...baseLaunch,
    args: [
      ...(baseLaunch.args ?? []),
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      // Plain host candidates between the two contexts on this machine (no mDNS names).
      '--disable-features=WebRtcHideLocalIpsWithMdns',
    ],
  },
});

/** From the navigation to the demo webinar's room. */
async function enterRoom(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
  await nav.getByRole('link', { name: 'Sesi Langsung' }).click();
  await expect(page).toHaveURL(/\/live$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sesi Langsung' })).toBeVisible();
  const card = page.getByTestId('live-session').filter({ hasText: WEBINAR });
  await expect(card).toHaveCount(1);
  await card.getByRole('link', { name: 'Masuk ruang' }).click();
  await expect(page).toHaveURL(/\/live\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('connection-state')).toContainText('Terhubung');
  await expect(page.getByRole('heading', { level: 1, name: WEBINAR })).toBeVisible();
}

/** A video element that is playing frames (the fake camera's). */
async function expectPlaying(video: Locator): Promise<void> {
  await expect(video).toBeVisible();
  await expect
    .poll(() => video.evaluate((v) => (v as HTMLVideoElement).videoWidth), { timeout: 30_000 })
    .toBeGreaterThan(0);
  expect(await video.evaluate((v) => (v as HTMLVideoElement).paused)).toBe(false);
}

async function openTab(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

test('a trainer goes live on camera; a learner sees the video, asks a question and answers a poll, and the trainer sees both live', async ({
  page: trainer,
  browser,
}) => {
  test.setTimeout(120_000);
  const run = Date.now().toString(36);
  const questionText = `Bagaimana mengurangi antrean di loket pagi hari? (${run})`;
  const pollQuestion = `Berapa lama antrean di unit Anda? (${run})`;

  // The trainer opens the room and turns the camera on.
  await signIn(trainer, TRAINER);
  await enterRoom(trainer);
  const camera = trainer.getByRole('button', { name: 'Kamera' });
  await camera.click();
  await expect(camera).toHaveAttribute('aria-pressed', 'true');
  await expectPlaying(trainer.getByTestId('local-video'));

  // The learner enters and receives the trainer's video over WebRTC.
  const learnerContext = await browser.newContext();
  const learner = await learnerContext.newPage();
  await signIn(learner, LEARNER);
  await enterRoom(learner);
  await expectPlaying(learner.getByTestId('remote-video').first());

  // The learner asks a question; the trainer sees it without reloading.
  await openTab(learner, /^Tanya-Jawab/);
  await learner.getByTestId('question-input').fill(questionText);
  await learner.getByRole('button', { name: 'Kirim pertanyaan' }).click();
  await expect(learner.getByTestId('question').filter({ hasText: questionText })).toBeVisible();
  await openTab(trainer, /^Tanya-Jawab/);
  await expect(trainer.getByTestId('question').filter({ hasText: questionText })).toBeVisible();

  // The trainer creates and launches a poll.
  await openTab(trainer, /^Polling/);
  await trainer.getByRole('button', { name: 'Buat polling' }).click();
  await trainer.getByTestId('poll-question').fill(pollQuestion);
  await trainer.getByTestId('poll-option-0').fill('Kurang dari 10 menit');
  await trainer.getByTestId('poll-option-1').fill('Lebih dari 10 menit');
  await trainer.getByRole('button', { name: 'Simpan polling' }).click();
  const trainerPoll = trainer.getByTestId('poll').filter({ hasText: pollQuestion });
  await trainerPoll.getByRole('button', { name: 'Mulai polling' }).click();
  await expect(trainerPoll).toContainText('Dibuka');
  await expect(trainerPoll.getByTestId('poll-voters')).toContainText('0 pemberi suara');

  // The learner votes once, then sees the counts.
  await openTab(learner, /^Polling/);
  const learnerPoll = learner.getByTestId('poll').filter({ hasText: pollQuestion });
  await learnerPoll.getByRole('radio', { name: 'Kurang dari 10 menit' }).check();
  await learnerPoll.getByRole('button', { name: 'Kirim jawaban' }).click();
  await expect(learnerPoll.getByTestId('poll-voters')).toContainText('1 pemberi suara');

  // The trainer's count moved live.
  await expect(trainerPoll.getByTestId('poll-voters')).toContainText('1 pemberi suara');
  await expect(trainerPoll.getByTestId('poll-count').first()).toHaveText('1');

  await learnerContext.close();
});
