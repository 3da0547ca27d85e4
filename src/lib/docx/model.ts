import type { Annotation, Plan, PlanBlock } from '../plan/outline.ts';
import { footnoteContent, type FootnoteParagraph } from './notes.ts';

/**
 * The Word edition of one chapter (or of the whole plan) as a plain list of what to write, in
 * reading order: headings, paragraphs and figure slots, each holding the plan's own words and
 * the places where editorial footnotes are referenced. No docx types here, so the order and
 * the words are unit-tested without opening a Word file; document.ts turns this into OOXML.
 */

/** A stretch of the plan's own words. */
export interface TextInline {
  kind: 'text';
  text: string;
  /** Printed bold: a run-in lead, a label ("科技创新投入：") or a key technology's marker. */
  strong?: boolean;
  /** The words an editorial note is about (shown with a dotted underline, never changed). */
  noteTarget?: boolean;
}

/** Where a footnote is referenced; the footnote itself is `footnotes[index]` of the model. */
export interface FootnoteInline { kind: 'footnote'; index: number }

/**
 * A second place that the same note concerns (the misplaced words of a misplaced footnote):
 * a cross-reference to the footnote's number, so one note stays one footnote.
 */
export interface NoteRefInline { kind: 'noteRef'; index: number }

export type Inline = TextInline | FootnoteInline | NoteRefInline;

export type DocItem =
  | { kind: 'heading'; id: string; level: 1 | 2 | 3 | 4; inlines: Inline[] }
  | { kind: 'paragraph'; id: string; inlines: Inline[] }
  /** "图N（略）" as printed; document.ts adds the rebuilt figure after it. */
  | { kind: 'figure'; id: string; n: number; inlines: Inline[] };

export interface Footnote {
  /** The editorial note (corrections.yaml id) this footnote carries. */
  noteId: string;
  paragraphs: FootnoteParagraph[];
}

export interface DocModel {
  /** The chapter (1–6), or undefined for the whole plan (前言 and every chapter). */
  chapter?: number;
  items: DocItem[];
  /** In order of reference, so footnote k is Word's footnote number k + 1. */
  footnotes: Footnote[];
}

/** Which blocks a document holds: one chapter, or everything (the preamble included). */
function blocksIn(plan: Plan, chapter: number | undefined): PlanBlock[] {
  return chapter === undefined ? plan.blocks : plan.blocks.filter((b) => b.chapter === chapter);
}

/**
 * Where each note's footnote goes: where the footnote belongs (a misplaced footnote's anchor)
 * when that place is in this document, else the first place the note concerns. Every other
 * annotation of the same note becomes a cross-reference to it.
 */
function homes(annotations: Annotation[], order: Map<string, number>): Set<Annotation> {
  const byNote = new Map<string, Annotation[]>();
  for (const a of annotations) byNote.set(a.correctionId, [...(byNote.get(a.correctionId) ?? []), a]);
  const position = (a: Annotation) => order.get(a.blockId)! * 1e6 + a.start;
  return new Set([...byNote.values()].map((list) => list.find((a) => a.role === 'anchor') ?? list.sort((x, y) => position(x) - position(y))[0]!));
}

export function documentModel(plan: Plan, chapter?: number): DocModel {
  if (chapter !== undefined && !plan.chapters.some((c) => c.chapter === chapter)) throw new Error(`documentModel: the plan has no chapter ${chapter}`);
  const blocks = blocksIn(plan, chapter);
  const order = new Map(blocks.map((b, i) => [b.id, i]));
  const annotations = plan.annotations.filter((a) => order.has(a.blockId));
  const home = homes(annotations, order);
  const footnotes: Footnote[] = [];
  const indexOf = new Map<string, number>();

  // Footnotes are numbered in reading order, the way Word numbers them.
  const footnoteIndex = (noteId: string): number => {
    let index = indexOf.get(noteId);
    if (index === undefined) {
      const correction = plan.corrections.find((c) => c.id === noteId);
      if (!correction) throw new Error(`documentModel: unknown editorial note ${noteId}`);
      index = footnotes.push({ noteId, paragraphs: footnoteContent(correction) }) - 1;
      indexOf.set(noteId, index);
    }
    return index;
  };
  // A cross-reference can come before its footnote in reading order; number the footnotes first.
  const sorted = [...home].sort((x, y) => order.get(x.blockId)! - order.get(y.blockId)! || x.start - y.start);
  for (const a of sorted) footnoteIndex(a.correctionId);

  const notesOf = (id: string) => annotations.filter((a) => a.blockId === id).sort((x, y) => x.start - y.start || x.end - y.end);
  const inlinesOf = (id: string, text: string, strongLength = 0): Inline[] => {
    const out: Inline[] = [];
    const words = (from: number, to: number, noteTarget: boolean) => {
      // The bold prefix (lead, label, marker) can end inside or outside a note's range.
      for (const [a, b, strong] of [[from, Math.min(to, strongLength), true], [Math.max(from, strongLength), to, false]] as const) {
        if (b > a) out.push({ kind: 'text', text: text.slice(a, b), ...(strong ? { strong } : {}), ...(noteTarget ? { noteTarget } : {}) });
      }
    };
    let cursor = 0;
    for (const a of notesOf(id)) {
      if (a.start < cursor) throw new Error(`overlapping editorial notes at ${id}: ${a.correctionId}`);
      words(cursor, a.start, false);
      words(a.start, a.end, true);
      out.push(home.has(a) ? { kind: 'footnote', index: footnoteIndex(a.correctionId) } : { kind: 'noteRef', index: footnoteIndex(a.correctionId) });
      cursor = a.end;
    }
    words(cursor, text.length, false);
    return out;
  };

  const items = blocks.map((block): DocItem => {
    switch (block.kind) {
      case 'heading': {
        const section = plan.sections.get(block.id)!;
        return { kind: 'heading', id: block.id, level: section.level as 1 | 2 | 3 | 4, inlines: inlinesOf(block.id, block.text) };
      }
      case 'paragraph':
        return { kind: 'paragraph', id: block.id, inlines: inlinesOf(block.id, block.text, block.leadLength ?? block.labelLength ?? 0) };
      case 'keyTechnology':
        return { kind: 'paragraph', id: block.id, inlines: inlinesOf(block.id, block.text, block.marker.length) };
      case 'figure':
        return { kind: 'figure', id: block.id, n: block.n, inlines: inlinesOf(block.id, block.text) };
    }
  });
  return { ...(chapter === undefined ? {} : { chapter }), items, footnotes };
}

/** The plan's words of an item, as printed (what a reader of the Word file must get back). */
export function itemText(item: DocItem): string {
  return item.inlines.map((i) => (i.kind === 'text' ? i.text : '')).join('');
}
