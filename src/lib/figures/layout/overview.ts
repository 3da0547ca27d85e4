import { OVERVIEW_BANDS } from '../grammar.ts';
import type { Grade, LinkBasis } from '../provenance.ts';
import type { FigureData, FigureNode } from '../schema.ts';
import { r, type GeoArrow, type GeoFrame, type GeoHead, type GeoLink, type GeoNode, type Geometry } from './geometry.ts';
import { boxHeight, boxText, innerEm, MARGIN, type BoxText, type Typesetting } from './metrics.ts';
import { arrow } from './route.ts';

/**
 * 图1, the overall roadmap, as geometry: the plan's parts as bands from top to bottom (指导思想 →
 * 基本原则 → 主要目标 → 主要任务, on the foundation of 保障措施). Each band is a grid of boxes
 * that fills the width it is given, so the same data lays out for a desktop column and stacks
 * on a phone; under each task stand the contents a sentence of 四 gives it.
 */

export interface OverviewOptions {
  /** The width to fill, px. */
  width: number;
}

const PAD = 8;
const TITLE_H = 26;
const CELL_GAP = 8;
const ROW_GAP = 8;
const BAND_GAP = 24;
/** The narrowest box worth making: about six characters a line. */
const MIN_CELL = 88;
const MIN_PILLAR = 118;
const CHILD_INDENT = 18;
const CHILD_GAP = 6;

interface Placed { node: FigureNode; text: BoxText; x: number; y: number; w: number; h: number }

/** How many boxes per row: as many as fit, then evened out over the rows (7 → 4 + 3, not 5 + 2). */
export function perRow(count: number, inner: number, minCell: number): number {
  const fit = Math.max(1, Math.floor((inner + CELL_GAP) / (minCell + CELL_GAP)));
  const rows = Math.ceil(count / Math.min(count, fit));
  return Math.ceil(count / rows);
}

/** A grid of boxes from (x, y) across `inner` px; rows share a height; a short last row is centred. */
function grid(nodes: FigureNode[], x: number, y: number, inner: number, minCell: number, ts: Typesetting): { placed: Placed[]; bottom: number } {
  const m = ts.metrics;
  const k = perRow(nodes.length, inner, minCell);
  const cellW = (inner - (k - 1) * CELL_GAP) / k;
  const placed: Placed[] = [];
  for (let start = 0; start < nodes.length; start += k) {
    const row = nodes.slice(start, start + k).map((node) => ({ node, text: boxText(ts, node.label, innerEm(cellW, m), node.detail) }));
    const h = Math.max(...row.map((b) => boxHeight(b.text, m)));
    const offset = ((k - row.length) * (cellW + CELL_GAP)) / 2;
    row.forEach((b, i) => placed.push({ ...b, x: x + offset + i * (cellW + CELL_GAP), y, w: cellW, h }));
    y += h + ROW_GAP;
  }
  return { placed, bottom: y - ROW_GAP };
}

export function layoutOverview(figure: FigureData, grades: readonly Grade[], ts: Typesetting, { width }: OverviewOptions): Geometry {
  const m = ts.metrics;
  const inner = width - 2 * MARGIN - 2 * PAD;
  const placed: Placed[] = [];
  const frames: GeoFrame[] = [];
  const heads: GeoHead[] = [];
  const links: GeoLink[] = [];
  const arrows: GeoArrow[] = [];
  const basisCounts: Record<LinkBasis, number> = { stated: 0, shared: 0, judgement: 0 };
  let y = MARGIN;

  for (const band of OVERVIEW_BANDS) {
    const frameY = y;
    heads.push({ text: band.label, x: MARGIN + PAD, y: frameY + PAD + m.headSize, anchor: 'start' });
    const contentY = frameY + TITLE_H + PAD;
    const nodes = figure.nodes.filter((n) => n.layer === band.key);
    let bottom: number;
    if (band.key !== 'task') {
      const g = grid(nodes, MARGIN + PAD, contentY, inner, MIN_CELL, ts);
      placed.push(...g.placed);
      bottom = g.bottom;
    } else {
      // Each task is a pillar: its box, and under it the contents its sentence names.
      const k = perRow(nodes.length, inner, MIN_PILLAR);
      const pillarW = (inner - (k - 1) * CELL_GAP) / k;
      bottom = contentY;
      let rowY = contentY;
      nodes.forEach((task, i) => {
        const col = i % k;
        if (col === 0 && i) rowY = bottom + ROW_GAP * 2;
        const x = MARGIN + PAD + col * (pillarW + CELL_GAP);
        const text = boxText(ts, task.label, innerEm(pillarW, m), task.detail);
        const head: Placed = { node: task, text, x, y: rowY, w: pillarW, h: boxHeight(text, m) };
        placed.push(head);
        let childY = head.y + head.h + CHILD_GAP;
        figure.links.forEach((link, index) => {
          if (link.from !== task.id) return;
          const child = figure.nodes.find((n) => n.id === link.to)!;
          const childW = pillarW - CHILD_INDENT;
          const childText = boxText(ts, child.label, innerEm(childW, m), child.detail);
          const box: Placed = { node: child, text: childText, x: x + CHILD_INDENT, y: childY, w: childW, h: boxHeight(childText, m) };
          placed.push(box);
          const spine = x + CHILD_INDENT / 2;
          const grade = grades[index]!;
          basisCounts[grade.basis]++;
          links.push({
            from: task.id, to: child.id, d: `M${r(spine)},${r(head.y + head.h)}V${r(box.y + box.h / 2)}H${r(box.x)}`, basis: grade.basis,
            ...(grade.term ? { term: grade.term } : {}), categories: [], tone: 0,
            ...(link.source ? { source: link.source } : {}), ...(link.reason ? { reason: link.reason } : {}), ...(link.note ? { note: link.note } : {}),
          });
          childY = box.y + box.h + CHILD_GAP;
        });
        bottom = Math.max(bottom, childY - CHILD_GAP);
      });
    }
    const frame = { x: MARGIN, y: frameY, w: width - 2 * MARGIN, h: bottom + PAD - frameY };
    frames.push({ x: r(frame.x), y: r(frame.y), w: r(frame.w), h: r(frame.h) });
    y = frame.y + frame.h + BAND_GAP;
  }

  // The reading order between the bands; 保障措施, the foundation, supports the tasks from below.
  const cx = width / 2;
  frames.slice(1).forEach((frame, i) => {
    const above = frames[i]!;
    const foundation = i === frames.length - 2;
    arrows.push(foundation ? arrow(cx, frame.y - 2, cx, above.y + above.h + 2) : arrow(cx, above.y + above.h + 2, cx, frame.y - 2));
  });

  const nodes: GeoNode[] = placed.map((p) => ({
    id: p.node.id, layer: p.node.layer, label: p.node.label, x: r(p.x), y: r(p.y), w: r(p.w), h: r(p.h),
    lines: p.text.lines, detailLines: p.text.detailLines, strong: p.node.layer === 'task', inferred: p.node.inferred === true,
    categories: [], tone: 0, source: p.node.source, ...(p.node.note ? { note: p.node.note } : {}),
  }));
  // Reading order for the keyboard and screen readers: band by band, a task before its contents.
  return {
    id: figure.id, n: figure.n, kind: 'overview', caption: figure.caption, domain: figure.domain,
    width: r(width), height: r(y - BAND_GAP + MARGIN), metrics: m,
    heads: heads.map((h) => ({ ...h, x: r(h.x), y: r(h.y) })), frames, gaps: [], nodes, links, arrows,
    categories: [], basisCounts, hasInferredNodes: figure.nodes.some((n) => n.inferred === true),
  };
}
