import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessDate, citation, gbtReference, paragraphPlace, shortCitation } from '../../src/lib/cite/index.ts';
import { formatSize, patchSizes, pdfFile, sizeMarker } from '../../src/lib/pdf/files.ts';
import { cssString, runningHeadsCss } from '../../src/lib/print/running-heads.ts';
import { site } from '../../src/config/site.ts';
import { loadPlan } from '../../src/lib/plan/load.ts';

const title = '青海省科学技术发展“十二五”规划';
const url = 'https://example.org/chapters/4/#sec-4-3-1-10';
const target = { place: '四（三）1（10）', url };

test('the configured facts leave issuer, date and document number unset (the source states none)', () => {
  assert.equal(site.title, title);
  assert.equal(site.issuer, undefined);
  assert.equal(site.date, undefined);
  assert.equal(site.documentNumber, undefined);
});

test('GB/T 7714 reference without issuer, date or number omits their fragments', () => {
  assert.equal(gbtReference({ title }, target, '2026-11-28'),
    '青海省科学技术发展“十二五”规划: 四（三）1（10）[EB/OL]. [2026-11-28]. https://example.org/chapters/4/#sec-4-3-1-10.');
  const ref = gbtReference(site, target, '2026-11-28');
  assert.doesNotMatch(ref, /\[S\]|undefined|\(\)|\.\s*\.|, ,/);
});

test('GB/T 7714 reference with every fact set', () => {
  const bib = { title, issuer: '某发布机构', date: '2011-06-30', documentNumber: '某政〔2011〕1号' };
  assert.equal(gbtReference(bib, target, '2026-11-28'),
    '某发布机构. 青海省科学技术发展“十二五”规划: 某政〔2011〕1号: 四（三）1（10）[EB/OL]. (2011-06-30)[2026-11-28]. https://example.org/chapters/4/#sec-4-3-1-10.');
  assert.equal(shortCitation(bib, target), '某发布机构，2011：《青海省科学技术发展“十二五”规划》四（三）1（10）');
});

test('the whole plan (no place) and a paragraph', () => {
  assert.equal(gbtReference({ title }, { place: '', url: 'https://example.org/plan/' }, '2026-01-02'),
    '青海省科学技术发展“十二五”规划[EB/OL]. [2026-01-02]. https://example.org/plan/.');
  assert.equal(paragraphPlace('四（三）1（10）', 2), '四（三）1（10）第2段');
});

test('short form and URL', () => {
  const c = citation({ title }, target, '2026-11-28');
  assert.equal(c.short, '《青海省科学技术发展“十二五”规划》四（三）1（10）');
  assert.equal(c.url, url);
});

test('access date is the local calendar date, zero-padded', () => {
  assert.equal(accessDate(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
});

test('the example place exists in the plan: 四（三）1（10）', () => {
  const { plan } = loadPlan();
  assert.equal(plan.sections.get('sec-4-3-1-10')?.path, '四（三）1（10）');
});

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

test('running heads: one named page per chapter, strings escaped', () => {
  assert.equal(cssString('a"b\\c'), '"a\\"b\\\\c"');
  const css = runningHeadsCss(title, [{ chapter: 4, heading: '四、主要任务' }]);
  assert.match(css, /@page chapter-4 \{ @top-center \{ content: "青海省科学技术发展“十二五”规划　四、主要任务"; \} \}/);
  assert.match(css, /\.plan-text\[data-chapter="4"\], \.plan-chapter\[data-chapter="4"\] \{ page: chapter-4; \}/);
  assert.ok(css.startsWith('@media print {'));
});
