import type { Plan } from '../plan/outline.ts';

/**
 * The plan as search sees it: every section with its place in the numbering, and every block of
 * its own text (heading, paragraphs, key technologies, figure lines) with the anchor id it is
 * shown under. Built from the parsed source, so it is also the ground truth for the benchmark,
 * and it is what the exact-substring search runs over in the browser (written as JSON at build).
 */

/**
 * Where the corpus is published, relative to the site root (written by pipeline/pagefind.ts):
 * one file per chapter (0 is the preamble), so a search limited to a chapter loads only its
 * text, and an index of the chapters.
 */
export const CORPUS_DIR = 'search/plan-text';
export const CORPUS_INDEX = `${CORPUS_DIR}/index.json`;
export const corpusChapterPath = (chapter: number) => `${CORPUS_DIR}/${chapter}.json`;

export interface CorpusSection {
  id: string;
  /** Place in the plan's numbering ("五（一）2（2）"); "前言" for the preamble. */
  path: string;
  title: string;
  /** The heading as printed; for a run-in principle its lead sentence; empty for the preamble. */
  heading: string;
  chapter: number;
}

export interface CorpusBlock {
  /** The anchor id of the element that shows the text. */
  id: string;
  /** Index into Corpus.sections of the section that owns the text. */
  s: number;
  /** "h" heading, "p" paragraph, "k" key technology, "f" figure line. */
  k: 'h' | 'p' | 'k' | 'f';
  text: string;
}

export interface Corpus {
  sections: CorpusSection[];
  blocks: CorpusBlock[];
}

export function buildCorpus(plan: Plan): Corpus {
  const sections: CorpusSection[] = [];
  const index = new Map<string, number>();
  const addSection = (id: string) => {
    const s = plan.sections.get(id);
    if (!s) throw new Error(`search corpus: unknown section ${id}`);
    index.set(id, sections.length);
    sections.push({ id, path: s.path, title: s.title, heading: s.runIn ? s.title : s.text, chapter: s.chapter });
    return index.get(id)!;
  };
  const sectionIndex = (id: string) => index.get(id) ?? addSection(id);
  sectionIndex(plan.root.id);

  const KIND = { heading: 'h', paragraph: 'p', keyTechnology: 'k', figure: 'f' } as const;
  const blocks: CorpusBlock[] = plan.blocks.map((b) => ({ id: b.id, s: sectionIndex(b.sectionId), k: KIND[b.kind], text: b.text }));
  return { sections, blocks };
}

/** The compact wire form written at build time (arrays rather than objects: about a fifth smaller). */
export interface CorpusFile {
  v: 1;
  sections: [id: string, path: string, title: string, heading: string, chapter: number][];
  blocks: [id: string, s: number, k: CorpusBlock['k'], text: string][];
}

export function toCorpusFile(corpus: Corpus): CorpusFile {
  return {
    v: 1,
    sections: corpus.sections.map((s) => [s.id, s.path, s.title, s.heading, s.chapter]),
    blocks: corpus.blocks.map((b) => [b.id, b.s, b.k, b.text]),
  };
}

export function fromCorpusFile(file: CorpusFile): Corpus {
  if (file?.v !== 1) throw new Error('search corpus: unsupported format');
  return {
    sections: file.sections.map(([id, path, title, heading, chapter]) => ({ id, path, title, heading, chapter })),
    blocks: file.blocks.map(([id, s, k, text]) => ({ id, s, k, text })),
  };
}

/** The chapters the corpus is split into: number and heading (the Pagefind 章节 filter's value). */
export interface CorpusIndex { v: 1; chapters: [chapter: number, heading: string][] }

/** The corpus of one chapter: its own sections, with the blocks' section numbers counted from 0. */
export function chapterCorpus(corpus: Corpus, chapter: number): Corpus {
  const keep = corpus.sections.map((s, i) => [s, i] as const).filter(([s]) => s.chapter === chapter);
  const local = new Map(keep.map(([, i], k) => [i, k]));
  return {
    sections: keep.map(([s]) => s),
    blocks: corpus.blocks.filter((b) => local.has(b.s)).map((b) => ({ ...b, s: local.get(b.s)! })),
  };
}

/** Chapters back into one corpus, in the order given (reading order when given in order). */
export function joinCorpora(parts: readonly Corpus[]): Corpus {
  const out: Corpus = { sections: [], blocks: [] };
  for (const part of parts) {
    const offset = out.sections.length;
    out.sections.push(...part.sections);
    out.blocks.push(...part.blocks.map((b) => ({ ...b, s: b.s + offset })));
  }
  return out;
}

/** What pipeline/pagefind.ts publishes: the index and one file per chapter. */
export function corpusFiles(corpus: Corpus, headings: ReadonlyMap<number, string>): { path: string; json: string }[] {
  const chapters = [...new Set(corpus.sections.map((s) => s.chapter))].sort((a, b) => a - b);
  const index: CorpusIndex = { v: 1, chapters: chapters.map((c) => [c, headings.get(c) ?? '']) };
  return [
    { path: CORPUS_INDEX, json: JSON.stringify(index) },
    ...chapters.map((c) => ({ path: corpusChapterPath(c), json: JSON.stringify(toCorpusFile(chapterCorpus(corpus, c))) })),
  ];
}
