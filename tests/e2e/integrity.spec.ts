import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { DIST, fileForPath, htmlFiles, linksOf, readPage } from './site-files.ts';
import { deployment } from '../../src/config/deploy.ts';
import { sitemapPages } from './fixtures.ts';

const pages = htmlFiles().map(readPage);
const { site } = deployment();
// Without SITE_URL the pages name no origin; links are resolved against one that cannot exist.
const siteOrigin = site ?? 'https://site.invalid';

test('every internal link and #fragment in dist/ resolves', () => {
  const byFile = new Map(pages.map((p) => [p.file, p]));
  const broken: string[] = [];
  for (const page of pages) {
    for (const raw of linksOf(page)) {
      if (/^(mailto:|tel:|data:|javascript:)/.test(raw)) continue;
      let url: URL;
      try { url = new URL(raw, `${siteOrigin}${page.path}`); } catch { broken.push(`${page.path}: unparsable ${raw}`); continue; }
      if (url.origin !== siteOrigin) { broken.push(`${page.path}: external link ${raw}`); continue; }
      const file = fileForPath(url.pathname);
      if (!file) { broken.push(`${page.path}: ${raw} (no such file)`); continue; }
      const fragment = decodeURIComponent(url.hash.slice(1).split(':~:')[0]!);
      if (!fragment || !file.endsWith('.html')) continue;
      const target = byFile.get(file) ?? readPage(file);
      if (!target.ids.has(fragment)) broken.push(`${page.path}: ${raw} (no id "${fragment}")`);
    }
  }
  expect(broken).toEqual([]);
});

test('every page is valid HTML (html-validate, config in .htmlvalidate.json)', () => {
  const result = spawnSync(process.execPath, ['node_modules/html-validate/bin/html-validate.mjs', '--formatter', 'text', ...pages.map((p) => p.file)], { encoding: 'utf8' });
  expect(result.stdout + result.stderr).toBe('');
  expect(result.status).toBe(0);
});

test('each page has a unique title, a description and a canonical URL exactly when SITE_URL is set', () => {
  const titles = new Map<string, string>();
  for (const page of pages) {
    if (page.path === '/404.html') continue;
    const title = page.html.match(/<title>([^<]+)<\/title>/)?.[1];
    expect(title, `${page.path} title`).toBeTruthy();
    expect(titles.get(title!), `title "${title}" of ${page.path} is also used by`).toBeUndefined();
    titles.set(title!, page.path);
    expect(page.html, `${page.path} description`).toMatch(/<meta name="description" content="[^"]{20,}"/);
    const canonical = page.html.match(/<link rel="canonical" href="([^"]+)"/)?.[1];
    expect(canonical, `${page.path} canonical`).toBe(site ? new URL(page.path, site).href : undefined);
  }
});

test('the sitemap lists every page and nothing else (only with SITE_URL: it needs absolute URLs)', () => {
  if (!site) {
    expect(existsSync(`${DIST}/sitemap-index.xml`)).toBe(false);
    expect(readFileSync(`${DIST}/robots.txt`, 'utf8')).not.toMatch(/Sitemap:/);
    return;
  }
  const listed = sitemapPages(DIST);
  const built = pages.map((p) => p.path).filter((p) => p.endsWith('/')).sort();
  expect(listed).toEqual(built);
  expect(readFileSync(`${DIST}/sitemap-index.xml`, 'utf8')).toContain('sitemap-0.xml');
  expect(readFileSync(`${DIST}/robots.txt`, 'utf8')).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap-index\.xml$/m);
});

test('a missing page gets a useful 404 with search', async ({ page }) => {
  const response = await page.goto('/no/such/page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
  await expect(page.locator('main').getByRole('searchbox')).toBeVisible();
  await expect(page.locator('main').getByRole('link', { name: '规划全文' })).toHaveAttribute('href', '/plan/');
});

test.describe('no third-party requests', () => {
  for (const path of pages.map((p) => p.path).filter((p) => p.endsWith('/'))) {
    test(path, async ({ page, baseURL }) => {
      const foreign: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol !== 'data:' && url.origin !== new URL(baseURL!).origin) foreign.push(request.url());
      });
      await page.goto(path, { waitUntil: 'networkidle' });
      expect(foreign).toEqual([]);
    });
  }
});

test('headers file exists in the build', () => {
  expect(existsSync(`${DIST}/_headers`)).toBe(true);
});
