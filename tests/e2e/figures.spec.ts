import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { upgradeFigures } from '../../pipeline/figure-drawings.ts';
import { drawingPath } from '../../src/lib/figures/drawings.ts';
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

/**
 * The geometry a reader sees, measured in the browser with real fonts: every line of text inside
 * its box, no two boxes overlapping, no link passing through a box other than its own ends.
 */
async function geometryFaults(page: Page, svgSelector: string): Promise<string[]> {
  return page.locator(svgSelector).evaluate((svg: SVGSVGElement) => {
    const faults: string[] = [];
    const boxes = [...svg.querySelectorAll<SVGRectElement>('rect.rm-box, rect.rm-gap')].map((rect) => {
      const b = rect.getBBox();
      return { x: b.x, y: b.y, w: b.width, h: b.height, id: rect.closest('a')?.getAttribute('data-node') ?? `gap@${Math.round(b.x)},${Math.round(b.y)}`, rect };
    });
    for (const box of boxes) {
      const group = box.rect.closest('a');
      const texts = group ? [...group.querySelectorAll<SVGTextElement>('text')] : [];
      for (const text of texts) {
        const t = text.getBBox();
        if (t.x < box.x - 0.5 || t.y < box.y - 0.5 || t.x + t.width > box.x + box.w + 0.5 || t.y + t.height > box.y + box.h + 0.5) {
          faults.push(`${box.id}: "${text.textContent}" (${Math.round(t.width)}×${Math.round(t.height)}) spills out of its ${Math.round(box.w)}×${Math.round(box.h)} box`);
        }
      }
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5) faults.push(`${a.id} overlaps ${b.id}`);
      }
    }
    for (const path of svg.querySelectorAll<SVGPathElement>('path.rm-link')) {
      const ends = new Set([path.dataset.from, path.dataset.to]);
      const length = path.getTotalLength();
      for (let at = 0; at <= length; at += 2) {
        const p = path.getPointAtLength(at);
        const hit = boxes.find((b) => !ends.has(b.id) && p.x > b.x + 1 && p.x < b.x + b.w - 1 && p.y > b.y + 1 && p.y < b.y + b.h - 1);
        if (hit) { faults.push(`link ${path.dataset.from} → ${path.dataset.to} passes through ${hit.id}`); break; }
      }
    }
    return faults;
  });
}

/** Rendered size (px) of the smallest text of a drawing, after the page scales it. */
async function smallestText(page: Page, svgSelector: string): Promise<number> {
  return page.locator(svgSelector).evaluate((svg: SVGSVGElement) => {
    const scale = svg.getBoundingClientRect().width / Number(svg.getAttribute('width'));
    return Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('all 12 figures show where the source prints 图N（略）, inside their sections: a whole picture, its link and its text alternative', async ({ page }) => {
    expect(placeholders).toHaveLength(12);
    for (const chapter of [...new Set(placeholders.map((f) => f.chapter))]) {
      await page.goto(`/chapters/${chapter}/`);
      // The interactive drawings are not in the page; pictures of them are.
      await expect(page.locator('main svg.roadmap')).toHaveCount(0);
      for (const fig of placeholders.filter((f) => f.chapter === chapter)) {
        const slot = page.locator(`#${fig.id}`);
        // The source's words, as printed (the permalink and 引用 controls beside them are data-ui).
        expect(await slot.locator('.figure-source-text').evaluate((el) => { const c = el.cloneNode(true) as HTMLElement; c.querySelectorAll('[data-ui]').forEach((x) => x.remove()); return c.textContent; })).toBe(fig.text);
        const picture = slot.locator('.roadmap-wide > img.roadmap-picture');
        await expect(picture).toHaveAttribute('src', `/${drawingPath(fig.n)}`);
        // Whole: loaded (without scripting, loading=lazy loads at once), at the drawing's own
        // proportions, and sized by its attributes before it loads.
        await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), fig.id).toBe(true);
        const [shown, natural, attrs] = await picture.evaluate((img: HTMLImageElement) => [img.clientWidth / img.clientHeight, img.naturalWidth / img.naturalHeight, img.width / img.height]);
        expect(Math.abs(shown! - natural!), `${fig.id} proportions`).toBeLessThan(0.01);
        expect(Math.abs(attrs! - natural!), `${fig.id} width/height attributes`).toBeLessThan(0.01);
        // The text alternative names the figure and says how it reads; the data table and the
        // interactive figure are one link away.
        await expect(picture).toHaveAttribute('alt', new RegExp(`^图${fig.n} .+（据正文重建）。.+各节点所据原文见图${fig.n}的数据表。$`));
        await expect(slot.locator('.roadmap-scroll')).toHaveAttribute('aria-label', `图${fig.n} ${data(fig.n).caption}`);
        await expect(slot.getByRole('link', { name: '查看大图、数据表与来源' })).toHaveAttribute('href', `/figures/${fig.n}/`);
        await expect(slot.getByRole('link', { name: `图${fig.n}的数据表` })).toHaveAttribute('href', `/figures/${fig.n}/#data`);
        await expect(slot.locator('figcaption')).toContainText(`图${fig.n}`);
        await expect(slot.locator('figcaption')).toContainText('据正文重建');
        await expect(slot.locator('figcaption')).toContainText('“十二五”期间');
        expect(await sectionOf(page, `#${fig.id}`), fig.id).toBe(fig.sectionId);
        // The interactive filter only exists once the script runs.
        await expect(slot.locator('.roadmap-filter')).toBeHidden();
      }
    }
  });

  test('图1 on its chapter page: the desktop picture, and the stacked one on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto('/chapters/3/');
    const narrow = page.locator('#fig-1 .roadmap-narrow > img.roadmap-picture');
    await expect(narrow).toHaveAttribute('src', `/${drawingPath(1, 'narrow')}`);
    await expect(narrow).toBeVisible();
    await expect(page.locator('#fig-1 .roadmap-wide > img.roadmap-picture')).toBeHidden();
    await expect.poll(() => narrow.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });

  test('every category named in the text appears as a node label, and every domain figure has the same columns', async ({ page }) => {
    for (const fig of placeholders.filter((f) => f.n > 1)) {
      await page.goto(`/figures/${fig.n}/`);
      const heads = await page.locator('.roadmap-wide svg .rm-head').allTextContents();
      expect(heads, fig.id).toEqual(['重点方向', '研发内容', '重大关键技术', '领域整体', '创新方式', '组织载体', '成熟度', '目标']);
      for (const node of data(fig.n).nodes.filter((n) => n.layer === 'category')) {
        const text = (await page.locator(`svg a[data-node="${node.id}"] .rm-label`).textContent()) ?? '';
        expect(text, `${fig.id} ${node.id}`).toBe(node.label);
      }
    }
  });

  test('图1 on its own page is static SVG: every node linked, a desktop and a phone drawing, no script needed', async ({ page }) => {
    await page.goto('/figures/1/');
    for (const variant of ['wide', 'narrow']) {
      const svg = page.locator(`.roadmap-${variant} svg.roadmap-overview`);
      await expect(svg).toHaveCount(1);
      for (const node of data(1).nodes) await expect(svg.locator(`a[data-node="${node.id}"]`)).toHaveCount(1);
    }
  });

  test('keyboard: one Tab stop per figure; Enter lands on the quoted paragraph', async ({ page }) => {
    await page.goto('/figures/2/');
    const first = data(2).nodes.find((n) => n.layer === 'category')!;
    const stops = page.locator('.roadmap-wide svg a[tabindex="0"]');
    await expect(stops).toHaveCount(1);
    await expect(stops).toHaveAttribute('data-node', first.id);
    await stops.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/chapters\/5\//);
    // Chromium keeps the text directive (:~:text=…) out of location.hash.
    expect(await page.evaluate(() => location.hash)).toBe(`#${first.source.id}`);
    await expect(page.locator(`#${first.source.id}`)).toBeInViewport();
  });
});

test('the initial HTML of a chapter page carries pictures of its figures, not their drawings', async ({ request }) => {
  const html = await (await request.get('/chapters/5/')).text();
  const figures = placeholders.filter((f) => f.chapter === 5);
  expect(html).not.toMatch(/<svg[^>]*class="roadmap\b/);
  expect(html).not.toContain('rm-node');
  for (const fig of figures) expect(html, fig.id).toContain(`src="/${drawingPath(fig.n)}"`);
  expect(html.match(/<img class="roadmap-picture"[^>]*loading="lazy"/g)).toHaveLength(figures.length);
});

test('scrolled to, a figure becomes the interactive drawing of /figures/N/, in the same box: node links and keyboard work', async ({ page, context }) => {
  await page.goto('/chapters/5/');
  const fig = placeholders.filter((f) => f.chapter === 5).at(-1)!;
  const root = page.locator(`#${fig.id} [data-roadmap]`);
  // Far below the first screen: still a picture.
  await expect(root).toHaveAttribute('data-drawing', 'static');
  await expect(root.locator('svg.roadmap')).toHaveCount(0);
  const size = (el: Element) => { const r = el.getBoundingClientRect(); return [Math.round(r.width * 10) / 10, Math.round(r.height * 10) / 10]; };
  const pictureSize = await root.locator('.roadmap-wide > img').evaluate(size);
  const figureHeight = await root.evaluate((el) => el.getBoundingClientRect().height);

  await root.scrollIntoViewIfNeeded();
  await expect(root).toHaveAttribute('data-drawing', 'interactive');
  await expect(root.locator('.roadmap-wide > img')).toHaveCount(0);
  // Nothing moves: the drawing takes the picture's box, the figure keeps its height.
  expect(await root.locator('.roadmap-wide > svg').evaluate(size)).toEqual(pictureSize);
  expect(await root.evaluate((el) => el.getBoundingClientRect().height)).toBeCloseTo(figureHeight, 1);
  await expect(root.locator('.roadmap-scroll')).toHaveAttribute('aria-label', /方向键在节点间移动/);
  await expect(root.locator('.roadmap-filter')).toBeVisible();

  // The same drawing as /figures/N/ (both after the script's set-up).
  const own = await context.newPage();
  await own.goto(`/figures/${fig.n}/`);
  await expect(own.locator('[data-roadmap]')).toHaveAttribute('data-drawing', 'interactive');
  const drawing = (el: Element) => el.outerHTML;
  expect(await root.locator('.roadmap-wide > svg').evaluate(drawing)).toBe(await own.locator('.roadmap-wide > svg').evaluate(drawing));
  await own.close();

  // Keyboard: Tab from the skip link (past the table link and the filter) reaches the first node;
  // an arrow moves on; Enter follows the node's link.
  const first = data(fig.n).nodes.find((n) => n.layer === 'category')!;
  await root.getByRole('link', { name: `跳过图${fig.n}` }).focus();
  const focusedNode = () => page.evaluate(() => document.activeElement?.closest('svg.roadmap') ? document.activeElement.getAttribute('data-node') : null);
  for (let i = 0; i < 30 && !(await focusedNode()); i++) await page.keyboard.press('Tab');
  expect(await focusedNode()).toBe(first.id);
  await page.keyboard.press('ArrowDown');
  const second = await focusedNode();
  expect(second).toBeTruthy();
  expect(second).not.toBe(first.id);
  const target = data(fig.n).nodes.find((n) => n.id === second)!;
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${target.source.id}`);
  await expect(page.locator(`#${target.source.id}`)).toBeInViewport();
});

// axe needs scripting to run, so the no-JS reader's page is had by blocking the site's scripts:
// every figure stays a picture. (a11y.spec.ts checks every page with its figures upgraded.)
test('axe passes on a chapter page whose figures are pictures', async ({ page }) => {
  test.setTimeout(180_000);
  await page.route('**/*.js', (route) => route.abort());
  await page.goto('/chapters/5/');
  await expect(page.locator('[data-roadmap][data-drawing="static"]')).toHaveCount(placeholders.filter((f) => f.chapter === 5).length);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await expect(page.locator('svg.roadmap')).toHaveCount(0);
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

test('Tab passes each figure of a chapter in one stop; the skip link jumps past it', async ({ page }) => {
  await page.goto('/chapters/5/');
  expect(await upgradeFigures(page)).toEqual([]);
  for (const fig of placeholders.filter((f) => f.chapter === 5)) {
    const block = page.locator(`#${fig.id} .roadmap-figure`);
    await block.getByRole('link', { name: `跳过图${fig.n}` }).focus();
    let inside = 0;
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate((id) => {
        const el = document.activeElement;
        if (!el?.closest(`#${id} .roadmap-figure`)) return 'out';
        return el.closest('svg') ? 'svg' : 'figure';
      }, fig.id);
      if (where === 'out') break;
      if (where === 'svg') inside++;
    }
    expect(inside, `${fig.id}: Tab stops inside the drawing`).toBe(1);
  }
  await page.locator('#fig-3 .roadmap-figure').getByRole('link', { name: '跳过图3' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#fig-3-after')).toBeFocused();
});

test('focus highlights the chain, a tooltip quotes the source, arrows move between nodes', async ({ page }) => {
  await page.goto('/figures/2/');
  const figure = data(2);
  const category = figure.nodes.find((n) => n.layer === 'category' && figure.links.some((l) => l.from === n.id))!;
  const child = figure.links.find((l) => l.from === category.id)!.to;
  const svg = page.locator('.roadmap-wide svg.roadmap');
  await page.locator(`svg a[data-node="${category.id}"]`).focus();
  await expect(svg).toHaveClass(/rm-focus/);
  await expect(page.locator(`svg a[data-node="${child}"]`)).toHaveClass(/rm-on/);
  await expect(page.locator('.rm-tip')).toBeVisible();
  await expect(page.locator('.rm-tip q')).toHaveText(category.source.quote);

  const categories = figure.nodes.filter((n) => n.layer === 'category');
  await page.locator(`svg a[data-node="${categories[0]!.id}"]`).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(`svg a[data-node="${categories[1]!.id}"]`)).toBeFocused();
  // The focused node now holds the figure's one Tab stop.
  await expect(page.locator('.roadmap-wide svg a[tabindex="0"]')).toHaveAttribute('data-node', categories[1]!.id);
  await page.keyboard.press('ArrowRight');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-layer'))).toBe('technology');
  await page.keyboard.press('End');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-layer'))).toBe('goal');
});

test('the category filter dims the chains switched off, and the Tab stop stays on a shown node', async ({ page }) => {
  await page.goto('/figures/2/');
  const figure = data(2);
  const category = figure.nodes.find((n) => n.layer === 'category')!;
  const filter = page.locator('.roadmap-filter');
  await expect(filter).toBeVisible();
  await filter.getByLabel(category.label, { exact: true }).uncheck();
  const node = page.locator(`svg a[data-node="${category.id}"]`);
  await expect(node).toHaveClass(/rm-off/);
  await expect(node).toHaveAttribute('tabindex', '-1');
  await expect(page.locator('.roadmap-wide svg a[tabindex="0"]:not(.rm-off)')).toHaveCount(1);
  await filter.getByRole('button', { name: '全部显示' }).click();
  await expect(node).not.toHaveClass(/rm-off/);
});

test.describe('geometry of every figure, measured with real fonts', () => {
  for (let n = 1; n <= 12; n++) {
    test(`图${n}: text inside its boxes, no boxes overlapping, no link through a box`, async ({ page }) => {
      await page.goto(`/figures/${n}/`);
      expect(await geometryFaults(page, '.roadmap-wide svg')).toEqual([]);
    });
  }
  test('图1 on a phone: the stacked drawing, sound, and nothing wider than the screen', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto('/figures/1/');
    await expect(page.locator('.roadmap-narrow svg')).toBeVisible();
    await expect(page.locator('.roadmap-wide svg')).toBeHidden();
    expect(await geometryFaults(page, '.roadmap-narrow svg')).toEqual([]);
    expect(await smallestText(page, '.roadmap-narrow svg')).toBeGreaterThanOrEqual(11);
    expect(await page.locator('.roadmap-scroll').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  });
});

test('the first screen of /figures/1/ at 1280×800 shows at least 15 whole node labels', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/figures/1/');
  const whole = await page.locator('.roadmap-wide svg a.rm-node .rm-label').evaluateAll((labels) => labels.filter((label) => {
    const r = label.getBoundingClientRect();
    return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
  }).length);
  expect(whole).toBeGreaterThanOrEqual(15);
});

for (const width of [1024, 1280, 1440]) {
  test(`at ${width} px every figure on every chapter page fits its column, its smallest text at 11 px or more`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    for (const chapter of [...new Set(placeholders.map((f) => f.chapter))]) {
      await page.goto(`/chapters/${chapter}/`);
      expect(await upgradeFigures(page)).toEqual([]);
      for (const fig of placeholders.filter((f) => f.chapter === chapter)) {
        const scroll = page.locator(`#${fig.id} .roadmap-scroll`);
        expect(await scroll.evaluate((el) => el.scrollWidth - el.clientWidth), `${fig.id} scrolls sideways`).toBeLessThanOrEqual(0);
        expect(await smallestText(page, `#${fig.id} .roadmap-wide svg`), `${fig.id} text size`).toBeGreaterThanOrEqual(11);
      }
    }
  });
}

test('on a 360 px phone a domain figure keeps its size in its own sideways-scrolling box, opening on the first node', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/chapters/5/');
  expect(await upgradeFigures(page)).toEqual([]);
  const region = page.locator('#fig-2 .roadmap-scroll');
  await expect(region).toHaveAttribute('aria-label', /图2/);
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth && el.scrollLeft === 0)).toBe(true);
  expect(await smallestText(page, '#fig-2 .roadmap-wide svg')).toBeGreaterThanOrEqual(12);
  const first = await page.locator('#fig-2 svg a[tabindex="0"] rect.rm-box').boundingBox();
  const box = await region.boundingBox();
  expect(first!.x).toBeGreaterThanOrEqual(box!.x);
  expect(first!.x + first!.width).toBeLessThanOrEqual(box!.x + box!.width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

// axe: every page, figures included, is checked once per colour scheme in a11y.spec.ts.

for (const state of ['picture', 'drawing'] as const) {
  test(`print (the ${state}): no interactive chrome, and the figure fits the A4 text width`, async ({ page }) => {
    // 156 mm of text width at 96 dpi.
    await page.setViewportSize({ width: 590, height: 900 });
    await page.goto('/chapters/5/');
    // A reader's own print may come before the figure's upgrade; the PDF step's comes after.
    // The last figure of the chapter: far below the first screen, so still a picture until asked.
    if (state === 'drawing') expect(await upgradeFigures(page)).toEqual([]);
    const figure = page.locator('#fig-12 .figure-rebuilt');
    await expect(figure.locator('.roadmap-wide > *')).toHaveCount(1);
    await expect(figure.locator(state === 'drawing' ? '.roadmap-wide > svg' : '.roadmap-wide > img')).toHaveCount(1);
    await page.emulateMedia({ media: 'print' });
    await expect(figure.locator('.roadmap-filter')).toBeHidden();
    await expect(figure.locator('.roadmap-links')).toBeHidden();
    await expect(figure.locator('.roadmap-skip')).toBeHidden();
    const box = await figure.locator('.roadmap-wide > *').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(590);
    expect(box!.height).toBeGreaterThan(100);
    expect(await figure.locator('.roadmap-scroll').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  });
}

test('a reader\'s own print, with scripting and without scrolling, has every figure whole', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/chapters/5/');
  // The pictures below the first screen load once the page is idle (browsers print lazy images
  // that have not loaded as blanks); the figure near the top may already be the drawing.
  await expect.poll(() => page.evaluate(() => [...document.querySelectorAll<HTMLImageElement>('img.roadmap-picture')].every((img) => img.complete && img.naturalWidth > 0)), { timeout: 30_000 }).toBe(true);
  await page.emulateMedia({ media: 'print' });
  const printedText = async () => {
    const doc = await getDocument({ data: new Uint8Array(await page.pdf({ format: 'A4', preferCSSPageSize: true })) }).promise;
    let text = '';
    for (let n = 1; n <= doc.numPages; n++) text += (await (await doc.getPage(n)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join('');
    return text.replace(/\s+/g, '');
  };
  // The figures' own words: each key technology node's "关键技术N", counted with the drawings
  // and again with them taken out.
  const count = (text: string, words: string) => text.split(words).length - 1;
  const whole = await printedText();
  await page.evaluate(() => { for (const el of document.querySelectorAll('.roadmap-scroll')) el.remove(); });
  const without = await printedText();
  const kts = placeholders.filter((f) => f.chapter === 5).flatMap((fig) => data(fig.n).nodes.filter((n) => n.layer === 'kt').map((n) => ({ fig: fig.id, words: `关键技术${n.kt}` })));
  expect(kts.length).toBeGreaterThan(20);
  for (const { fig, words } of kts) expect(count(whole, words) - count(without, words), `${fig} ${words}`).toBeGreaterThanOrEqual(1);
});

test('the gallery shows each figure whole, as an image of its file, not twelve inlined drawings', async ({ page }) => {
  await page.goto('/figures/');
  await expect(page.locator('main svg.roadmap')).toHaveCount(0);
  const thumbs = page.locator('.figure-card .thumb img');
  await expect(thumbs).toHaveCount(12);
  for (const img of await thumbs.all()) {
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
    // Whole: the image keeps its aspect ratio inside the card, nothing cropped.
    const ratio = await img.evaluate((el: HTMLImageElement) => [el.clientWidth / el.clientHeight, el.naturalWidth / el.naturalHeight]);
    expect(Math.abs(ratio[0]! - ratio[1]!)).toBeLessThan(0.02);
  }
});

test('the standalone SVG files open under the site\'s own CSP with no violation', async ({ page, request }) => {
  const violations: string[] = [];
  page.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) violations.push(message.text()); });
  for (let n = 1; n <= 12; n++) {
    const response = await request.get(`/figures/${n}.svg`);
    expect(response.headers()['content-type']).toContain('image/svg+xml');
    const text = await response.text();
    expect(text, `图${n}`).not.toMatch(/<style|\sstyle="/);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    await page.goto(`/figures/${n}.svg`);
    await expect(page.locator('svg > title')).toContainText(`图${n}`);
  }
  expect(violations).toEqual([]);
});
