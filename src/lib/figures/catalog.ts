import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { figureFile, loadFigures } from './load.ts';
import { layoutFigure, type Geometry } from './layout.ts';
import { MERMAID_SVG, mermaidFingerprint, mermaidNodes, mermaidSource } from './mermaid.ts';
import { DataError } from '../errors.ts';
import type { FigureData } from './schema.ts';
import { LIGHT } from './palette.ts';
import { renderSvg } from './svg.ts';
import { sourceRef, type ResolveSource } from './sources.ts';
import { keyTechnologyId } from '../plan/ids.ts';
import { loadPlan } from '../plan/load.ts';
import { blockOf } from '../plan/outline.ts';

/**
 * Build-time access to the figures for the components and pages, loaded and checked against
 * the plan once per build by the same loader the validate step uses.
 */

let cache: Map<number, FigureData> | undefined;

export function figures(): Map<number, FigureData> {
  if (cache) return cache;
  cache = new Map(loadFigures().map((f) => [f.n, f]));
  return cache;
}

export function figure(n: number): FigureData | undefined {
  return figures().get(n);
}

export function resolver(): ResolveSource {
  const { plan } = loadPlan();
  return (source) => sourceRef(plan, source);
}

const geometries = new Map<number, Geometry>();
export function geometry(data: FigureData): Geometry {
  let g = geometries.get(data.n);
  if (!g) {
    const { plan } = loadPlan();
    g = layoutFigure(data, { ktTitle: (n) => blockOf(plan, keyTechnologyId(n), 'keyTechnology')?.title });
    geometries.set(data.n, g);
  }
  return g;
}

/** 图1, rendered by pipeline/diagrams.ts; undefined (with a warning) when that step has not run. */
export function mermaidSvg(): string | undefined {
  const path = join(process.cwd(), MERMAID_SVG);
  if (!existsSync(path)) {
    console.warn(`[figures] ${MERMAID_SVG} is missing: run \`npx tsx pipeline/diagrams.ts\` (npm run build does); 图1 shows its data table only`);
    return undefined;
  }
  const svg = readFileSync(path, 'utf8').trim();
  const data = figure(1);
  if (data) {
    // Same inputs as pipeline/diagrams.ts: a drawing of older data must not be published.
    const nodes = mermaidNodes(data, loadPlan().plan);
    const expected = mermaidFingerprint(mermaidSource(data), nodes);
    const actual = svg.match(/data-source-hash="([0-9a-f]+)"/)?.[1];
    if (actual !== expected) throw new DataError(MERMAID_SVG, '', `was drawn from other data than ${figureFile(1)} (${actual ?? 'no fingerprint'} ≠ ${expected}): run \`npx tsx pipeline/diagrams.ts\``);
  }
  return svg;
}

/** The SVG of a figure, inline (page colours) or standalone (a file with caption and legend). */
export function figureSvg(data: FigureData, standalone = false): string | undefined {
  if (data.renderer === 'mermaid') {
    const svg = mermaidSvg();
    if (!svg || !standalone) return svg;
    return svg.replace('</title>', `</title><style>${STANDALONE_MERMAID_CSS}</style>`);
  }
  return renderSvg(geometry(data), { resolve: resolver(), standalone });
}

/** The file on its own has no page CSS: the light colours of the palette, as Mermaid's own style would give. */
const STANDALONE_MERMAID_CSS = [
  `svg{background:${LIGHT.bg}}`,
  `text{fill:${LIGHT.fg}}`,
  `.node rect{fill:${LIGHT.bg};stroke:${LIGHT.border}}`,
  '.node .label text{text-anchor:middle}',
  `.cluster rect{fill:${LIGHT.panel};stroke:${LIGHT.border}}`,
  '.cluster-label text{font-weight:700}',
  `.flowchart-link{stroke:${LIGHT.link};stroke-width:1.5;fill:none}`,
  '.edge-thickness-thick{stroke-width:3}',
  '.edge-pattern-dotted{stroke-dasharray:5 4}',
  `.marker,.arrowMarkerPath{fill:${LIGHT.link};stroke:${LIGHT.link}}`,
  '.edgeLabel,.labelBkg{display:none}',
].join('');
