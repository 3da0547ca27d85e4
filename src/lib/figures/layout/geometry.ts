import type { LinkBasis } from '../provenance.ts';
import type { FigureSource } from '../schema.ts';

/**
 * A figure as geometry: what layout produces and the SVG renderer draws. Both kinds of figure
 * (the domain roadmaps and 图1) are made of the same parts, so they look and behave alike.
 * Every number is rounded to 0.1 px, so the markup is byte-stable.
 */

export interface Metrics {
  /** Label size at natural size, px; never below 12 (the legibility floor at full size). */
  fontSize: number;
  lineHeight: number;
  /** The small line above a label: 关键技术N, 产品, N项. */
  metaSize: number;
  padX: number;
  padY: number;
  /** Column and band headings. */
  headSize: number;
  /** The note under a heading (五大类18项) and 正文未述. */
  noteSize: number;
}

/** A box with words: one node of the figure, linked to the sentence it quotes. */
export interface GeoNode {
  id: string;
  layer: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The label, wrapped. */
  lines: string[];
  /** A second block under the label (图1: a target's 2015 figure), wrapped. */
  detailLines: string[];
  /** The small line above the label. */
  meta?: string;
  /** Drawn bold: a category, a task. */
  strong: boolean;
  /** The editor split or inferred the node (drawn with a dashed border). */
  inferred: boolean;
  /** Categories whose chain passes through this node (a category's own id for itself). */
  categories: string[];
  /** 1-based colour of the one category the node belongs to; 0 when shared or none. */
  tone: number;
  source: FigureSource;
  note?: string;
}

export interface GeoLink {
  from: string;
  to: string;
  d: string;
  basis: LinkBasis;
  /** Shared wording: the term both labels contain. */
  term?: string;
  categories: string[];
  tone: number;
  source?: FigureSource;
  reason?: string;
  note?: string;
}

/** A heading over a column or a band, with an optional note under it and a rule. */
export interface GeoHead {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  anchor: 'start' | 'middle';
  note?: { text: string; y: number };
  rule?: { x1: number; x2: number; y: number };
}

/** A tinted area: the band a domain's chain feeds, or one of 图1's bands. */
export interface GeoFrame { x: number; y: number; w: number; h: number }

/** Where the text says nothing: a quiet box reading 正文未述. */
export interface GeoGap { x: number; y: number; w: number; h: number; text: string; layer: string }

/** An arrow that orders the parts (the chain feeding the band; one band leading to the next). */
export interface GeoArrow {
  /** The shaft. */
  d: string;
  /** The head, a closed polygon. */
  head: string;
}

export interface Geometry {
  id: string;
  n: number;
  kind: 'domain' | 'overview';
  caption: string;
  domain: string;
  width: number;
  height: number;
  metrics: Metrics;
  heads: GeoHead[];
  frames: GeoFrame[];
  gaps: GeoGap[];
  nodes: GeoNode[];
  links: GeoLink[];
  arrows: GeoArrow[];
  /** Category ids in the order of the category column, for the legend and the filter. */
  categories: { id: string; label: string; tone: number }[];
  basisCounts: Record<LinkBasis, number>;
  hasInferredNodes: boolean;
}

/** Rounds to 0.1, the precision of every number in the markup. */
export const r = (v: number): number => Math.round(v * 10) / 10;
