import { correctionTypes, type CorrectionType } from '../plan/corrections.ts';
import { locate } from '../plan/locate.ts';
import { SOURCE_FILE, type Plan, type PlanBlock } from '../plan/outline.ts';

/**
 * plan.json: the whole edition as data. The outline (sections with printed and corrected
 * numbers), every printed block in reading order, the editorial notes with the exact words they
 * mark, and the source's line layout, from which `rebuildSource` restores plan.txt byte for byte.
 */

export interface EditionInfo {
  /** The edition date, YYYY-MM-DD (src/config/edition.ts). */
  edition: string;
  /** The site's base path, for the links in the files ("/" or "/sub/"). */
  base: string;
}

export interface SourceLine {
  /** Leading whitespace as printed; for a line without blocks, the whole line. */
  indent: string;
  /** The blocks printed on the line, in order (two where a heading runs into its paragraph). */
  blocks: string[];
}

export interface PlanJson {
  $schema: string;
  title: string;
  edition: string;
  source: { file: string; sha256: string; lines: SourceLine[] };
  sections: {
    id: string;
    kind: string;
    level: number;
    parent: string | null;
    path: string;
    marker: string;
    printedNumber: number;
    number: number;
    title: string;
    heading: string | null;
    runIn: boolean;
    line: number;
    href: string;
  }[];
  blocks: {
    id: string;
    kind: PlanBlock['kind'];
    section: string;
    chapter: number;
    line: number;
    n: number | null;
    text: string;
    place: string;
    href: string;
  }[];
  notes: {
    id: string;
    type: CorrectionType;
    typeLabel: string;
    target: { id: string; quote: string; start: number; end: number };
    anchor: { id: string; quote: string; at: number } | null;
    reading: string | null;
    footnote: string | null;
    note: string;
  }[];
}

const INDENT = /^[ 　\t]*/u;

/** The source's lines, each as its indentation and the ids of the blocks printed on it. */
export function sourceLines(plan: Plan, source: string): SourceLine[] {
  const byLine = new Map<number, PlanBlock[]>();
  for (const block of plan.blocks) byLine.set(block.line, [...(byLine.get(block.line) ?? []), block]);
  return source.split('\n').map((raw, i) => {
    const blocks = byLine.get(i + 1) ?? [];
    if (!blocks.length) return { indent: raw, blocks: [] };
    const indent = raw.match(INDENT)![0];
    const text = blocks.map((b) => b.text).join('');
    if (indent + text !== raw) throw new Error(`sourceLines: line ${i + 1} is not its indentation and blocks`);
    return { indent, blocks: blocks.map((b) => b.id) };
  });
}

export function planJson(plan: Plan, source: string, sourceSha256: string, info: EditionInfo, title: string): PlanJson {
  const sections = [...plan.sections.values()].sort((a, b) => locate(plan, a.id).order - locate(plan, b.id).order || a.level - b.level);
  const annotationsOf = (id: string) => plan.annotations.filter((a) => a.correctionId === id);
  return {
    $schema: './plan.schema.json',
    title,
    edition: info.edition,
    source: { file: SOURCE_FILE, sha256: sourceSha256, lines: sourceLines(plan, source) },
    sections: sections.map((s) => ({
      id: s.id,
      kind: s.kind,
      level: s.level,
      parent: s.parentId ?? null,
      path: s.path,
      marker: s.marker,
      printedNumber: s.printedValue,
      number: s.value,
      title: s.title,
      heading: s.text || null,
      runIn: s.runIn,
      line: s.line,
      href: locate(plan, s.id, info.base).href,
    })),
    blocks: plan.blocks.map((b) => {
      const at = locate(plan, b.id, info.base);
      return { id: b.id, kind: b.kind, section: b.sectionId, chapter: b.chapter, line: b.line, n: b.kind === 'heading' ? null : b.n, text: b.text, place: at.place, href: at.href };
    }),
    notes: plan.corrections.map((c) => {
      const target = annotationsOf(c.id).find((a) => a.role === 'target')!;
      const anchor = annotationsOf(c.id).find((a) => a.role === 'anchor');
      return {
        id: c.id,
        type: c.type,
        typeLabel: correctionTypes[c.type],
        target: { id: target.blockId, quote: c.target.quote, start: target.start, end: target.end },
        anchor: anchor && c.anchor ? { id: anchor.blockId, quote: c.anchor.quote, at: anchor.start } : null,
        reading: c.reading ?? null,
        footnote: c.footnote ?? null,
        note: c.note,
      };
    }),
  };
}

/** plan.txt again, from plan.json alone: each line's indentation followed by its blocks' text. */
export function rebuildSource(data: Pick<PlanJson, 'source' | 'blocks'>): string {
  const text = new Map(data.blocks.map((b) => [b.id, b.text]));
  return data.source.lines.map((line) => line.indent + line.blocks.map((id) => text.get(id)).join('')).join('\n');
}
