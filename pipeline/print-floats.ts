import type { Page } from 'playwright';
import { planFloats, type FlowBlock, type FloatMove } from '../src/lib/print/floats.ts';
import { figuresLeavingGaps, readPages } from './pdf-pages.ts';

/**
 * Print step: measure the page's blocks at the printed text width and move rebuilt figures
 * (figure[data-figure-float]) to where planFloats puts them, before Chromium paginates.
 * The text block of GB/T 9704 is 156 × 225 mm (src/styles/print.css).
 */
const MM = 96 / 25.4;
export const PRINT_TEXT = { width: Math.round(156 * MM), height: 225 * MM };

/** Figures printed on a page of their own. */
const OWN_PAGE = new Set(['fig-1']);

export async function floatFigures(page: Page): Promise<FloatMove[]> {
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: PRINT_TEXT.width, height: viewport?.height ?? 1000 });
  const blocks = await page.evaluate((ownPage) => {
    // Walked with an explicit stack: tsx names nested functions with a helper the page lacks.
    const out: { id: string; kind: string; height: number; ownPage?: boolean; el: Element }[] = [];
    const root = document.querySelector('main article');
    if (!root) return [];
    const stack: Element[] = [...root.children].reverse();
    while (stack.length) {
      const el = stack.pop()!;
      const style = getComputedStyle(el);
      if (style.display === 'none') continue;
      if (style.breakBefore === 'page') out.push({ id: '', kind: 'break', height: 0, el });
      const float = el.getAttribute('data-figure-float');
      if (float) out.push({ id: '', kind: 'figure', height: 0, el, ...(ownPage.includes(float) ? { ownPage: true } : {}) });
      else if ((/^(ARTICLE|SECTION)$/.test(el.tagName) && !el.classList.contains('chapter-notes')) || el.classList.contains('figure-slot')) stack.push(...[...el.children].reverse());
      else out.push({ id: '', kind: /^H[1-6]$/.test(el.tagName) || el.classList.contains('figure-source-text') ? 'keep' : 'text', height: 0, el });
    }
    // A block's height is the distance to the next one's top: its margins come with it.
    const tops = out.map((b) => b.el.getBoundingClientRect().top);
    out.forEach((b, i) => {
      b.id = `flow-${i}`;
      b.el.setAttribute('data-flow', b.id);
      const next = tops.slice(i + 1).find((t, k) => out[i + 1 + k]!.kind !== 'break');
      b.height = b.kind === 'break' ? 0 : (next ?? b.el.getBoundingClientRect().bottom) - tops[i]!;
    });
    return out.map(({ id, kind, height, ownPage: own }) => ({ id, kind, height, ...(own ? { ownPage: true } : {}) }));
  }, [...OWN_PAGE]);
  const moves = planFloats(blocks as FlowBlock[], PRINT_TEXT.height);
  await page.evaluate((list) => {
    for (const { figure, after } of list) {
      const el = document.querySelector(`[data-flow="${figure}"]`);
      const anchor = document.querySelector(`[data-flow="${after}"]`);
      if (el && anchor && el !== anchor) anchor.after(el);
    }
  }, moves);
  if (viewport) await page.setViewportSize(viewport);
  return moves;
}

/**
 * Prints, reads the result back, and moves each figure that still left a page less than half
 * full one text block later, until none does (or the passes run out: then the PDF tests say so).
 */
export async function printWithFloats(page: Page, print: () => Promise<Buffer>, maxPasses = 4): Promise<Buffer> {
  await floatFigures(page);
  for (let pass = 1; ; pass++) {
    const pdf = await print();
    const late = figuresLeavingGaps(await readPages(pdf));
    if (!late.length || pass === maxPasses) return pdf;
    await page.evaluate((indices) => {
      const figures = [...document.querySelectorAll('main article [data-figure-float]')];
      for (const k of indices) {
        const figure = figures[k];
        // Past the next block of text (and any heading before it), never past another figure.
        // (A figure still in its slot is the slot's last child: the text goes on after the slot.)
        let anchor = figure?.nextElementSibling ?? (figure?.parentElement?.classList.contains('figure-slot') ? figure.parentElement.nextElementSibling : null);
        while (anchor && (/^H[1-6]$/.test(anchor.tagName) || anchor.classList.contains('figure-source-text'))) anchor = anchor.nextElementSibling;
        if (figure && anchor && !anchor.querySelector('[data-figure-float]') && !anchor.hasAttribute('data-figure-float')) anchor.after(figure);
      }
    }, late);
  }
}
