import type { Metrics } from './geometry.ts';
import { measure, wrap, type Lexicon } from '../wrap.ts';

/** The type sizes every figure uses; 12 px labels keep 11 px on screen when a figure is scaled to 92%. */
export const METRICS: Metrics = { fontSize: 13, lineHeight: 18, metaSize: 12, padX: 8, padY: 6, headSize: 14, noteSize: 12 };

/** The heading row of a domain figure: title baseline, note baseline, rule, and where the body starts. */
export const HEADER = { title: 18, note: 34, rule: 41, body: 52 } as const;

/** Outer margin of every figure. */
export const MARGIN = 12;

/** The lines a box needs: meta line, label and detail, each wrapped to the box's inner width. */
export interface BoxText { meta?: string; lines: string[]; detailLines: string[] }

/** How the words of a figure are set: the type sizes, and the plan's word pairs not to break. */
export interface Typesetting { metrics: Metrics; lexicon?: Lexicon }

export function boxText(ts: Typesetting, label: string, innerEm: number, detail?: string, meta?: string): BoxText {
  const wrapAt = { width: innerEm, ...(ts.lexicon ? { lexicon: ts.lexicon } : {}) };
  return { ...(meta ? { meta } : {}), lines: wrap(label, wrapAt), detailLines: detail ? wrap(detail, wrapAt) : [] };
}

/** Height of a box holding this text. */
export function boxHeight(text: BoxText, m: Metrics = METRICS): number {
  const meta = text.meta ? Math.round(m.metaSize * 1.35) : 0;
  return 2 * m.padY + meta + (text.lines.length + text.detailLines.length) * m.lineHeight;
}

/** Inner width (em) of a box of `w` px. */
export function innerEm(w: number, m: Metrics = METRICS): number {
  return (w - 2 * m.padX) / m.fontSize;
}

/** Width in em of the widest of some texts, the meta line measured at its own size. */
export function naturalEm(texts: readonly string[], metas: readonly string[] = [], m: Metrics = METRICS): number {
  return Math.max(0, ...texts.map(measure), ...metas.map((t) => measure(t) * (m.metaSize / m.fontSize)));
}
