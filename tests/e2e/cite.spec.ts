import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

test.describe('citation dialog', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copies the GB/T 7714 reference, short form and URL of 四（三）1（10）', async ({ page }) => {
    await page.goto('/chapters/4/');
    const origin = new URL(await page.locator('link[rel=canonical]').getAttribute('href') ?? '').origin;
    const heading = page.locator('#sec-4-3-1-10');
    await heading.hover();
    const button = heading.getByRole('button', { name: '引用 四（三）1（10）' });
    await button.focus();
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog', { name: '引用 四（三）1（10）' });
    await expect(dialog).toBeVisible();
    const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
    const url = `${origin}/chapters/4/#sec-4-3-1-10`;
    const expected = {
      '复制参考文献（GB/T 7714-2015）': `青海省科学技术发展“十二五”规划: 四（三）1（10）[EB/OL]. [${today}]. ${url}.`,
      '复制简短引注': '《青海省科学技术发展“十二五”规划》四（三）1（10）',
      '复制链接': url,
    };
    for (const [name, text] of Object.entries(expected)) {
      await dialog.getByRole('button', { name }).click();
      await expect(dialog.getByRole('status')).toHaveText(`已${name}`);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    }

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });

  test('a paragraph cites its place and anchor', async ({ page }) => {
    await page.goto('/chapters/4/');
    await page.locator('#sec-4-1-p1').hover();
    await page.locator('#sec-4-1-p1').getByRole('button', { name: '引用 四（一）第1段' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.locator('#cite-url')).toHaveText(/\/chapters\/4\/#sec-4-1-p1$/);
    await expect(dialog.locator('#cite-short')).toHaveText('《青海省科学技术发展“十二五”规划》四（一）第1段');
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the open dialog passes axe (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/chapters/4/');
      await page.locator('#sec-4-1').hover();
      await page.locator('#sec-4-1').getByRole('button', { name: '引用 四（一）' }).click();
      await expect(page.getByRole('dialog')).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }

  test('without JavaScript no citation button is shown, the permalink still works', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/chapters/4/');
    await expect(page.locator('button[data-cite]').first()).toBeHidden();
    await expect(page.locator('#sec-4-3-1-10 a.permalink')).toHaveAttribute('href', '#sec-4-3-1-10');
    await context.close();
  });
});

test('printing /chapters/4/ hides navigation, search and buttons and keeps the text', async ({ page }) => {
  await page.goto('/chapters/4/');
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['.site-header', 'form[role=search]', '.outline', '.breadcrumb', '.prev-next', '.page-toc', '.pdf-link', 'button[data-cite] >> nth=0', 'a.permalink >> nth=0']) {
    await expect(page.locator(selector), selector).toBeHidden();
  }
  await expect(page.locator('#sec-4-3-1-10')).toBeVisible();
  await expect(page.locator('#sec-4-1-p1')).toBeVisible();
  await expect(page.locator('.chapter-notes')).toBeVisible();
  expect(await page.locator('#sec-4-3-1-10').evaluate((el) => getComputedStyle(el, '::after').content)).toBe('"\u2002[sec-4-3-1-10]"');
});

test('screen reading downloads no web font; print does', async ({ page }) => {
  const fonts: string[] = [];
  page.on('request', (r) => { if (r.resourceType() === 'font') fonts.push(r.url()); });
  await page.goto('/chapters/4/');
  await page.evaluate(() => document.fonts.ready);
  expect(fonts).toEqual([]);
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(async () => { document.body.getBoundingClientRect(); await document.fonts.ready; });
  await expect.poll(() => fonts.length).toBeGreaterThan(0);
});
