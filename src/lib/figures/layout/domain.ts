import { DOMAIN_BAND, DOMAIN_BAND_NOTE, DOMAIN_BAND_TITLE, DOMAIN_CHAIN, NOT_STATED, TECHNOLOGY_KIND_LABEL } from '../grammar.ts';
import type { Grade, LinkBasis } from '../provenance.ts';
import { CATEGORY_LAYER, KT_LAYER, type FigureData, type FigureNode } from '../schema.ts';
import { layoutBand, bandHeight } from './band.ts';
import { chains } from './chains.ts';
import { columns, FEED_GAP } from './columns.ts';
import { r, type Geometry, type GeoGap, type GeoHead, type GeoLink, type GeoNode } from './geometry.ts';
import { directLinks, type DirectedLink } from './links.ts';
import { boxHeight, boxText, HEADER, MARGIN, type Typesetting } from './metrics.ts';
import { orderColumns } from './order.ts';
import { placeColumns, stackedHeight } from './place.ts';
import { arrow, smoothPath } from './route.ts';
import { slotGraph, WAYPOINT_H, type Slot } from './slots.ts';

/**
 * A domain roadmap (图2–图12) as geometry: data in, numbers out, no DOM. Phases: direct the
 * links, find each category's chain, size the columns, make the slots (nodes, 正文未述, link
 * waypoints), order and place them, lay out the band, route the links.
 */

/** The "五大类18项" words inside count.source.quote, as printed. */
export function countText(figure: FigureData): string | undefined {
  const count = figure.count;
  if (!count) return undefined;
  return count.source.quote.match(/[一二三四五六七八九十]+大类共?\d+项/u)?.[0] ?? `${count.categories}大类${count.items}项`;
}

/** The small line over a label: which key technology, what kind of thing, how many items. */
export function metaOf(node: FigureNode): string | undefined {
  if (node.layer === KT_LAYER && node.kt !== undefined) return `关键技术${node.kt}`;
  if (node.kind) return TECHNOLOGY_KIND_LABEL[node.kind];
  if (node.items !== undefined) return `${node.items}项`;
  return undefined;
}

const GAP_H = 26;
const CHAIN = DOMAIN_CHAIN.map((l) => l.key);
const BAND_COLUMN = CHAIN.length;

export function layoutDomain(figure: FigureData, grades: readonly Grade[], ts: Typesetting): Geometry {
  const m = ts.metrics;
  const byId = new Map(figure.nodes.map((n) => [n.id, n]));
  const columnOf = (id: string) => {
    const i = CHAIN.indexOf(byId.get(id)!.layer);
    return i >= 0 ? i : BAND_COLUMN;
  };
  const links = directLinks(figure, grades, columnOf);
  const chain = chains(figure, links);
  const cols = columns(figure, (id) => metaOf(byId.get(id)!), m);

  // Slots: the chain's nodes, a 正文未述 beside a category the text gives nothing more for, and
  // a waypoint in every chain column a link crosses.
  const slotColumns: Slot[][] = CHAIN.map(() => []);
  const nodeSlot = new Map<string, Slot>();
  const texts = new Map<string, ReturnType<typeof boxText>>();
  for (const node of figure.nodes) {
    const col = columnOf(node.id);
    if (col === BAND_COLUMN) continue;
    const text = boxText(ts, node.label, cols.em[col]!, undefined, metaOf(node));
    texts.set(node.id, text);
    const slot: Slot = { node, h: boxHeight(text, m), group: chain.categoriesOf(node.id).join(' '), weight: 1, y: 0, rank: 0 };
    slotColumns[col]!.push(slot);
    nodeSlot.set(node.id, slot);
  }
  for (const category of figure.nodes.filter((n) => n.layer === CATEGORY_LAYER)) {
    if (!links.some((l) => l.from === category.id)) slotColumns[1]!.push({ gapFor: category.id, h: GAP_H, group: category.id, weight: 1, y: 0, rank: 0 });
  }
  const waypoints = new Map<DirectedLink, Slot[]>();
  for (const link of links) {
    const list: Slot[] = [];
    for (let col = link.a + 1; col < Math.min(link.b, BAND_COLUMN); col++) {
      const slot: Slot = { link, h: WAYPOINT_H, group: chain.categoriesOf(link.from).join(' '), weight: 0.5, y: 0, rank: 0 };
      slotColumns[col]!.push(slot);
      list.push(slot);
    }
    waypoints.set(link, list);
  }
  const graph = slotGraph(slotColumns, nodeSlot, waypoints, links);

  // The band first (its height is known before the chain is placed), so links into it can aim at its boxes.
  const top = HEADER.body;
  const band = layoutBand(figure, cols.band.x, cols.band.w, top, Math.max(bandHeight(figure, cols.band.w, ts), ...slotColumns.map(stackedHeight)), ts);
  const bandBox = new Map(band.boxes.map((b) => [b.node.id, b]));
  for (const b of band.boxes) nodeSlot.set(b.node.id, { node: b.node, h: b.h, y: b.y, group: '', weight: 1, rank: (b.y + b.h / 2 - top) / band.frame.h, fixed: true });
  orderColumns(graph);
  placeColumns(graph, top, band.frame.h);

  const toNode = (node: FigureNode, x: number, y: number, w: number, h: number, text = texts.get(node.id)!): GeoNode => {
    const cats = chain.categoriesOf(node.id);
    return {
      id: node.id, layer: node.layer, label: node.label, x: r(x), y: r(y), w: r(w), h: r(h),
      lines: text.lines, detailLines: text.detailLines, ...(text.meta ? { meta: text.meta } : {}),
      strong: node.layer === CATEGORY_LAYER, inferred: node.inferred === true, categories: cats, tone: chain.toneOf(cats),
      source: node.source, ...(node.note ? { note: node.note } : {}),
    };
  };
  const nodes: GeoNode[] = [];
  const gaps: GeoGap[] = [];
  slotColumns.forEach((column, col) => {
    for (const s of column) {
      if (s.node) nodes.push(toNode(s.node, cols.x[col]!, s.y, cols.w[col]!, s.h));
      else if (s.gapFor) gaps.push({ x: r(cols.x[col]!), y: r(s.y), w: cols.w[col]!, h: GAP_H, text: NOT_STATED, layer: CHAIN[col]! });
    }
    if (!column.some((s) => s.node)) gaps.push({ x: r(cols.x[col]!), y: top, w: cols.w[col]!, h: GAP_H, text: NOT_STATED, layer: CHAIN[col]! });
  });
  for (const b of band.boxes) nodes.push(toNode(b.node, b.x, b.y, b.w, b.h, b.text));

  // Links: from the right edge of one box to the left edge of the next, through their waypoints.
  const centreOf = (id: string) => nodeSlot.get(id)!.y + nodeSlot.get(id)!.h / 2;
  const geoLinks: GeoLink[] = links.map((link) => {
    const fromRight = link.a === BAND_COLUMN ? bandBox.get(link.from)!.x + bandBox.get(link.from)!.w : cols.x[link.a]! + cols.w[link.a]!;
    const toLeft = link.b === BAND_COLUMN ? bandBox.get(link.to)!.x : cols.x[link.b]!;
    const points: [number, number][] = [[fromRight, centreOf(link.from)]];
    for (const w of waypoints.get(link)!) {
      const col = slotColumns.findIndex((c) => c.includes(w));
      points.push([cols.x[col]! - 2, w.y + w.h / 2], [cols.x[col]! + cols.w[col]! + 2, w.y + w.h / 2]);
    }
    points.push([toLeft, centreOf(link.to)]);
    const cats = chain.categoriesOf(link.from);
    return {
      from: link.from, to: link.to, d: smoothPath(points), basis: link.basis, ...(link.term ? { term: link.term } : {}),
      categories: cats, tone: chain.toneOf(cats),
      ...(link.source ? { source: link.source } : {}), ...(link.reason ? { reason: link.reason } : {}), ...(link.note ? { note: link.note } : {}),
    };
  });

  // The whole chain feeds the band: a bracket beside the chain's last column, an arrow into the band.
  const chainBoxes = [...nodes.filter((n) => columnOf(n.id) !== BAND_COLUMN), ...gaps.filter((g) => CHAIN.includes(g.layer))];
  const chainTop = Math.min(...chainBoxes.map((b) => b.y));
  const chainBottom = Math.max(...chainBoxes.map((b) => b.y + b.h));
  const bracketX = cols.x[2]! + cols.w[2]! + FEED_GAP / 3;
  const arrowY = Math.min(Math.max(band.frame.y + band.frame.h / 2, chainTop), chainBottom);
  const arrows = [
    { d: `M${r(bracketX - 5)},${r(chainTop)}H${r(bracketX)}V${r(chainBottom)}H${r(bracketX - 5)}`, head: '' },
    arrow(bracketX, arrowY, band.frame.x - 1, arrowY),
  ];

  const count = countText(figure);
  const heads: GeoHead[] = DOMAIN_CHAIN.map((layer, i) => ({
    text: layer.label, x: r(cols.x[i]! + cols.w[i]! / 2), y: HEADER.title, anchor: 'middle' as const,
    ...(layer.key === CATEGORY_LAYER && count ? { note: { text: count, y: HEADER.note } } : {}),
    rule: { x1: r(cols.x[i]!), x2: r(cols.x[i]! + cols.w[i]!), y: HEADER.rule },
  }));
  heads.push({
    text: DOMAIN_BAND_TITLE, x: r(cols.band.x + cols.band.w / 2), y: HEADER.title, anchor: 'middle',
    note: { text: DOMAIN_BAND_NOTE, y: HEADER.note }, rule: { x1: r(cols.band.x), x2: r(cols.band.x + cols.band.w), y: HEADER.rule },
  }, ...band.heads.map((h) => ({ ...h, x: r(h.x), y: r(h.y) })));

  const basisCounts: Record<LinkBasis, number> = { stated: 0, shared: 0, judgement: 0 };
  for (const link of links) basisCounts[link.basis]++;
  const bottom = Math.max(band.frame.y + band.frame.h, chainBottom);
  return {
    id: figure.id, n: figure.n, kind: 'domain', caption: figure.caption, domain: figure.domain,
    width: r(cols.width), height: r(bottom + MARGIN), metrics: m,
    heads, frames: [{ x: r(band.frame.x), y: r(band.frame.y), w: r(band.frame.w), h: r(band.frame.h) }],
    gaps: [...gaps, ...band.gaps.map((g) => ({ ...g, x: r(g.x), y: r(g.y), w: r(g.w) }))],
    nodes, links: geoLinks, arrows, categories: chain.categories, basisCounts,
    hasInferredNodes: figure.nodes.some((n) => n.inferred === true),
  };
}

/** The band's layer keys, for code that treats band nodes apart (the table, the script). */
export const BAND_LAYERS = DOMAIN_BAND.map((l) => l.key);
