import { test, expect, type Page } from '@playwright/test';
import { builtPages } from '../../pipeline/pages.ts';

// Every page laid out for its reader, at a phone, a tablet and two desktop widths. Each page is
// loaded once per width and every check runs on that load.

const WIDTHS = [360, 768, 1280, 1440];
/** Every page of the sitemap, the 404 page, and the search page with results shown. */
const PAGES = [...builtPages(), '/no-such-page/', `/search/?q=${encodeURIComponent('盐湖')}`];
const MIN_BODY_TEXT_PX = 14;

/** Waits for the page's final layout: web fonts, and on the search page the complete result list. */
async function settle(page: Page, path: string): Promise<void> {
  if (path.startsWith('/search/?q=')) {
    // The plan's own hits render first, then the list is redrawn with the other pages' hits,
    // once Pagefind's index has loaded (which can take a while on a busy machine).
    await expect(page.locator('#search-status')).toHaveText(/^“盐湖”：规划正文 \d+ 处(，其他页面 \d+ 条)?。$/, { timeout: 30_000 });
  }
  await page.evaluate(() => document.fonts.ready);
}

interface Geometry {
  mainWidth: number;
  documentWidth: number;
  viewportWidth: number;
  smallText: string[];
}

function measure(minBodyText: number): Geometry {
  const main = document.querySelector('main')!;
  // Body text is each block of text at its own size: a paragraph, list item, table cell,
  // caption. Smaller inline marks inside a block (¶ permalinks, note numbers, cite buttons)
  // are annotations of the text, not the text. A figure's own labels and key follow the
  // figure's typography (figures.css keeps them at 12 px or more), so they are left out.
  const blockOf = (el: Element): Element => {
    let at: Element | null = el;
    while (at && at !== main && getComputedStyle(at).display.startsWith('inline')) at = at.parentElement;
    return at ?? main;
  };
  const small = new Map<Element, number>();
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!node.textContent?.trim() || !parent || parent.closest('.roadmap-figure, svg, script, noscript, .visually-hidden')) continue;
    if (!parent.checkVisibility({ visibilityProperty: true })) continue;
    const block = blockOf(parent);
    const size = parseFloat(getComputedStyle(block).fontSize);
    if (size < minBodyText) small.set(block, size);
  }
  const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.className ? `.${[...el.classList].join('.')}` : ''} "${el.textContent!.trim().slice(0, 12)}" ${small.get(el)}px`;
  return {
    mainWidth: main.getBoundingClientRect().width,
    documentWidth: document.documentElement.scrollWidth,
    viewportWidth: document.documentElement.clientWidth,
    smallText: [...small.keys()].map(describe),
  };
}

interface Jump { id: string; targetTop: number; viewportHeight: number; headerBottom: number; coveredAt: string[] }

/** Jumps to the id in <main> nearest the middle of the document, as a link to it would. */
async function jumpToMiddleId(): Promise<Jump> {
  const ids = [...document.querySelectorAll('main [id]')].filter((el) => el.checkVisibility());
  const middle = document.documentElement.scrollHeight / 2;
  const docTop = (el: Element) => el.getBoundingClientRect().top + window.scrollY;
  const target = ids.reduce((best, el) => (Math.abs(docTop(el) - middle) < Math.abs(docTop(best) - middle) ? el : best), ids[0] ?? document.querySelector('main')!);
  location.hash = target.id;
  // The final position: the target has not moved for five frames (chapters of /plan/ lay out
  // as they come into view, which can move it once more after the jump).
  let last = Number.NaN;
  for (let frames = 0, still = 0; still < 5 && frames < 300; frames++) {
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const top = target.getBoundingClientRect().top;
    still = top === last ? still + 1 : 0;
    last = top;
  }
  const header = document.querySelector('.site-header')!;
  const box = header.getBoundingClientRect();
  // Whatever is drawn where the header is visible must be the header itself.
  const coveredAt: string[] = [];
  if (box.bottom > 1) {
    for (let i = 0; i < 16; i++) {
      const x = box.left + ((i + 0.5) / 16) * box.width;
      for (const y of [Math.max(box.top, 0) + 1, (Math.max(box.top, 0) + box.bottom) / 2, box.bottom - 1]) {
        const hit = document.elementFromPoint(x, y);
        if (hit && !header.contains(hit)) coveredAt.push(`${Math.round(x)},${Math.round(y)}: ${hit.tagName.toLowerCase()}.${hit.getAttribute('class') ?? ''}`);
      }
    }
  }
  return { id: target.id, targetTop: target.getBoundingClientRect().top, viewportHeight: window.innerHeight, headerBottom: box.bottom, coveredAt };
}

for (const width of WIDTHS) {
  test.describe(`layout at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });
    for (const path of PAGES) {
      test(path, async ({ page }) => {
        await page.goto(path);
        await settle(page, path);
        const g = await page.evaluate(measure, MIN_BODY_TEXT_PX);

        const minMain = width < 1024 ? 0.9 * width : 600;
        expect(g.mainWidth, '<main> width').toBeGreaterThanOrEqual(minMain);
        expect(g.documentWidth, 'document width (no sideways scrolling)').toBeLessThanOrEqual(g.viewportWidth);
        expect(g.smallText, `text blocks under ${MIN_BODY_TEXT_PX} px`).toEqual([]);

        const jump = await page.evaluate(jumpToMiddleId);
        expect(jump.targetTop, `#${jump.id} starts below the header`).toBeGreaterThanOrEqual(jump.headerBottom - 0.5);
        expect(jump.targetTop, `#${jump.id} is in view`).toBeLessThan(jump.viewportHeight);
        expect(jump.coveredAt, `nothing is drawn over the header after the jump to #${jump.id}`).toEqual([]);
      });
    }
  });
}
