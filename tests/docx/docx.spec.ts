/**
 * The Word files in a real office suite (run after a build, with the e2e suite:
 * `npx playwright test tests/docx`). DOCX_DIR overrides dist/docx. LibreOffice Writer converts
 * every file to ODT, PDF and text; the ODT shows what it understood (headings and their outline
 * levels, footnotes, paragraphs), the PDF where it put the text on the page. mammoth, a second
 * and independent reader, checks the headings and paragraphs again.
 */
import { test } from '@playwright/test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { notice, site } from '../../src/config/site.ts';
import { EDITORIAL_PARAGRAPH_STYLES } from '../../src/lib/docx/document.ts';
import { docxFile, DOCX_TYPE } from '../../src/lib/docx/files.ts';
import { formatSize } from '../../src/lib/pdf/files.ts';
import { withBase } from '../../src/lib/url.ts';
import { deployment } from '../../src/config/deploy.ts';
import { LINES_PER_PAGE, MARGIN_MM, PAGE_MM, PAGE_NUMBER_GAP_MM, SIZE_PT } from '../../src/lib/docx/gbt9704.ts';
import { figures } from '../../src/lib/figures/catalog.ts';
import { loadPlan } from '../../src/lib/plan/load.ts';
import { blocksOf, type PlanBlock } from '../../src/lib/plan/outline.ts';
import { convertAll, pdfWords, readOdt, type Odt } from './office.ts';

const DOCX_DIR = process.env.DOCX_DIR ?? 'dist/docx';
const { plan } = loadPlan();
const targets = [...plan.chapters.map((c) => ({ chapter: c.chapter as number | undefined, file: docxFile(c.chapter), title: `${site.title}　${c.text}` })), { chapter: undefined, file: docxFile(), title: site.title }];

const blocksIn = (chapter?: number): PlanBlock[] => (chapter === undefined ? plan.blocks : plan.blocks.filter((b) => b.chapter === chapter));
const notesIn = (chapter?: number) => new Set(plan.annotations.filter((a) => blocksIn(chapter).some((b) => b.id === a.blockId)).map((a) => a.correctionId));
const headingsIn = (chapter?: number) => blocksIn(chapter).filter((b) => b.kind === 'heading').map((b) => ({ level: plan.sections.get(b.id)!.level, text: b.text }));
/** The paragraphs the editor adds (title page, figure captions and notes): never the plan's words. */
const EDITORIAL_STYLES = new Set(EDITORIAL_PARAGRAPH_STYLES);

const mm = (points: number) => (points * 25.4) / 72;

test.describe.configure({ mode: 'default' });

let converted = '';
const odts = new Map<string, Odt>();
const out = (file: string, extension: string) => join(converted, file.replace(/\.docx$/, `.${extension}`));
const odt = (file: string) => odts.get(file) ?? odts.set(file, readOdt(out(file, 'odt'))).get(file)!;

test.beforeAll(() => {
  test.setTimeout(300_000);
  const files = targets.map((t) => join(DOCX_DIR, t.file));
  for (const f of files) assert.ok(existsSync(f), `${f} is missing: run npm run build (or the docx step) first`);
  converted = convertAll(files);
});

/**
 * Finds each expected text, in order, among the lines; a line may hold footnote numbers (a run
 * of digits, as LibreOffice writes a footnote citation into the text) and nothing else besides.
 */
function assertLinesInOrder(lines: string[], texts: { id: string; text: string }[], file: string): void {
  const digitless = (s: string) => s.replace(/\d+/g, '');
  const bare = lines.map(digitless);
  let cursor = 0;
  for (const { id, text } of texts) {
    const pattern = new RegExp(`^${[...text].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(?:\\d+)?')}(?:\\d+)?$`, 'u');
    // Only lines equal up to digits can match; the pattern then checks the digits are insertions.
    const want = digitless(text);
    const at = lines.findIndex((line, i) => i >= cursor && bare[i] === want && pattern.test(line));
    assert.ok(at >= 0, `${file}: ${id} not found verbatim after line ${cursor}: ${text.slice(0, 40)}…`);
    cursor = at + 1;
  }
}

for (const target of targets) {
  const { file, chapter } = target;

  test(`${file}: LibreOffice opens it and converts it to ODT, PDF and text`, () => {
    for (const extension of ['odt', 'pdf', 'txt']) assert.ok(readFileSync(out(file, extension)).length > 1000, `${extension} output is empty`);
    const info = execFileSync('pdfinfo', [out(file, 'pdf')], { encoding: 'utf8' });
    assert.match(info, /Pages:\s+([2-9]|\d\d+)\n/);
    assert.match(info, new RegExp(`Title:\\s+${target.title}\\n`));
    assert.match(info, /Subject:\s+.+（非官方校读本）/);
  });

  test(`${file}: every paragraph of the plan comes back verbatim and in order (LibreOffice text)`, () => {
    const lines = readFileSync(out(file, 'txt'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    assertLinesInOrder(lines, blocksIn(chapter), file);
    for (const line of [notice.short, notice.official]) assert.ok(lines.includes(line), `the notice "${line}" is missing`);
  });

  test(`${file}: each paragraph is one paragraph holding exactly the printed words, or a marked editorial one`, () => {
    const { paragraphs } = odt(file);
    let cursor = 0;
    for (const block of blocksIn(chapter)) {
      const at = paragraphs.findIndex((p, i) => i >= cursor && p.heading === (block.kind === 'heading') && p.text === block.text);
      assert.ok(at >= 0, `${block.id} is not a ${block.kind === 'heading' ? 'heading' : 'paragraph'} of its own with exactly its printed words: ${block.text.slice(0, 40)}…`);
      for (const between of paragraphs.slice(cursor, at)) assert.ok(EDITORIAL_STYLES.has(between.style) || between.text === '', `unexpected paragraph (${between.style}) before ${block.id}: ${between.text.slice(0, 40)}`);
      cursor = at + 1;
    }
    for (const rest of paragraphs.slice(cursor)) assert.ok(EDITORIAL_STYLES.has(rest.style) || rest.text === '', `unexpected paragraph (${rest.style}) at the end: ${rest.text.slice(0, 40)}`);
    assert.equal(paragraphs.reduce((n, p) => n + p.lineBreaks, 0), 0, 'manual line breaks');
  });

  test(`${file}: headings are headings, at the plan's outline level (ODT text:h)`, () => {
    const headings = odt(file).paragraphs.filter((p) => p.heading).map((p) => ({ level: p.level, text: p.text }));
    assert.deepEqual(headings, headingsIn(chapter));
  });

  test(`${file}: editorial notes survive as footnotes, one per note, marked 编者注`, () => {
    const { footnotes, endnotes, paragraphs } = odt(file);
    const notes = notesIn(chapter);
    assert.equal(footnotes.length, notes.size);
    assert.equal(endnotes, 0);
    assert.deepEqual(footnotes.map((f) => f.citation), footnotes.map((_, i) => String(i + 1)));
    for (const f of footnotes) assert.match(f.text, /^(编者注|原注)/);
    for (const id of notes) {
      const c = plan.corrections.find((x) => x.id === id)!;
      assert.ok(footnotes.some((f) => f.text.includes(c.note)), `no footnote carries note ${id}`);
    }
    assert.equal(paragraphs.reduce((n, p) => n + p.notes, 0), notes.size, 'footnotes sit inside the paragraphs they belong to');
  });

  test(`${file}: A4 with the GB/T 9704 text block, at most 22 lines a page, page numbers below it (PDF geometry)`, () => {
    const { pages, words } = pdfWords(out(file, 'pdf'));
    const block = { left: MARGIN_MM.left, right: PAGE_MM.width - MARGIN_MM.right, top: MARGIN_MM.top, bottom: PAGE_MM.height - MARGIN_MM.bottom };
    for (const p of pages) {
      assert.ok(Math.abs(mm(p.width) - PAGE_MM.width) < 0.5 && Math.abs(mm(p.height) - PAGE_MM.height) < 0.5, `page is ${mm(p.width)} × ${mm(p.height)} mm`);
    }
    const number = (w: { text: string }) => /^(—|\d+)$/.test(w.text);
    const text = words.filter((w) => w.page > 1 && !number(w));
    // Lines of 3号 type (footnotes and captions are smaller): 22 to a full page.
    const bodyLines = text.filter((w) => w.yMax - w.yMin > SIZE_PT.body * 1.2);
    const tolerance = 0.5;
    // Chinese typesetting lets a line's closing punctuation hang into the margin (Word and
    // LibreOffice both do, unless told not to): one character's width, nothing else.
    const hanging = (w: { text: string }) => (/[，。、；：？！”’）》」』]$/u.test(w.text) ? mm(SIZE_PT.body) : 0);
    for (const w of text) {
      assert.ok(mm(w.xMin) >= block.left - tolerance && mm(w.xMax) <= block.right + tolerance + hanging(w), `"${w.text}" on page ${w.page} runs into the side margins`);
      assert.ok(mm(w.yMin) >= block.top - tolerance && mm(w.yMax) <= block.bottom + tolerance, `"${w.text}" on page ${w.page} runs into the top or bottom margin`);
    }
    // Full lines of body text start at the left edge and end at the right edge of the text block.
    assert.ok(Math.abs(mm(Math.min(...text.map((w) => w.xMin))) - block.left) < 1, 'no line starts at the left margin');
    assert.ok(text.some((w) => !hanging(w) && Math.abs(mm(w.xMax) - block.right) < 1), 'no line ends at the right margin');
    const linesPerPage = new Map<number, Set<number>>();
    for (const w of bodyLines) linesPerPage.set(w.page, (linesPerPage.get(w.page) ?? new Set()).add(Math.round(w.yMin * 10) / 10));
    assert.ok(Math.max(...[...linesPerPage.values()].map((s) => s.size)) <= LINES_PER_PAGE, `more than ${LINES_PER_PAGE} lines on a page`);
    // …at the pitch that fits 22 of them into the 225 mm block (the commonest gap between lines).
    const counts = new Map<number, number>();
    for (const tops of linesPerPage.values()) {
      const sorted = [...tops].sort((x, y) => x - y);
      for (let i = 1; i < sorted.length; i++) counts.set(sorted[i]! - sorted[i - 1]!, (counts.get(sorted[i]! - sorted[i - 1]!) ?? 0) + 1);
    }
    const commonest = [...counts].sort((x, y) => y[1] - x[1])[0]![0];
    assert.ok(Math.abs(mm(commonest) - (block.bottom - block.top) / LINES_PER_PAGE) < 0.4, `line pitch ${mm(commonest).toFixed(2)} mm`);
    // "— N —": 7 mm below the text block, one character in from its right (odd pages) or left (even) edge.
    const char = mm(SIZE_PT.pageNumber);
    for (let page = 2; page <= pages.length; page++) {
      const dashes = words.filter((w) => w.page === page && w.text === '—');
      assert.equal(dashes.length, 2, `page ${page} has no "— N —"`);
      const n = page - 1;
      assert.ok(words.some((w) => w.page === page && w.text === String(n)), `page ${page} is not numbered ${n}`);
      assert.ok(Math.abs(mm(dashes[0]!.yMin) - (block.bottom + PAGE_NUMBER_GAP_MM)) < 1.5, `page number of page ${page} is not 7 mm below the text`);
      if (n % 2) assert.ok(Math.abs(mm(dashes[1]!.xMax) - (block.right - char)) < 1, `odd page ${page}: number not at the right`);
      else assert.ok(Math.abs(mm(dashes[0]!.xMin) - (block.left + char)) < 1, `even page ${page}: number not at the left`);
    }
  });

  test(`${file}: a second reader (mammoth) finds the same headings and paragraphs`, async () => {
    const { value: html } = await mammoth.convertToHtml({ path: join(DOCX_DIR, file) });
    const text = (inner: string) => inner.replace(/<sup><a href="#footnote-\d+" id="footnote-ref-\d+">\[\d+\]<\/a><\/sup>/g, '').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
    const notes = html.lastIndexOf('<ol>');
    const body = notes < 0 ? html : html.slice(0, notes);
    const elements = [...body.matchAll(/<(h[1-6]|p)>([\s\S]*?)<\/\1>/g)].map((m) => ({ tag: m[1]!, text: text(m[2]!) }));
    assert.deepEqual(elements.filter((e) => e.tag !== 'p').map((e) => ({ level: Number(e.tag[1]), text: e.text })), headingsIn(chapter));
    let cursor = 0;
    for (const block of blocksIn(chapter).filter((b) => b.kind !== 'heading')) {
      const at = elements.findIndex((e, i) => i >= cursor && e.tag === 'p' && e.text === block.text);
      assert.ok(at >= 0, `mammoth: ${block.id} not found as a paragraph in order`);
      cursor = at + 1;
    }
    assert.equal((html.match(/<li id="footnote-\d+">/g) ?? []).length, notesIn(chapter).size);
  });

  test(`${file}: document properties: title, subject, language zh-CN, edition date`, () => {
    const core = strFromU8(unzipSync(new Uint8Array(readFileSync(join(DOCX_DIR, file))), { filter: (f) => f.name === 'docProps/core.xml' })['docProps/core.xml']!);
    assert.ok(core.includes(`<dc:title>${target.title}</dc:title>`));
    assert.match(core, /<dc:language>zh-CN<\/dc:language>/);
    assert.match(core, /<dcterms:modified xsi:type="dcterms:W3CDTF">\d{4}-\d{2}-\d{2}T00:00:00Z</);
  });
}

test('chapter-5.docx: the rebuilt figures 图2–图12 as images with captions, after the printed "图N（略）"', () => {
  const { images, paragraphs } = odt(docxFile(5));
  const slots = blocksOf(plan, 'figure').filter((f) => f.chapter === 5);
  const data = figures();
  assert.deepEqual(images.map((i) => i.name), slots.map((f) => `fig-${f.n}`));
  for (const f of slots) {
    const caption = data.get(f.n)!.caption;
    assert.ok(images.some((i) => i.title.includes(`图${f.n} ${caption}`)), `图${f.n} has no alt text`);
    const printed = paragraphs.findIndex((p) => p.text === f.text);
    const captionAt = paragraphs.findIndex((p, i) => i > printed && p.style === 'caption');
    assert.ok(printed >= 0 && paragraphs[captionAt]!.text.startsWith(`图${f.n}　${caption}`), `图${f.n} is not captioned after "${f.text}"`);
  }
});

test('chapter-1.docx: the misplaced footnote’s words stay in place, with a cross-reference to the footnote', () => {
  const { crossReferences } = odt(docxFile(1));
  assert.ok(crossReferences.some((code) => /^NOTEREF _RefNote\d+ /.test(code)), `no NOTEREF field: ${crossReferences.join(', ')}`);
});

test('each chapter page and the whole plan link their Word file, with its size', () => {
  for (const { chapter, file } of targets) {
    const page = chapter === undefined ? 'dist/plan/index.html' : `dist/chapters/${chapter}/index.html`;
    const html = readFileSync(page, 'utf8');
    const label = chapter === undefined ? '下载规划全文 Word' : '下载本章 Word';
    const size = formatSize(readFileSync(join(DOCX_DIR, file)).length);
    const link = [...html.matchAll(/<a href="([^"]+)" type="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g)].find((m) => m[1] === withBase(`docx/${file}`, deployment().base));
    assert.ok(link, `${page} does not link ${file}`);
    assert.equal(link[2], DOCX_TYPE);
    assert.equal(link[3]!.replace(/<[^>]+>/g, ''), `${label}（${size}）`);
  }
});
