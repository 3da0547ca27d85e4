import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright';
import { SetupError } from '../src/lib/errors.ts';

/**
 * The one place that knows which Chromium the project drives and how: the build steps
 * (diagrams, PDFs), the e2e tests (playwright.config.ts) and the benchmark all launch it from
 * here. Debian's package, because Playwright cannot download its own browser on these machines;
 * the flags are what headless Chromium needs as root on a machine with no outside network.
 */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const INSTALL_HINT = 'install it (apt-get install -y chromium) or set CHROMIUM_PATH';

/** Where Chromium is expected (CHROMIUM_PATH, else Debian's /usr/bin/chromium); not checked. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** The browser's own version line, for cache keys: a new Chromium may draw or print differently. */
export function chromiumVersion(): string {
  const run = spawnSync(chromiumPath(), ['--version'], { encoding: 'utf8' });
  return run.status === 0 ? run.stdout.trim() : `unknown (${chromiumPath()})`;
}

/** Fails now, in one line, if Chromium cannot start: before a build spends a minute on steps that do not need it. */
export async function checkChromium(): Promise<void> {
  await (await launchChromium()).close();
}

/**
 * Launches Chromium, turning a missing browser, or one that starts and dies (a wrong
 * CHROMIUM_PATH such as /bin/false, a broken install), into one line that says how to get one.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw new SetupError(`Chromium not found at ${executablePath}: ${INSTALL_HINT}`);
  try {
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  } catch (error) {
    // Playwright's message runs to a page of browser logs; its first line says what happened.
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/^browserType\.launch:\s*/, '');
    throw new SetupError(`Chromium at ${executablePath} did not start (${reason}): ${INSTALL_HINT}`);
  }
}
