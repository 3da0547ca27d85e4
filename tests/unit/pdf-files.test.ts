import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSize, patchSizes, pdfFile, sizeMarker } from '../../src/lib/pdf/files.ts';

test('PDF names, sizes and the size marker patch', () => {
  assert.equal(pdfFile(4), 'chapter-4.pdf');
  assert.equal(pdfFile(), 'plan.pdf');
  assert.equal(formatSize(319_488), '312 KB');
  assert.equal(formatSize(1_468_006), '1.4 MB');
  const html = `<a>下载本章 PDF${sizeMarker('chapter-4.pdf')}</a><a>${sizeMarker('plan.pdf')}</a>`;
  const once = patchSizes(html, { 'chapter-4.pdf': 319_488 });
  assert.equal(once, `<a>下载本章 PDF<span class="pdf-size" data-pdf-size="chapter-4.pdf">（312 KB）</span></a><a>${sizeMarker('plan.pdf')}</a>`);
  assert.equal(patchSizes(once, { 'chapter-4.pdf': 2048 }).includes('（2 KB）'), true, 'patching again replaces the size');
});
