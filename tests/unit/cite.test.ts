import { test } from 'node:test';
import assert from 'node:assert/strict';
// citation-js: an independent parser of the three formats, as reference managers read them.
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-csl';
import { accessDate, chapterReference, citableIds, citation, citedPlace, citeEntry, gbtReference, placeReference, shortCitation } from '../../src/lib/cite/index.ts';
import { CITE_FORMATS, citeFile, citeGroups, type CiteFileFacts } from '../../src/lib/cite/files.ts';
import { deployment, normalizeSite, publicUrl } from '../../src/config/deploy.ts';
import { notice, site } from '../../src/config/site.ts';
import { SetupError } from '../../src/lib/errors.ts';
import { loadPlan } from '../../src/lib/plan/load.ts';
import { locate } from '../../src/lib/plan/locate.ts';

const { plan } = loadPlan();
const title = '青海省科学技术发展“十二五”规划';
const url = 'https://plan.test/chapters/4/#sec-4-3-1-10';
const target = { place: '四（三）1（10）', url };

test('the configured facts leave issuer, date and document number unset (the source states none)', () => {
  assert.equal(site.title, title);
  assert.equal(site.issuer, undefined);
  assert.equal(site.date, undefined);
  assert.equal(site.documentNumber, undefined);
});

test('GB/T 7714 reference without issuer, date or number omits their fragments', () => {
  assert.equal(gbtReference({ title }, target, '2026-11-28'),
    '青海省科学技术发展“十二五”规划: 四（三）1（10）[EB/OL]. [2026-11-28]. https://plan.test/chapters/4/#sec-4-3-1-10.');
  const ref = gbtReference(site, target, '2026-11-28');
  assert.doesNotMatch(ref, /\[S\]|undefined|\(\)|\.\s*\.|, ,/);
});

test('GB/T 7714 reference with every fact set', () => {
  const bib = { title, issuer: '某发布机构', date: '2011-06-30', documentNumber: '某政〔2011〕1号' };
  assert.equal(gbtReference(bib, target, '2026-11-28'),
    '某发布机构. 青海省科学技术发展“十二五”规划: 某政〔2011〕1号: 四（三）1（10）[EB/OL]. (2011-06-30)[2026-11-28]. https://plan.test/chapters/4/#sec-4-3-1-10.');
  assert.equal(shortCitation(bib, target), '某发布机构，2011：《青海省科学技术发展“十二五”规划》四（三）1（10）');
});

test('the edition date is the reference\'s 更新或修改日期', () => {
  assert.equal(gbtReference({ title }, { ...target, updated: '2026-11-30' }, '引用日期'),
    '青海省科学技术发展“十二五”规划: 四（三）1（10）[EB/OL]. (2026-11-30)[引用日期]. https://plan.test/chapters/4/#sec-4-3-1-10.');
});

test('the whole plan (no place) and a paragraph', () => {
  assert.equal(gbtReference({ title }, { place: '', url: 'https://plan.test/plan/' }, '2026-01-02'),
    '青海省科学技术发展“十二五”规划[EB/OL]. [2026-01-02]. https://plan.test/plan/.');
  const place = citedPlace(plan, 'sec-4-3-1-10-p1');
  assert.equal(citation({ title }, { place, url }, '2026-01-02').short, '《青海省科学技术发展“十二五”规划》四（三）1（10）科技成果转化与知识产权保护行动 第1段');
});

test('access date is the local calendar date, zero-padded', () => {
  assert.equal(accessDate(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
});

test('cited places: a chapter by number and title, a misnumbered section by its printed number with the correction marked', () => {
  assert.equal(citedPlace(plan, 'sec-4'), '四、主要任务');
  assert.equal(citedPlace(plan, 'sec-4-4'), '四（三）〔应作（四）〕构建四大创新体系');
  assert.equal(citedPlace(plan, 'sec-4-4-1'), '四（三）〔应作（四）〕1、管理创新体系');
  assert.equal(citedPlace(plan, 'sec-4-3'), `四（三）${plan.sections.get('sec-4-3')!.title}`);
  assert.equal(citedPlace(plan, 'sec-4-3-1-10'), '四（三）1（10）科技成果转化与知识产权保护行动');
  // The gap in 五（一）2 is no misprint of a number: （4） is cited as printed.
  assert.equal(citedPlace(plan, 'sec-5-1-2-4'), '五（一）2（4）新材料');
  // A run-in principle: its lead sentence, without the sentence's full stop.
  assert.equal(citedPlace(plan, 'sec-3-2-1'), '三（二）1、国家战略与区域发展相结合');
  assert.equal(citedPlace(plan, 'preamble'), '前言');
});

test('cited places: a paragraph, 关键技术12 and 图2', () => {
  assert.equal(citedPlace(plan, 'sec-4-1-p1'), '四（一）突出绿色引领主线 第1段');
  assert.equal(citedPlace(plan, 'sec-4-4-p1'), '四（三）〔应作（四）〕构建四大创新体系 第1段');
  assert.equal(citedPlace(plan, 'preamble-p1'), '前言 第1段');
  assert.equal(citedPlace(plan, 'kt-12'), '五（二）2 关键技术12 盐湖钾、镁、锂、硼等资源综合开发利用技术');
  assert.equal(citedPlace(plan, 'fig-2'), '五（一）1 图2');
  assert.throws(() => citedPlace(plan, 'sec-9'), /no id sec-9/);
});

test('every id of the plan is citable once, in reading order, with a place naming its printed number', () => {
  const ids = citableIds(plan);
  assert.equal(new Set(ids).size, ids.length);
  const expected = plan.sections.size + plan.blocks.filter((b) => b.kind !== 'heading').length;
  assert.equal(ids.length, expected);
  assert.equal(ids.filter((id) => /^kt-\d+$/.test(id)).length, 40);
  assert.equal(ids.filter((id) => /^fig-\d+$/.test(id)).length, 12);
  assert.deepEqual(ids.slice(0, 3), ['preamble', 'preamble-p1', 'sec-1']);
  const orders = ids.map((id) => locate(plan, id).order);
  assert.deepEqual(orders, [...orders].sort((a, b) => a - b));
  for (const id of ids) assert.ok(citedPlace(plan, id).length > 1, id);
});

test('entries: a chapter is cited by its page, a place below by its anchor; a URL only with an origin', () => {
  assert.deepEqual(citeEntry(plan, 'sec-4', '/kjgh/', 'https://plan.test'),
    { id: 'sec-4', key: 'qhplan-sec-4', place: '四、主要任务', href: '/kjgh/chapters/4/', url: 'https://plan.test/kjgh/chapters/4/' });
  assert.equal(citeEntry(plan, 'sec-4-4', '/').href, '/chapters/4/#sec-4-4');
  assert.equal(citeEntry(plan, 'sec-4-4', '/').url, undefined);
  assert.equal(citeEntry(plan, 'preamble', '/').href, '/#preamble');
  assert.equal(citeEntry(plan, undefined, '/').href, '/plan/');
});

test('a chapter\'s and the whole plan\'s reference (for the PDF and Word colophons); none without an origin', () => {
  const facts = { bib: site, origin: 'https://plan.test', base: '/kjgh/', updated: '2026-11-30' };
  assert.equal(chapterReference(plan, 4, facts),
    '青海省科学技术发展“十二五”规划: 四、主要任务[EB/OL]. (2026-11-30)[引用日期]. https://plan.test/kjgh/chapters/4/.');
  assert.equal(chapterReference(plan, undefined, facts), '青海省科学技术发展“十二五”规划[EB/OL]. (2026-11-30)[引用日期]. https://plan.test/kjgh/plan/.');
  assert.equal(placeReference(plan, 'sec-4-4', { ...facts, accessed: '2026-12-02' }),
    '青海省科学技术发展“十二五”规划: 四（三）〔应作（四）〕构建四大创新体系[EB/OL]. (2026-11-30)[2026-12-02]. https://plan.test/kjgh/chapters/4/#sec-4-4.');
  assert.equal(chapterReference(plan, 4, { ...facts, origin: undefined }), undefined);
  assert.throws(() => chapterReference(plan, 9, facts), /no chapter 9/);
});

test('SITE_URL: optional, an http(s) origin when given; publicUrl joins it with the base path', () => {
  assert.deepEqual(deployment({}), { site: undefined, base: '/' });
  assert.deepEqual(deployment({ SITE_URL: '', BASE_PATH: 'kjgh' }), { site: undefined, base: '/kjgh/' });
  assert.equal(normalizeSite('https://plan.test/'), 'https://plan.test');
  assert.equal(normalizeSite('http://plan.test:8080'), 'http://plan.test:8080');
  for (const bad of ['plan.test', 'ftp://plan.test', 'https://plan.test/kjgh/', 'https://plan.test/?a=1', 'https://u:p@plan.test', 'https://plan.test/#x']) {
    assert.throws(() => normalizeSite(bad), (e: unknown) => e instanceof SetupError && /SITE_URL must be/.test(e.message), bad);
  }
  assert.equal(publicUrl('chapters/4/', { site: 'https://plan.test', base: '/kjgh/' }), 'https://plan.test/kjgh/chapters/4/');
  assert.equal(publicUrl('/pdf/plan.pdf', { site: 'https://plan.test', base: '/' }), 'https://plan.test/pdf/plan.pdf');
  assert.equal(publicUrl('chapters/4/', { site: undefined, base: '/' }), undefined);
});

/** What citation-js reads back from one of our files. */
function parse(text: string): Record<string, unknown>[] {
  return new Cite(text).data as Record<string, unknown>[];
}

const fileFacts = (origin: string | undefined): CiteFileFacts => ({ bib: site, base: '/kjgh/', origin, note: `${notice.short}版本日期：2026-11-30。` });

for (const origin of ['https://plan.test', undefined]) {
  test(`RIS, BibTeX and CSL-JSON parse back as web pages with the same fields (${origin ? 'with' : 'without'} SITE_URL)`, () => {
    const groups = citeGroups(plan);
    const group = groups.find((g) => g.name === 'chapter-4')!;
    for (const format of CITE_FORMATS) {
      const items = parse(citeFile(plan, group, format.ext, fileFacts(origin)));
      assert.equal(items.length, group.ids.length, format.ext);
      items.forEach((item, i) => {
        const entry = citeEntry(plan, group.ids[i], '/kjgh/', origin);
        assert.equal(item.type, 'webpage', `${format.ext} ${entry.key}`);
        assert.equal(item.title, `${site.title}: ${entry.place}`, `${format.ext} ${entry.key}`);
        assert.equal(item.language, 'zh-CN');
        assert.equal(item.URL, entry.url, `${format.ext} ${entry.key}`);
        assert.equal(item.note, fileFacts(origin).note);
        // Unset facts stay out: no author, publisher or date is invented.
        for (const field of ['author', 'publisher', 'issued', 'container-title']) assert.equal(item[field], undefined, `${format.ext} ${entry.key} ${field}`);
      });
      const keys = items.map((item) => item['citation-key'] ?? item.id);
      assert.deepEqual(keys, group.ids.map((id) => `qhplan-${id}`), format.ext);
    }
  });
}

test('the places named in the files: a chapter, a renumbered section, a paragraph, 关键技术12, 图2', () => {
  const cases = { 'sec-4': '四、主要任务', 'sec-4-4': '四（三）〔应作（四）〕构建四大创新体系', 'sec-4-1-p1': '四（一）突出绿色引领主线 第1段', 'kt-12': '五（二）2 关键技术12 盐湖钾、镁、锂、硼等资源综合开发利用技术', 'fig-2': '五（一）1 图2' };
  const groups = citeGroups(plan);
  for (const [id, place] of Object.entries(cases)) {
    const group = groups.find((g) => g.name !== 'plan' && g.ids.includes(id))!;
    for (const format of CITE_FORMATS) {
      const item = parse(citeFile(plan, group, format.ext, fileFacts('https://plan.test'))).find((x) => (x['citation-key'] ?? x.id) === `qhplan-${id}`);
      assert.equal(item?.title, `${site.title}: ${place}`, `${id} ${format.ext}`);
    }
  }
});

test('plan.* holds the whole plan, the preamble and the six chapters; every id is in exactly one part file', () => {
  const groups = citeGroups(plan);
  assert.deepEqual(groups.map((g) => g.name), ['plan', 'preamble', ...plan.chapters.map((c) => `chapter-${c.chapter}`)]);
  assert.deepEqual(groups[0]!.ids, [undefined, 'preamble', ...plan.chapters.map((c) => c.id)]);
  const parts = groups.slice(1).flatMap((g) => g.ids);
  assert.deepEqual(parts, citableIds(plan));
  // Small files: the largest part (五) in the largest format.
  for (const format of CITE_FORMATS) {
    for (const g of groups) assert.ok(citeFile(plan, g, format.ext, fileFacts('https://plan.test')).length < 64_000, `${g.name}.${format.ext}`);
  }
});

test('BibTeX escapes LaTeX\'s special characters outside the url', () => {
  const bib = { title: '50% & more_{x}', language: 'zh-CN' };
  const text = citeFile(plan, { name: 'plan', chapter: undefined, ids: [undefined] }, 'bib', { bib, base: '/', origin: 'https://plan.test', note: 'n#1' });
  const [item] = parse(text);
  assert.equal(item!.title, '50% & more_{x}');
  assert.equal(item!.note, 'n#1');
});
