import type { Corpus, CorpusBlock, CorpusSection } from './corpus.ts';
import { fold, type Folded } from './normalize.ts';

/**
 * Exact-substring search over the corpus: a section matches when its own text (heading,
 * paragraphs, key technologies, figure lines) contains every term. This is the definition of
 * the ground truth, and the search the site falls back to where word-based search misses.
 */

export interface Range { start: number; end: number }

export interface BlockMatch {
  block: CorpusBlock;
  /** Ranges in the original block text, sorted, not overlapping. */
  ranges: Range[];
}

export interface SectionMatch {
  section: CorpusSection;
  /** Reading-order position of the section, for stable ties. */
  order: number;
  /** Every term occurs in the printed heading. */
  headingMatch: boolean;
  /** Number of term occurrences in the section's own text. */
  count: number;
  /** Blocks holding at least one term, in reading order. */
  blocks: BlockMatch[];
}

export function findRanges(folded: Folded, terms: string[]): Range[] {
  const found: Range[] = [];
  for (const term of terms) {
    for (let at = folded.text.indexOf(term); at >= 0; at = folded.text.indexOf(term, at + term.length)) {
      found.push({ start: folded.map[at]!, end: folded.map[at + term.length]! });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Range[] = [];
  for (const r of found) {
    const last = merged.at(-1);
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** Folds every block once; reuse the result across queries. */
export function prepareCorpus(corpus: Corpus): { corpus: Corpus; folded: Folded[] } {
  return { corpus, folded: corpus.blocks.map((b) => fold(b.text)) };
}

export type PreparedCorpus = ReturnType<typeof prepareCorpus>;

export function matchSections(prepared: PreparedCorpus, terms: string[]): SectionMatch[] {
  if (terms.length === 0) return [];
  const { corpus, folded } = prepared;
  const bySection = new Map<number, { blocks: BlockMatch[]; text: string; heading: string }>();
  corpus.blocks.forEach((block, i) => {
    const entry = bySection.get(block.s) ?? { blocks: [], text: '', heading: '' };
    bySection.set(block.s, entry);
    const f = folded[i]!;
    entry.text += `${f.text}\n`;
    if (block.k === 'h') entry.heading = f.text;
    const ranges = findRanges(f, terms);
    if (ranges.length) entry.blocks.push({ block, ranges });
  });
  const runInHeading = (s: CorpusSection) => fold(s.heading).text;
  const matches: SectionMatch[] = [];
  for (const [s, entry] of bySection) {
    if (!terms.every((t) => entry.text.includes(t))) continue;
    const section = corpus.sections[s]!;
    const heading = entry.heading || runInHeading(section);
    matches.push({
      section,
      order: s,
      headingMatch: heading !== '' && terms.every((t) => heading.includes(t)),
      count: entry.blocks.reduce((n, b) => n + b.ranges.length, 0),
      blocks: entry.blocks,
    });
  }
  return matches.sort((a, b) => a.order - b.order);
}

/** The ground truth for a query: ids of the sections whose own text contains every term. */
export function groundTruth(prepared: PreparedCorpus, terms: string[]): string[] {
  return matchSections(prepared, terms).map((m) => m.section.id);
}
