/**
 * npm run screenshots: a PNG of every page of the built site (the sitemap's list plus the 404
 * page and one search with results) at a phone and a desktop width, so whoever changes the
 * look can see every page at once. Reads the existing dist/ (run `npm run build` first);
 * asserts nothing. Output: screenshots/<width>/<page>.png (ignored by git).
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { launchChromium } from '../pipeline/chromium.ts';
import { serve } from '../pipeline/serve.ts';
import { builtPages } from '../pipeline/pages.ts';

const OUT = 'screenshots';
const WIDTHS = [360, 1280];
/** The one-page plan is about 74 000 px tall on a phone: the top of a page shows its layout. */
const MAX_HEIGHT = 12_000;
const EXTRA = ['/no-such-page/', '/search/?q=盐湖'];

/** A file name that says which page it is: "/" → index, "/figures/2/" → figures-2. */
const fileName = (path: string) => (path.replace(/^\/|\/$/g, '').replace(/[/?=&]+/g, '-') || 'index');

async function main() {
  if (!existsSync('dist/index.html')) throw new Error('dist/ has no site: run npm run build first');
  const paths = [...builtPages('dist'), ...EXTRA];
  rmSync(OUT, { recursive: true, force: true });
  // Port 0: any free port, so this never collides with a running preview or test server.
  const server = await serve({ root: 'dist', port: 0 });
  const baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  try {
    for (const width of WIDTHS) {
      mkdirSync(join(OUT, String(width)), { recursive: true });
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      for (const path of paths) {
        await page.goto(baseURL + path, { waitUntil: 'networkidle' });
        await page.evaluate(() => document.fonts.ready);
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        const file = join(OUT, String(width), `${fileName(path)}.png`);
        await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width, height: Math.min(height, MAX_HEIGHT) } });
        console.log(file);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  console.log(`${paths.length * WIDTHS.length} screenshots in ${OUT}/`);
}

main().catch((error) => { console.error(error); process.exitCode = 1; });
