/**
 * npm run bench: figures against the budgets. Builds from clean, serves dist/ like a static
 * host (precompressed files + public/_headers) and measures. Prints tables; asserts nothing.
 *   --no-build   measure the existing dist/
 *   --no-lighthouse   skip Lighthouse (about 4 minutes)
 *   --no-serving   skip the serving benchmark (about a minute)
 *   --weight   only the page weights of the existing dist/ (implies the three above, and no search recall)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, serverOrigin } from '../pipeline/serve.ts';
import { lighthouse, type LighthouseScores } from './lighthouse.ts';
import { measurePages } from './measure-pages.ts';
import { benchServing } from './serving.ts';

const PAGES = ['/', '/chapters/1/', '/chapters/5/', '/plan/', '/figures/2/', '/targets/', '/data/', '/search/?q=盐湖'];
const args = new Set(process.argv.slice(2));
if (args.has('--weight')) for (const skip of ['--no-build', '--no-lighthouse', '--no-serving', '--no-search', '--no-sizes']) args.add(skip);
/** Gzipped HTML budgets of issue 15 (KiB): the figures' drawings are loaded near the viewport. */
const HTML_BUDGET: Record<string, number> = { '/chapters/5/': 25, '/plan/': 60 };
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function dirSize(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + dirSize(join(path, name)), 0);
}

interface BuildRun { timings: Record<string, number>; peakMB: number; wallS: number }

function cleanBuild(): BuildRun {
  rmSync('dist', { recursive: true, force: true });
  rmSync('.build', { recursive: true, force: true });
  return build();
}

function build(): BuildRun {
  // GNU time reports the peak resident memory of the largest process in the build tree.
  const result = spawnSync('/usr/bin/time', ['-f', 'BENCH %M %e', process.execPath, '--import', 'tsx', 'pipeline/build.ts'], { encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error(`build failed:\n${result.stderr.slice(-2000)}`);
  const [, peakKB, wall] = result.stderr.match(/BENCH (\d+) ([\d.]+)/) ?? [];
  return { timings: JSON.parse(readFileSync('.build/timings.json', 'utf8')), peakMB: Math.round(Number(peakKB) / 1024), wallS: Number(wall) };
}

/** The Word step: its time in the last build (budget < 10 s) and the size of each file. */
function wordEditions(): void {
  const timings = existsSync('.build/timings.json') ? JSON.parse(readFileSync('.build/timings.json', 'utf8')) as Record<string, number> : {};
  console.log('\n## Word editions (dist/docx)');
  if (!existsSync('dist/docx')) return console.log('dist/docx is missing: build first');
  console.table(Object.fromEntries(readdirSync('dist/docx').sort().map((f) => [f, { KB: +kb(statSync(join('dist/docx', f)).size) }])));
  console.log(`docx step ${timings.docx === undefined ? '(not in the last build)' : `${(timings.docx / 1000).toFixed(1)} s`} (budget < 10 s, figures rendered to PNG included)`);
  // Figures are set at the full 156 mm width of the text block: the smallest type that gives on paper.
  const smallest = readdirSync('dist/figures').filter((f) => f.endsWith('.svg')).map((f) => {
    const svg = readFileSync(join('dist/figures', f), 'utf8');
    const width = Number(svg.match(/<svg\b[^>]*\swidth="([\d.]+)/)?.[1] ?? svg.match(/viewBox="[\d.\-]+ [\d.\-]+ ([\d.]+)/)?.[1]);
    const px = Math.min(...[...svg.matchAll(/font-size(?:="|:\s*)([\d.]+)/g)].map((m) => Number(m[1])));
    return { f, pt: (px * (156 / width) * 72) / 25.4 };
  }).filter((x) => Number.isFinite(x.pt));
  if (smallest.length) console.log(`smallest figure text in the Word files: ${Math.min(...smallest.map((x) => x.pt)).toFixed(1)} pt (${smallest.sort((a, b) => a.pt - b.pt)[0]!.f}); PDFs aim at 7 pt or more`);
}

/**
 * A rebuild after one chapter changed: the wording of an editorial note in 四 is changed (two of
 * its characters swapped, so the print fonts' characters stay the same), built, and put back.
 */
const NOTES = 'content/editorial/corrections.yaml';
function oneChapterBuild(): BuildRun {
  const original = readFileSync(NOTES, 'utf8');
  const changed = original.replace('第二个“（三）”应为“（四）”', '第二个“（三）”为应“（四）”');
  if (changed === original) throw new Error(`bench: the note it edits is no longer in ${NOTES}`);
  writeFileSync(NOTES, changed);
  try {
    return build();
  } finally {
    writeFileSync(NOTES, original);
  }
}

async function main() {
  if (!args.has('--no-build')) {
    const clean = cleanBuild();
    const unchanged = build();
    const oneChapter = oneChapterBuild();
    build(); // back to the committed text
    console.log('\n## Build: clean, unchanged rebuild, one chapter changed (seconds)');
    const steps = Object.keys(clean.timings).filter((k) => k !== 'peakRssMB');
    console.table(Object.fromEntries(steps.map((k) => [k, { clean: +((clean.timings[k] ?? 0) / 1000).toFixed(1), unchanged: +((unchanged.timings[k] ?? 0) / 1000).toFixed(1), 'one chapter': +((oneChapter.timings[k] ?? 0) / 1000).toFixed(1) }])));
    console.log(`wall: clean ${clean.wallS} s (budget < 90 s), unchanged ${unchanged.wallS} s, one chapter ${oneChapter.wallS} s; peak memory of the largest process ${clean.peakMB} MB`);
  }
  if (!args.has('--no-sizes')) {
    console.log('\n## Output sizes');
    console.log(`dist ${kb(dirSize('dist'))} KB; Pagefind index ${kb(dirSize('dist/pagefind'))} KB; PDFs ${kb(dirSize('dist/pdf'))} KB; Word files ${kb(dirSize('dist/docx'))} KB; open data (/data/) ${kb(dirSize('dist/data'))} KB`);
    wordEditions();
  }

  if (!args.has('--no-serving')) {
    console.log('\n## Serving (requests/s and latency under load)');
    await benchServing();
  }

  const server = await serve({ root: 'dist', port: 0 });
  const baseURL = serverOrigin(server);
  try {
    console.log('\n## Page weight (gzip, as served)');
    const costs = await measurePages(baseURL, PAGES);
    console.table(Object.fromEntries(costs.map((c) => [c.path, {
      'HTML KB': +kb(c.bytes.html), 'CSS KB': +kb(c.bytes.css), 'JS KB': +kb(c.bytes.js), 'font KB': +kb(c.bytes.font), 'img KB': +kb(c.bytes.image), 'other KB': +kb(c.bytes.other),
      'total KB': +kb(c.total), requests: c.requests, 'JS run on load KB': +kb(c.scriptExecuted), 'total/HTML': +(c.total / Math.max(c.bytes.html, 1)).toFixed(2),
      'elements (HTML)': c.elements.initial, 'elements (loaded)': c.elements.loaded,
    }])));
    for (const c of costs) {
      const budget = HTML_BUDGET[c.path];
      if (budget !== undefined) console.log(`HTML of ${c.path}: ${kb(c.bytes.html)} KiB gzip, budget ≤ ${budget} KiB: ${c.bytes.html <= budget * 1024 ? 'within' : 'OVER'}`);
    }
    console.log('Budgets: 0 KB script needed to read; ≤ 15 KB gzip enhancement JS on a chapter page before search is touched; chapter total ≤ 1.5 × its gzipped HTML; HTML of /chapters/5/ ≤ 25 KiB and of /plan/ ≤ 60 KiB gzip.');

    if (!args.has('--no-lighthouse')) {
      console.log('\n## Lighthouse (mobile, median of 3)');
      const rows: Record<string, LighthouseScores> = {};
      for (const path of PAGES) rows[path] = await lighthouse(new URL(path, baseURL).href);
      console.table(Object.fromEntries(Object.entries(rows).map(([p, r]) => [p, { perf: r.performance, a11y: r.accessibility, 'best pr.': r.bestPractices, seo: r.seo, 'LCP ms': Math.round(r.lcp), 'TBT ms': Math.round(r.tbt), CLS: +r.cls.toFixed(3) }])));
      console.log('Budget: 100 in all four categories on every page.');
    }

    if (!args.has('--no-search')) {
      console.log('\n## Search recall');
      const searchBench = './search-recall.ts';
      if (existsSync(join('bench', 'search-recall.ts'))) await (await import(searchBench)).runSearchBench({ baseURL, summaryOnly: true });
    }
  } finally {
    server.close();
  }
}

main().catch((error) => { console.error(error); process.exitCode = 1; });
