import { test, expect } from '@playwright/test';
import { ORIGINAL_TEXT_SCRIPT, chapterUrl, idsByChapter, plan, sourceLinesByChapter } from './fixtures.ts';

const squash = (s: string) => s.replace(/\s+/gu, '');
const lines = sourceLinesByChapter();

/** Asserts each expected text occurs in `page`, in order (whitespace-insensitive). */
function expectInOrder(pageText: string, expected: { line: number; text: string }[]) {
  const haystack = squash(pageText);
  let at = 0;
  for (const { line, text } of expected) {
    const found = haystack.indexOf(squash(text), at);
    expect(found, `source line ${line} ("${text.slice(0, 24)}…") appears verbatim after the previous line`).toBeGreaterThanOrEqual(0);
    at = found + squash(text).length;
  }
}

test.describe('fidelity: every source paragraph appears verbatim, in order', () => {
  for (const chapter of [0, 1, 2, 3, 4, 5, 6]) {
    test(`chapter ${chapter} page`, async ({ page }) => {
      await page.goto(chapterUrl(chapter));
      const text = await page.evaluate(ORIGINAL_TEXT_SCRIPT, chapter === 0 ? 'article.preamble' : 'article.plan-text');
      expectInOrder(text, lines.filter((l) => l.chapter === chapter));
    });
  }
  test('the whole plan on /plan/', async ({ page }) => {
    await page.goto('/plan/');
    expectInOrder(await page.evaluate(ORIGINAL_TEXT_SCRIPT, 'article.whole-plan'), lines);
  });
});

test.describe('ids: the documented set exists exactly once per page', () => {
  const byChapter = idsByChapter();
  for (const chapter of [1, 2, 3, 4, 5, 6]) {
    test(`chapter ${chapter}`, async ({ page }) => {
      await page.goto(chapterUrl(chapter));
      const counts = await page.evaluate((ids) => ids.map((id) => document.querySelectorAll(`[id="${id}"]`).length), byChapter.get(chapter)!);
      byChapter.get(chapter)!.forEach((id, i) => expect(counts[i], id).toBe(1));
    });
  }
  test('/plan/ holds every id once, and no page repeats any id', async ({ page }) => {
    await page.goto('/plan/');
    const all = [...byChapter.values()].flat().concat(['preamble-p1']);
    const counts = await page.evaluate((ids) => ids.map((id) => document.querySelectorAll(`[id="${id}"]`).length), all);
    all.forEach((id, i) => expect(counts[i], id).toBe(1));
    const duplicates = await page.evaluate(() => {
      const seen = new Map<string, number>();
      document.querySelectorAll('[id]').forEach((el) => seen.set(el.id, (seen.get(el.id) ?? 0) + 1));
      return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
    });
    expect(duplicates).toEqual([]);
  });
  test('the corrected section sec-4-4 shows the printed （三） with an editorial note', async ({ page }) => {
    await page.goto('/chapters/4/#sec-4-4');
    const heading = page.locator('#sec-4-4');
    await expect(heading).toContainText('（三） 构建四大创新体系');
    await expect(heading.locator('[data-editorial]').first()).toBeVisible();
    await expect(heading).toContainText('应作“（四）”');
  });
});

test.describe('editorial apparatus', () => {
  test('every note is listed on /errata/ with a link that resolves', async ({ page }) => {
    await page.goto('/errata/');
    const items = page.locator('.errata-list > li');
    await expect(items).toHaveCount(plan.corrections.length);
    const hrefs = await items.locator('.erratum-head a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    for (const href of hrefs) {
      const [path, hash] = href.split('#');
      await page.goto(path!);
      await expect(page.locator(`[id="${hash}"]`), href).toHaveCount(1);
    }
  });
  test('the misplaced definition is a footnote of 科技活动人员 in 一（三）, and stays in place in 一（四）', async ({ page }) => {
    await page.goto('/chapters/1/');
    const ref = page.locator('#sec-1-3-p1 a#ref-footnote-kejihuodong-renyuan-anchor');
    await ref.click();
    await expect(page).toHaveURL(/#note-footnote-kejihuodong-renyuan$/);
    await expect(page.locator('#note-footnote-kejihuodong-renyuan')).toContainText('指直接从事科技活动');
    await expect(page.locator('#sec-1-4-p1 .ed-misplaced')).toContainText('科技活动人员：指直接从事科技活动');
  });
  test('the missing footnotes are supplied and labelled 编者注', async ({ page }) => {
    for (const [url, id] of [['/chapters/1/', 'footnote-rd'], ['/chapters/5/', 'footnote-gap'], ['/chapters/5/', 'footnote-fanzai']] as const) {
      await page.goto(url);
      await expect(page.locator(`#note-${id}`)).toContainText('编者注（非原文）');
    }
  });
});
