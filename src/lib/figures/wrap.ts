/**
 * Line breaking for CJK labels in build-time SVG. Node has no font metrics, so widths are
 * estimated in em: a CJK glyph (or full-width punctuation) is 1em, Latin letters and digits
 * about 0.55em. Lines break between characters (Chinese has no spaces) but follow the usual
 * kinsoku rules: a line never starts with closing punctuation (，。、；：）》” …) and never ends
 * with opening punctuation (（《“ …); a run of Latin letters/digits ("100MW") is not split.
 */

/** May not start a line. */
export const CLOSING = new Set([...'，。、；：？！）》」』】〕〉”’…·—％,.;:?!)]}%～']);
/** May not end a line. */
export const OPENING = new Set([...'（《「『【〔〈“‘([{']);

const NARROW = /[\u0020-\u007e\u00a0-\u00ff]/u;

/** Estimated advance of one character, in em. */
export function glyphWidth(ch: string): number {
  if (ch === ' ') return 0.3;
  if (NARROW.test(ch)) return 0.55;
  return 1;
}

/** Estimated width of a text, in em. */
export function measure(text: string): number {
  let width = 0;
  for (const ch of text) width += glyphWidth(ch);
  return Math.round(width * 100) / 100;
}

/**
 * Units that are never split: one CJK character, or a run of Latin letters and digits, half- or
 * full-width as the plan prints them ("100MW", "R＆D", "1.5%").
 */
const ALNUM = 'A-Za-z0-9\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A';
const UNIT = new RegExp(`[${ALNUM}][${ALNUM}.\\-+/&\uFF06\uFF0E]*[${ALNUM}%\uFF05]|[${ALNUM}]|[\\s\\S]`, 'gu');
function units(text: string): string[] {
  return text.match(UNIT) ?? [];
}

/**
 * How strongly each pair of adjacent characters holds together, so a line does not break inside
 * 市场, 建筑 or 吸收. There is no Chinese dictionary at build time, so it is learnt from the plan's
 * own text by pointwise mutual information: two characters that occur together far more often
 * than their own frequencies predict are most likely one word (吸收, 市场), while a pair made
 * of common characters that merely meet (的技, 技创) is not. The strength grows with the PMI and
 * is not capped: in a fixed phrase every pair holds, and the line should break at the weakest.
 */
export type Lexicon = ReadonlyMap<string, number>;

const HAN = /^\p{Script=Han}$/u;
/** PMI (bits) below which a pair says nothing, and how many bits make a strength of 1. */
const PMI_FLOOR = 3;
const PMI_UNIT = 5;

export function learnLexicon(texts: Iterable<string>): Lexicon {
  const single = new Map<string, number>();
  const pairs = new Map<string, number>();
  let total = 0;
  for (const text of texts) {
    const chars = [...text];
    chars.forEach((ch, i) => {
      if (!HAN.test(ch)) return;
      total++;
      single.set(ch, (single.get(ch) ?? 0) + 1);
      const prev = chars[i - 1];
      if (prev && HAN.test(prev)) pairs.set(prev + ch, (pairs.get(prev + ch) ?? 0) + 1);
    });
  }
  const lexicon = new Map<string, number>();
  for (const [pair, count] of pairs) {
    const [a, b] = [...pair] as [string, string];
    const pmi = Math.log2((count * total) / (single.get(a)! * single.get(b)!));
    const strength = (pmi - PMI_FLOOR) / PMI_UNIT;
    if (strength > 0) lexicon.set(pair, Math.round(strength * 100) / 100);
  }
  return lexicon;
}

const first = (unit: string) => [...unit][0] ?? '';
const last = (unit: string) => [...unit].at(-1) ?? '';

/** Whether a line may end after units[i - 1] and the next start at units[i]. */
function canBreak(list: string[], i: number): boolean {
  if (i <= 0 || i >= list.length) return false;
  if (CLOSING.has(first(list[i]!))) return false;
  if (OPENING.has(last(list[i - 1]!))) return false;
  // "——" and "……" are one mark printed as two characters.
  if ((list[i] === '—' && list[i - 1] === '—') || (list[i] === '…' && list[i - 1] === '…')) return false;
  return true;
}

/** Greedy fill: the longest permitted line each time. */
function greedy(list: string[], widths: number[], width: number): string[] {
  const lines: string[] = [];
  let start = 0;
  while (start < list.length) {
    let used = 0;
    let end = start;
    while (end < list.length && (end === start || used + widths[end]! <= width + 1e-9)) used += widths[end++]!;
    if (end < list.length) {
      // Back up to a permitted break; if there is none on this line, overflow to the next one.
      let b = end;
      while (b > start && !canBreak(list, b)) b--;
      if (b === start) {
        b = end;
        while (b < list.length && !canBreak(list, b)) b++;
      }
      end = b;
    }
    lines.push(list.slice(start, end).join('').trim());
    start = end;
    while (start < list.length && list[start] === ' ') start++;
  }
  return lines;
}

export interface WrapOptions {
  /** Available line width, in em. */
  width: number;
  /** Character pairs not to break (see learnLexicon). */
  lexicon?: Lexicon;
  /** Lines allowed; the last one ends in "…" only when the text cannot fit otherwise. */
  maxLines?: number;
  /** Even out line lengths and prefer natural breaks (same number of lines). Default true. */
  balance?: boolean;
}

/** Good places to break a Chinese phrase without a dictionary: after a list comma, around 与/和/及. */
const AFTER_PUNCT = new Set([...'、，；：']);
const BEFORE = new Set([...'与和及或并']);
/** After these joiners a line may end cleanly too: 政府引导和 / 市场需求相结合. */
const AFTER_JOINER = new Set([...'与和及或']);
/** Words that often start a phrase in the plan's technical names; breaking before them rarely splits a word. */
const HEADS = ['技术', '系统', '产业', '资源', '关键', '综合', '开发', '利用', '研究', '工程', '体系', '平台', '基地', '产品', '建设', '发展', '保护', '监测', '应用', '节能', '光伏'];

/** Breaking inside a pair of strength 1 costs this much. */
const LEXICON_COST = 4;
/** One more line than greedy filling needs costs this much: worth it to keep a word whole. */
const EXTRA_LINE_COST = 3;

/** Cost of breaking before units[i], in em² (negative: a good place). */
function breakCost(list: string[], i: number, lexicon?: Lexicon): number {
  const prev = last(list[i - 1]!);
  const next = first(list[i]!);
  if (AFTER_PUNCT.has(prev)) return -3;
  if (BEFORE.has(next)) return -2.5;
  if (AFTER_JOINER.has(prev)) return -2;
  if (prev === '的') return -2;
  const inWord = LEXICON_COST * (lexicon?.get(prev + next) ?? 0);
  if (HEADS.includes(next + first(list[i + 1] ?? ''))) return -1.2 + inWord;
  if (/[A-Za-z0-9]/.test(prev) && /[A-Za-z0-9]/.test(next)) return 4;
  return inWord;
}

/**
 * The same number of lines as greedy filling, but the breaks that make the lines most even
 * (least squared deviation from the mean width) and fall at natural places where they can:
 * "脆弱生态系统维护 / 与退化生态系统 / 功能恢复重建" rather than "…维 / 护与…".
 */
function balanced(list: string[], widths: number[], width: number, count: number, lexicon?: Lexicon): { lines: string[]; cost: number } | undefined {
  const n = list.length;
  const prefix = [0];
  widths.forEach((w, i) => prefix.push(prefix[i]! + w));
  const mean = prefix[n]! / count;
  // best[k][j]: cheapest way to set units[0..j) in k lines.
  const best: number[][] = Array.from({ length: count + 1 }, () => Array<number>(n + 1).fill(Infinity));
  const from: number[][] = Array.from({ length: count + 1 }, () => Array<number>(n + 1).fill(-1));
  best[0]![0] = 0;
  for (let k = 1; k <= count; k++) {
    for (let j = 1; j <= n; j++) {
      if (j < n && !canBreak(list, j)) continue;
      for (let i = j - 1; i >= 0; i--) {
        const w = prefix[j]! - prefix[i]!;
        if (w > width + 1e-9 && j - i > 1) break;
        if (best[k - 1]![i] === Infinity) continue;
        const cost = best[k - 1]![i]! + 0.5 * (w - mean) ** 2 + (j < n ? breakCost(list, j, lexicon) : 0);
        if (cost < best[k]![j]!) { best[k]![j] = cost; from[k]![j] = i; }
      }
    }
  }
  if (best[count]![n] === Infinity) return undefined;
  const lines: string[] = [];
  for (let k = count, j = n; k > 0; k--) {
    const i = from[k]![j]!;
    lines.unshift(list.slice(i, j).join('').trim());
    j = i;
  }
  return { lines, cost: best[count]![n]! };
}

/**
 * Breaks a label into lines no wider than `width` em (a single unbreakable unit may exceed it).
 * With balance, "大型及超大型并网光伏发电系统应用技术" becomes two even lines instead of 12 + 5
 * characters, broken where the phrase allows.
 */
export function wrap(text: string, options: WrapOptions): string[] {
  const clean = text.replace(/\s+/gu, ' ').trim();
  if (!clean) return [];
  const list = units(clean);
  const widths = list.map(measure);
  let lines = greedy(list, widths, options.width);
  if (options.balance !== false && lines.length > 1) {
    const even = balanced(list, widths, options.width, lines.length, options.lexicon);
    // With a lexicon, one more line may keep a word whole (政府引导和 / 市场需求 / 相结合).
    const longer = options.lexicon ? balanced(list, widths, options.width, lines.length + 1, options.lexicon) : undefined;
    const pick = longer && (!even || longer.cost + EXTRA_LINE_COST < even.cost) ? longer : even;
    lines = pick?.lines ?? lines;
  }
  const max = options.maxLines;
  if (max !== undefined && lines.length > max) {
    const kept = lines.slice(0, max);
    const chars = [...kept[max - 1]!];
    while (chars.length && measure(chars.join('') + '…') > options.width) chars.pop();
    while (chars.length && OPENING.has(chars.at(-1)!)) chars.pop();
    kept[max - 1] = `${chars.join('')}…`;
    return kept;
  }
  return lines;
}

/** The widest of some lines, in em. */
export function widest(lines: readonly string[]): number {
  return lines.reduce((w, line) => Math.max(w, measure(line)), 0);
}
