import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessDate, citation, gbtReference, shortCitation } from '../../src/lib/cite/index.ts';
import { site } from '../../src/config/site.ts';
import { loadPlan } from '../../src/lib/plan/load.ts';
import { locate } from '../../src/lib/plan/locate.ts';

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
  const paragraph = locate(loadPlan().plan, 'sec-4-3-1-10-p1', '/');
  assert.equal(citation({ title }, { place: paragraph.place, url }, '2026-01-02').short, '《青海省科学技术发展“十二五”规划》四（三）1（10）第1段');
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
