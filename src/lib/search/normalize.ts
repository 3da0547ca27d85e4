/**
 * Query and text folding for search. The plan prints Latin letters, digits and some symbols in
 * full-width forms ("R＆D", "１２３"), readers type either; both sides are folded the same way
 * (NFKC, lower case, any space → " ") so "R&D" finds "R＆D". Folding works character by
 * character and keeps a map back to the original offsets, so matches can be marked in the
 * original text.
 */

export interface Folded {
  text: string;
  /** map[i] is the offset in the original text of folded character i; map[text.length] is the original length. */
  map: number[];
}

const SPACE = /\s/u;

/** Folds one character (code point) for matching. */
export function foldChar(ch: string): string {
  const folded = ch.normalize('NFKC').toLowerCase();
  return SPACE.test(folded) ? ' ' : folded;
}

export function fold(text: string): Folded {
  let out = '';
  const map: number[] = [];
  let offset = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    for (let i = 0; i < f.length; i++) map.push(offset);
    out += f;
    offset += ch.length;
  }
  map.push(offset);
  return { text: out, map };
}

export function foldText(text: string): string {
  return fold(text).text;
}

/** Quote marks a reader may wrap a phrase in; they are not part of any term. */
const QUOTES = /["'“”‘’「」『』]/gu;

export interface ParsedQuery {
  /** The folded query as the reader meant it, terms joined by one space. */
  normalized: string;
  /** Folded terms, each matched as an exact substring. */
  terms: string[];
}

/** Longest query worth running: longer input is cut rather than refused. */
export const MAX_QUERY_LENGTH = 64;

/**
 * Splits a raw query into folded terms. Spaces (half- or full-width) separate terms; quotes
 * are dropped because every term is matched as an exact phrase anyway.
 */
export function parseQuery(raw: string): ParsedQuery {
  const folded = foldText(raw.slice(0, MAX_QUERY_LENGTH)).replace(QUOTES, ' ');
  const terms = [...new Set(folded.split(' ').filter((t) => t.length > 0))];
  return { normalized: terms.join(' '), terms };
}
