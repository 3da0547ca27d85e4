/**
 * The site's search, shared by the header box, the search page and the benchmark.
 *
 * Plan text: exact-substring match over the plan's own text (CORPUS_DIR, a file per chapter, from the
 * parsed source), ranked with the heading that holds the query first. Measured against
 * Pagefind alone (bench/search-recall.ts): Pagefind's word model, jieba at index time and
 * Intl.Segmenter at query time, over-matches plain queries (三江源 → 新能源) and drops quoted
 * ones (一 location per page, and "新能源" finds nothing), so it cannot place hits in sections.
 *
 * Other indexed pages (errata, figures, key technologies): Pagefind, each hit checked against
 * the page text so that only exact matches are listed. When nothing matches exactly, Pagefind's
 * word-level results are shown instead, marked as approximate.
 */
import { CORPUS_INDEX, corpusChapterPath, fromCorpusFile, joinCorpora, type Corpus, type CorpusFile, type CorpusIndex } from '../../lib/search/corpus.ts';
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

interface LoadedChapter { chapter: number; corpus: Corpus; prepared: PreparedCorpus }

let indexPromise: Promise<CorpusIndex> | undefined;
const chapterPromises = new Map<number, Promise<LoadedChapter>>();

async function fetchJson<T>(path: string): Promise<T> {
  const res = await fetch(withBase(path));
  if (!res.ok) throw new Error(`搜索数据加载失败（${res.status}）`);
  return res.json() as Promise<T>;
}

/** The chapters the plan text is split into (a few hundred bytes). */
export function loadIndex(): Promise<CorpusIndex> {
  indexPromise ??= fetchJson<CorpusIndex>(CORPUS_INDEX);
  indexPromise.catch(() => { indexPromise = undefined; });
  return indexPromise;
}

/** One chapter's text, fetched on first need and folded once for matching. */
function loadChapter(chapter: number): Promise<LoadedChapter> {
  let promise = chapterPromises.get(chapter);
  if (!promise) {
    promise = fetchJson<CorpusFile>(corpusChapterPath(chapter)).then((file) => {
      const corpus = fromCorpusFile(file);
      return { chapter, corpus, prepared: prepareCorpus(corpus) };
    });
    promise.catch(() => chapterPromises.delete(chapter));
    chapterPromises.set(chapter, promise);
  }
  return promise;
}

/** The chapters a search needs: the one it is limited to, or all of them. */
async function loadChapters(options: SearchOptions): Promise<LoadedChapter[]> {
  const index = await loadIndex();
  const wanted = options.chapter === undefined ? index.chapters.map(([c]) => c) : [options.chapter];
  return Promise.all(wanted.map(loadChapter));
}

/** The whole plan text as one corpus (the word-level fallback maps Pagefind's anchors with it). */
export async function loadCorpus(): Promise<Corpus> {
  return joinCorpora((await loadChapters({})).map((c) => c.corpus));
}

/** The page a chapter is read on, with the terms to mark there and the anchor to land on. */
export function hitHref(chapter: number, id: string, query: string): string {
  return `${withBase(chapterPath(chapter))}?${HIGHLIGHT_PARAM}=${encodeURIComponent(query)}#${id}`;
}

export async function searchPlan(raw: string, options: SearchOptions = {}): Promise<PlanResult> {
  const { normalized, terms } = parseQuery(raw);
  if (!terms.length) return { query: normalized, terms, hits: [], byChapter: {} };
  const chapters = await loadChapters(options);
  // Reading order across the chapters loaded, for ties in the ranking.
  const matches = chapters.flatMap((c, k) => matchSections(c.prepared, terms).map((m) => ({ ...m, order: k * 1_000_000 + m.order })));
  const ranked = rankSections(matches, terms);
  // Counts for the chapters searched (all of them unless the search is limited to one).
  const byChapter: Record<number, number> = Object.fromEntries(chapters.map((c) => [c.chapter, 0]));
  for (const m of ranked) byChapter[m.section.chapter] = (byChapter[m.section.chapter] ?? 0) + 1;
  const hits = ranked
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

/** Starts the downloads a search of the whole plan needs; called when the reader first shows intent to search. */
export function preload(): void {
  loadChapters({}).catch(() => {});
  loadPagefind().catch(() => {});
}

/** The Pagefind filter value of a chapter: what the chapter page's <article> declares. */
function chapterFilter(index: CorpusIndex, chapter: number): string {
  return index.chapters.find(([c]) => c === chapter)?.[1] ?? '';
}

/**
 * The Pagefind filter of pages the exact pass does not cover (BaseLayout's 类别): asking only for
 * those, Pagefind fetches nothing for the plan's own pages, which the exact pass has searched.
 */
const OTHER_PAGES = { 类别: '其他' };

/**
 * Pagefind hits. exactOnly: pages other than the plan's own pages whose text holds every term;
 * otherwise (the word-level fallback) every hit, plan pages included, down to the sub-result.
 */
async function searchPages(query: string, terms: string[], options: SearchOptions, exactOnly: boolean): Promise<Hit[]> {
  const [pf, index] = await Promise.all([loadPagefind(), loadIndex()]);
  const filters = { ...(exactOnly ? OTHER_PAGES : {}), ...(options.chapter === undefined ? {} : { 章节: chapterFilter(index, options.chapter) }) };
  const found = await pf.search(terms.join(' '), { filters });
  // The fallback maps Pagefind's anchors on plan pages back to sections: only it needs the whole text.
  const corpus = exactOnly ? undefined : await loadCorpus();
  const sections = new Map(corpus?.sections.map((s) => [s.id, s]));
  const blockSection = new Map(corpus?.blocks.map((b) => [b.id, corpus.sections[b.s]!]));
  const hits: Hit[] = [];
  const pages = await Promise.all(found.results.slice(0, 20).map((r) => r.data()));
  for (const data of pages) {
    const path = new URL(data.url, location.href).pathname;
    const title = data.meta.title?.replace(/ · .*$/, '') ?? path;
    if (exactOnly) {
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
