/**
 * The site's search, shared by the header box, the search page and the benchmark.
 *
 * Plan text: exact-substring match over the plan's own text (CORPUS_PATH, from the
 * parsed source), ranked with the heading that holds the query first. Measured against
 * Pagefind alone (bench/search-recall.ts): Pagefind's word model, jieba at index time and
 * Intl.Segmenter at query time, over-matches plain queries (三江源 → 新能源) and drops quoted
 * ones (一 location per page, and "新能源" finds nothing), so it cannot place hits in sections.
 *
 * Other indexed pages (errata, figures, key technologies): Pagefind, each hit checked against
 * the page text so that only exact matches are listed. When nothing matches exactly, Pagefind's
 * word-level results are shown instead, marked as approximate.
 */
import { CORPUS_PATH, fromCorpusFile, type Corpus, type CorpusFile } from '../../lib/search/corpus.ts';
import { excerpt, piecesFromMarkedHtml, type Piece } from '../../lib/search/excerpt.ts';
import { findRanges, matchSections, prepareCorpus, type PreparedCorpus } from '../../lib/search/match.ts';
import { fold, parseQuery } from '../../lib/search/normalize.ts';
import { HIGHLIGHT_PARAM } from '../../lib/search/params.ts';
import { landingId, rankSections } from '../../lib/search/rank.ts';
import { chapterPath, withBase } from '../../lib/url.ts';

export { HIGHLIGHT_PARAM };

export interface Hit {
  kind: 'plan' | 'page';
  /** Plan hits: the section's id and chapter. */
  sectionId?: string;
  chapter?: number;
  /** Place in the numbering ("五（一）2（2）"), or the page's title for other pages. */
  path: string;
  title: string;
  href: string;
  excerpt: Piece[];
  headingMatch: boolean;
  count: number;
}

export interface SearchOptions {
  /** Restrict to one chapter (0 = 前言); undefined for all. */
  chapter?: number;
}

export interface PlanResult {
  query: string;
  terms: string[];
  hits: Hit[];
  /** Matching sections per chapter, before the chapter filter. */
  byChapter: Record<number, number>;
}

export interface FullResult extends PlanResult {
  /** True when nothing matched exactly and the hits are Pagefind's word-level matches. */
  approximate: boolean;
  pageHits: Hit[];
}

let corpusPromise: Promise<{ corpus: Corpus; prepared: PreparedCorpus }> | undefined;

export function loadCorpus() {
  corpusPromise ??= fetch(withBase(CORPUS_PATH))
    .then((res) => {
      if (!res.ok) throw new Error(`搜索数据加载失败（${res.status}）`);
      return res.json() as Promise<CorpusFile>;
    })
    .then((file) => {
      const corpus = fromCorpusFile(file);
      return { corpus, prepared: prepareCorpus(corpus) };
    });
  corpusPromise.catch(() => { corpusPromise = undefined; });
  return corpusPromise;
}

/** The page a chapter is read on, with the terms to mark there and the anchor to land on. */
export function hitHref(chapter: number, id: string, query: string): string {
  return `${withBase(chapterPath(chapter))}?${HIGHLIGHT_PARAM}=${encodeURIComponent(query)}#${id}`;
}

export async function searchPlan(raw: string, options: SearchOptions = {}): Promise<PlanResult> {
  const { normalized, terms } = parseQuery(raw);
  if (!terms.length) return { query: normalized, terms, hits: [], byChapter: {} };
  const { prepared } = await loadCorpus();
  const ranked = rankSections(matchSections(prepared, terms), terms);
  const byChapter: Record<number, number> = {};
  for (const m of ranked) byChapter[m.section.chapter] = (byChapter[m.section.chapter] ?? 0) + 1;
  const hits = ranked
    .filter((m) => options.chapter === undefined || m.section.chapter === options.chapter)
    .map((m): Hit => {
      const shown = m.blocks.find((b) => b.block.k !== 'h') ?? m.blocks[0];
      return {
        kind: 'plan',
        sectionId: m.section.id,
        chapter: m.section.chapter,
        path: m.section.path,
        title: m.section.title,
        href: hitHref(m.section.chapter, landingId(m), normalized),
        excerpt: shown ? excerpt(shown.block.text, shown.ranges) : [],
        headingMatch: m.headingMatch,
        count: m.count,
      };
    });
  return { query: normalized, terms, hits, byChapter };
}

// --- Pagefind (loaded on first use) -------------------------------------------------------

interface PagefindAnchor { id: string; element: string; location: number; text?: string }
interface PagefindSub { title: string; url: string; excerpt: string; locations?: number[]; anchor?: PagefindAnchor }
interface PagefindData { url: string; content: string; excerpt: string; meta: Record<string, string>; sub_results: PagefindSub[] }
interface PagefindApi {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, o?: { filters?: Record<string, unknown> }): Promise<{ results: { data(): Promise<PagefindData> }[] }>;
}

let pagefindPromise: Promise<PagefindApi> | undefined;

export function loadPagefind(): Promise<PagefindApi> {
  pagefindPromise ??= (import(/* @vite-ignore */ withBase('pagefind/pagefind.js')) as Promise<PagefindApi>).then(async (pf) => {
    await pf.options({ baseUrl: withBase(''), excerptLength: 40 });
    await pf.init();
    return pf;
  });
  pagefindPromise.catch(() => { pagefindPromise = undefined; });
  return pagefindPromise;
}

/** Starts both downloads; called when the reader first shows intent to search. */
export function preload(): void {
  loadCorpus().catch(() => {});
  loadPagefind().catch(() => {});
}

/** The Pagefind filter value of a chapter: what the chapter page's <article> declares. */
function chapterFilter(corpus: Corpus, chapter: number): string {
  return chapter === 0 ? '前言' : corpus.sections.find((s) => s.id === `sec-${chapter}`)?.heading ?? '';
}

function planPagePaths(corpus: Corpus): Set<string> {
  return new Set(corpus.sections.map((s) => withBase(chapterPath(s.chapter))));
}

/**
 * Pagefind hits. exactOnly: pages other than the plan's own pages whose text holds every term;
 * otherwise (the word-level fallback) every hit, plan pages included, down to the sub-result.
 */
async function searchPages(query: string, terms: string[], options: SearchOptions, exactOnly: boolean): Promise<Hit[]> {
  const [pf, { corpus }] = await Promise.all([loadPagefind(), loadCorpus()]);
  const filters = options.chapter === undefined ? undefined : { 章节: chapterFilter(corpus, options.chapter) };
  const found = await pf.search(terms.join(' '), filters ? { filters } : {});
  const planPages = planPagePaths(corpus);
  const sections = new Map(corpus.sections.map((s) => [s.id, s]));
  const blockSection = new Map(corpus.blocks.map((b) => [b.id, corpus.sections[b.s]!]));
  const hits: Hit[] = [];
  const pages = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
  for (const data of pages) {
    const path = new URL(data.url, location.href).pathname;
    const title = data.meta.title?.replace(/ · .*$/, '') ?? path;
    if (exactOnly) {
      if (planPages.has(path)) continue;
      const folded = fold(data.content);
      if (!terms.every((t) => folded.text.includes(t))) continue;
      const ranges = findRanges(folded, terms);
      const sub = data.sub_results.find((s) => s.anchor && terms.every((t) => fold(s.excerpt.replace(/<[^>]*>/g, '')).text.includes(t)));
      const target = sub ? new URL(sub.url, location.href) : new URL(data.url, location.href);
      target.searchParams.set(HIGHLIGHT_PARAM, query);
      hits.push({ kind: 'page', path: title, title: sub?.title && sub.title !== title ? sub.title : '', href: target.pathname + target.search + target.hash, excerpt: excerpt(data.content, ranges), headingMatch: false, count: ranges.length });
      continue;
    }
    // The sub-results that matched most words first; land with the words Pagefind matched marked.
    const subs = [...data.sub_results].sort((a, b) => (b.locations?.length ?? 0) - (a.locations?.length ?? 0)).slice(0, 5);
    for (const sub of subs) {
      const section = sub.anchor ? sections.get(sub.anchor.id) ?? blockSection.get(sub.anchor.id) : undefined;
      const marked = piecesFromMarkedHtml(sub.excerpt);
      const words = [...new Set(marked.filter((p) => p.mark).map((p) => p.text.trim()).filter(Boolean))];
      const target = new URL(sub.url, location.href);
      target.searchParams.set(HIGHLIGHT_PARAM, words.join(' ') || query);
      hits.push({
        kind: section ? 'plan' : 'page', sectionId: section?.id, chapter: section?.chapter,
        path: section?.path ?? title, title: section?.title ?? (sub.title !== title ? sub.title : ''),
        href: target.pathname + target.search + target.hash, excerpt: marked, headingMatch: false, count: sub.locations?.length ?? 0,
      });
    }
  }
  if (!exactOnly) hits.sort((a, b) => b.count - a.count);
  return hits;
}

/** Everything: exact plan hits, exact hits on other pages, or the word-level fallback. */
export async function search(raw: string, options: SearchOptions = {}): Promise<FullResult> {
  const plan = await searchPlan(raw, options);
  if (!plan.terms.length) return { ...plan, approximate: false, pageHits: [] };
  let pageHits: Hit[] = [];
  try {
    pageHits = await searchPages(plan.query, plan.terms, options, true);
    if (!plan.hits.length && !pageHits.length) {
      const fallback = await searchPages(plan.query, plan.terms, options, false);
      return { ...plan, approximate: fallback.length > 0, pageHits: fallback };
    }
  } catch (error) {
    // Without the Pagefind bundle (e.g. astro dev) the plan text is still searchable.
    console.warn('Pagefind unavailable:', error);
  }
  return { ...plan, approximate: false, pageHits };
}
