import type { Page } from 'playwright';
import { printedLink, type LinkContext } from '../src/lib/pdf/links.ts';

/**
 * What the PDF step does to a loaded page before printing it, so that the PDF reads cleanly:
 * links that lead somewhere real, note marks that do not split words, and the data for clean
 * bookmarks and the contents list's page numbers. The page in the browser is never changed.
 *
 * The functions given to page.evaluate use loops rather than nested functions: tsx would name
 * nested functions with a helper that the page does not have.
 */

/** Every <a href> gets an address from printedLink(), or loses it (and reads as text). */
export async function rewriteLinks(page: Page, context: Omit<LinkContext, 'ids'>): Promise<Record<string, number>> {
  const { hrefs, ids } = await page.evaluate(() => ({
    // getAttribute, not .href: an SVG <a> (the figures' node links) has no string href property.
    hrefs: [...document.querySelectorAll('a[href]')].map((a) => new URL(a.getAttribute('href')!, document.baseURI).href),
    ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
  }));
  const serverOrigin = new URL(page.url()).origin;
  const decided = hrefs.map((href) => printedLink(new URL(href), serverOrigin, { ...context, ids: new Set(ids) }));
  await page.evaluate((links) => {
    const anchors = [...document.querySelectorAll('a[href]')];
    links.forEach((link, i) => {
      const a = anchors[i]!;
      if (link.kind === 'text') a.removeAttribute('href');
      else a.setAttribute('href', link.href);
    });
  }, decided);
  const counts: Record<string, number> = {};
  for (const link of decided) counts[link.kind] = (counts[link.kind] ?? 0) + 1;
  return counts;
}

/**
 * An editorial note's mark (编注1, 注2) follows the words it concerns. In print it moves to the end
 * of that sentence, so copying the text out of the PDF gives whole sentences; the mark stays
 * visible and still links to its note. Marks in headings stay (the bookmarks are cleaned apart).
 */
export async function moveNoteMarks(page: Page): Promise<number> {
  return page.evaluate(() => {
    const ENDS = '。；！？';
    let moved = 0;
    for (const mark of [...document.querySelectorAll('main article sup.ed-ref')]) {
      const block = mark.closest('p, li, dd, td');
      if (!block || mark.closest('h1, h2, h3, h4, h5, h6')) continue;
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      walker.currentNode = mark;
      let target: { node: Text; at: number } | undefined;
      let last: Text | undefined;
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        if (mark.contains(node) || node.parentElement?.closest('[data-editorial]')) continue;
        last = node;
        const text = node.data;
        let at = -1;
        for (let i = 0; i < text.length; i++) if (ENDS.includes(text[i]!)) { at = i; break; }
        if (at < 0) continue;
        // A closing quote or bracket belongs to the sentence it closes.
        while (at + 1 < text.length && '”’）」』'.includes(text[at + 1]!)) at++;
        target = { node, at };
        break;
      }
      // Nothing of the plan's words after it: it already ends its block.
      if (!last) continue;
      if (target) {
        const rest = target.node.splitText(target.at + 1);
        rest.parentNode!.insertBefore(mark, rest);
      } else {
        last.parentNode!.insertBefore(mark, last.nextSibling);
      }
      mark.classList.add('ed-ref-moved');
      moved++;
    }
    return moved;
  });
}

export interface HeadingTitle {
  /** The heading's text as Chromium writes it into a bookmark (its rendered text), whitespace removed. */
  printed: string;
  /** The heading alone: without editorial insertions, whitespace collapsed. */
  clean: string;
}

/** Each printed heading's bookmark text and the heading alone, for pipeline/pdf-finish.ts. */
export async function headingTitles(page: Page): Promise<HeadingTitle[]> {
  return page.evaluate(() => {
    const out: { printed: string; clean: string }[] = [];
    for (const h of [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]) {
      if (getComputedStyle(h).display === 'none') continue;
      let printed = '';
      let clean = '';
      const walker = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement!;
        if (parent.closest('[hidden], button')) continue;
        let shown = true;
        for (let el: Element | null = parent; el && el !== h.parentElement; el = el.parentElement) {
          if (getComputedStyle(el).display === 'none') { shown = false; break; }
        }
        if (!shown) continue;
        printed += node.textContent ?? '';
        if (!parent.closest('[data-editorial]')) clean += node.textContent ?? '';
      }
      out.push({ printed: printed.replace(/\s+/g, ''), clean: clean.replace(/\s+/g, ' ').trim() });
    }
    return out;
  });
}

/** The ids the whole plan's contents list points at, in its order. */
export async function contentsTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('.print-toc [data-toc-page]')].map((e) => e.getAttribute('data-toc-page')!));
}

/** Writes the page on which each contents entry's heading was printed. */
export async function fillContents(page: Page, pages: Record<string, number>): Promise<void> {
  await page.evaluate((numbers) => {
    for (const el of [...document.querySelectorAll('.print-toc [data-toc-page]')]) {
      const n = numbers[el.getAttribute('data-toc-page')!];
      el.textContent = n === undefined ? '' : String(n);
    }
  }, pages);
}
