import type { Plan } from '../plan/outline.ts';

/**
 * The plan as search sees it: every section with its place in the numbering, and every block of
 * its own text (heading, paragraphs, key technologies, figure lines) with the anchor id it is
 * shown under. Built from the parsed source, so it is also the ground truth for the benchmark,
 * and it is what the exact-substring search runs over in the browser (written as JSON at build).
 */

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
  sectionIndex('preamble');

  const blocks: CorpusBlock[] = [];
  for (const ref of plan.sequence) {
    if (ref.type === 'heading') {
      const s = sectionIndex(ref.id);
      blocks.push({ id: ref.id, s, k: 'h', text: plan.sections.get(ref.id)!.text });
    } else if (ref.type === 'paragraph') {
      const p = plan.paragraphs.get(ref.id)!;
      blocks.push({ id: p.id, s: sectionIndex(p.sectionId), k: 'p', text: p.text });
    } else if (ref.type === 'keyTechnology') {
      const kt = plan.keyTechnologies.get(ref.id)!;
      blocks.push({ id: kt.id, s: sectionIndex(kt.sectionId), k: 'k', text: kt.text });
    } else {
      const fig = plan.figures.get(ref.id)!;
      blocks.push({ id: fig.id, s: sectionIndex(fig.sectionId), k: 'f', text: fig.text });
    }
  }
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
