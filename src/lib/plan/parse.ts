import { DataError } from '../errors.ts';
import { CORRECTIONS_FILE } from './corrections.ts';
import { parseChineseNumeral } from './numerals.ts';

/**
 * Step 1 of the pipeline: source text → flat list of blocks, one per source paragraph
 * (or two, where a heading runs into its body and a heading-split note says where).
 * Nothing here decides ids; it only recognises the shapes the plan prints.
 */

export type HeadingKind = 'chapter' | 'section' | 'subsection' | 'item';
export type BlockKind = HeadingKind | 'keyTechnology' | 'figure' | 'paragraph';

export interface SourceBlock {
  kind: BlockKind;
  /** 1-based line in the source file. Both halves of a split paragraph keep the same line. */
  line: number;
  /** The block's text exactly as printed, without the leading indentation. */
  text: string;
  /** For numbered blocks: the printed marker ("一、", "（三）", "3.", "（10）", "关键技术12", "图1（略）"). */
  marker?: string;
  /** The printed number as an integer. */
  value?: number;
  /** Whitespace printed between marker and title (kept so the text survives intact). */
  gap?: string;
  /** The title after the marker and gap. */
  title?: string;
  /** Set on both halves of a paragraph split by a heading-split note. */
  splitBy?: string;
}

export interface HeadingSplit {
  /** Correction id, used in error messages. */
  noteId: string;
  /** The text around the split point, with "|" where the heading ends. */
  quote: string;
}

const SHAPES: { kind: BlockKind; pattern: RegExp; value: (m: RegExpMatchArray) => number }[] = [
  { kind: 'chapter', pattern: /^([一二三四五六七八九十]+)、([ 　]*)(.+)$/u, value: (m) => parseChineseNumeral(m[1]!) },
  { kind: 'section', pattern: /^（([一二三四五六七八九十]+)）([ 　]*)(.+)$/u, value: (m) => parseChineseNumeral(m[1]!) },
  { kind: 'subsection', pattern: /^(\d+)[、.]([ 　]*)(.+)$/u, value: (m) => Number(m[1]) },
  { kind: 'item', pattern: /^（(\d+)）([ 　]*)(.+)$/u, value: (m) => Number(m[1]) },
  { kind: 'keyTechnology', pattern: /^关键技术(\d+)([ 　]+)(.+)$/u, value: (m) => Number(m[1]) },
  { kind: 'figure', pattern: /^图(\d+)（略）()()$/u, value: (m) => Number(m[1]) },
];

export function classify(text: string, line: number): SourceBlock {
  for (const shape of SHAPES) {
    const m = text.match(shape.pattern);
    if (!m) continue;
    const gap = m[2] ?? '';
    const title = m[3] ?? '';
    const marker = shape.kind === 'figure' ? text : text.slice(0, text.length - gap.length - title.length);
    return { kind: shape.kind, line, text, marker, value: shape.value(m), gap, title };
  }
  return { kind: 'paragraph', line, text };
}

const INDENT = /^[ 　\t]*/u;

export const SPLIT_MARK = '|';

/**
 * Parses the source. Lossless by construction: every non-blank line becomes blocks whose
 * texts, re-joined, equal the line minus its indentation (see `reconstructSource`).
 */
export function parseSource(source: string, splits: HeadingSplit[] = [], file = 'content/source/plan.txt'): SourceBlock[] {
  if (source.includes('\r')) throw new DataError(file, '', 'carriage returns found; the source must use LF line endings');
  const blocks: SourceBlock[] = [];
  const used = new Map<string, number>();
  source.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const text = raw.slice(raw.match(INDENT)![0].length);
    if (text.trim() === '') return;
    if (text !== text.trimEnd()) throw new DataError(file, `line ${line}`, 'trailing whitespace in a paragraph; the source may have been altered');
    const split = splits.find((s) => text.includes(s.quote.replace(SPLIT_MARK, '')));
    if (!split) {
      blocks.push(classify(text, line));
      return;
    }
    if (used.has(split.noteId)) {
      throw new DataError(CORRECTIONS_FILE, `note "${split.noteId}"`, `heading-split quote "${split.quote}" matches more than one paragraph (lines ${used.get(split.noteId)} and ${line})`);
    }
    used.set(split.noteId, line);
    const at = text.indexOf(split.quote.replace(SPLIT_MARK, '')) + split.quote.indexOf(SPLIT_MARK);
    const heading = classify(text.slice(0, at), line);
    if (heading.kind === 'paragraph') {
      throw new DataError(CORRECTIONS_FILE, `note "${split.noteId}"`, `heading-split at line ${line} leaves "${text.slice(0, at)}", which is not a numbered heading`);
    }
    blocks.push({ ...heading, splitBy: split.noteId }, { ...classify(text.slice(at), line), kind: 'paragraph', splitBy: split.noteId });
  });
  for (const split of splits) {
    if (!split.quote.includes(SPLIT_MARK)) {
      throw new DataError(CORRECTIONS_FILE, `note "${split.noteId}"`, `heading-split quote "${split.quote}" must mark the split point with "${SPLIT_MARK}"`);
    }
    if (!used.has(split.noteId)) {
      throw new DataError(CORRECTIONS_FILE, `note "${split.noteId}"`, `heading-split quote "${split.quote.replace(SPLIT_MARK, '')}" is not found in the source text`);
    }
  }
  return blocks;
}

/** Rebuilds each source line's text from the blocks: the proof that parsing loses nothing. */
export function reconstructLines(blocks: SourceBlock[]): Map<number, string> {
  const lines = new Map<number, string>();
  for (const block of blocks) lines.set(block.line, (lines.get(block.line) ?? '') + block.text);
  return lines;
}
