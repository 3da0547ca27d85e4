import { DataError } from '../errors.ts';
import type { Correction } from './corrections.ts';
import { CORRECTIONS_FILE } from './corrections.ts';
import { figureId, keyTechnologyId, paragraphId, PREAMBLE_ID, sectionId } from './ids.ts';
import { parseChineseNumeral, toChineseNumeral } from './numerals.ts';
import { parseSource, SPLIT_MARK, type HeadingKind, type SourceBlock } from './parse.ts';

/**
 * Step 2: blocks + editorial notes → the plan's outline with stable ids.
 * Ids follow the plan's own numbering (corrected where a note says the print is wrong),
 * so they can be cited and never depend on wording.
 */

export const SOURCE_FILE = 'content/source/plan.txt';

const LEVEL: Record<HeadingKind, 1 | 2 | 3 | 4> = { chapter: 1, section: 2, subsection: 3, item: 4 };

export interface PlanSection {
  id: string;
  kind: 'preamble' | HeadingKind;
  level: 0 | 1 | 2 | 3 | 4;
  line: number;
  /** The heading as printed ("（三） 构建四大创新体系"); empty for the preamble. */
  text: string;
  marker: string;
  title: string;
  /** The number the id uses (the corrected one, where a numbering note applies). */
  value: number;
  printedValue: number;
  /** The place in the plan's numbering, e.g. "四（三）1（10）". */
  path: string;
  chapter: number;
  parentId?: string;
  childIds: string[];
  paragraphIds: string[];
  /** A numbered principle printed as one paragraph ("1、…相结合。紧密联系…"): no heading of its own. */
  runIn: boolean;
}

interface BlockCommon {
  id: string;
  /** 1-based line of the source file (both halves of a split line keep the same one). */
  line: number;
  /** The block's words exactly as printed, without indentation. */
  text: string;
  /** The section the block belongs to (a heading's own section). */
  sectionId: string;
  chapter: number;
}

/** A numbered heading; its id is its section's id. */
export interface HeadingBlock extends BlockCommon { kind: 'heading' }

export interface ParagraphBlock extends BlockCommon {
  kind: 'paragraph';
  /** 1-based position among the section's own paragraphs. */
  n: number;
  /** Length of a run-in lead ("1、国家战略与区域发展相结合。") at the start of text. */
  leadLength?: number;
  /** Length of a label ("科技创新投入：") at the start of text. */
  labelLength?: number;
}

/** "关键技术12 …" in 五（二）. */
export interface KeyTechnologyBlock extends BlockCommon {
  kind: 'keyTechnology';
  n: number;
  marker: string;
  title: string;
}

/** "图N（略）": where the print omits a figure. */
export interface FigureBlock extends BlockCommon {
  kind: 'figure';
  n: number;
}

/** Everything the plan prints, one block per printed paragraph (or heading). */
export type PlanBlock = HeadingBlock | ParagraphBlock | KeyTechnologyBlock | FigureBlock;
export type BlockKind = PlanBlock['kind'];
export type BlockOf<K extends BlockKind> = Extract<PlanBlock, { kind: K }>;

export interface Annotation {
  correctionId: string;
  /** Id of the heading, paragraph or key technology whose text holds the range. */
  blockId: string;
  start: number;
  end: number;
  /** "target": the text the note is about; "anchor": where a misplaced footnote belongs. */
  role: 'target' | 'anchor';
}

export interface Plan {
  /** The 前言: the root of the outline. */
  root: PlanSection;
  /** The chapters 一…六, in order. */
  chapters: PlanSection[];
  /** Every section by id, the root included. */
  sections: Map<string, PlanSection>;
  /** Everything printed, in reading order. */
  blocks: PlanBlock[];
  /** The blocks by id. */
  blockById: Map<string, PlanBlock>;
  corrections: Correction[];
  annotations: Annotation[];
}

/** The blocks of one kind, in reading order. */
export function blocksOf<K extends BlockKind>(plan: Plan, kind: K): BlockOf<K>[] {
  return plan.blocks.filter((b): b is BlockOf<K> => b.kind === kind);
}

/** The block with this id, if it is of this kind. */
export function blockOf<K extends BlockKind>(plan: Plan, id: string, kind: K): BlockOf<K> | undefined {
  const block = plan.blockById.get(id);
  return block?.kind === kind ? (block as BlockOf<K>) : undefined;
}

const LABEL = /^([^，。：；、“”《》（）]{2,8})：/u;

function sectionPath(kind: HeadingKind, value: number, parentPath: string): string {
  switch (kind) {
    case 'chapter': return toChineseNumeral(value);
    case 'section': return `${parentPath}（${toChineseNumeral(value)}）`;
    case 'subsection': return `${parentPath}${value}`;
    case 'item': return `${parentPath}（${value}）`;
  }
}

export function buildPlan(source: string, corrections: Correction[]): Plan {
  const splits = corrections.filter((c) => c.type === 'heading-split').map((c) => ({ noteId: c.id, quote: c.target.quote }));
  const sourceBlocks = parseSource(source, splits, SOURCE_FILE);
  const renumber = resolveNumbering(sourceBlocks, corrections);
  const gapAllowed = new Set(corrections.filter((c) => c.type === 'numbering-gap').map((c) => c.target.id));

  const root: PlanSection = { id: PREAMBLE_ID, kind: 'preamble', level: 0, line: 1, text: '', marker: '', title: '前言', value: 0, printedValue: 0, path: '前言', chapter: 0, childIds: [], paragraphIds: [], runIn: false };
  const plan: Plan = { root, chapters: [], sections: new Map([[root.id, root]]), blocks: [], blockById: new Map(), corrections, annotations: [] };
  const counts = { keyTechnology: 0, figure: 0 };
  const add = (block: PlanBlock) => {
    plan.blocks.push(block);
    plan.blockById.set(block.id, block);
  };

  // stack[level] is the open section at that level; stack[0] is the preamble (the root).
  const stack: PlanSection[] = [root];
  const current = () => stack[stack.length - 1]!;
  const where = (b: SourceBlock) => `line ${b.line}`;

  const addParagraph = (block: SourceBlock, extra: Partial<ParagraphBlock> = {}) => {
    const section = current();
    const n = section.paragraphIds.length + 1;
    const paragraph: ParagraphBlock = { kind: 'paragraph', id: paragraphId(section.id, n), sectionId: section.id, n, line: block.line, text: block.text, chapter: section.chapter, ...extra };
    const label = section.kind !== 'preamble' && !extra.leadLength ? block.text.match(LABEL) : null;
    if (label) paragraph.labelLength = label[0].length;
    section.paragraphIds.push(paragraph.id);
    add(paragraph);
  };

  for (const block of sourceBlocks) {
    if (block.kind === 'paragraph') { addParagraph(block); continue; }

    if (block.kind === 'keyTechnology' || block.kind === 'figure') {
      const expected = ++counts[block.kind];
      if (block.value !== expected) {
        throw new DataError(SOURCE_FILE, where(block), `"${block.marker}" is out of sequence: expected number ${expected}`);
      }
      const common = { n: block.value, line: block.line, text: block.text, sectionId: current().id, chapter: current().chapter };
      if (block.kind === 'keyTechnology') add({ kind: 'keyTechnology', id: keyTechnologyId(block.value), ...common, marker: block.marker!, title: block.title! });
      else add({ kind: 'figure', id: figureId(block.value), ...common });
      continue;
    }

    const level = LEVEL[block.kind];
    if (level > stack.length) {
      throw new DataError(SOURCE_FILE, where(block), `heading "${block.text}" has no parent: a level-${level} heading needs a level-${level - 1} heading before it`);
    }
    stack.length = level;
    const parent = current();
    const value = renumber.get(block) ?? block.value!;
    const siblings = parent.childIds.map((id) => plan.sections.get(id)!).filter((s) => s.kind === block.kind);
    const expected = (siblings.at(-1)?.value ?? 0) + 1;
    const id = sectionId(parent.id, value);
    if (value !== expected && !(value > expected && gapAllowed.has(id))) {
      throw new DataError(SOURCE_FILE, where(block), `heading "${block.text}" is numbered ${value} where ${expected} was expected; if the print is wrong, add a "numbering" or "numbering-gap" note to ${CORRECTIONS_FILE}`);
    }
    if (plan.sections.has(id)) throw new DataError(SOURCE_FILE, where(block), `id ${id} is already used`);

    // A numbered line that holds a full sentence is either a principle with a short run-in lead
    // ("1、国家战略与区域发展相结合。紧密联系…") or a heading run into its body, which only a
    // heading-split note can cut correctly; the latter must not pass silently as a long heading.
    const sentenceEnd = block.splitBy ? -1 : block.title!.search(/[。；]/u);
    const runIn = sentenceEnd >= 0;
    if (runIn && (block.kind === 'chapter' || block.kind === 'section' || /[，,]/u.test(block.title!.slice(0, sentenceEnd)))) {
      throw new DataError(SOURCE_FILE, where(block), `numbered line "${block.text.slice(0, 30)}…" runs on past its heading into body text; add a "heading-split" note to ${CORRECTIONS_FILE} marking where the heading ends`);
    }
    const section: PlanSection = {
      id, kind: block.kind, level, line: block.line,
      text: runIn ? '' : block.text,
      marker: block.marker!,
      title: runIn ? block.title!.slice(0, sentenceEnd + 1) : block.title!,
      value, printedValue: block.value!,
      path: sectionPath(block.kind, value, parent.id === PREAMBLE_ID ? '' : parent.path),
      chapter: block.kind === 'chapter' ? value : parent.chapter,
      parentId: parent.id, childIds: [], paragraphIds: [], runIn,
    };
    parent.childIds.push(id);
    plan.sections.set(id, section);
    if (level === 1) plan.chapters.push(section);
    stack.push(section);
    if (runIn) {
      addParagraph(block, { leadLength: block.marker!.length + block.gap!.length + sentenceEnd + 1 });
    } else {
      add({ kind: 'heading', id, line: block.line, text: block.text, sectionId: id, chapter: section.chapter });
    }
  }

  plan.annotations = annotate(plan, corrections);
  return plan;
}

/** Numbering notes: find the heading each one quotes and give it the corrected number. */
function resolveNumbering(blocks: SourceBlock[], corrections: Correction[]): Map<SourceBlock, number> {
  const result = new Map<SourceBlock, number>();
  for (const c of corrections.filter((c) => c.type === 'numbering')) {
    const matches = blocks.filter((b) => b.kind !== 'paragraph' && b.text.includes(c.target.quote));
    if (matches.length !== 1) {
      throw new DataError(CORRECTIONS_FILE, `note "${c.id}"`, matches.length === 0
        ? `quote "${c.target.quote}" is not found in any heading`
        : `quote "${c.target.quote}" matches ${matches.length} headings (lines ${matches.map((m) => m.line).join(', ')}); quote more of the heading`);
    }
    const reading = c.reading!.match(/\d+|[一二三四五六七八九十]+/u)?.[0];
    const block = matches[0]!;
    const noNumber = () => new DataError(CORRECTIONS_FILE, `note "${c.id}"`, `reading "${c.reading}" holds no number`);
    if (reading === undefined) throw noNumber();
    let corrected: number;
    try {
      corrected = /\d/.test(reading) ? Number(reading) : parseChineseNumeral(reading);
    } catch {
      throw noNumber();
    }
    result.set(block, corrected);
  }
  return result;
}

function findQuote(plan: Plan, c: Correction, target: { id: string; quote: string }, role: Annotation['role']): Annotation {
  const text = plan.blockById.get(target.id)?.text;
  const node = `note "${c.id}" → ${role === 'anchor' ? 'anchor' : 'target'}`;
  if (text === undefined) throw new DataError(CORRECTIONS_FILE, node, `id ${target.id} does not exist in the plan (or has no text of its own)`);
  const quote = target.quote.replace(SPLIT_MARK, '');
  const start = text.indexOf(quote);
  if (start < 0) throw new DataError(CORRECTIONS_FILE, node, `quote "${quote}" is not found in ${target.id}, which reads "${text.slice(0, 40)}…"`);
  if (text.indexOf(quote, start + 1) >= 0) throw new DataError(CORRECTIONS_FILE, node, `quote "${quote}" occurs more than once in ${target.id}; quote more text`);
  if (role === 'anchor') return { correctionId: c.id, blockId: target.id, start: start + quote.length, end: start + quote.length, role };
  return { correctionId: c.id, blockId: target.id, start, end: start + quote.length, role };
}

function annotate(plan: Plan, corrections: Correction[]): Annotation[] {
  const annotations: Annotation[] = [];
  for (const c of corrections) {
    if (c.type === 'heading-split') {
      const heading = plan.sections.get(c.target.id);
      const before = c.target.quote.split(SPLIT_MARK)[0]!;
      if (!heading || !heading.text.endsWith(before)) {
        throw new DataError(CORRECTIONS_FILE, `note "${c.id}" → target`, `after the split, ${c.target.id} should be the heading ending "${before}"${heading ? `, but it reads "${heading.text}"` : ', but no such heading exists'}`);
      }
      annotations.push({ correctionId: c.id, blockId: heading.id, start: heading.text.length, end: heading.text.length, role: 'target' });
      continue;
    }
    annotations.push(findQuote(plan, c, c.target, 'target'));
    if (c.anchor) annotations.push(findQuote(plan, c, c.anchor, 'anchor'));
  }
  return annotations;
}
