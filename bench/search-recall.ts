/**
 * Search recall benchmark: realistic queries run in headless Chromium against the built site,
 * through the site's own search code (window.__planSearch on /search/, the module the header
 * box and the search page use). Ground truth comes from the source text: the sections whose own
 * text (heading, paragraphs, key technologies, figure lines) contains every term.
 *
 * For comparison it also runs Pagefind alone, plain and quoted, and places each matched word in
 * a section through the page's anchors: that is why the site does not rely on it for the plan.
 *
 *   npx tsx bench/search-recall.ts [baseURL [distDir]]    (without baseURL it serves dist/ itself)
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright';
import { launchChromium } from '../pipeline/chromium.ts';
import { loadPlan } from '../src/lib/plan/load.ts';
import { buildCorpus, CORPUS_DIR } from '../src/lib/search/corpus.ts';
import { groundTruth, prepareCorpus } from '../src/lib/search/match.ts';
import { foldText, parseQuery } from '../src/lib/search/normalize.ts';
import { runCli } from '../pipeline/cli.ts';
import { serve } from '../pipeline/serve.ts';

/** Realistic queries: single characters, words, place names, numbers, mixed and full-width forms. */
export const QUERIES: { q: string; kind: string }[] = [
  ...['锂', '镁', '钾', '硼', '盐', '藏', '水', '煤', '碳', '铝'].map((q) => ({ q, kind: '单字' })),
  ...['盐湖', '光伏', '风能', '藏药', '人才', '生态', '高原', '畜牧', '民生', '新材料', '新能源', '太阳能', '天然气', '产学研', '孵化器', '科技园',
    '中藏药', '盐湖化工', '循环经济', '知识产权', '有色金属', '节能减排', '创新体系', '重点实验室', '科技特派员'].map((q) => ({ q, kind: '词' })),
  ...['三江源', '柴达木', '玉树', '西宁', '青海湖', '海东', '祁连', '格尔木', '黄河'].map((q) => ({ q, kind: '地名' })),
  ...['2015', '2010', '123', '100MW', '45%'].map((q) => ({ q, kind: '数字' })),
  ...['R＆D', 'R&D', 'r&d', 'GAP', 'gap', 'Ｇ瓦级'].map((q) => ({ q, kind: '字母/全角' })),
  ...['盐湖 锂', '三江源 生态'].map((q) => ({ q, kind: '多词' })),
  ...['物联网'].map((q) => ({ q, kind: '原文无' })),
];

export interface QueryScore {
  q: string; kind: string; truth: number; found: number; recall: number; precision: number; mrr: number;
  /** null when no section heading holds the query. */
  headingFirst: boolean | null;
  otherPages: number; approximate: number; ms: number;
  pagefindPlain: { recall: number; precision: number }; pagefindQuoted: { recall: number; precision: number };
}

export interface SearchBenchResult {
  queries: QueryScore[];
  recall: number; precision: number; mrr: number;
  headingFirst: { passed: number; of: number };
  pagefindPlain: { recall: number; precision: number }; pagefindQuoted: { recall: number; precision: number };
  indexBytes: number; corpusBytes: number; corpusGzipBytes: number;
  /** Reader's view, cold: keystroke in the header box on a chapter page → first result shown. */
  firstResultMs: number;
  /** API, cold page: plan hits ready / everything (incl. Pagefind) ready. */
  coldPlanMs: number; coldFullMs: number;
  bootGzipBytes: number;
  /** Bytes the first query fetched (search code, plan text, Pagefind), as sent. */
  firstQueryBytes: number;
  /** Each of those scripts, gzip bytes (the search boot is SearchBox.astro_…js). */
  bootScripts: Record<string, number>;
}

function dirBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? dirBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0);
}

const score = (truth: Set<string>, found: string[]) => {
  const unique = [...new Set(found)];
  const tp = unique.filter((s) => truth.has(s)).length;
  return {
    recall: truth.size ? tp / truth.size : 1,
    precision: unique.length ? tp / unique.length : truth.size ? 0 : 1,
  };
};

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Pagefind alone, each matched word placed in the section of the nearest plan anchor before it. */
async function pagefindSections(page: Page, term: string, idToSection: Record<string, string>): Promise<string[]> {
  return page.evaluate(async ({ term, idToSection }) => {
    const url = new URL('pagefind/pagefind.js', document.baseURI.replace(/search\/.*$/, '')).href;
    const pf = await import(/* @vite-ignore */ url);
    const found = await pf.search(term);
    const out: string[] = [];
    for (const r of found.results) {
      const d = await r.data();
      const anchors = (d.anchors as { id: string; location: number }[]).filter((a) => idToSection[a.id]).sort((a, b) => a.location - b.location);
      for (const loc of d.locations as number[]) {
        let cur: string | undefined;
        for (const a of anchors) { if (a.location <= loc) cur = a.id; else break; }
        if (cur) out.push(idToSection[cur]!);
      }
    }
    return out;
  }, { term, idToSection });
}

export async function runSearchBench({ baseURL, dist = 'dist' }: { baseURL: string; dist?: string }): Promise<SearchBenchResult> {
  const root = baseURL.replace(/\/?$/, '/');
  const corpus = buildCorpus(loadPlan().plan);
  const prepared = prepareCorpus(corpus);
  const idToSection: Record<string, string> = {};
  for (const b of corpus.blocks) idToSection[b.id] = corpus.sections[b.s]!.id;
  for (const s of corpus.sections) idToSection[s.id] = s.id;

  const browser = await launchChromium();
  try {
    // Cold, as a reader meets it: a chapter page, "/" then a query, until the first hit shows.
    const reader = await browser.newPage();
    await reader.goto(`${root}chapters/4/`, { waitUntil: 'networkidle' });
    // Every script the page loaded before the reader touched search, gzipped from dist/.
    const scripts = await reader.evaluate(() => performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script' || e.name.endsWith('.js')).map((e) => new URL(e.name).pathname));
    const bootScripts = Object.fromEntries(scripts.map((path) => {
      const file = join(dist, path.replace(new URL(root).pathname, ''));
      return [path.replace(/^.*\//, ''), existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0];
    }));
    const bootGzipBytes = Object.values(bootScripts).reduce((a, b) => a + b, 0);
    const t0 = Date.now();
    const mark = await reader.evaluate(() => performance.now());
    await reader.keyboard.press('/');
    await reader.keyboard.type('盐湖');
    await reader.locator('.search-panel .search-hit').first().waitFor();
    const firstResultMs = Date.now() - t0 - 120; // minus the panel's typing debounce
    // What the first query fetched, as sent (compressed), once both passes have answered.
    await reader.locator('#site-search-status').filter({ hasText: /找到 \d+ 条结果/ }).waitFor();
    await reader.waitForLoadState('networkidle');
    const firstQueryBytes = await reader.evaluate((since) => performance.getEntriesByType('resource')
      .filter((e) => e.startTime >= since)
      .reduce((sum, e) => sum + (e as PerformanceResourceTiming).encodedBodySize, 0), mark);
    await reader.close();

    const page = await browser.newPage();
    await page.goto(`${root}search/`);
    await page.waitForFunction(() => typeof window.__planSearch === 'function');
    const cold = await page.evaluate(async () => {
      const a = performance.now();
      await window.__planSearchPlan!('盐湖');
      const b = performance.now();
      await window.__planSearch!('盐湖');
      return { plan: b - a, full: performance.now() - a };
    });

    const queries: QueryScore[] = [];
    for (const { q, kind } of QUERIES) {
      const { terms } = parseQuery(q);
      const truth = new Set(groundTruth(prepared, terms));
      const run = await page.evaluate(async (q) => {
        const a = performance.now();
        const r = await window.__planSearch!(q);
        return { ms: performance.now() - a, sections: r.hits.map((h) => h.sectionId!), other: r.approximate ? 0 : r.pageHits.length, approximate: r.approximate ? r.pageHits.length : 0 };
      }, q);
      const { recall, precision } = score(truth, run.sections);
      const firstRelevant = run.sections.findIndex((s) => truth.has(s));
      const headingHolds = (id: string) => {
        const s = corpus.sections.find((x) => x.id === id)!;
        return s.heading !== '' && terms.every((t) => foldText(s.heading).includes(t));
      };
      const anyHeading = [...truth].some(headingHolds);
      queries.push({
        q, kind, truth: truth.size, found: run.sections.length, recall, precision,
        mrr: truth.size ? (firstRelevant >= 0 ? 1 / (firstRelevant + 1) : 0) : 1,
        headingFirst: anyHeading ? !!run.sections[0] && headingHolds(run.sections[0]) : null,
        otherPages: run.other, approximate: run.approximate, ms: Math.round(run.ms),
        pagefindPlain: score(truth, await pagefindSections(page, terms.join(' '), idToSection)),
        pagefindQuoted: score(truth, await pagefindSections(page, terms.map((t) => `"${t}"`).join(' '), idToSection)),
      });
    }

    // The plan text for the exact pass: the chapter files and their index, as a whole-plan search loads them.
    const corpusDir = join(dist, CORPUS_DIR);
    const corpusText = existsSync(corpusDir) ? Buffer.concat(readdirSync(corpusDir).filter((f) => f.endsWith('.json')).sort().map((f) => readFileSync(join(corpusDir, f)))) : Buffer.alloc(0);
    const headed = queries.filter((x) => x.headingFirst !== null);
    const result: SearchBenchResult = {
      queries,
      recall: mean(queries.map((x) => x.recall)),
      precision: mean(queries.map((x) => x.precision)),
      mrr: mean(queries.map((x) => x.mrr)),
      headingFirst: { passed: headed.filter((x) => x.headingFirst).length, of: headed.length },
      pagefindPlain: { recall: mean(queries.map((x) => x.pagefindPlain.recall)), precision: mean(queries.map((x) => x.pagefindPlain.precision)) },
      pagefindQuoted: { recall: mean(queries.map((x) => x.pagefindQuoted.recall)), precision: mean(queries.map((x) => x.pagefindQuoted.precision)) },
      indexBytes: dirBytes(join(dist, 'pagefind')),
      corpusBytes: corpusText.length,
      corpusGzipBytes: gzipSync(corpusText, { level: 9 }).length,
      firstResultMs,
      coldPlanMs: Math.round(cold.plan),
      coldFullMs: Math.round(cold.full),
      bootGzipBytes,
      firstQueryBytes,
      bootScripts,
    };
    printTable(result);
    return result;
  } finally {
    await browser.close();
  }
}

function printTable(r: SearchBenchResult): void {
  const f = (n: number) => n.toFixed(2);
  console.log('\nSearch recall (section level; ground truth = sections whose own source text holds every term)');
  console.table(r.queries.map((x) => ({
    query: x.q, kind: x.kind, truth: x.truth, found: x.found, recall: f(x.recall), precision: f(x.precision), MRR: f(x.mrr),
    'heading first': x.headingFirst === null ? '–' : x.headingFirst ? 'yes' : 'NO', 'other pages': x.otherPages, approx: x.approximate, ms: x.ms,
    'PF plain R/P': `${f(x.pagefindPlain.recall)}/${f(x.pagefindPlain.precision)}`, 'PF "quoted" R/P': `${f(x.pagefindQuoted.recall)}/${f(x.pagefindQuoted.precision)}`,
  })));
  console.log(`site search:        recall ${f(r.recall)}  precision ${f(r.precision)}  MRR ${f(r.mrr)}  heading first ${r.headingFirst.passed}/${r.headingFirst.of}  (${r.queries.length} queries)`);
  console.log(`Pagefind alone:     plain recall ${f(r.pagefindPlain.recall)} precision ${f(r.pagefindPlain.precision)}; quoted recall ${f(r.pagefindQuoted.recall)} precision ${f(r.pagefindQuoted.precision)}`);
  console.log(`index: dist/pagefind ${r.indexBytes} bytes; plan text ${r.corpusBytes} bytes (${r.corpusGzipBytes} gzip)`);
  console.log(`time to first result: ${r.firstResultMs} ms (header box, cold); API cold: plan ${r.coldPlanMs} ms, with Pagefind ${r.coldFullMs} ms`);
  console.log(`first query (盐湖, header box, cold): ${(r.firstQueryBytes / 1024).toFixed(1)} KiB fetched (budget: the reference's 130–162 KiB)`);
  console.log(`JS on a chapter page before search is used: ${r.bootGzipBytes} bytes gzip in all: ${Object.entries(r.bootScripts).map(([f, n]) => `${f} ${n}`).join(', ')}`);
}

runCli(import.meta.url, async () => {
  const [given, dist = 'dist'] = process.argv.slice(2);
  if (given) { await runSearchBench({ baseURL: given, dist }); return; }
  const server = await serve({ port: 0 });
  try {
    await runSearchBench({ baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` });
  } finally {
    server.close();
  }
});
