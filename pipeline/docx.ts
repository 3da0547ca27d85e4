/**
 * Build step: the Word editions. Writes <outDir>/docx/chapter-N.docx and plan.docx from the same
 * parsed plan the pages render (src/lib/docx/ builds each document), with the rebuilt figures
 * as SVG images (<outDir>/figures/N.svg, built by Astro) and PNG fallbacks rendered from them
 * in Chromium; then fills the file sizes into the pages' Word links.
 *
 *   npx tsx pipeline/docx.ts [outDir]      (default dist/)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CACHE_DIR, CacheKey, stepCache } from './cache.ts';
import { chromiumVersion, launchChromium } from './chromium.ts';
import { runCli } from './cli.ts';
import { deployment, publicUrl, type Deployment } from '../src/config/deploy.ts';
import { editionDate } from '../src/config/edition.ts';
import { notice, site } from '../src/config/site.ts';
import { colophonFacts, colophonLines, editionSubject, editionTitle } from '../src/lib/cite/colophon.ts';
import { packWordDocument, wordDocument, type FigureImage, type WordEdition } from '../src/lib/docx/document.ts';
import { docxFile } from '../src/lib/docx/files.ts';
import { TEXT_MM } from '../src/lib/docx/gbt9704.ts';
import { documentModel } from '../src/lib/docx/model.ts';
import { SetupError } from '../src/lib/errors.ts';
import { figures as figureData } from '../src/lib/figures/catalog.ts';
import { loadPlan } from '../src/lib/plan/load.ts';
import { blocksOf } from '../src/lib/plan/outline.ts';
import { patchSizes } from '../src/lib/pdf/files.ts';

/** PNG fallbacks at 200 dpi across the 156 mm text block: sharp on paper, small in the file. */
const FALLBACK_DPI = 200;

const PAGE_TIMEOUT = 120_000;

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

/** The size an SVG file declares for itself (width/height attributes, else its viewBox). */
export function svgSize(svg: string, file: string): { width: number; height: number } {
  const root = svg.match(/<svg\b[^>]*>/)?.[0] ?? '';
  const attr = (name: string) => Number(root.match(new RegExp(`\\s${name}="([\\d.]+)(?:px)?"`))?.[1]);
  const viewBox = root.match(/\sviewBox="[\d.\-]+[ ,]+[\d.\-]+[ ,]+([\d.]+)[ ,]+([\d.]+)"/);
  const width = attr('width') || Number(viewBox?.[1]);
  const height = attr('height') || Number(viewBox?.[2]);
  if (!(width > 0 && height > 0)) throw new Error(`${file}: the <svg> element states no size (width/height or viewBox)`);
  return { width, height };
}

/** Every figure the plan prints as "图N（略）" and has data for, as SVG plus a PNG rendered in Chromium. */
/** The figure files the Word step reads: <outDir>/figures/N.svg, built by astro build. */
function figureFiles(outDir: string): Map<number, string> {
  const { plan } = loadPlan();
  const data = figureData();
  const files = new Map<number, string>();
  for (const n of blocksOf(plan, 'figure').map((f) => f.n).filter((n) => data.has(n))) {
    const file = join(outDir, 'figures', `${n}.svg`);
    if (!existsSync(file)) throw new SetupError(`${file} is missing: the Word step needs the figures built by astro build (run npm run build)`);
    files.set(n, file);
  }
  return files;
}

/** The figures as images: the SVG, and a PNG fallback drawn in Chromium (cached by the SVG's bytes). */
async function figureImages(files: Map<number, string>, wanted: readonly number[], d: Deployment): Promise<Map<number, FigureImage>> {
  const data = figureData();
  const images = new Map<number, FigureImage>();
  const pngs = stepCache('docx-png');
  const version = chromiumVersion();
  const pngKey = (svg: Uint8Array) => new CacheKey().add('svg', svg).add('dpi', String(FALLBACK_DPI)).add('chromium', version).digest();
  const missing: number[] = [];
  for (const n of wanted) {
    const svg = readFileSync(files.get(n)!);
    const { width, height } = svgSize(svg.toString('utf8'), files.get(n)!);
    const image = { n, caption: data.get(n)!.caption, svg, png: Buffer.alloc(0), width, height, url: publicUrl(`figures/${n}/`, d) };
    images.set(n, image);
    const cached = join(CACHE_DIR, 'tmp-png', `${n}.png`);
    if (pngs.restore(pngKey(svg), cached)) image.png = readFileSync(cached);
    else missing.push(n);
  }
  if (missing.length) {
    const browser = await launchChromium();
    try {
      // Two pages at a time (the machines have two cores); generous timeouts for a busy machine.
      await inBatches(missing, 2, async (n) => {
        const image = images.get(n)!;
        const viewport = { width: Math.ceil(image.width), height: Math.ceil(image.height) };
        const page = await browser.newPage({ viewport, deviceScaleFactor: ((TEXT_MM.width / 25.4) * FALLBACK_DPI) / image.width });
        try {
          await page.goto(pathToFileURL(resolve(files.get(n)!)).href, { waitUntil: 'load', timeout: PAGE_TIMEOUT });
          image.png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...viewport }, timeout: PAGE_TIMEOUT });
          const file = join(CACHE_DIR, 'tmp-png', `${n}.png`);
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, image.png);
          pngs.store(pngKey(image.svg), file);
        } finally {
          await page.close();
        }
      });
    } finally {
      await browser.close();
    }
  }
  rmSync(join(CACHE_DIR, 'tmp-png'), { recursive: true, force: true });
  return images;
}

/** What a Word file is made from, besides its figures: the text, the notes, the captions, the code, the tool. */
function docxInputs(key: CacheKey): CacheKey {
  for (const file of ['pipeline/docx.ts', 'node_modules/docx/package.json', 'content/source/plan.txt', 'content/editorial/corrections.yaml', 'src/config/site.ts']) key.file(file);
  return key.folder('src/lib/docx').folder('src/lib/cite').folder('content/figures');
}

export interface DocxTarget { chapter?: number; file: string }

/** Every chapter and the whole plan, from the outline. */
export function docxTargets(): DocxTarget[] {
  return [...loadPlan().plan.chapters.map((c) => ({ chapter: c.chapter, file: docxFile(c.chapter) })), { file: docxFile() }];
}

function edition(chapter: number | undefined, d: Deployment, date: string): WordEdition {
  const { plan } = loadPlan();
  const section = chapter === undefined ? undefined : plan.chapters.find((c) => c.chapter === chapter)!;
  const facts = colophonFacts(plan, site, notice, date, chapter, d);
  const { url } = facts;
  return {
    properties: {
      title: editionTitle(plan, site.title, chapter),
      subject: editionSubject(site.title),
      description: notice.short,
      language: site.language,
      date,
    },
    coverTitle: site.title,
    ...(section ? { coverSubtitle: section.text } : {}),
    colophon: colophonLines(facts),
    url,
  };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => join(dir, f));
}

export interface StepReport { made: string[]; reused: string[] }

export async function renderDocx(outDir: string): Promise<StepReport> {
  const d = deployment();
  const date = editionDate();
  const { plan } = loadPlan();
  const files = figureFiles(outDir);
  const dir = join(outDir, 'docx');
  mkdirSync(dir, { recursive: true });
  const cache = stepCache('docx');
  const report: StepReport = { made: [], reused: [] };
  const figuresOf = (chapter: number | undefined) => blocksOf(plan, 'figure').filter((f) => files.has(f.n) && (chapter === undefined || f.chapter === chapter)).map((f) => f.n);
  // Each file's key: its facts, its figures' bytes, and everything the documents are made from.
  const keyOf = (target: DocxTarget) => {
    const key = new CacheKey().add('target', target.file).add('facts', JSON.stringify(edition(target.chapter, d, date)));
    for (const n of figuresOf(target.chapter)) key.file(files.get(n)!, `out/figures/${n}.svg`);
    return docxInputs(key).digest();
  };
  const todo = docxTargets().filter((target) => {
    const reused = cache.restore(keyOf(target), join(dir, target.file));
    if (reused) report.reused.push(target.file);
    return !reused;
  });
  const images = await figureImages(files, [...new Set(todo.flatMap((t) => figuresOf(t.chapter)))], d);
  for (const target of todo) {
    const facts = edition(target.chapter, d, date);
    const bytes = await packWordDocument(wordDocument(documentModel(plan, target.chapter), facts, images), facts.properties);
    const out = join(dir, target.file);
    writeFileSync(out, bytes);
    cache.store(keyOf(target), out);
    report.made.push(target.file);
  }
  cache.prune();
  const sizes: Record<string, number> = {};
  for (const target of docxTargets()) {
    sizes[target.file] = statSync(join(dir, target.file)).size;
    console.log(`  ${target.file} ${(sizes[target.file]! / 1024).toFixed(0)} KB${report.reused.includes(target.file) ? ' (unchanged: reused)' : ''}`);
  }
  for (const file of htmlFiles(outDir)) {
    const html = readFileSync(file, 'utf8');
    const patched = patchSizes(html, sizes);
    if (patched !== html) writeFileSync(file, patched);
  }
  return report;
}

runCli(import.meta.url, async () => { await renderDocx(process.argv[2] ?? 'dist'); });
