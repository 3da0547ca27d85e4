import { test, expect } from '@playwright/test';

test('the sidebar outline leads from chapter to chapter and section', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/chapters/1/');
  const outline = page.getByRole('navigation', { name: '规划目录' });
  await expect(outline.locator('a[aria-current="page"]')).toHaveText('一、“十一五”科技发展回顾');
  await outline.getByRole('link', { name: '四、主要任务' }).click();
  await expect(page).toHaveURL(/\/chapters\/4\/$/);
  await expect(page.locator('h1')).toContainText('四、主要任务');
  await page.getByRole('navigation', { name: '规划目录' }).getByRole('link', { name: '（三）实施三大科技工程' }).click();
  await expect(page).toHaveURL(/\/chapters\/4\/#sec-4-3$/);
});

test('on a phone the outline is folded and opens', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/chapters/2/');
  const outline = page.getByRole('navigation', { name: '规划目录' });
  await expect(outline).toBeHidden();
  await page.getByText('规划目录', { exact: true }).click();
  await expect(outline).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('previous and next chapter links walk the plan', async ({ page }) => {
  await page.goto('/chapters/3/');
  await page.getByRole('navigation', { name: '上一章与下一章' }).getByRole('link', { name: /下一章/ }).click();
  await expect(page).toHaveURL(/\/chapters\/4\/$/);
  await page.getByRole('navigation', { name: '上一章与下一章' }).getByRole('link', { name: /上一章/ }).click();
  await expect(page).toHaveURL(/\/chapters\/3\/$/);
});

test('a deep link to a paragraph lands below the sticky header with the target highlighted', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/chapters/4/#sec-4-3-1-10-p1');
  const target = page.locator('#sec-4-3-1-10-p1');
  await expect(target).toBeInViewport();
  const box = (await target.boundingBox())!;
  const header = (await page.locator('.site-header').boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(header.y + header.height);
  const background = await target.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).not.toBe('rgba(0, 0, 0, 0)');
  const other = await page.locator('#sec-4-3-1-9-p1').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(other).toBe('rgba(0, 0, 0, 0)');
});

test('the same ids work on the whole-plan page', async ({ page }) => {
  await page.goto('/plan/#sec-5-1-2-4');
  await expect(page.locator('#sec-5-1-2-4')).toBeInViewport();
  await expect(page.locator('#sec-5-1-2-4')).toContainText('新材料');
});

test('every heading and paragraph has a copy-link that appears on keyboard focus', async ({ page }) => {
  await page.goto('/chapters/6/');
  const link = page.locator('#sec-6-2-p1 .permalink');
  await expect(link).toHaveAttribute('href', '#sec-6-2-p1');
  await expect(link).toHaveCSS('clip-path', 'inset(50%)');
  await link.focus();
  await expect(link).toHaveCSS('clip-path', 'none');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('a chapter reads completely and its links work', async ({ page }) => {
    await page.goto('/chapters/5/');
    await expect(page.locator('#sec-5-1-2-2')).toContainText('盐湖化工');
    await expect(page.locator('#kt-40')).toContainText('既有居住建筑节能及供热、节水计量改造技术');
    await page.getByRole('navigation', { name: '上一章与下一章' }).getByRole('link', { name: /下一章/ }).click();
    await expect(page).toHaveURL(/\/chapters\/6\/$/);
  });
});
