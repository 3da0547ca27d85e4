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
import { figures } from '../../src/lib/figures/catalog.ts';
import { site } from '../../src/config/site.ts';
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

  test(`${file}: the outline lists the chapter's sections`, async () => {
    // Bookmark titles have no spaces to end a note mark; heading marks are single digits here.
    const title = (t: string) => normalise(t.replace(/〔[^〕]*〕/g, '').replace(/编?注\d/g, ''));
    const titles = (await outlineTitles(pdfPath(file))).map(title);
    const sections = [...plan.sections.values()].filter((s) => s.chapter === chapter.chapter && !s.runIn);
    let cursor = 0;
    for (const s of sections) {
      const at = titles.findIndex((t, i) => i >= cursor && t === title(s.text));
      assert.ok(at >= 0, `bookmark for ${s.id} (${s.text}) missing or out of order`);
      cursor = at + 1;
    }
  });

  test(`${file}: document metadata (title, language zh-CN, tagged)`, () => {
    const path = pdfPath(file);
    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    assert.match(info, new RegExp(`Title:\\s+${chapter.text}`));
    assert.match(info, /Tagged:\s+yes/);
    assert.match(info, /Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)/);
    assert.ok(readFileSync(path).includes('/Lang (zh-CN)'), 'catalog /Lang is not zh-CN');
  });
}

const chapter5 = chapters.find((c) => c.chapter === 5)!;
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
