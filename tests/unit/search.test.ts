import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadPlan } from '../../src/lib/plan/load.ts';
import { blockOf, blocksOf } from '../../src/lib/plan/outline.ts';
import { buildCorpus, corpusFiles, fromCorpusFile, joinCorpora, toCorpusFile } from '../../src/lib/search/corpus.ts';
import { excerpt, piecesFromMarkedHtml } from '../../src/lib/search/excerpt.ts';
import { findRanges, groundTruth, matchSections, prepareCorpus } from '../../src/lib/search/match.ts';
import { fold, foldText, parseQuery } from '../../src/lib/search/normalize.ts';
import { landingId, rankSections } from '../../src/lib/search/rank.ts';
import { manifestLanguages } from '../../pipeline/pagefind.ts';

const { plan } = loadPlan();
const corpus = buildCorpus(plan);
const prepared = prepareCorpus(corpus);
const search = (q: string) => rankSections(matchSections(prepared, parseQuery(q).terms), parseQuery(q).terms);

describe('query normalisation', () => {
  it('folds full-width forms to half-width, so R&D finds the printed R＆D', () => {
    assert.equal(foldText('R＆D'), 'r&d');
    assert.equal(foldText('ＧＡＰ　１２３'), 'gap 123');
    assert.deepEqual(parseQuery('R&D').terms, parseQuery('Ｒ＆Ｄ').terms);
  });
  it('splits on any space and drops quotes and repeated terms', () => {
    assert.deepEqual(parseQuery('  “三江源”　盐湖  盐湖 ').terms, ['三江源', '盐湖']);
    assert.deepEqual(parseQuery('"盐湖化工"').terms, ['盐湖化工']);
    assert.deepEqual(parseQuery('   ').terms, []);
  });
  it('keeps a map from folded offsets back to the original text', () => {
    const f = fold('全社会R＆D经费');
    const at = f.text.indexOf('r&d');
    assert.equal('全社会R＆D经费'.slice(f.map[at], f.map[at + 3]), 'R＆D');
  });
  it('finds every occurrence, merging overlaps, in original offsets', () => {
    assert.deepEqual(findRanges(fold('盐湖化工、盐湖'), ['盐湖', '湖化']), [{ start: 0, end: 3 }, { start: 5, end: 7 }]);
  });
});

describe('corpus and ground truth', () => {
  it('covers every section, paragraph, key technology and figure line of the plan', () => {
    assert.equal(corpus.sections.length, plan.sections.size);
    const kinds = (k: string) => corpus.blocks.filter((b) => b.k === k).length;
    assert.equal(kinds('p'), blocksOf(plan, 'paragraph').length);
    assert.equal(kinds('k'), blocksOf(plan, 'keyTechnology').length);
    assert.equal(kinds('f'), blocksOf(plan, 'figure').length);
    assert.equal(kinds('h'), [...plan.sections.values()].filter((s) => s.id !== 'preamble' && !s.runIn).length);
  });
  it('splits into one file per chapter that join back into the same corpus', () => {
    const chapters = [0, 1, 2, 3, 4, 5, 6];
    const files = corpusFiles(corpus, new Map(chapters.map((c) => [c, `第${c}`])));
    assert.deepEqual(files.map((f) => f.path), ['search/plan-text/index.json', ...chapters.map((c) => `search/plan-text/${c}.json`)]);
    const parts = files.slice(1).map((f) => fromCorpusFile(JSON.parse(f.json)));
    assert.deepEqual(joinCorpora(parts), corpus);
    for (const [c, part] of parts.entries()) assert.ok(part.sections.every((s) => s.chapter === c));
  });
  it('survives the compact wire form unchanged', () => {
    assert.deepEqual(fromCorpusFile(JSON.parse(JSON.stringify(toCorpusFile(corpus)))), corpus);
  });
  it('counts a section only for its own text, not its children', () => {
    const truth = groundTruth(prepared, ['盐湖化工']);
    assert.ok(truth.includes('sec-5-1-2-2'));
    assert.ok(!truth.includes('sec-5-1-2'), 'the parent heading 2、… does not say 盐湖化工 itself');
    for (const id of truth) {
      const own = corpus.blocks.filter((b) => corpus.sections[b.s]!.id === id).map((b) => b.text).join('\n');
      assert.ok(own.includes('盐湖化工'), id);
    }
  });
  it('agrees with a plain scan of the source text', () => {
    for (const q of ['锂', '三江源', '科技特派员', '123']) {
      const scan = [...plan.sections.values()].filter((s) => {
        const own = [s.runIn ? '' : s.text, ...s.paragraphIds.map((id) => blockOf(plan, id, 'paragraph')!.text),
          ...[...blocksOf(plan, 'keyTechnology'), ...blocksOf(plan, 'figure')].filter((x) => x.sectionId === s.id).map((x) => x.text)];
        return own.some((t) => t.includes(q));
      }).map((s) => s.id).sort();
      assert.deepEqual(groundTruth(prepared, [q]).sort(), scan, q);
    }
  });
  it('needs every term of a multi-term query in the same section', () => {
    const both = groundTruth(prepared, ['盐湖', '锂']);
    assert.ok(both.length > 0);
    for (const id of both) assert.ok(groundTruth(prepared, ['盐湖']).includes(id) && groundTruth(prepared, ['锂']).includes(id));
  });
  it('does not match 三江源 inside 新能源', () => {
    assert.ok(search('三江源').every((m) => m.blocks.some((b) => b.block.text.includes('三江源'))));
  });
});

describe('ranking', () => {
  it('puts the section whose heading is the query first and lands on the heading', () => {
    const [top] = search('盐湖化工');
    assert.equal(top?.section.id, 'sec-5-1-2-2');
    assert.equal(landingId(top!), 'sec-5-1-2-2');
  });
  it('ranks every heading match before any body-only match', () => {
    for (const q of ['新能源', '人才', '循环经济', '科技园']) {
      const ranked = search(q);
      const firstBody = ranked.findIndex((m) => !m.headingMatch);
      assert.ok(firstBody === -1 || ranked.slice(firstBody).every((m) => !m.headingMatch), q);
      if (ranked.some((m) => m.headingMatch)) assert.ok(ranked[0]!.headingMatch, q);
    }
  });
  it('lands a body match on the first paragraph that holds the query', () => {
    const hit = search('科技特派员').find((m) => !m.headingMatch)!;
    assert.match(landingId(hit), /-p\d+$/);
    assert.ok(hit.blocks[0]!.block.text.includes('科技特派员'));
  });
});

describe('excerpts', () => {
  it('centres on the first match and marks every match inside the window', () => {
    const text = `${'甲'.repeat(50)}盐湖${'乙'.repeat(10)}盐湖${'丙'.repeat(50)}`;
    const pieces = excerpt(text, findRanges(fold(text), ['盐湖']), 20);
    assert.equal(pieces.filter((p) => p.mark).length, 2);
    assert.equal(pieces[0]!.text, '…');
    assert.equal(pieces.at(-1)!.text, '…');
  });
  it('reads Pagefind excerpts as text, never as markup', () => {
    assert.deepEqual(piecesFromMarkedHtml('a &lt;b&gt; <mark>盐湖</mark> &amp; c'), [
      { text: 'a <b> ', mark: false }, { text: '盐湖', mark: true }, { text: ' & c', mark: false },
    ]);
  });
});

describe('Pagefind manifest', () => {
  it('reads the pages per language from pagefind-entry.json', () => {
    const entry = '{"version":"1.6.0","languages":{"zh-cn":{"hash":"zh-cn_1","wasm":null,"page_count":22}}}';
    assert.deepEqual(manifestLanguages(entry), { 'zh-cn': 22 });
    assert.deepEqual(manifestLanguages('{"version":"1.6.0"}'), {});
  });
});
