/**
 * Build step: print the chapter pages and the whole plan to PDF with the site's own print CSS,
 * in Debian's Chromium through Playwright. Writes <outDir>/pdf/chapter-N.pdf and plan.pdf, then
 * fills the file sizes into the built pages' PDF links (they are built before the PDFs exist).
 *
 * Before printing, each page is readied for paper (pipeline/pdf-page.ts): links lead into the same
 * PDF or to the public site, never to the build's own server; note marks move to the end of
 * their sentence. plan.pdf is printed a second time with its contents list's page numbers read
 * from the first print. Afterwards pdf-lib sets the properties and cleans the bookmarks
 * (pipeline/pdf-finish.ts). Each PDF is cached under a key of everything it is made from, so a
 * rebuild prints only what changed (pipeline/cache.ts).
 *
 *   npx tsx pipeline/pdf.ts [outDir]      (default dist/)
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { CacheKey, stepCache } from './cache.ts';
import { chromiumVersion, launchChromium } from './chromium.ts';
import { runCli } from './cli.ts';
import { finishPdf, type PdfProperties } from './pdf-finish.ts';
import { contentsTargets, fillContents, headingTitles, moveNoteMarks, rewriteLinks } from './pdf-page.ts';
import { destinationPages } from './pdf-pages.ts';
import { upgradeFigures } from './figure-drawings.ts';
import { printWithFloats } from './print-floats.ts';
import { PRINT_FONT_DIR, writePrintFonts } from './print-fonts.ts';
import { serve, serverOrigin } from './serve.ts';
import { deployment } from '../src/config/deploy.ts';
import { editionDate } from '../src/config/edition.ts';
import { site } from '../src/config/site.ts';
import { editionSubject, editionTitle } from '../src/lib/cite/colophon.ts';
import { loadPlan } from '../src/lib/plan/load.ts';
import { patchSizes, pdfFile } from '../src/lib/pdf/files.ts';

export interface PdfTarget { path: string; file: string; chapter?: number }

/** Every chapter page and the whole plan, from the outline. */
export function pdfTargets(): PdfTarget[] {
  const chapters = loadPlan().plan.chapters.map((s) => s.chapter);
  return [...chapters.map((n) => ({ path: `chapters/${n}/`, file: pdfFile(n), chapter: n })), { path: 'plan/', file: pdfFile() }];
}

/**
 * Switches a loaded page to print media and waits for the print faces, so that what is printed
 * next is laid out in its final fonts. Returns the faces that did not load (none when all is well).
 * First every figure becomes its full inline SVG (chapter pages load pictures of them), so the
 * PDFs carry the same figures as /figures/N/; a figure that does not is an error.
 * Shared with the e2e tests that measure where pages break.
 */
export async function preparePrint(page: Page): Promise<string[]> {
  const stuck = await upgradeFigures(page);
  if (stuck.length) throw new Error(`figures not upgraded to their inline SVG on ${page.url()}: ${stuck.join(', ')}`);
  await page.emulateMedia({ media: 'print' });
  // Print faces are declared inside @media print, so they only exist (and load) now.
  return page.evaluate(async () => {
    document.body.getBoundingClientRect();
    const faces = [...document.fonts].filter((f) => f.family.includes('QH Print'));
    await Promise.allSettled(faces.map((f) => f.load()));
    await document.fonts.ready;
    return faces.length === 0 ? ['(no print faces declared)'] : faces.filter((f) => f.status !== 'loaded').map((f) => `${f.family} ${f.weight}`);
  });
}

/** The public origin (SITE_URL), only when the deployer gave one: without it, links in a PDF stay text. */
function publicOrigin(): string | undefined {
  return deployment().site;
}

/** The document properties of a target's PDF. */
export function pdfProperties(target: PdfTarget, date: string): PdfProperties {
  return {
    title: editionTitle(loadPlan().plan, site.title, target.chapter),
    subject: editionSubject(site.title),
    producer: `${site.shortTitle}在线校读本（pipeline/pdf.ts）`,
    creator: `${site.shortTitle}在线校读本：网页以 Chromium 按打印样式排印`,
    keywords: [site.title, '非官方校读本', `版本日期 ${date}`],
    date,
  };
}

const PRINT_OPTIONS = { format: 'A4', preferCSSPageSize: true, printBackground: true, outline: true, tagged: true } as const;
/** The contents list is printed again while a page number moved (it never should: their boxes have a fixed width). */
const MAX_CONTENTS_PASSES = 3;

async function printPage(browser: Browser, url: string, target: PdfTarget, date: string): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
    const failed = await preparePrint(page);
    if (failed.length) throw new Error(`print fonts did not load on ${url}: ${failed.join(', ')}`);
    const { base } = deployment();
    const links = await rewriteLinks(page, { pagePath: target.path, base, publicOrigin: publicOrigin() });
    if (links.external) throw new Error(`${url} links outside the site ${links.external} time(s); a printed edition links only to itself`);
    await moveNoteMarks(page);
    let pdf: Uint8Array = await printWithFloats(page, () => page.pdf(PRINT_OPTIONS));
    const contents = await contentsTargets(page);
    for (let pass = 0; contents.length; pass++) {
      const landed = await destinationPages(pdf, contents);
      const missing = contents.filter((id) => landed[id] === undefined);
      if (missing.length) throw new Error(`${target.file}: the contents list points at ${missing.join(', ')}, which the PDF does not contain`);
      const shown = await page.evaluate(() => [...document.querySelectorAll('.print-toc [data-toc-page]')].map((e) => e.textContent ?? ''));
      if (contents.every((id, i) => shown[i] === String(landed[id]))) break;
      if (pass === MAX_CONTENTS_PASSES) throw new Error(`${target.file}: the contents list's page numbers did not settle after ${pass} prints`);
      await fillContents(page, landed);
      pdf = await page.pdf(PRINT_OPTIONS);
    }
    const titles = new Map((await headingTitles(page)).map((h) => [h.printed, h.clean]));
    const finished = await finishPdf(pdf, pdfProperties(target, date), titles);
    if (finished.unmatched.length) throw new Error(`${target.file}: bookmarks that match no printed heading: ${finished.unmatched.join(' | ')}`);
    return finished.bytes;
  } finally {
    await page.close();
  }
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => join(dir, f));
}

/**
 * What a PDF is made from: its page, every asset a printed page can load (styles, scripts,
 * figures, print fonts), the settings and the edition date it prints, the browser and the code
 * that print it. Another chapter's page is not in it, so editing one chapter reprints that
 * chapter and plan.pdf only.
 */
function pdfKey(outDir: string, target: PdfTarget, date: string): string {
  const { base } = deployment();
  const key = new CacheKey()
    .add('target', JSON.stringify(target))
    .add('settings', JSON.stringify({ site: publicOrigin() ?? null, base, date }))
    .add('chromium', chromiumVersion())
    .file(join(outDir, target.path, 'index.html'), `out/${target.path}index.html`)
    .folder(join(outDir, '_astro'), undefined, 'out/_astro')
    .folder(join(outDir, 'figures'), undefined, 'out/figures')
    .folder(join(outDir, PRINT_FONT_DIR), undefined, `out/${PRINT_FONT_DIR}`)
    .file(join(outDir, 'print', 'running-heads.css'), 'out/print/running-heads.css');
  for (const file of ['node_modules/playwright/package.json', 'node_modules/pdf-lib/package.json', 'node_modules/pdfjs-dist/package.json']) key.file(file);
  for (const file of ['pipeline/pdf.ts', 'pipeline/pdf-page.ts', 'pipeline/figure-drawings.ts', 'pipeline/pdf-finish.ts', 'pipeline/pdf-pages.ts', 'pipeline/print-floats.ts', 'pipeline/serve.ts']) key.file(file);
  return key.folder('src/lib/pdf').folder('src/lib/print').file('src/config/site.ts').digest();
}

export interface StepReport { made: string[]; reused: string[] }

export async function renderPdfs(outDir: string): Promise<StepReport> {
  const { base } = deployment();
  const date = editionDate();
  await writePrintFonts(outDir);
  const pdfDir = join(outDir, 'pdf');
  mkdirSync(pdfDir, { recursive: true });
  const cache = stepCache('pdf');
  const report: StepReport = { made: [], reused: [] };
  // Each key reads the page and every shared asset: made once per target.
  const keys = new Map(pdfTargets().map((target) => [target.file, pdfKey(outDir, target, date)]));
  const todo = pdfTargets().filter((target) => {
    const reused = cache.restore(keys.get(target.file)!, join(pdfDir, target.file));
    if (reused) report.reused.push(target.file);
    return !reused;
  });
  if (todo.length) {
    // Served under the configured base path, as the site is deployed.
    const server = await serve({ root: outDir, port: 0, base });
    const origin = serverOrigin(server);
    try {
      const browser = await launchChromium();
      try {
        for (const target of todo) {
          const out = join(pdfDir, target.file);
          writeFileSync(out, await printPage(browser, `${origin}${base}${target.path}`, target, date));
          cache.store(keys.get(target.file)!, out);
          report.made.push(target.file);
        }
      } finally {
        await browser.close();
      }
    } finally {
      server.close();
    }
  }
  cache.prune();
  const sizes: Record<string, number> = {};
  for (const target of pdfTargets()) {
    sizes[target.file] = statSync(join(pdfDir, target.file)).size;
    console.log(`  ${target.file} ${(sizes[target.file]! / 1024).toFixed(0)} KB${report.reused.includes(target.file) ? ' (unchanged: reused)' : ''}`);
  }
  console.log(`  printed ${report.made.length}, reused ${report.reused.length}`);
  for (const file of htmlFiles(outDir)) {
    const html = readFileSync(file, 'utf8');
    const patched = patchSizes(html, sizes);
    if (patched !== html) writeFileSync(file, patched);
  }
  return report;
}

runCli(import.meta.url, async () => { await renderPdfs(process.argv[2] ?? 'dist'); });
