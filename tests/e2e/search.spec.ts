import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { CORPUS_DIR, corpusChapterPath, CORPUS_INDEX } from '../../src/lib/search/corpus.ts';

const panelHits = (page: Page) => page.locator('.search-panel .search-hit a');

async function headerSearch(page: Page, query: string): Promise<void> {
  await page.keyboard.press('/');
  await expect(page.locator('#site-search')).toBeFocused();
  await page.keyboard.type(query);
  await expect(panelHits(page).first()).toBeVisible();
}

test('search code and index load only on first use', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto('/chapters/5/');
  await page.waitForLoadState('networkidle');
  expect(requests.filter((p) => p.startsWith('/pagefind/') || p.startsWith(`/${CORPUS_DIR}/`))).toEqual([]);
  await page.locator('#site-search').focus();
  await expect.poll(() => requests.some((p) => p === '/pagefind/pagefind.js')).toBe(true);
  await expect.poll(() => requests.includes(`/${CORPUS_INDEX}`) && requests.includes(`/${corpusChapterPath(6)}`)).toBe(true);
});

test('Pagefind itself segments Chinese: a word inside a run of characters is found, at sub-result level', async ({ page }) => {
  // Unsegmented, "柴达木循环经济试验区…" would be one token and 循环经济 would match nothing.
  await page.goto('/search/');
  const found = await page.evaluate(async () => {
    const pagefind = await import(`${location.origin}/pagefind/pagefind.js`);
    const search = await pagefind.search('循环经济');
    const pages = await Promise.all(search.results.slice(0, 5).map((r: { data: () => Promise<{ url: string; sub_results: { url: string }[] }> }) => r.data()));
    return pages.flatMap((p) => p.sub_results.map((s: { url: string }) => s.url));
  });
  expect(found.some((url) => /\/chapters\/\d\/#(sec|kt)-/.test(url)), found.join(' ')).toBe(true);
});

test('the header search finds 盐湖化工 and lands on its section, with the terms marked', async ({ page }) => {
  await page.goto('/chapters/1/');
  await headerSearch(page, '盐湖化工');
  const first = panelHits(page).first();
  await expect(first.locator('.hit-head')).toHaveText('五（一）2（2） 盐湖化工');
  await expect(page.locator('.search-panel .hit-excerpt mark').first()).toHaveText('盐湖化工');
  await page.keyboard.press('ArrowDown');
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/chapters\/5\/\?highlight=.*#sec-5-1-2-2$/);
  await expect(page.locator('#sec-5-1-2-2 mark.search-hit')).toHaveText('盐湖化工');
  const marks = page.locator('main mark.search-hit');
  expect(await marks.count()).toBeGreaterThan(1);
  for (const text of await marks.allTextContents()) expect(text).toBe('盐湖化工');
  await expect(page.locator('.search-highlight-bar')).toContainText('盐湖化工');
  await page.getByRole('button', { name: '清除标记' }).click();
  await expect(marks).toHaveCount(0);
  expect(page.url()).not.toContain('highlight=');
});

test('a single-character query returns every section that says it', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('锂')}`);
  // The final state: the plan's 7 sections, then the other pages once Pagefind has answered.
  const status = page.locator('#search-status');
  await expect(status).toContainText(/规划正文 7 处，其他页面 \d+ 条。$/);
  const others = Number((await status.textContent())!.match(/其他页面 (\d+) 条/)![1]);
  const hits = page.locator('#search-results .search-hit-plan');
  await expect(hits).toHaveCount(7);
  for (const excerpt of await hits.locator('.hit-excerpt').all()) await expect(excerpt.locator('mark').first()).toHaveText('锂');
  // The header box counts the same places once both passes are in.
  await page.goto('/');
  await headerSearch(page, '锂');
  await expect(page.locator('#site-search-status')).toContainText(`找到 ${7 + others} 条结果`);
  await expect(page.locator('.search-panel .search-hit-plan')).toHaveCount(7);
});

test('full-width and half-width forms find the same places', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('R&D')}`);
  await expect(page.locator('#search-results .search-hit-plan')).toHaveCount(3);
  await expect(page.locator('#search-results .search-hit-plan mark').first()).toHaveText('R＆D');
});

test('the chapter filter narrows the results', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('盐湖')}`);
  const hits = page.locator('#search-results .search-hit-plan');
  await expect(hits.first()).toBeVisible();
  const all = await hits.count();
  await page.locator('#search-chapter').selectOption('5');
  await expect(page).toHaveURL(/chapter=5/);
  await expect.poll(() => hits.count()).toBeLessThan(all);
  expect(await hits.count()).toBeGreaterThan(0);
  for (const path of await hits.locator('.hit-path').allTextContents()) expect(path).toMatch(/^五/);
  await expect(page.locator('#search-chapter option[value="5"]')).toHaveText(/（\d+）$/);
  await page.goBack();
  await expect.poll(() => hits.count()).toBe(all);
});

test('keyboard only: / and Ctrl+K focus the box, arrows and Tab move through results, Esc closes', async ({ page }) => {
  await page.goto('/chapters/2/');
  await page.keyboard.press('Control+K');
  await expect(page.locator('#site-search')).toBeFocused();
  await page.keyboard.type('三江源');
  await expect(panelHits(page).first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(panelHits(page).nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('#site-search')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(panelHits(page).first()).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('.search-panel')).toBeHidden();
  await expect(page.locator('#site-search')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(panelHits(page).first()).toBeFocused();
  const href = await panelHits(page).first().getAttribute('href');
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => href !== null && url.href.endsWith(href));
  await expect(page.locator('main mark.search-hit').first()).toHaveText('三江源');
});

test('Enter in the header box opens the search page', async ({ page }) => {
  await page.goto('/errata/');
  await page.locator('#site-search').fill('柴达木');
  await page.locator('#site-search').press('Enter');
  await page.waitForURL(/\/search\/\?q=/);
  await expect(page.locator('#search-status')).toContainText('柴达木');
  await expect(page.locator('#search-results .search-hit').first()).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the search page says so and links to the full text', async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent('盐湖')}`);
    // Playwright's text matching skips <noscript>, so read the parsed element directly.
    const notice = page.locator('main .search-noscript');
    expect(await notice.evaluate((el) => el.textContent)).toContain('需要启用 JavaScript');
    expect(await notice.locator('a').getAttribute('href')).toBe('/plan/');
    expect(await notice.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(0);
    await expect(page.locator('#search-results .search-hit')).toHaveCount(0);
  });
  test('the header box still submits to the search page', async ({ page }) => {
    await page.goto('/chapters/3/');
    await page.locator('#site-search').fill('盐湖');
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(/\/search\/\?q=%E7%9B%90%E6%B9%96/);
  });
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe passes on /search/ with results shown (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`/search/?q=${encodeURIComponent('盐湖')}`);
    await expect(page.locator('#search-results .search-hit').first()).toBeVisible();
    await page.locator('#site-search').focus();
    await page.keyboard.type('盐湖');
    await expect(panelHits(page).first()).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('search fetches only what it shows: Pagefind data only for pages outside the plan text, one chapter\'s text when limited to it', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto('/search/?q=%E7%9B%90%E6%B9%96&chapter=5');
  await expect(page.locator('#search-status')).toContainText('规划正文');
  await page.waitForLoadState('networkidle');
  const corpus = requests.filter((p) => p.startsWith(`/${CORPUS_DIR}/`));
  expect(corpus.sort()).toEqual([`/${CORPUS_INDEX}`, `/${corpusChapterPath(5)}`].sort());
  // Every Pagefind result fetched is a page other than the plan's own chapters.
  const pages = await page.evaluate(async () => {
    const pagefind = await import(`${location.origin}/pagefind/pagefind.js`);
    const found = await pagefind.search('盐湖', { filters: { 类别: '其他' } });
    const data = await Promise.all(found.results.map((r: { data: () => Promise<{ url: string }> }) => r.data()));
    return data.map((d) => new URL(d.url, location.origin).pathname);
  });
  expect(pages.length).toBeGreaterThan(0);
  for (const path of pages) expect(path, path).not.toMatch(/^\/(chapters\/\d\/)?$/);
});

test.describe('the / shortcut hint in the header box', () => {
  test('shows inside the box where a keyboard is likely, and gives way when the box is used', async ({ page }) => {
    await page.goto('/errata/');
    const hint = page.locator('.search-box .key-hint');
    const input = page.locator('#site-search');
    await expect(hint).toBeVisible();
    await expect(hint).toHaveText('按 / 键');
    const [h, box] = [(await hint.boundingBox())!, (await input.boundingBox())!];
    expect(h.x).toBeGreaterThanOrEqual(box.x);
    expect(h.x + h.width).toBeLessThanOrEqual(box.x + box.width);
    expect(h.y).toBeGreaterThanOrEqual(box.y);
    expect(h.y + h.height).toBeLessThanOrEqual(box.y + box.height);
    await page.keyboard.press('/');
    await expect(input).toBeFocused();
    await expect(hint).toBeHidden();
  });

  test.describe('on a touch screen', () => {
    test.use({ hasTouch: true, isMobile: true, viewport: { width: 390, height: 844 } });
    test('is not shown', async ({ page }) => {
      await page.goto('/errata/');
      expect(await page.evaluate(() => matchMedia('(hover: none) and (pointer: coarse)').matches)).toBe(true);
      await expect(page.locator('#site-search')).toHaveAttribute('placeholder', '搜索全文');
      await expect(page.locator('.search-box .key-hint')).toBeHidden();
    });
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('is not shown, as there is no shortcut', async ({ page }) => {
      await page.goto('/errata/');
      await expect(page.locator('.search-box .key-hint')).toBeHidden();
    });
  });
});

test('on a desktop the results fill the reading column, each with its place, title and marked excerpt', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/search/?q=${encodeURIComponent('盐湖')}`);
  // The final list: the plan's hits and then the other pages' (after Pagefind's index loads).
  await expect(page.locator('#search-status')).toHaveText(/^“盐湖”：规划正文 \d+ 处(，其他页面 \d+ 条)?。$/, { timeout: 30_000 });
  const main = (await page.locator('main').boundingBox())!;
  expect(main.width).toBeGreaterThanOrEqual(600);
  const hits = page.locator('#search-results .search-hit-plan');
  expect(await hits.count()).toBeGreaterThan(1);
  for (const hit of await hits.all()) {
    const box = (await hit.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(main.x);
    expect(box.width).toBeGreaterThanOrEqual(main.width - 1);
    await expect(hit.locator('.hit-path')).toHaveText(/^[一二三四五六]/);
    await expect(hit.locator('.hit-title')).not.toBeEmpty();
    await expect(hit.locator('.hit-excerpt mark').first()).toHaveText('盐湖');
  }
});
