/**
 * Build step: the search index.
 *
 *  1. Pagefind indexes every page that has `data-pagefind-body` (the plan text, the errata, and
 *     any other indexed page). Only the extended Pagefind binary segments Chinese (jieba), and
 *     only pages whose <html lang> is Chinese get that treatment, so both are checked and the
 *     build fails instead of shipping an index that cannot find Chinese words.
 *  2. The plan's own text, as parsed from the source, goes to search/plan-text.json. The site's
 *     search matches exact substrings over it, because measurement showed Pagefind's word
 *     model alone loses Chinese phrases (see bench/search-recall.ts). Fetched only on first search.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { loadPlan } from '../src/lib/plan/load.ts';
import { buildCorpus, toCorpusFile } from '../src/lib/search/corpus.ts';
import { runCli } from './cli.ts';

/** Where the plan text for exact search is written, relative to the site root. */
export const CORPUS_PATH = 'search/plan-text.json';
const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;
/** Languages Pagefind segments with jieba (what `<html lang="zh-CN">` is discovered as). */
const CHINESE = /^zh/;

export interface SearchIndexSummary {
  binary: string;
  version: string;
  languages: Record<string, number>;
  pages: number;
  words: number;
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
      throw new Error(`the extended Pagefind binary (@pagefind/${platform}-${process.arch}/bin/${name}) is not installed; without it Chinese text is not segmented. Run npm ci.`);
    }
  }
  if (!/pagefind_extended/.test(path)) throw new Error(`Pagefind binary ${path} is not the extended build, which is needed to segment Chinese`);
  const run = spawnSync(path, ['--version'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${path} --version failed: ${run.stderr || run.error?.message}`);
  return { path, version: run.stdout.trim() };
}

function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(full) : statSync(full).size;
  }
  return total;
}

/** Reads what Pagefind reports about languages and counts from its log (the API returns neither). */
export function parsePagefindLog(log: string): { languages: Record<string, number>; pages: number; words: number } {
  const languages: Record<string, number> = {};
  for (const m of log.matchAll(/^\[Info\]:\s+\*\s+([\w-]+):\s+(\d+) pages?/gm)) languages[m[1]!] = Number(m[2]);
  const total = log.slice(log.lastIndexOf('Total:'));
  return {
    languages,
    pages: Number(total.match(/Indexed (\d+) pages?/)?.[1] ?? 0),
    words: Number(total.match(/Indexed (\d+) words?/)?.[1] ?? 0),
  };
}

export async function buildSearchIndex(outDir: string): Promise<SearchIndexSummary> {
  if (!existsSync(join(outDir, 'index.html'))) throw new Error(`search index: ${outDir}/index.html is missing; build the site first`);
  const binary = extendedBinary();
  console.log(`Pagefind: ${binary.version} (extended: ${binary.path})`);

  const logDir = mkdtempSync(join(tmpdir(), 'pagefind-'));
  const logfile = join(logDir, 'pagefind.log');
  const output = join(outDir, 'pagefind');
  rmSync(output, { recursive: true, force: true });
  try {
    const { index, errors } = await pagefind.createIndex({ logfile, verbose: true });
    if (!index || errors.length) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length) throw new Error(`Pagefind failed to index ${outDir}: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: output });
    if (written.errors.length) throw new Error(`Pagefind failed to write ${output}: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }

  // The site has its own search UI; Pagefind's prebuilt UIs and highlighter would only be dead weight.
  for (const file of readdirSync(output)) if (UNUSED.test(file)) rmSync(join(output, file));

  const log = existsSync(logfile) ? readFileSync(logfile, 'utf8') : '';
  rmSync(logDir, { recursive: true, force: true });
  const { languages, pages, words } = parsePagefindLog(log);
  const langList = Object.entries(languages).map(([l, n]) => `${l} (${n} pages)`).join(', ');
  console.log(`Pagefind: discovered ${Object.keys(languages).length} language(s): ${langList || 'none'}; indexed ${pages} pages, ${words} words`);
  if (pages === 0) throw new Error('Pagefind indexed 0 pages: no page carries data-pagefind-body, or the site is empty');
  const notChinese = Object.keys(languages).filter((l) => !CHINESE.test(l));
  if (notChinese.length) {
    throw new Error(`Pagefind found pages in ${notChinese.join(', ')}; every indexed page must be <html lang="zh-CN"> or Chinese words are not segmented`);
  }

  const corpusFile = join(outDir, CORPUS_PATH);
  mkdirSync(join(outDir, 'search'), { recursive: true });
  const json = JSON.stringify(toCorpusFile(buildCorpus(loadPlan().plan)));
  writeFileSync(corpusFile, json);

  const summary: SearchIndexSummary = {
    binary: binary.path,
    version: binary.version,
    languages,
    pages,
    words,
    indexBytes: dirBytes(output),
    corpusBytes: Buffer.byteLength(json),
  };
  console.log(`Pagefind: index ${summary.indexBytes} bytes in ${output}; plan text for exact search ${summary.corpusBytes} bytes in ${corpusFile}`);
  return summary;
}

runCli(import.meta.url, async () => {
  await buildSearchIndex(process.argv[2] ?? 'dist');
});
