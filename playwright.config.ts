import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './pipeline/chromium.ts';
import { freePortSync } from './pipeline/free-port.ts';

if (!existsSync('dist/index.html')) throw new Error('dist/ has no site to test: run npm run build first');

// The suite serves this checkout's dist/ itself, on a port of its own: the runner picks it once
// and its workers inherit it through the environment. E2E_PORT fixes it; a port already in use
// then fails the run instead of testing whatever answers there.
process.env.E2E_PORT ??= String(freePortSync());
const port = Number(process.env.E2E_PORT);

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'pdf/**/*.spec.ts', 'docx/**/*.spec.ts'],
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
  },
  webServer: {
    command: 'node --import tsx pipeline/serve.ts',
    env: { PORT: String(port), HOST: '127.0.0.1', BASE_PATH: '/' },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
