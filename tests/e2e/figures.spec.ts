import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { figureFile, parseFigureFile } from '../../src/lib/figures/load.ts';
import { loadPlan } from '../../src/lib/plan/load.ts';
import { blocksOf } from '../../src/lib/plan/outline.ts';

const { plan } = loadPlan();
const placeholders = blocksOf(plan, 'figure');
const data = (n: number) => parseFigureFile(readFileSync(figureFile(n), 'utf8'), figureFile(n));

/** The id of the last heading before an element: the section the element is printed in. */
async function sectionOf(page: Page, selector: string): Promise<string | undefined> {
  return page.evaluate((sel) => {
    const target = document.querySelector(sel);
    if (!target) return undefined;
    const headings = [...document.querySelectorAll('article h1[id], article h2[id], article h3[id], article h4[id], article h5[id], article h6[id]')];
    const before = headings.filter((h) => h.compareDocumentPosition(target) & Node.DOCUMENT_POSITION_FOLLOWING);
    return before.at(-1)?.id;
  }, selector);
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('all 12 figures render as SVG where the source prints 图N（略）, inside their sections', async ({ page }) => {
    expect(placeholders).toHaveLength(12);
    for (const chapter of [...new Set(placeholders.map((f) => f.chapter))]) {
      await page.goto(`/chapters/${chapter}/`);
      for (const fig of placeholders.filter((f) => f.chapter === chapter)) {
        const slot = page.locator(`figure#${fig.id}`);
        await expect(slot.locator('.figure-source-text')).toHaveText(fig.text);
        await expect(slot.locator('.roadmap-scroll > svg')).toHaveCount(1);
        await expect(slot.locator('figcaption')).toContainText(`图${fig.n}`);
        await expect(slot.locator('figcaption')).toContainText('据正文重建');
        expect(await sectionOf(page, `figure#${fig.id}`), fig.id).toBe(fig.sectionId);
        // The interactive filter only exists once the script runs.
        await expect(slot.locator('.roadmap-filter')).toBeHidden();
      }
    }
  });

  test('every category named in the text appears as a node label', async ({ page }) => {
    for (const fig of placeholders.filter((f) => f.n > 1)) {
      await page.goto(`/figures/${fig.n}/`);
      const categories = data(fig.n).nodes.filter((n) => n.layer === 'category');
      expect(categories.length).toBeGreaterThan(0);
      for (const node of categories) {
        const text = (await page.locator(`svg a[data-node="${node.id}"] .rm-label`).textContent()) ?? '';
        expect(text, `${fig.id} ${node.id}`).toBe(node.label);
      }
    }
  });

  test('图1 (Mermaid) is static SVG with linked nodes and no Mermaid runtime', async ({ page }) => {
    const scripts: string[] = [];
    page.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(r.url()); });
    await page.goto('/chapters/3/');
    const svg = page.locator('figure#fig-1 svg.roadmap-mermaid');
    await expect(svg).toHaveCount(1);
    for (const node of data(1).nodes) await expect(svg.locator(`a[data-node="${node.id}"]`)).toHaveCount(1);
    expect(scripts.filter((u) => /mermaid/i.test(u))).toEqual([]);
  });

  test('keyboard: Tab reaches the figure and its nodes; Enter lands on the quoted paragraph', async ({ page }) => {
    await page.goto('/figures/2/');
    const first = data(2).nodes.find((n) => n.layer === 'category')!;
    const region = page.locator('.roadmap-scroll');
    await region.focus();
    await page.keyboard.press('Tab');
    await expect(page.locator(`svg a[data-node="${first.id}"]`)).toBeFocused();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/chapters\/5\//);
    const paragraph = first.source.id;
    // Chromium keeps the text directive (:~:text=…) out of location.hash.
    expect(await page.evaluate(() => location.hash)).toBe(`#${paragraph}`);
    await expect(page.locator(`#${paragraph}`)).toBeInViewport();
  });
});

test('a key technology node lands on its entry in 五（二）', async ({ page }) => {
  await page.goto('/figures/2/');
  const kt = data(2).nodes.find((n) => n.layer === 'kt')!;
  await page.locator(`svg a[data-node="${kt.id}"]`).focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/chapters\/5\/#kt-/);
  expect(await page.evaluate(() => location.hash)).toBe(`#${kt.id}`);
  await expect(page.locator(`#${kt.id}`)).toBeInViewport();
});

test('focus highlights the chain, a tooltip quotes the source, arrows move between nodes', async ({ page }) => {
  await page.goto('/figures/2/');
  const figure = data(2);
  const category = figure.nodes.find((n) => n.layer === 'category' && figure.links.some((l) => l.from === n.id))!;
  const child = figure.links.find((l) => l.from === category.id)!.to;
  const svg = page.locator('svg.roadmap');
  await page.locator(`svg a[data-node="${category.id}"]`).focus();
  await expect(svg).toHaveClass(/rm-focus/);
  await expect(page.locator(`svg a[data-node="${child}"]`)).toHaveClass(/rm-on/);
  await expect(page.locator('.rm-tip')).toBeVisible();
  await expect(page.locator('.rm-tip q')).toHaveText(category.source.quote);

  const categories = figure.nodes.filter((n) => n.layer === 'category');
  await page.locator(`svg a[data-node="${categories[0]!.id}"]`).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(`svg a[data-node="${categories[1]!.id}"]`)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-layer'))).toBe('technology');
});

test('the category filter dims the chains switched off and takes them out of the tab order', async ({ page }) => {
  await page.goto('/figures/2/');
  const figure = data(2);
  const category = figure.nodes.find((n) => n.layer === 'category' && figure.links.some((l) => l.from === n.id))!;
  const filter = page.locator('.roadmap-filter');
  await expect(filter).toBeVisible();
  await filter.getByLabel(category.label, { exact: true }).uncheck();
  const node = page.locator(`svg a[data-node="${category.id}"]`);
  await expect(node).toHaveClass(/rm-off/);
  await expect(node).toHaveAttribute('tabindex', '-1');
  await filter.getByRole('button', { name: '全部显示' }).click();
  await expect(node).not.toHaveClass(/rm-off/);
});

for (const scheme of ['light', 'dark'] as const) {
  for (const path of ['/figures/2/', '/figures/1/', '/figures/', '/key-technologies/', '/chapters/5/']) {
    test(`axe: no WCAG 2.1 AA violations on ${path} (${scheme})`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
    });
  }
}

test('print: no interactive chrome, and the figure fits the A4 text width', async ({ page }) => {
  // 170 mm of text width at 96 dpi.
  await page.setViewportSize({ width: 643, height: 900 });
  await page.goto('/chapters/5/');
  await page.emulateMedia({ media: 'print' });
  const slot = page.locator('figure#fig-2');
  await expect(slot.locator('.roadmap-filter')).toBeHidden();
  await expect(slot.locator('.roadmap-links')).toBeHidden();
  await expect(slot.locator('.roadmap-hint')).toBeHidden();
  const box = await slot.locator('svg.roadmap').boundingBox();
  expect(box!.width).toBeLessThanOrEqual(643);
  const overflow = await slot.locator('.roadmap-scroll').evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('on a 360 px phone the figure scrolls in its own region and the text stays at 12 px or more', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/chapters/5/');
  const region = page.locator('figure#fig-2 .roadmap-scroll');
  await expect(region).toHaveAttribute('tabindex', '0');
  await expect(region).toHaveAttribute('aria-label', /图2/);
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  const sizes = await page.locator('figure#fig-2 svg text').evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize) * (el.closest('svg')!.getBoundingClientRect().width / Number(el.closest('svg')!.getAttribute('width')))));
  expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('the SVG download is a standalone file', async ({ request }) => {
  const response = await request.get('/figures/2.svg');
  expect(response.ok()).toBe(true);
  expect(response.headers()['content-type']).toContain('image/svg+xml');
  const text = await response.text();
  expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(text).toContain('新能源领域重要科技方向及路线');
});
