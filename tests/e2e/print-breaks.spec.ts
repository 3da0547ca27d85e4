import { test, expect, type Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { preparePrint } from '../../pipeline/pdf.ts';

// Where a browser's print of a page breaks, measured on the real thing: the page printed to a
// tagged PDF by Chromium with the site's print CSS, then read back page by page with pdf.js.
// The tags say what each piece of text is (heading, caption, table row…), so a heading is
// recognised by what it is, not by its words (a table cell may repeat a heading's words).

type PdfTask = ReturnType<typeof getDocument>;
type PdfDocument = Awaited<PdfTask['promise']>;
interface StructNode { role?: string; type?: string; id?: string; children?: StructNode[] }

/** Prints the page as a reader's browser would (print CSS, print fonts loaded); pdf.js reads it. */
async function print(page: Page, path: string): Promise<PdfTask> {
  await page.goto(path);
  expect(await preparePrint(page), 'print faces that failed to load').toEqual([]);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
  return getDocument({ data: new Uint8Array(pdf) });
}

/**
 * What the last line of each page belongs to: the tagged ancestors (outermost first) of the
 * lowest text on the page, and that text. The lowest, not the last drawn: Chromium draws
 * positioned boxes (the figure) after the flow around them. Text outside the tags (running
 * heads, page numbers, generated quotation marks) is skipped.
 */
async function lastLineOfEachPage(doc: PdfDocument): Promise<{ text: string; ancestors: StructNode[] }[]> {
  const result: { text: string; ancestors: StructNode[] }[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const ancestorsOf = new Map<string, StructNode[]>();
    const walk = (node: StructNode, ancestors: StructNode[]) => {
      if (node.type === 'content' && node.id) ancestorsOf.set(node.id, ancestors);
      for (const child of node.children ?? []) walk(child, node.role ? [...ancestors, node] : ancestors);
    };
    walk((await page.getStructTree()) as StructNode, []);
    const open: (string | undefined)[] = [];
    // PDF space: y grows upwards, so the lowest text has the smallest baseline y.
    let last = { text: '', ancestors: [] as StructNode[], y: Infinity };
    for (const item of (await page.getTextContent({ includeMarkedContent: true })).items) {
      if ('type' in item && item.type.startsWith('begin')) open.push(item.id ?? undefined);
      else if ('type' in item && item.type === 'endMarkedContent') open.pop();
      else if ('str' in item && item.str.trim()) {
        const ancestors = ancestorsOf.get(open.at(-1) ?? '');
        const y = item.transform[5] as number;
        if (ancestors && y <= last.y) last = { text: item.str, ancestors, y };
      }
    }
    result.push({ text: last.text, ancestors: last.ancestors });
  }
  return result;
}

/** A heading, a caption, or a table row of headers only (a header row or a row-group heading). */
function leadInRole(ancestors: StructNode[]): string | undefined {
  for (const node of ancestors) {
    if (/^H[1-6]$/.test(node.role!) || node.role === 'Caption') return node.role;
    if (node.role === 'TR' && !node.children?.some((cell) => cell.role === 'TD')) return 'TR of headers';
  }
  return undefined;
}

/** Each lead-in that ends a page, as "page 2 of 8 ends with H2 "数据表"". */
async function strandedLeadIns(doc: PdfDocument): Promise<string[]> {
  const pages = await lastLineOfEachPage(doc);
  return pages.flatMap(({ text, ancestors }, i) => {
    const role = leadInRole(ancestors);
    return role ? [`page ${i + 1} of ${pages.length} ends with ${role} "${text}"`] : [];
  });
}

/** The cards' links that the PDF has on more (or fewer) pages than one. */
async function splitCards(doc: PdfDocument, hrefs: string[]): Promise<string[]> {
  // Chromium writes a link annotation on each page that a link's box reaches: a card printed
  // across a page break links from two pages.
  const pagesOf = new Map<string, Set<number>>(hrefs.map((href) => [href, new Set()]));
  for (let n = 1; n <= doc.numPages; n++) {
    for (const a of await (await doc.getPage(n)).getAnnotations()) if (a.subtype === 'Link') pagesOf.get(a.url)?.add(n);
  }
  return [...pagesOf].filter(([, pages]) => pages.size !== 1).map(([href, pages]) => `${href} on pages ${[...pages].join(', ') || 'none'}`);
}

test('printing /figures/2/ leaves no heading, caption or table header at the foot of a page', async ({ page }) => {
  const task = await print(page, '/figures/2/');
  const doc = await task.promise;
  expect(doc.numPages, 'pages printed').toBeGreaterThan(1);
  expect(await strandedLeadIns(doc)).toEqual([]);
  await task.destroy();
});

test('printing /figures/ leaves no heading at the foot of a page and splits no card', async ({ page }) => {
  const task = await print(page, '/figures/');
  const doc = await task.promise;
  const cards = await page.locator('.figure-card a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  expect(cards).toHaveLength(12);
  expect(doc.numPages, 'pages printed').toBeGreaterThan(1);
  expect(await strandedLeadIns(doc)).toEqual([]);
  expect(await splitCards(doc, cards), 'cards printed across a page break').toEqual([]);
  await task.destroy();
});
