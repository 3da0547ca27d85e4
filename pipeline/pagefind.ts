/**
 * Build step: the search index.
 *
 *  1. Pagefind indexes every page that has `data-pagefind-body` (the plan text, the errata, and
 *     any other indexed page). Only the extended Pagefind binary segments Chinese (jieba), and
 *     only pages whose <html lang> is Chinese get that treatment, so both are checked and the
 *     build fails instead of shipping an index that cannot find Chinese words.
 *  2. The plan's own text, as parsed from the source, goes to search/plan-text/ (an index and one
 *     file per chapter). The site's search matches exact substrings over it, because measurement showed Pagefind's word
 *     model alone loses Chinese phrases (see bench/search-recall.ts). Fetched only on first search.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import { SetupError } from '../src/lib/errors.ts';
import { loadPlan } from '../src/lib/plan/load.ts';
import { buildCorpus, CORPUS_DIR, corpusFiles } from '../src/lib/search/corpus.ts';
import { CacheKey, stepCache } from './cache.ts';
import { runCli } from './cli.ts';

const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;
/** Languages Pagefind segments with jieba (what `<html lang="zh-CN">` is discovered as). */
const CHINESE = /^zh/;

export interface SearchIndexSummary {
  binary: string;
  version: string;
  /** Pages per language, as Pagefind's own manifest (pagefind-entry.json) states them. */
  languages: Record<string, number>;
  pages: number;
  indexBytes: number;
  corpusBytes: number;
}

/** The binary the pagefind package will spawn: the extended one is the one that segments Chinese. */
function extendedBinary(): { path: string; version: string } {
  const override = process.env.PAGEFIND_EXTENDED_BINARY_PATH ?? process.env.PAGEFIND_BINARY_PATH;
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = platform === 'windows' ? 'pagefind_extended.exe' : 'pagefind_extended';
  let path = override;
  if (!path) {
    try {
      path = createRequire(import.meta.url).resolve(`@pagefind/${platform}-${process.arch}/bin/${name}`);
    } catch {
      throw new SetupError(`the extended Pagefind binary (@pagefind/${platform}-${process.arch}/bin/${name}) is not installed; without it Chinese text is not segmented. Run npm ci.`);
    }
  }
  if (!/pagefind_extended/.test(path)) throw new SetupError(`Pagefind binary ${path} is not the extended build, which is needed to segment Chinese`);
  const run = spawnSync(path, ['--version'], { encoding: 'utf8' });
  if (run.status !== 0) throw new SetupError(`${path} --version failed: ${run.stderr || run.error?.message}`);
  return { path, version: run.stdout.trim() };
}

function dirBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).reduce((total, e) => total + statSync(join(e.parentPath, e.name)).size, 0);
}

/** Pages per language from Pagefind's manifest, which the browser code reads to pick an index. */
export function manifestLanguages(entryJson: string): Record<string, number> {
  const entry = JSON.parse(entryJson) as { languages?: Record<string, { page_count?: number }> };
  return Object.fromEntries(Object.entries(entry.languages ?? {}).map(([lang, info]) => [lang, info.page_count ?? 0]));
}

export async function buildSearchIndex(outDir: string): Promise<SearchIndexSummary> {
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`search index: ${outDir}/index.html is missing; build the site first`);
  const binary = extendedBinary();
  console.log(`Pagefind: ${binary.version} (extended: ${binary.path})`);

  const output = join(outDir, 'pagefind');
  // The index depends on the pages' HTML and the binary only: an unchanged site reuses it.
  const cache = stepCache('pagefind');
  const key = new CacheKey().add('pagefind', binary.version).folder(outDir, (path) => path.endsWith('.html') && !path.startsWith(output), 'out').digest();
  let files: number | string = 'the cached index of the same';
  if (!cache.restore(key, output)) {
    rmSync(output, { recursive: true, force: true });
    try {
      const { index, errors } = await pagefind.createIndex({});
      if (!index || errors.length) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
      const added = await index.addDirectory({ path: outDir });
      if (added.errors.length) throw new Error(`Pagefind failed to index ${outDir}: ${added.errors.join('; ')}`);
      files = added.page_count;
      const written = await index.writeFiles({ outputPath: output });
      if (written.errors.length) throw new Error(`Pagefind failed to write ${output}: ${written.errors.join('; ')}`);
    } finally {
      await pagefind.close();
    }
    // The site has its own search UI; Pagefind's prebuilt UIs and highlighter would only be dead weight.
    for (const file of readdirSync(output)) if (UNUSED.test(file)) rmSync(join(output, file));
    cache.store(key, output);
  }
  cache.prune();

  const languages = manifestLanguages(readFileSync(join(output, 'pagefind-entry.json'), 'utf8'));
  const pages = Object.values(languages).reduce((sum, n) => sum + n, 0);
  const langList = Object.entries(languages).map(([l, n]) => `${l} (${n} pages)`).join(', ');
  console.log(`Pagefind: read ${files} HTML files; indexed ${pages} pages in ${Object.keys(languages).length} language(s): ${langList || 'none'}`);
  if (pages === 0) throw new Error('Pagefind indexed 0 pages: no page carries data-pagefind-body, or the site is empty');
  const notChinese = Object.keys(languages).filter((l) => !CHINESE.test(l));
  if (notChinese.length) {
    throw new Error(`Pagefind found pages in ${notChinese.join(', ')}; every indexed page must be <html lang="zh-CN"> or Chinese words are not segmented`);
  }

  // The plan's text for the exact pass, a file per chapter; the 章节 filter's value is the chapter's heading.
  const { plan } = loadPlan();
  const headings = new Map([[plan.root.chapter, plan.root.title], ...plan.chapters.map((c) => [c.chapter, c.text] as const)]);
  let corpusBytes = 0;
  for (const file of corpusFiles(buildCorpus(plan), headings)) {
    const path = join(outDir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.json);
    corpusBytes += Buffer.byteLength(file.json);
  }

  const summary: SearchIndexSummary = { binary: binary.path, version: binary.version, languages, pages, indexBytes: dirBytes(output), corpusBytes };
  console.log(`Pagefind: index ${summary.indexBytes} bytes in ${output}; plan text for exact search ${summary.corpusBytes} bytes in ${join(outDir, CORPUS_DIR)}/`);
  return summary;
}

runCli(import.meta.url, async () => {
  await buildSearchIndex(process.argv[2] ?? 'dist');
});
