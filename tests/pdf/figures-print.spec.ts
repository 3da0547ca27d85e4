import { test } from '@playwright/test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { body, figuresLeavingGaps, readPages, type PdfPage } from '../../pipeline/pdf-pages.ts';

// The rebuilt figures in print, measured from the files: text size, placement, 图1's own page.

const PDF_DIR = process.env.PDF_DIR ?? 'dist/pdf';
const files = existsSync(PDF_DIR) ? readdirSync(PDF_DIR).filter((f) => f.endsWith('.pdf')).sort() : [];
const pagesOf = new Map<string, Promise<PdfPage[]>>();
const read = (file: string) => {
  if (!pagesOf.has(file)) pagesOf.set(file, readPages(readFileSync(join(PDF_DIR, file))));
  return pagesOf.get(file)!;
};

test('there are PDFs to check', () => {
  assert.ok(files.includes('plan.pdf') && files.includes('chapter-5.pdf'), `no PDFs in ${PDF_DIR}: run npm run build first`);
});

for (const file of files) {
  test(`${file}: no text, figure text included, is smaller than 7 pt`, async () => {
    const small = (await read(file)).flatMap((p) => p.texts.filter((t) => t.size < 7).map((t) => `page ${p.n}: "${t.str}" at ${t.size.toFixed(2)} pt`));
    assert.deepEqual(small.slice(0, 10), []);
  });

  test(`${file}: no figure leaves the page before it less than half full`, async () => {
    assert.deepEqual(figuresLeavingGaps(await read(file)), []);
  });
}

for (const file of ['chapter-3.pdf', 'plan.pdf']) {
  test(`${file}: 图1 stands on a page of its own`, async () => {
    const pages = await read(file);
    // The page holding 图1's bands (small text 指导思想 … 保障措施) holds no body text of the plan.
    const page = pages.find((p) => body(p).some((t) => t.str.trim() === '保障措施' && t.size < 13));
    assert.ok(page, '图1 is not in the file');
    const plainText = body(page).filter((t) => t.size >= 15);
    assert.deepEqual(plainText.map((t) => t.str), [], `page ${page.n} also carries body text`);
  });
}
