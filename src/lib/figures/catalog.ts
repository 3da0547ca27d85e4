import { loadPlan } from '../plan/load.ts';
import type { Variant } from './drawings.ts';
import { figureFile, loadFigures } from './load.ts';
import { layoutFigure, OVERVIEW_WIDTH, type Geometry } from './layout/index.ts';
import { gradeLink, type Grade } from './provenance.ts';
import type { FigureData } from './schema.ts';
import { sourceRef, type ResolveSource } from './sources.ts';
import { renderSvg } from './svg.ts';
import { learnLexicon, type Lexicon } from './wrap.ts';

/**
 * Build-time access to the figures for the components and pages: loaded and checked against the
 * plan once per build (by the same loader the validate step uses), graded, laid out and drawn
 * once each.
 */

let cache: Map<number, FigureData> | undefined;

export function figures(): Map<number, FigureData> {
  cache ??= new Map(loadFigures().map((f) => [f.n, f]));
  return cache;
}

export function figure(n: number): FigureData | undefined {
  return figures().get(n);
}

export function resolver(): ResolveSource {
  const { plan } = loadPlan();
  return (source) => sourceRef(plan, source);
}

/** Each link's basis (stated, shared wording, judgement), in the order of figure.links. */
export function grades(data: FigureData): Grade[] {
  const { plan } = loadPlan();
  return data.links.map((link) => gradeLink(data, link, plan, figureFile(data.n)));
}

export type { Variant } from './drawings.ts';

let lexicon: Lexicon | undefined;
/** The plan's own word pairs, so figure labels break between words, not inside them. */
function planLexicon(): Lexicon {
  lexicon ??= learnLexicon(loadPlan().plan.blocks.map((b) => b.text));
  return lexicon;
}

const geometries = new Map<string, Geometry>();
export function geometry(data: FigureData, variant: Variant = 'wide'): Geometry {
  const key = `${data.n}:${variant}`;
  let g = geometries.get(key);
  if (!g) {
    g = layoutFigure(data, grades(data), { lexicon: planLexicon(), ...(data.n === 1 ? { width: OVERVIEW_WIDTH[variant] } : {}) });
    geometries.set(key, g);
  }
  return g;
}

export function hasNarrowVariant(data: FigureData): boolean {
  return data.n === 1;
}

/** The drawings a figure has: the wide one, and 图1's narrow one. */
export function variants(data: FigureData): Variant[] {
  return hasNarrowVariant(data) ? ['wide', 'narrow'] : ['wide'];
}

/** The SVG of a figure: inline on a page (page colours), or standalone (a file with caption and legend). */
export function figureSvg(data: FigureData, options: { standalone?: boolean; variant?: Variant } = {}): string {
  const variant = options.variant ?? 'wide';
  return renderSvg(geometry(data, variant), {
    resolve: resolver(),
    standalone: options.standalone ?? false,
    // Both drawings of 图1 are on its pages (CSS shows one), so their ids must differ.
    idPrefix: variant === 'wide' ? data.id : `${data.id}-${variant}`,
  });
}
