import type { Grade } from '../provenance.ts';
import type { FigureData } from '../schema.ts';
import { layoutDomain } from './domain.ts';
import type { Geometry, Metrics } from './geometry.ts';
import { METRICS } from './metrics.ts';
import { layoutOverview } from './overview.ts';
import type { Lexicon } from '../wrap.ts';

export type { Geometry, GeoNode, GeoLink, Metrics } from './geometry.ts';
export { countText, metaOf } from './domain.ts';

/**
 * 图1 fills this width on a desktop and in print, and NARROW on a phone. Both stay within what a
 * chapter column holds at 12 px (the column is about 620 px at a 1024 px window) and what A4 holds at 7 pt.
 */
export const OVERVIEW_WIDTH = { wide: 672, narrow: 340 } as const;

export interface LayoutOptions {
  metrics?: Metrics;
  /** The plan's word pairs not to break (learnLexicon); without it lines break by rule only. */
  lexicon?: Lexicon;
  /** 图1 only: the width to fill. */
  width?: number;
}

/** A figure as geometry; `grades` are its links' bases, in the order of figure.links. */
export function layoutFigure(figure: FigureData, grades: readonly Grade[], options: LayoutOptions = {}): Geometry {
  const ts = { metrics: options.metrics ?? METRICS, ...(options.lexicon ? { lexicon: options.lexicon } : {}) };
  return figure.n === 1 ? layoutOverview(figure, grades, ts, { width: options.width ?? OVERVIEW_WIDTH.wide }) : layoutDomain(figure, grades, ts);
}
