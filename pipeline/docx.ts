/**
 * Build step: the Word editions. Writes <outDir>/docx/chapter-N.docx and plan.docx from the same
 * parsed plan the pages render (src/lib/docx/ builds each document), with the rebuilt figures
 * as SVG images (<outDir>/figures/N.svg, built by Astro) and PNG fallbacks rendered from them
 * in Chromium; then fills the file sizes into the pages' Word links.
 *
 *   npx tsx pipeline/docx.ts [outDir]      (default dist/)
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './chromium.ts';
import { runCli } from './cli.ts';
import { deployment } from '../src/config/deploy.ts';
import { editionDate } from '../src/config/edition.ts';
import { notice, site } from '../src/config/site.ts';
import { gbtReference } from '../src/lib/cite/index.ts';
import { colophonLines } from '../src/lib/docx/colophon.ts';
import { packWordDocument, wordDocument, type FigureImage, type WordEdition } from '../src/lib/docx/document.ts';
import { docxFile } from '../src/lib/docx/files.ts';
import { TEXT_MM } from '../src/lib/docx/gbt9704.ts';
import { documentModel } from '../src/lib/docx/model.ts';
import { SetupError } from '../src/lib/errors.ts';
import { figures as figureData } from '../src/lib/figures/catalog.ts';
import { locate } from '../src/lib/plan/locate.ts';
import { loadPlan } from '../src/lib/plan/load.ts';
import { blocksOf } from '../src/lib/plan/outline.ts';
import { patchSizes } from '../src/lib/pdf/files.ts';
import { chapterPath, withBase } from '../src/lib/url.ts';

/** PNG fallbacks at 200 dpi across the 156 mm text block: sharp on paper, small in the file. */
const FALLBACK_DPI = 200;

const PAGE_TIMEOUT = 120_000;

async function inBatches<T>(items: T[], size: number, run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(run));
}

/**
 * The public origin, only when the deployer gave one. deployment() still falls back to a
 * placeholder origin when SITE_URL is unset (being removed); a Word file must never print that.
 */
function publicOrigin(): string | undefined {
  return process.env.SITE_URL ? deployment().site.replace(/\/$/, '') : undefined;
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
async function figureImages(outDir: string, origin: string | undefined, base: string): Promise<Map<number, FigureImage>> {
  const { plan } = loadPlan();
  const data = figureData();
  const slots = blocksOf(plan, 'figure').map((f) => f.n).filter((n) => data.has(n));
  const images = new Map<number, FigureImage>();
  if (!slots.length) return images;
  const browser = await launchChromium();
  try {
    // Two pages at a time (the machines have two cores); generous timeouts for a busy machine.
    await inBatches(slots, 2, async (n) => {
      const file = join(outDir, 'figures', `${n}.svg`);
      if (!existsSync(file)) throw new SetupError(`${file} is missing: the Word step needs the figures built by astro build (run npm run build)`);
      const svg = readFileSync(file);
      const { width, height } = svgSize(svg.toString('utf8'), file);
      const viewport = { width: Math.ceil(width), height: Math.ceil(height) };
      const page = await browser.newPage({ viewport, deviceScaleFactor: ((TEXT_MM.width / 25.4) * FALLBACK_DPI) / width });
      try {
        await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: 'load', timeout: PAGE_TIMEOUT });
        const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...viewport }, timeout: PAGE_TIMEOUT });
        images.set(n, { n, caption: data.get(n)!.caption, svg, png, width, height, url: origin && `${origin}${withBase(`figures/${n}/`, base)}` });
      } finally {
        await page.close();
      }
    });
  } finally {
    await browser.close();
  }
  return images;
}

export interface DocxTarget { chapter?: number; file: string }

/** Every chapter and the whole plan, from the outline. */
export function docxTargets(): DocxTarget[] {
  return [...loadPlan().plan.chapters.map((c) => ({ chapter: c.chapter, file: docxFile(c.chapter) })), { file: docxFile() }];
}

function edition(chapter: number | undefined, origin: string | undefined, base: string, date: string): WordEdition {
  const { plan } = loadPlan();
  const section = chapter === undefined ? undefined : plan.chapters.find((c) => c.chapter === chapter)!;
  const url = origin && `${origin}${withBase(section ? chapterPath(section.chapter) : 'plan/', base)}`;
  const place = section ? locate(plan, section.id).place : '';
  // The reader fills in 引用日期 (the day they consulted the edition): GB/T 7714 asks for it.
  const reference = url ? gbtReference(site, { place, url }, '引用日期') : undefined;
  return {
    properties: {
      title: section ? `${site.title}　${section.text}` : site.title,
      subject: `${site.title}（非官方校读本）`,
      description: notice.short,
      language: site.language,
      date,
    },
    coverTitle: site.title,
    ...(section ? { coverSubtitle: section.text } : {}),
    colophon: colophonLines({ notice, editionDate: date, url, reference }),
    url,
  };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).map((f) => join(dir, f));
}

export async function renderDocx(outDir: string): Promise<void> {
  const { base } = deployment();
  const origin = publicOrigin();
  const date = editionDate();
  const { plan } = loadPlan();
  const images = await figureImages(outDir, origin, base);
  const dir = join(outDir, 'docx');
  mkdirSync(dir, { recursive: true });
  const sizes: Record<string, number> = {};
  for (const target of docxTargets()) {
    const facts = edition(target.chapter, origin, base, date);
    const bytes = await packWordDocument(wordDocument(documentModel(plan, target.chapter), facts, images), facts.properties);
    const out = join(dir, target.file);
    writeFileSync(out, bytes);
    sizes[target.file] = statSync(out).size;
    console.log(`  ${target.file} ${(sizes[target.file]! / 1024).toFixed(0)} KB`);
  }
  if (!origin) console.log('  (SITE_URL is not set: the Word files say the edition has no fixed address)');
  for (const file of htmlFiles(outDir)) {
    const html = readFileSync(file, 'utf8');
    const patched = patchSizes(html, sizes);
    if (patched !== html) writeFileSync(file, patched);
  }
}

runCli(import.meta.url, () => renderDocx(process.argv[2] ?? 'dist'));
