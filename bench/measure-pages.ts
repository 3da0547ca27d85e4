import type { Browser } from 'playwright';
import { launchChromium } from '../pipeline/chromium.ts';

/** What one page costs a reader: bytes on the wire by type (gzip, as served), requests, script. */
export interface PageCost {
  path: string;
  bytes: Record<'html' | 'css' | 'js' | 'font' | 'image' | 'other', number>;
  total: number;
  requests: number;
  scripts: number;
  /** Bytes of JavaScript the browser parsed and ran on load (uncompressed). */
  scriptExecuted: number;
  /** Elements of the page as served (its HTML parsed) and once loaded (scripts run, figures near the first screen upgraded). */
  elements: { initial: number; loaded: number };
}

const KIND: Record<string, keyof PageCost['bytes']> = { document: 'html', stylesheet: 'css', script: 'js', font: 'font', image: 'image' };

export async function measurePage(browser: Browser, baseURL: string, path: string): Promise<PageCost> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, extraHTTPHeaders: { 'Accept-Encoding': 'gzip' } });
  const page = await context.newPage();
  const cost: PageCost = { path, bytes: { html: 0, css: 0, js: 0, font: 0, image: 0, other: 0 }, total: 0, requests: 0, scripts: 0, scriptExecuted: 0, elements: { initial: 0, loaded: 0 } };
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    pending.push((async () => {
      const kind = KIND[response.request().resourceType()] ?? 'other';
      // The body as it came over the wire: a response revalidated from the HTTP cache (a 304
      // the browser reports as its cached 200, headers included) costs nothing.
      const length = (await response.request().sizes().catch(() => undefined))?.responseBodySize ?? Number(response.headers()['content-length'] ?? 0);
      cost.bytes[kind] += length;
      cost.total += length;
      cost.requests += 1;
      if (kind === 'js') cost.scripts += 1;
    })());
  });
  await page.coverage.startJSCoverage({ resetOnNavigation: false });
  const response = await page.goto(new URL(path, baseURL).href, { waitUntil: 'networkidle' });
  const coverage = await page.coverage.stopJSCoverage();
  const html = (await response?.text()) ?? '';
  cost.elements = await page.evaluate((source) => ({
    initial: new DOMParser().parseFromString(source, 'text/html').getElementsByTagName('*').length,
    loaded: document.getElementsByTagName('*').length,
  }), html);
  cost.scriptExecuted = coverage.filter((c) => c.url.startsWith('http')).reduce((sum, c) => sum + (c.source?.length ?? 0), 0);
  await Promise.all(pending);
  await context.close();
  return cost;
}

export async function measurePages(baseURL: string, paths: string[]): Promise<PageCost[]> {
  const browser = await launchChromium();
  try {
    const out: PageCost[] = [];
    for (const path of paths) out.push(await measurePage(browser, baseURL, path));
    return out;
  } finally {
    await browser.close();
  }
}
