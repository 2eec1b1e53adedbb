import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const workspaceRoot = join(__dirname, '..', '..');
const baseURL = process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:3100';

/**
 * Journeys against the whole stack (API + worker + built web app) on port 3100, started by
 * tools/scripts/e2e-stack.mjs on a fresh `siantar_e2e` database with the demo seed.
 * Uses Debian's Chromium, never a downloaded browser.
 */
export default defineConfig({
  testDir: join(__dirname, 'src'),
  outputDir: join(workspaceRoot, 'tmp', 'web-e2e', 'test-results'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    ...devices['Desktop Chrome'],
    baseURL,
    locale: 'id-ID',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: {
    command: 'node tools/scripts/e2e-stack.mjs',
    url: 'http://127.0.0.1:3100/api/health/ready',
    reuseExistingServer: !process.env['CI'],
    timeout: 300_000,
    cwd: workspaceRoot,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
