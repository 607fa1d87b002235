import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './e2e/support/chromium.mjs';
import { APP_PORT, MOCK_PORT } from './e2e/support/ports.mjs';

export default defineConfig({
  testDir: './e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    browserName: 'chromium',
    headless: true,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    },
  },
  webServer: [
    {
      command: 'node e2e/mock-provider.mjs',
      url: `http://127.0.0.1:${MOCK_PORT}/health`,
      env: { MOCK_PORT: String(MOCK_PORT) },
      reuseExistingServer: !process.env.CI,
      timeout: 20_000,
    },
    {
      // Build first so e2e never tests a stale dist/. No upstream: the server offers only the Demo.
      command: 'node_modules/.bin/vite build --logLevel warn && node server/start.mjs',
      url: `http://127.0.0.1:${APP_PORT}`,
      env: {
        PORT: String(APP_PORT),
        RUMINATE_DEMO_SPEED: '20',
        // Short links made by the tests go to a git-ignored folder of this checkout.
        RUMINATE_DATA_DIR: `.tmp/e2e-data-${APP_PORT}`,
        RUMINATE_DATABASE_URL: '',
        RUMINATE_BASE_URL: '',
        RUMINATE_API_KEY: '',
        RUMINATE_MODEL: '',
        OPENAI_BASE_URL: '',
        OPENAI_API_KEY: '',
        DEEPSEEK_API_KEY: '',
      },
      reuseExistingServer: !process.env.CI,
      timeout: 90_000,
    },
  ],
});
