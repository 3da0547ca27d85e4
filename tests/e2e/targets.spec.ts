import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadIndicators } from '../../src/lib/indicators/load.ts';
import { targetLabel } from '../../src/lib/indicators/comparators.ts';
import { planNumbers } from '../../src/lib/indicators/plan-numbers.ts';
import { plan } from './fixtures.ts';
import { DIST } from './site-files.ts';

const indicators = loadIndicators();
const numbers = planNumbers(plan);

/**
 * Where a text directive would land: the first occurrence of prefix+text+suffix in the page's
 * text (document order, as Chromium searches), whether it lies inside the element with the
 * link's #id, and whether it is on screen.
 */
async function directiveTarget(page: Page, id: string, needle: string) {
  return page.evaluate(({ id, needle }) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const parent = (n as Text).parentElement;
      if (!parent || parent.closest('script, style, template') || !parent.checkVisibility()) continue;
      nodes.push(n as Text);
      text += (n as Text).data;
    }
    const at = text.indexOf(needle);
    if (at < 0) return { found: false, inside: false, onScreen: false };
    let offset = at;
    let node = nodes[0]!;
    for (const candidate of nodes) {
      node = candidate;
      if (offset < candidate.data.length) break;
      offset -= candidate.data.length;
    }
    const range = document.createRange();
    range.setStart(node, offset);
    range.setEnd(node, Math.min(node.data.length, offset + 1));
    const box = range.getBoundingClientRect();
    return {
      found: true,
      inside: document.getElementById(id)?.contains(node) ?? false,
      onScreen: box.top >= 0 && box.bottom <= innerHeight,
    };
  }, { id, needle });
}

/** prefix, text and suffix of a text directive (`#id:~:text=prefix-,text,-suffix`). */
function directive(href: string): { id: string; needle: string } {
  const [path, rest] = href.split('#');
  const [id, textPart] = rest!.split(':~:text=');
  void path;
  if (!textPart) return { id: id!, needle: '' };
  const parts = textPart.split(',');
  const prefix = parts[0]!.endsWith('-') ? decodeURIComponent(parts.shift()!.slice(0, -1)) : '';
  const suffix = parts.at(-1)!.startsWith('-') ? decodeURIComponent(parts.pop()!.slice(1)) : '';
  return { id: id!, needle: prefix + decodeURIComponent(parts.join(',')) + suffix };
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('/targets/ renders every indicator as a chart with its target, and the same data as a table', async ({ page }) => {
    await page.goto('/targets/');
    await expect(page.locator('.targets-card')).toHaveCount(indicators.length);
    for (const i of indicators) {
      const card = page.locator(`#indicator-${i.id}`);
      await expect(card.locator('h3')).toHaveText(i.name);
      const label = targetLabel(i.target.comparator, i.target.value, i.unit);
      await expect(card.locator('svg.tg-chart a.tg-link-target')).toHaveText(label);
      await expect(card.locator('svg.tg-chart a.tg-link-baseline')).toHaveCount(i.baseline ? 1 : 0);
      await expect(page.locator(`.targets-table tr[data-indicator="${i.id}"] td`).nth(1)).toHaveText(label);
    }
    await expect(page.locator('.numbers-table tbody tr')).toHaveCount(numbers.length);
  });

  test('the chapter filter of the number index works with in-page links alone', async ({ page }) => {
    await page.goto('/targets/#numbers-3');
    await expect(page.locator('#numbers-3')).toBeVisible();
    await expect(page.locator('#numbers-1')).toBeHidden();
    await expect(page.locator('#numbers-5')).toBeHidden();
    await page.locator('.numbers-filter a[href="#all-numbers"]').click();
    await expect(page.locator('#numbers-1')).toBeVisible();
    await expect(page.locator('#numbers-3')).toBeVisible();
  });

  test('clicking a number in a chart lands on its sentence', async ({ page }) => {
    await page.setViewportSize({ width: 800, height: 600 });
    await page.goto('/targets/');
    const link = page.locator('#indicator-st-personnel svg a.tg-link-baseline');
    const { id, needle } = directive((await link.getAttribute('href'))!);
    await link.click();
    await page.waitForURL(/\/chapters\/1\/#sec-1-3-p1/);
    await expect.poll(async () => (await directiveTarget(page, id, needle)).onScreen).toBe(true);
  });

  test('/, 三（三） and /targets/ link to each other and to 图1', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.entry-points a[href="/targets/"]')).toHaveCount(1);
    await expect(page.locator('.entry-points a[href="/data/"]')).toHaveCount(1);
    await page.goto('/chapters/3/');
    const note = page.locator('#sec-3-3 + .targets-link');
    await expect(note).toHaveAttribute('data-editorial', '');
    await expect(note.locator('a')).toHaveAttribute('href', '/targets/');
    await page.goto('/targets/');
    await expect(page.locator('.targets-page a[href="/figures/1/"]')).toHaveCount(1);
    await expect(page.locator('.targets-page a[href="/data/"]').first()).toBeVisible();
  });
});

test.describe('every number link lands on its sentence', () => {
  test.use({ viewport: { width: 1000, height: 700 } });

  // The links as published, read from the built page (loading /targets/ in each test would only slow it down).
  const html = readFileSync(join(DIST, 'targets', 'index.html'), 'utf8');
  const linksOf = (id: string) => {
    const card = html.split(`id="indicator-${id}"`)[1]!.split('</li>')[0]!;
    return [...card.matchAll(/class="tg-link tg-link-(target|baseline)" href="([^"]+)"/g)].map((m) => m[2]!.replaceAll('&amp;', '&'));
  };

  for (const i of indicators) {
    test(`${i.id}: target${i.baseline ? ' and baseline' : ''}`, async ({ page }) => {
      const hrefs = linksOf(i.id);
      expect(hrefs).toHaveLength(i.baseline ? 2 : 1);
      for (const href of hrefs) {
        const { id, needle } = directive(href);
        await page.goto('about:blank');
        await page.goto(href);
        const landed = await directiveTarget(page, id, needle);
        expect(landed, `${href}: the quote is found, first inside #${id}`).toMatchObject({ found: true, inside: true });
        await expect.poll(async () => (await directiveTarget(page, id, needle)).onScreen, `${href}: the quoted words are scrolled into view`).toBe(true);
      }
    });
  }

  test('the index of all numbers: each link’s words occur first inside its paragraph', async ({ page }) => {
    await page.goto('/targets/');
    const links = await page.locator('.numbers-table .numbers-value a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links).toHaveLength(numbers.length);
    const byPage = new Map<string, string[]>();
    for (const href of links) byPage.set(href.split('#')[0]!, [...(byPage.get(href.split('#')[0]!) ?? []), href]);
    for (const [path, hrefs] of byPage) {
      await page.goto(path);
      for (const href of hrefs) {
        const { id, needle } = directive(href);
        if (!needle) {
          await expect(page.locator(`[id="${id}"]`), href).toHaveCount(1);
          continue;
        }
        expect(await directiveTarget(page, id, needle), href).toMatchObject({ found: true, inside: true });
      }
    }
  });
});

test.describe('legible at 360 px', () => {
  test.use({ viewport: { width: 360, height: 800 } });

  for (const path of ['/targets/', '/data/']) {
    test(`${path}: nothing wider than the screen`, async ({ page }) => {
      await page.goto(path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    });
  }

  test('/targets/: charts fit their cards, chart text is at least 12 px and no two labels overlap', async ({ page }) => {
    await page.goto('/targets/');
    const problems = await page.evaluate(() => {
      const out: string[] = [];
      for (const card of document.querySelectorAll('.targets-card')) {
        const svg = card.querySelector('svg.tg-chart') as SVGSVGElement;
        const cardBox = card.getBoundingClientRect();
        const svgBox = svg.getBoundingClientRect();
        if (svgBox.left < cardBox.left || svgBox.right > cardBox.right) out.push(`${card.id}: chart wider than its card`);
        const scale = svgBox.width / svg.viewBox.baseVal.width;
        const texts = [...svg.querySelectorAll('text')];
        for (const t of texts) {
          const size = Number(t.getAttribute('font-size')) * scale;
          if (size < 12) out.push(`${card.id}: "${t.textContent}" is ${size.toFixed(1)} px`);
          const box = t.getBoundingClientRect();
          if (box.left < svgBox.left - 0.5 || box.right > svgBox.right + 0.5) out.push(`${card.id}: "${t.textContent}" is cut off`);
        }
        const boxes = texts.map((t) => ({ text: t.textContent, box: t.getBoundingClientRect() }));
        boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => {
          const overlap = a.box.left < b.box.right - 0.5 && b.box.left < a.box.right - 0.5 && a.box.top < b.box.bottom - 0.5 && b.box.top < a.box.bottom - 0.5;
          if (overlap) out.push(`${card.id}: "${a.text}" overlaps "${b.text}"`);
        }));
      }
      return out;
    });
    expect(problems).toEqual([]);
  });
});
