/**
 * The printed PDFs (run after a build, with the e2e suite: `npx playwright test tests/pdf`).
 * PDF_DIR overrides dist/pdf. Text comes from poppler's pdftotext and pdffonts; the outline
 * (bookmarks) is read with pdfjs-dist's getOutline(), which resolves the /Outlines tree
 * (including object streams) the way a PDF reader does.
 */
import { test } from '@playwright/test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { figures } from '../../src/lib/figures/catalog.ts';
import { editionDate } from '../../src/config/edition.ts';
import { notice, site } from '../../src/config/site.ts';
import { NO_ADDRESS } from '../../src/lib/cite/colophon.ts';
import { body, destinationPages, fill, readPages } from '../../pipeline/pdf-pages.ts';
import { loadPlan } from '../../src/lib/plan/load.ts';
import { blocksOf } from '../../src/lib/plan/outline.ts';
import { pdfFile } from '../../src/lib/pdf/files.ts';

const PDF_DIR = process.env.PDF_DIR ?? 'dist/pdf';
const { plan } = loadPlan();
const { chapters } = plan;

/**
 * Whitespace-free text with the editorial insertions removed: 〔应作“…”〕 readings, note marks
 * (编注1, 注2) and printed section ids ([sec-4-1]). Applied to the PDF and the source alike,
 * so a pattern that happened to occur in the source could not make the test pass falsely.
 */
function normalise(text: string): string {
  // Note marks first, while the space that ends a superscript still separates "编注3" from "15项".
  return text.replace(/编?注\d+(?=[\s〔[]|$)/g, '').replace(/\s+/g, '').replace(/〔[^〕]*〕/g, '').replace(/\[(sec|preamble)[\w-]*\]/g, '');
}

function pdfPath(file: string): string {
  const path = join(PDF_DIR, file);
  assert.ok(existsSync(path), `${path} is missing: run npm run build (or the pdf step) first`);
  return path;
}

// Running heads and page numbers ("— 7 —") interrupt paragraphs that cross a page. They are
// removed from the PDF's text and the source's alike (the source quotes the title once).
const runningHeads = [...chapters.map((c) => normalise(`${site.title}　${c.text}`)), normalise(site.title)];
function printed(text: string): string {
  return runningHeads.reduce((t, head) => t.replaceAll(head, ''), normalise(text)).replace(/—\d+—/g, '');
}

function pdfText(path: string): string {
  // -layout keeps a hyphen at a line end ("2010-⏎2020年"); the default mode drops it as hyphenation.
  return printed(execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }));
}

function assertParagraphsInOrder(text: string, paragraphs: { id: string; text: string }[], file: string): void {
  assert.ok(paragraphs.length > 0);
  let cursor = 0;
  for (const p of paragraphs) {
    const at = text.indexOf(printed(p.text), cursor);
    assert.ok(at >= 0, `${p.id} not found in order in ${file}: ${p.text.slice(0, 40)}…`);
    cursor = at + printed(p.text).length;
  }
}

async function outlineTitles(path: string): Promise<string[]> {
  const task = getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 });
  const doc = await task.promise;
  const titles: string[] = [];
  const walk = (items: { title: string; items: unknown[] }[] | null) => {
    for (const item of items ?? []) { titles.push(item.title); walk(item.items as never); }
  };
  walk(await doc.getOutline() as never);
  await task.destroy();
  return titles;
}

for (const chapter of chapters) {
  const file = pdfFile(chapter.chapter);

  test(`${file}: every source paragraph of ${chapter.text}, in order`, () => {
    const paragraphs = blocksOf(plan, 'paragraph').filter((p) => p.chapter === chapter.chapter);
    assertParagraphsInOrder(pdfText(pdfPath(file)), paragraphs, file);
  });

  test(`${file}: CJK fonts are embedded, none is Type 3`, () => {
    const out = execFileSync('pdffonts', [pdfPath(file)], { encoding: 'utf8' });
    const rows = out.split('\n').slice(2).filter(Boolean);
    assert.ok(rows.length > 0, 'no fonts listed');
    assert.ok(!/Type 3/.test(out), `Type 3 fonts in ${file}:\n${out}`);
    for (const row of rows) assert.match(row, /CID TrueType\s+Identity-H\s+yes yes/, `not an embedded CID font: ${row}`);
    for (const face of ['NotoSerifSC-Regular', 'NotoSansSC-Bold']) assert.ok(out.includes(face), `${face} missing`);
  });

  test(`${file}: the bookmarks are the chapter's headings alone, in order`, async () => {
    const titles = await outlineTitles(pdfPath(file));
    for (const t of titles) assert.ok(!/〔|编?注\d|\[sec-/.test(t), `a bookmark carries an editorial mark or an id: ${t}`);
    const bare = titles.map((t) => t.replace(/\s+/g, ''));
    const sections = [...plan.sections.values()].filter((s) => s.chapter === chapter.chapter && !s.runIn);
    let cursor = 0;
    for (const s of sections) {
      const at = bare.findIndex((t, i) => i >= cursor && t === s.text.replace(/\s+/g, ''));
      assert.ok(at >= 0, `bookmark for ${s.id} (${s.text}) missing or out of order in ${JSON.stringify(titles)}`);
      cursor = at + 1;
    }
  });

  test(`${file}: document properties (full title, the project as producer, the edition date, zh-CN, tagged)`, async () => {
    const path = pdfPath(file);
    const info = execFileSync('pdfinfo', ['-isodates', path], { encoding: 'utf8' });
    const field = (name: string) => info.match(new RegExp(`^${name}:\\s+(.*)$`, 'm'))?.[1];
    assert.equal(field('Title'), `${site.title}　${chapter.text}`);
    assert.ok(field('Producer')?.includes(site.shortTitle), `producer: ${field('Producer')}`);
    assert.doesNotMatch(info, /Skia|HeadlessChrome|Mozilla/);
    assert.equal(field('CreationDate')?.slice(0, 10), editionDate());
    assert.match(info, /Tagged:\s+yes/);
    assert.match(info, /Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)/);
    const catalog = (await PDFDocument.load(readFileSync(path), { updateMetadata: false })).catalog;
    assert.equal(catalog.lookup(PDFName.of('Lang'), PDFString).decodeText(), 'zh-CN', 'catalog /Lang');
  });
}

const figures5 = blocksOf(plan, 'figure').filter((f) => f.chapter === 5);

test('chapter-5.pdf: the figure slots 图2–图12 as the source prints them', () => {
  assert.deepEqual(figures5.map((f) => f.n), [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  const text = pdfText(pdfPath(pdfFile(5)));
  for (const f of figures5) assert.ok(text.includes(normalise(f.text)), `${f.text} missing`);
});

// The rebuilt figures (FigureSlot) print the caption "图N 标题" from their data file.
test('chapter-5.pdf: captions 图2–图12 of the rebuilt figures', () => {
  const text = pdfText(pdfPath(pdfFile(5)));
  const data = figures();
  for (const f of figures5) {
    const caption = data.get(f.n)?.caption;
    assert.ok(caption, `no data file for 图${f.n}, so no caption to print`);
    assert.ok(text.includes(printed(`图${f.n}${caption}`)), `caption 图${f.n} ${caption} missing`);
  }
});

test('plan.pdf: the whole plan, every paragraph in order, with a contents list', () => {
  const path = pdfPath(pdfFile());
  const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', '-l', '3', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  assert.ok(raw.includes('目录'), 'no contents list on the first pages');
  for (const c of chapters) assert.ok(raw.includes(normalise(c.text)), `contents list lacks ${c.text}`);
  assertParagraphsInOrder(pdfText(path), blocksOf(plan, 'paragraph'), 'plan.pdf');
});

// ——— Citing from paper: clean text, links that lead somewhere, the colophon, the contents list.

const allFiles = [...chapters.map((c) => pdfFile(c.chapter)), pdfFile()];
const publicOrigin = process.env.SITE_URL?.replace(/\/+$/, '');

/** The PDF's text with only the page furniture removed: note marks and ids are kept. */
function pageText(path: string): string {
  // -raw: the order in which the text was drawn. The default mode drops a hyphen at a line end
  // (2010-⏎2020年), and -layout moves a small superscript mark along its line to a character column.
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
}

for (const file of allFiles) {
  test(`${file}: no section id and no build-server address anywhere in its text or links`, async () => {
    const path = pdfPath(file);
    const text = pageText(path);
    assert.ok(!text.includes('[sec-'), 'a [sec-…] id is printed');
    for (const host of ['127.0.0.1', 'localhost', 'example.org']) assert.ok(!text.includes(host), `the text names ${host}`);
    const task = getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 });
    const doc = await task.promise;
    let internal = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      for (const a of await (await doc.getPage(n)).getAnnotations() as { subtype: string; url?: string; dest?: unknown }[]) {
        if (a.subtype !== 'Link') continue;
        if (a.dest) { internal++; continue; }
        assert.ok(publicOrigin && a.url?.startsWith(`${publicOrigin}/`), `page ${n} links to ${a.url}: only places in this PDF${publicOrigin ? ` or ${publicOrigin}/` : ''} are allowed`);
      }
    }
    await task.destroy();
    if (file === pdfFile()) assert.ok(internal > 0, 'no link leads to a place in the same PDF (the contents list should)');
  });

  test(`${file}: every sentence of the plan reads whole, with no note mark inside it`, async () => {
    const chapter = /chapter-(\d+)/.exec(file)?.[1];
    // The body text in the order it was drawn (pdf.js), without the page furniture in the margins
    // and without the smaller type of figures, labels and notes; the note marks (编注1, 注2) in
    // the text are kept, so a mark inside a sentence breaks that sentence.
    const pages = await readPages(readFileSync(pdfPath(file)));
    const isMark = (t: { str: string; size: number }) => t.size < 9 && /^编?注\d+$/.test(t.str.trim());
    const kept = pages.flatMap((p) => body(p).filter((t) => t.size >= 13 || isMark(t)));
    assert.ok(kept.some(isMark) || !pages.some((p) => p.texts.some(isMark)), 'the note marks were not kept');
    const text = kept.map((t) => t.str).join('').replace(/\s+/g, '');
    const blocks = blocksOf(plan, 'paragraph').filter((p) => chapter === undefined || p.chapter === Number(chapter));
    const broken: string[] = [];
    for (const p of blocks) {
      for (const sentence of p.text.replace(/\s+/g, '').match(/[^。；！？]+[。；！？]*[”’）」』]*/g) ?? []) {
        if (!text.includes(sentence)) broken.push(`${p.id}: ${sentence}`);
      }
    }
    assert.deepEqual(broken, []);
  });

  test(`${file}: the colophon states the edition, its date, its address and how to cite it`, () => {
    const text = pageText(pdfPath(file)).replace(/\s+/g, '');
    for (const line of [notice.short, notice.official, `版本日期：${editionDate()}`]) assert.ok(text.includes(line.replace(/\s+/g, '')), `colophon lacks: ${line}`);
    assert.ok(text.includes('引用格式（GB/T7714—2015'), 'colophon lacks the citation');
    if (publicOrigin) assert.ok(text.includes(`网址：${publicOrigin}/`), 'colophon lacks the public address');
    else assert.ok(text.includes(`网址：${NO_ADDRESS}`), 'colophon should say the edition has no fixed address');
  });
}

test('plan.pdf: each contents entry gives the page its heading is printed on, on one page, with no near-empty page after it', async () => {
  const bytes = readFileSync(pdfPath(pdfFile()));
  const pages = await readPages(bytes);
  const entries = [{ id: plan.sections.get('preamble')!.paragraphIds[0]!, text: '前言' },
    ...chapters.flatMap((c) => [c, ...c.childIds.map((id) => plan.sections.get(id)!).filter((s) => !s.runIn)].map((s) => ({ id: s.id, text: s.text })))];
  const landed = await destinationPages(bytes, entries.map((e) => e.id));
  // The contents page: each entry's line ends with its page number.
  const lines = new Map<number, string>();
  for (const t of pages[0]!.texts) lines.set(Math.round(t.top), `${lines.get(Math.round(t.top)) ?? ''}${t.str}`);
  const contentLines = [...lines.entries()].sort((a, b) => a[0] - b[0]).map(([, l]) => l.replace(/\s+/g, ''));
  let cursor = 0;
  for (const e of entries) {
    assert.ok(landed[e.id], `${e.id} has no place in plan.pdf`);
    const at = contentLines.findIndex((l, i) => i >= cursor && l.startsWith(e.text.replace(/\s+/g, '')));
    assert.ok(at >= 0, `contents entry ${e.text} missing from page 1 (or out of order)`);
    assert.equal(contentLines[at]!.match(/(\d+)$/)?.[1], String(landed[e.id]), `contents: ${e.text}`);
    // And the heading is really on that page.
    const start = (e.id.startsWith('preamble') ? plan.blockById.get(e.id)!.text : e.text).replace(/\s+/g, '').slice(0, 6);
    assert.ok(pages[landed[e.id]! - 1]!.texts.map((t) => t.str).join('').replace(/\s+/g, '').includes(start), `${e.text} is not on page ${landed[e.id]}`);
    cursor = at + 1;
  }
  assert.ok(!pages[1]!.texts.some((t) => /^\s*（八）/.test(t.str)), 'the contents list spills onto page 2');
  assert.ok(fill(pages[1]!) > 0.8, `page 2 is only ${(fill(pages[1]!) * 100).toFixed(0)}% full`);
});
