import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Reading a printed PDF back: where each line of text landed and how large it is. The PDF step
 * uses it to settle figure placement, the PDF tests to check it.
 */

/** A line of text on a printed page, in points from the page's top left. */
export interface PdfText { str: string; x: number; top: number; bottom: number; size: number }
export interface PdfPage { n: number; width: number; height: number; texts: PdfText[] }

/** Every page's text with its position and size (pdf.js). */
export async function readPages(pdf: Uint8Array): Promise<PdfPage[]> {
  const task = getDocument({ data: new Uint8Array(pdf), verbosity: 0 });
  const doc = await task.promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const texts: PdfText[] = [];
    for (const item of content.items) {
      if (!('str' in item) || !item.str.trim()) continue;
      const [, , c, d, e, f] = item.transform as number[];
      const size = Math.hypot(c!, d!);
      texts.push({ str: item.str, x: e!, top: height - f! - size * 0.88, bottom: height - f! + size * 0.12, size });
    }
    pages.push({ n, width, height, texts });
  }
  await task.destroy();
  return pages;
}

/** GB/T 9704's text block on A4, in points: 37 mm from the top, 35 mm from the bottom. */
const MM = 72 / 25.4;
export const TEXT_BLOCK = { top: 37 * MM, bottom: 297 * MM - 35 * MM };

/** The text inside the text block (running heads and page numbers stand in the margins). */
export function body(page: PdfPage): PdfText[] {
  return page.texts.filter((t) => t.top >= TEXT_BLOCK.top - 2 && t.bottom <= TEXT_BLOCK.bottom + 2);
}

/** How full a page's text block is: from its top to the bottom of its lowest text, 0…1. */
export function fill(page: PdfPage): number {
  const texts = body(page);
  if (!texts.length) return 0;
  return (Math.max(...texts.map((t) => t.bottom)) - TEXT_BLOCK.top) / (TEXT_BLOCK.bottom - TEXT_BLOCK.top);
}

/**
 * The first words of a rebuilt figure, printed smaller than any body text: where one is the
 * first line of a page, a figure starts that page.
 */
const FIGURE_HEADS = new Set(['重点方向', '指导思想']);
const FIGURE_TEXT_MAX = 13;

/**
 * Figures (by their order in the document) that start a page whose previous page is less than
 * `minFill` full: pushed there, they left a page half empty.
 */
export function figuresLeavingGaps(pages: readonly PdfPage[], minFill = 0.5): number[] {
  const late: number[] = [];
  let k = -1;
  pages.forEach((page, i) => {
    const texts = body(page).sort((a, b) => a.top - b.top || a.x - b.x);
    for (const t of texts) {
      if (t.size >= FIGURE_TEXT_MAX || !FIGURE_HEADS.has(t.str.trim())) continue;
      k++;
      if (i > 0 && t === texts[0] && fill(pages[i - 1]!) < minFill) late.push(k);
    }
  });
  return late;
}

/** The page (1-based) on which each named place (an id a link points at) was printed. */
export async function destinationPages(pdf: Uint8Array, ids: readonly string[]): Promise<Record<string, number>> {
  const task = getDocument({ data: new Uint8Array(pdf), verbosity: 0 });
  const doc = await task.promise;
  const pages: Record<string, number> = {};
  for (const id of ids) {
    const dest = await doc.getDestination(id);
    if (dest?.[0] && typeof dest[0] === 'object') pages[id] = (await doc.getPageIndex(dest[0] as never)) + 1;
  }
  await task.destroy();
  return pages;
}
