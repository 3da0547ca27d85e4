import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { upgradeFigures } from '../../pipeline/figure-drawings.ts';
import { parseHeadersFile } from '../../pipeline/serve/headers-file.ts';
import { htmlFiles, readPage } from './site-files.ts';

// The site is served with exactly the headers of public/_headers (pipeline/serve.ts applies
// them). Every page, the search, the figure interactions and the citation dialog must work
// with no Content-Security-Policy violation.

const policy = parseHeadersFile(readFileSync('public/_headers', 'utf8')).find((r) => r.pattern === '/*')!.headers;
const csp = policy.find(([name]) => name === 'Content-Security-Policy')![1];

async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content.Security.Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Refused to load (CSP): ${e.violatedDirective} ${e.blockedURI}`));
  });
  return violations;
}

test('the policy is strict: no unsafe-inline scripts, default-src self, object-src none', () => {
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).not.toMatch(/'unsafe-eval'/);
  for (const header of ['Referrer-Policy', 'X-Content-Type-Options', 'Permissions-Policy']) expect(policy.map(([n]) => n)).toContain(header);
});

test('no built page contains an inline script or inline style attribute', () => {
  for (const page of htmlFiles().map(readPage)) {
    expect(page.html, page.path).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(page.html, page.path).not.toMatch(/<[a-z][^>]*\sstyle="/);
  }
});

test.describe('no CSP violations', () => {
  for (const path of htmlFiles().map(readPage).map((p) => p.path).filter((p) => p.endsWith('/'))) {
    test(`loading ${path}`, async ({ page }) => {
      const violations = await watchViolations(page);
      const response = await page.goto(path, { waitUntil: 'networkidle' });
      expect(response?.headers()['content-security-policy']).toBe(csp);
      expect(violations).toEqual([]);
    });
  }

  test('using the search', async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto('/chapters/1/');
    await page.locator('#site-search').fill('盐湖');
    await page.locator('#site-search').press('Enter');
    await expect(page.locator('main').getByRole('link', { name: /盐湖/ }).first()).toBeVisible();
    expect(violations).toEqual([]);
  });

  test('using a figure', async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto('/figures/2/');
    const node = page.locator('svg a').first();
    await node.hover();
    await node.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/chapters\/5\//);
    expect(violations).toEqual([]);
  });

  test('a chapter page swapping its pictures for the drawings, and using one', async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto('/chapters/5/');
    expect(await upgradeFigures(page)).toEqual([]);
    const node = page.locator('#fig-12 svg a.rm-node').first();
    await node.hover();
    await node.focus();
    await expect(page.locator('#fig-12 .rm-tip')).toBeVisible();
    expect(violations).toEqual([]);
  });

  test('using the citation dialog', async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto('/chapters/4/');
    const button = page.locator('.cite-button[data-cite="sec-4-3-1-10"]');
    await button.focus();
    await button.press('Enter');
    await expect(page.getByRole('dialog')).toBeVisible();
    expect(violations).toEqual([]);
  });
});
