import { DOMAIN_BAND, DOMAIN_BAND_TITLE, DOMAIN_CHAIN } from '../grammar.ts';
import type { FigureData } from '../schema.ts';
import { measure } from '../wrap.ts';
import type { Metrics } from './geometry.ts';
import { MARGIN, naturalEm } from './metrics.ts';

/** How wide a column's labels may run before wrapping, in em: long names wrap, short ones stay narrow. */
const MAX_EM: Record<string, number> = { category: 6, technology: 10, kt: 10 };
const MIN_EM = 4;
const BAND_EM = { min: 5, max: 8 };
export const COLUMN_GAP = 26;
/** Between the chain and the band: room for the bracket and the arrow that feeds the band. */
export const FEED_GAP = 40;
export const BAND_PAD = 8;

export interface Columns {
  /** Inner width of each chain column, em (the labels wrap to it). */
  em: number[];
  x: number[];
  w: number[];
  band: { x: number; w: number; em: number };
  width: number;
}

/** Column widths from the labels they hold: the chain's three columns and the band. */
export function columns(figure: FigureData, metaOf: (id: string) => string | undefined, m: Metrics): Columns {
  const em = DOMAIN_CHAIN.map((layer) => {
    const nodes = figure.nodes.filter((n) => n.layer === layer.key);
    const natural = naturalEm(nodes.map((n) => n.label), nodes.map((n) => metaOf(n.id) ?? ''), m);
    const head = measure(layer.label) * (m.headSize / m.fontSize);
    return Math.min(Math.max(natural, MIN_EM, head), Math.max(MAX_EM[layer.key] ?? 8, head));
  });
  const w = em.map((e) => Math.ceil(e * m.fontSize + 2 * m.padX));
  const x: number[] = [];
  w.reduce((at, width, i) => { x[i] = at; return at + width + COLUMN_GAP; }, MARGIN);
  const bandNodes = figure.nodes.filter((n) => DOMAIN_BAND.some((l) => l.key === n.layer));
  const bandEm = Math.min(Math.max(naturalEm(bandNodes.map((n) => n.label), [], m), BAND_EM.min, measure(DOMAIN_BAND_TITLE) * (m.headSize / m.fontSize)), BAND_EM.max);
  const bandW = Math.ceil(bandEm * m.fontSize + 2 * m.padX + 2 * BAND_PAD);
  const bandX = x[2]! + w[2]! + FEED_GAP;
  return { em, x, w, band: { x: bandX, w: bandW, em: bandEm }, width: bandX + bandW + MARGIN };
}
