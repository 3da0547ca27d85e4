import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import { citableIds, citedPlace } from '../../src/lib/cite/index.ts';
import { deployment } from '../../src/config/deploy.ts';
import { notice } from '../../src/config/site.ts';
import { DIST } from './site-files.ts';
import { plan } from './fixtures.ts';

const { site } = deployment();
const edition = () => readFileSync(join(DIST, 'chapters/4/index.html'), 'utf8').match(/data-edition="(\d{4}-\d{2}-\d{2})"/)![1]!;

test.describe('citation dialog', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copies the GB/T 7714 reference, short form and URL of 四（三）1（10）', async ({ page }) => {
    await page.goto('/chapters/4/');
    // With SITE_URL the deployer's origin; without it the address the reader has.
    const origin = site ?? new URL(page.url()).origin;
    const place = '四（三）1（10）科技成果转化与知识产权保护行动';
    const heading = page.locator('#sec-4-3-1-10');
    await heading.hover();
    const button = heading.getByRole('button', { name: `引用 ${place}` });
    await button.focus();
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog', { name: `引用 ${place}` });
    await expect(dialog).toBeVisible();
    const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
    const url = `${origin}/chapters/4/#sec-4-3-1-10`;
    const expected = {
      '复制参考文献（GB/T 7714-2015）': `青海省科学技术发展“十二五”规划: ${place}[EB/OL]. (${edition()})[${today}]. ${url}.`,
      '复制简短引注': `《青海省科学技术发展“十二五”规划》${place}`,
      '复制链接': url,
    };
    for (const [name, text] of Object.entries(expected)) {
      await dialog.getByRole('button', { name }).click();
      await expect(dialog.getByRole('status')).toHaveText(`已${name}`);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
    }

    await expect(dialog.getByRole('link', { name: /引用页/ })).toHaveAttribute('href', '/cite/#sec-4-3-1-10');

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(button).toBeFocused();
  });

  test('the renumbered section cites its printed number with the correction marked', async ({ page }) => {
    await page.goto('/chapters/4/');
    await page.locator('#sec-4-4').hover();
    await page.locator('#sec-4-4').getByRole('button', { name: '引用 四（三）〔应作（四）〕构建四大创新体系' }).click();
    await expect(page.getByRole('dialog').locator('#cite-short')).toHaveText('《青海省科学技术发展“十二五”规划》四（三）〔应作（四）〕构建四大创新体系');
  });

  test('关键技术12 and 图2 can be cited', async ({ page }) => {
    await page.goto('/chapters/5/');
    for (const [id, place] of [['kt-12', '五（二）2 关键技术12 盐湖钾、镁、锂、硼等资源综合开发利用技术'], ['fig-2', '五（一）1 图2']] as const) {
      await page.locator(`#${id} .permalink`).first().scrollIntoViewIfNeeded();
      await page.locator(`#${id}`).getByRole('button', { name: `引用 ${place}` }).first().focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog');
      await expect(dialog.locator('#cite-url')).toHaveText(new RegExp(`/chapters/5/#${id}$`));
      await expect(dialog.locator('#cite-short')).toHaveText(`《青海省科学技术发展“十二五”规划》${place}`);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
    }
  });

  test('a paragraph cites its place and anchor', async ({ page }) => {
    await page.goto('/chapters/4/');
    await page.locator('#sec-4-1-p1').hover();
    await page.locator('#sec-4-1-p1').getByRole('button', { name: '引用 四（一）突出绿色引领主线 第1段' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.locator('#cite-url')).toHaveText(/\/chapters\/4\/#sec-4-1-p1$/);
    await expect(dialog.locator('#cite-short')).toHaveText('《青海省科学技术发展“十二五”规划》四（一）突出绿色引领主线 第1段');
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`the open dialog passes axe (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/chapters/4/');
      await page.locator('#sec-4-1').hover();
      await page.locator('#sec-4-1').getByRole('button', { name: /^引用 四（一）/ }).click();
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

test.describe('/cite/ without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('lists every citable place with its GB/T 7714 reference and a link to it', async ({ page }) => {
    await page.goto('/cite/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('引用本规划');
    const items = page.locator('li.cite-item');
    expect(await items.evaluateAll((els) => els.map((el) => el.id))).toEqual(['plan', ...citableIds(plan)]);
    const url = (path: string) => (site ? `${site}${path}` : `本站网址${path}`);
    const cases = {
      'sec-4': ['四、主要任务', '/chapters/4/'],
      'sec-4-4': ['四（三）〔应作（四）〕构建四大创新体系', '/chapters/4/#sec-4-4'],
      'sec-4-1-p1': ['四（一）突出绿色引领主线 第1段', '/chapters/4/#sec-4-1-p1'],
      'kt-12': ['五（二）2 关键技术12 盐湖钾、镁、锂、硼等资源综合开发利用技术', '/chapters/5/#kt-12'],
      'fig-2': ['五（一）1 图2', '/chapters/5/#fig-2'],
    } as const;
    for (const [id, [place, path]] of Object.entries(cases)) {
      const item = page.locator(`li#${id}`);
      await expect(item.getByRole('link', { name: place })).toHaveAttribute('href', path);
      await expect(item.locator('.cite-reference')).toHaveText(`青海省科学技术发展“十二五”规划: ${place}[EB/OL]. (${edition()})[引用日期]. ${url(path)}.`);
    }
    for (const id of ['sec-2', 'sec-5-1-2-4', 'preamble-p1']) await expect(page.locator(`li#${id} .cite-place`)).toHaveText(citedPlace(plan, id));
  });

  test('links each part\'s RIS, BibTeX and CSL-JSON file, which parse as web pages', async ({ page, request }) => {
    await page.goto('/cite/');
    const links = await page.locator('.cite-files a').evaluateAll((els) => els.map((a) => (a as HTMLAnchorElement).getAttribute('href')!));
    expect(links).toHaveLength(8 * 3);
    for (const href of links) {
      const response = await request.get(href);
      expect(response.status(), href).toBe(200);
      const items = new Cite(await response.text()).data as { type: string; title: string }[];
      expect(items.length, href).toBeGreaterThan(0);
      expect(new Set(items.map((i) => i.type)), href).toEqual(new Set(['webpage']));
    }
  });

  test('a reading page says places can be cited, in one line with one link, and / says what the edition is', async ({ page }) => {
    for (const path of ['/', '/plan/', '/chapters/4/']) {
      await page.goto(path);
      const hint = page.locator('main .cite-hint');
      await expect(hint).toBeVisible();
      await expect(hint.getByRole('link')).toHaveCount(1);
      await expect(hint.getByRole('link')).toHaveAttribute('href', '/cite/');
    }
    await page.goto('/');
    await expect(page.locator('main .edition-notice')).toHaveText(`${notice.short}${notice.official}`);
    await expect(page.locator('#preamble #preamble-p1')).toHaveCount(1);
    await page.goto('/plan/#preamble');
    await expect(page.locator('#preamble #preamble-p1')).toHaveCount(1);
  });
});

test('/cite/ with JavaScript fills in the access date and, without SITE_URL, the reader\'s address', async ({ page }) => {
  await page.goto('/cite/#sec-4-4');
  const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
  const origin = site ?? new URL(page.url()).origin;
  await expect(page.locator('li#sec-4-4 .cite-reference')).toHaveText(`青海省科学技术发展“十二五”规划: 四（三）〔应作（四）〕构建四大创新体系[EB/OL]. (${edition()})[${today}]. ${origin}/chapters/4/#sec-4-4.`);
  await expect(page.locator('.cite-reference var')).toHaveCount(0);
});

test('the footer of every page says what the edition is and links /cite/', () => {
  const pages = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html') && !f.startsWith('pagefind/'));
  expect(pages.length).toBeGreaterThan(20);
  for (const file of pages) {
    const html = readFileSync(join(DIST, file), 'utf8');
    const footer = html.match(/<footer class="site-footer"[\s\S]*?<\/footer>/)?.[0] ?? '';
    expect(footer, file).toContain(notice.short);
    expect(footer, file).toContain('href="/cite/"');
  }
});

test('no built file names a placeholder or local address; reference-manager metadata says web page', () => {
  const files = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(html|xml|txt|json|js|css|svg|ris|bib)$/.test(f) && !f.startsWith('pagefind/'));
  for (const file of files) expect(readFileSync(join(DIST, file), 'utf8'), file).not.toMatch(/example\.org|127\.0\.0\.1/);
  const chapter = readFileSync(join(DIST, 'chapters/4/index.html'), 'utf8');
  // Zotero (Embedded Metadata, RDF translators): og:type=website makes a web page; citation_title
  // alone or DC.type=Text would make it guess a journal article.
  expect(chapter).toContain('<meta property="og:type" content="website">');
  expect(chapter).not.toMatch(/DC\.type|citation_journal_title|citation_author|citation_publisher/);
  expect(chapter).toContain('<meta name="citation_language" content="zh-CN">');
  if (!site) expect(chapter).not.toMatch(/rel="canonical"|citation_public_url|DC\.identifier|og:url/);
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
  // On paper a heading carries its printed place, generated (so copied text and bookmarks stay clean).
  expect(await page.locator('#sec-4-3-1-10').evaluate((el) => getComputedStyle(el, '::after').content)).toBe('"四（三）1（10）"');
  expect(await page.locator('#sec-4-4').evaluate((el) => getComputedStyle(el, '::after').content)).toBe('"四（三）〔应作（四）〕"');
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
