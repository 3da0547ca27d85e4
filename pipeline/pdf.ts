/**
 * Build step: print the chapter pages and the whole plan to PDF with the site's own print CSS,
 * in Debian's Chromium through Playwright. Writes <outDir>/pdf/chapter-N.pdf and plan.pdf, then
 * fills the file sizes into the built pages' PDF links (they are built before the PDFs exist).
 *
 *   npx tsx pipeline/pdf.ts [outDir]      (default dist/)
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { launchChromium } from './chromium.ts';
import { upgradeFigures } from './figure-drawings.ts';
import { printWithFloats } from './print-floats.ts';
import { deployment } from '../src/config/deploy.ts';
import { loadPlan } from '../src/lib/plan/load.ts';
import { patchSizes, pdfFile } from '../src/lib/pdf/files.ts';
import { runCli } from './cli.ts';
import { writePrintFonts } from './print-fonts.ts';
import { serve, serverOrigin } from './serve.ts';

export interface PdfTarget { path: string; file: string }

/** Every chapter page and the whole plan, from the outline. */
export function pdfTargets(): PdfTarget[] {
  const chapters = loadPlan().plan.chapters.map((s) => s.chapter);
  return [...chapters.map((n) => ({ path: `chapters/${n}/`, file: pdfFile(n) })), { path: 'plan/', file: pdfFile() }];
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

async function printPage(browser: Browser, url: string, out: string): Promise<void> {
  const page = await browser.newPage();
  try {
    const response = await page.goto(url, { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
    const failed = await preparePrint(page);
    if (failed.length) throw new Error(`print fonts did not load on ${url}: ${failed.join(', ')}`);
    const pdf = await printWithFloats(page, () => page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true, outline: true, tagged: true }));
    writeFileSync(out, pdf);
  } finally {
    await page.close();
  }
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => join(dir, f));
}

export async function renderPdfs(outDir: string): Promise<void> {
  const { base } = deployment();
  await writePrintFonts(outDir);
  const pdfDir = join(outDir, 'pdf');
  mkdirSync(pdfDir, { recursive: true });
  // Served under the configured base path, as the site is deployed.
  const server = await serve({ root: outDir, port: 0, base });
  const origin = serverOrigin(server);
  const sizes: Record<string, number> = {};
  try {
    const browser = await launchChromium();
    try {
      for (const target of pdfTargets()) {
        const out = join(pdfDir, target.file);
        await printPage(browser, `${origin}${base}${target.path}`, out);
        sizes[target.file] = statSync(out).size;
        console.log(`  ${target.file} ${(sizes[target.file]! / 1024).toFixed(0)} KB`);
      }
    } finally {
      await browser.close();
    }
  } finally {
    server.close();
  }
  for (const file of htmlFiles(outDir)) {
    const html = readFileSync(file, 'utf8');
    const patched = patchSizes(html, sizes);
    if (patched !== html) writeFileSync(file, patched);
  }
}

runCli(import.meta.url, () => renderPdfs(process.argv[2] ?? 'dist'));
