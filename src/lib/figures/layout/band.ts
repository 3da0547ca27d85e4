import { DOMAIN_BAND, NOT_STATED } from '../grammar.ts';
import type { FigureData, FigureNode } from '../schema.ts';
import type { GeoFrame, GeoGap, GeoHead } from './geometry.ts';
import { BAND_PAD } from './columns.ts';
import { boxHeight, boxText, innerEm, type BoxText, type Typesetting } from './metrics.ts';

/** One box of the band, placed. */
export interface BandBox { node: FigureNode; text: BoxText; x: number; y: number; w: number; h: number }

export interface BandLayout {
  frame: GeoFrame;
  heads: GeoHead[];
  boxes: BandBox[];
  gaps: GeoGap[];
}

const SECTION_TITLE = 21;
const SECTION_GAP = 10;
const BOX_GAP = 6;
const GAP_H = 26;

/** The band's natural height: its sections stacked, each a title and its boxes (or 正文未述). */
function sections(figure: FigureData, w: number, ts: Typesetting) {
  const m = ts.metrics;
  const inner = w - 2 * BAND_PAD;
  return DOMAIN_BAND.map((layer) => {
    const nodes = figure.nodes.filter((n) => n.layer === layer.key).map((node) => {
      const text = boxText(ts, node.label, innerEm(inner, m));
      return { node, text, h: boxHeight(text, m) };
    });
    const body = nodes.length ? nodes.reduce((s, b, i) => s + b.h + (i ? BOX_GAP : 0), 0) : GAP_H;
    return { layer, nodes, h: SECTION_TITLE + body };
  });
}

export function bandHeight(figure: FigureData, w: number, ts: Typesetting): number {
  const list = sections(figure, w, ts);
  return 2 * BAND_PAD + list.reduce((s, sec, i) => s + sec.h + (i ? SECTION_GAP : 0), 0);
}

/**
 * The band, from `top` and at least `height` tall: a tinted frame holding its sections top to
 * bottom (creation modes, vehicles, maturity, goal), the stack centred when the frame is taller.
 */
export function layoutBand(figure: FigureData, x: number, w: number, top: number, height: number, ts: Typesetting): BandLayout {
  const m = ts.metrics;
  const list = sections(figure, w, ts);
  const natural = bandHeight(figure, w, ts);
  const frame = { x, y: top, w, h: Math.max(height, natural) };
  let y = top + BAND_PAD + (frame.h - natural) / 2;
  const heads: GeoHead[] = [];
  const boxes: BandBox[] = [];
  const gaps: GeoGap[] = [];
  const inner = w - 2 * BAND_PAD;
  list.forEach((sec, i) => {
    if (i) y += SECTION_GAP;
    heads.push({ text: sec.layer.label, x: x + BAND_PAD, y: y + m.fontSize + 2, anchor: 'start' });
    y += SECTION_TITLE;
    if (!sec.nodes.length) {
      gaps.push({ x: x + BAND_PAD, y, w: inner, h: GAP_H, text: NOT_STATED, layer: sec.layer.key });
      y += GAP_H;
      return;
    }
    sec.nodes.forEach((b, k) => {
      if (k) y += BOX_GAP;
      boxes.push({ node: b.node, text: b.text, x: x + BAND_PAD, y, w: inner, h: b.h });
      y += b.h;
    });
  });
  return { frame, heads, boxes, gaps };
}
