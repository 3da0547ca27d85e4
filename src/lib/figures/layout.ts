import { scaleLinear } from 'd3-scale';
import { curveBumpX, line } from 'd3-shape';
import { CATEGORY_LAYER, KT_LAYER, type FigureData, type FigureNode, type FigureSource } from './schema.ts';
import { measure, widest, wrap } from './wrap.ts';

/**
 * A domain roadmap (图2–图12) as geometry: data in, numbers out, no DOM. Layers become columns
 * left to right; within a column, nodes are ordered by the average position of the nodes that
 * link to them (so a category's technologies, key technologies and modes stay together), then
 * placed as close to their linked neighbours as the column allows (isotonic regression: the
 * order is kept, the squared distance from the ideal height is minimal). Links that skip a
 * column pass through it between the nodes, never through one. All numbers are rounded to 0.1
 * so the SVG is byte-stable for snapshot tests.
 */

export interface LayoutOptions {
  /** Label size in px at full size; never below 12 (the legibility floor). */
  fontSize?: number;
  /** Title of a key technology, for a kt node whose label is missing. */
  ktTitle?: (n: number) => string | undefined;
}

export interface GeoColumn {
  key: string;
  label: string;
  x: number;
  w: number;
  /** Under the heading: the stated count for the category column ("五大类18项"). */
  note?: string;
}

export interface GeoNode {
  id: string;
  layer: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
  lines: string[];
  /** A smaller first line: "关键技术2" on a key technology, the stated 项 on a category. */
  meta?: string;
  inferred: boolean;
  /** Categories whose chain passes through this node (a category's own id for itself). */
  categories: string[];
  /** 1-based colour of the single category this node belongs to; 0 when shared or none. */
  tone: number;
  /** Linked to nothing: stated for the domain as a whole (modes, vehicles, goal …). */
  domain: boolean;
  source: FigureSource;
  note?: string;
}

export interface GeoLink {
  from: string;
  to: string;
  d: string;
  inferred: boolean;
  categories: string[];
  tone: number;
  source?: FigureSource;
  note?: string;
}

export interface Geometry {
  id: string;
  n: number;
  caption: string;
  domain: string;
  width: number;
  height: number;
  fontSize: number;
  lineHeight: number;
  metaSize: number;
  padX: number;
  padY: number;
  columns: GeoColumn[];
  nodes: GeoNode[];
  links: GeoLink[];
  /** The band for the plan period under the columns. */
  period: { from: number; to: number; x0: number; x1: number; y: number; ticks: { year: number; x: number }[] };
  /** Behind the domain-wide nodes of a column: what the text says of the domain as a whole. */
  bands: { x: number; y: number; w: number; h: number }[];
  /** Category ids in the order of the category column, for the legend and the filter. */
  categories: { id: string; label: string; tone: number }[];
  hasInferredLinks: boolean;
  hasStatedLinks: boolean;
  hasInferredNodes: boolean;
}

const r = (v: number) => Math.round(v * 10) / 10;

/** How wide a layer's labels may run before wrapping, in em: long names wrap, short ones stay narrow. */
const MAX_EM: Record<string, number> = { category: 6, technology: 10, kt: 10, mode: 5, vehicle: 8, maturity: 6, goal: 8 };
const MIN_EM = 4;

const M = { top: 12, side: 12, bottom: 12, header: 50, columnGap: 30, nodeGap: 8, groupGap: 16, period: 46 };

/** The "五大类18项" words inside count.source.quote, as printed. */
export function countText(figure: FigureData): string | undefined {
  const count = figure.count;
  if (!count) return undefined;
  return count.source.quote.match(/[一二三四五六七八九十]+大类共?\d+项/u)?.[0] ?? `${count.categories}大类${count.items}项`;
}

/** Pool-adjacent-violators: the non-decreasing sequence nearest (weighted least squares) to `values`. */
export function isotonic(values: readonly number[], weights: readonly number[]): number[] {
  const blocks: { sum: number; weight: number; count: number }[] = [];
  values.forEach((v, i) => {
    const w = weights[i] ?? 1;
    blocks.push({ sum: v * w, weight: w, count: 1 });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1]!;
      const a = blocks[blocks.length - 2]!;
      if (a.sum / a.weight <= b.sum / b.weight) break;
      blocks.splice(-2, 2, { sum: a.sum + b.sum, weight: a.weight + b.weight, count: a.count + b.count });
    }
  });
  return blocks.flatMap((b) => Array<number>(b.count).fill(b.sum / b.weight));
}

interface Slot {
  /** A node, or the waypoint of a link crossing this column. */
  node?: FigureNode;
  link?: number;
  h: number;
  group: string;
  /** Where the slot would like its centre; undefined: no neighbour to follow. */
  ideal?: number;
  weight: number;
  y: number;
  rank: number;
}

const WAYPOINT_H = 6;

export function layoutFigure(figure: FigureData, options: LayoutOptions = {}): Geometry {
  const fontSize = Math.max(12, options.fontSize ?? 13);
  const lineHeight = Math.round(fontSize * 1.4);
  const metaSize = Math.max(12, fontSize - 1);
  const padX = 9;
  const padY = 7;

  const columnOf = new Map(figure.layers.map((l, i) => [l.key, i]));
  const byId = new Map(figure.nodes.map((n) => [n.id, n]));
  const label = (n: FigureNode) => n.label || (n.kt !== undefined ? options.ktTitle?.(n.kt) : undefined) || n.id;

  // Links always run left to right: a link drawn against the column order is turned round.
  const links = figure.links.map((link) => {
    const a = columnOf.get(byId.get(link.from)!.layer)!;
    const b = columnOf.get(byId.get(link.to)!.layer)!;
    return a <= b ? { ...link, a, b } : { ...link, from: link.to, to: link.from, a: b, b: a };
  });
  const incoming = new Map<string, typeof links>();
  const outgoing = new Map<string, typeof links>();
  for (const link of links) {
    incoming.set(link.to, [...(incoming.get(link.to) ?? []), link]);
    outgoing.set(link.from, [...(outgoing.get(link.from) ?? []), link]);
  }

  // A category's chain: everything reachable from it along the links.
  const categoryNodes = figure.nodes.filter((n) => n.layer === CATEGORY_LAYER);
  const chains = new Map<string, Set<string>>();
  for (const category of categoryNodes) {
    const seen = new Set([category.id]);
    const queue = [category.id];
    while (queue.length) for (const link of outgoing.get(queue.shift()!) ?? []) if (!seen.has(link.to)) { seen.add(link.to); queue.push(link.to); }
    for (const id of seen) chains.set(id, new Set([...(chains.get(id) ?? []), category.id]));
  }
  const tones = new Map(categoryNodes.map((n, i) => [n.id, i + 1]));
  const categoriesOf = (id: string) => categoryNodes.map((c) => c.id).filter((c) => chains.get(id)?.has(c));
  const toneOf = (cats: string[]) => (cats.length === 1 ? tones.get(cats[0]!)! : 0);

  // Column widths from the labels they hold.
  const em = (key: string) => MAX_EM[key] ?? 8;
  const metaOf = (n: FigureNode): string | undefined => {
    if (n.layer === KT_LAYER && n.kt !== undefined) return `关键技术${n.kt}`;
    if (n.items !== undefined) return `${n.items}项`;
    return n.detail;
  };
  const columnEm = figure.layers.map((layer) => {
    const nodes = figure.nodes.filter((n) => n.layer === layer.key);
    const natural = Math.max(...nodes.map((n) => Math.max(measure(label(n)), measure(metaOf(n) ?? '') * (metaSize / fontSize))), measure(layer.label) * 1.05);
    return Math.min(Math.max(natural, MIN_EM), Math.max(em(layer.key), measure(layer.label) * 1.05));
  });
  const columnW = columnEm.map((e) => Math.ceil(e * fontSize + 2 * padX));
  const columnX: number[] = [];
  columnW.reduce((x, w, i) => { columnX[i] = x; return x + w + M.columnGap; }, M.side);

  // Slots per column: nodes, plus one waypoint per link crossing the column.
  const slots: Slot[][] = figure.layers.map(() => []);
  const nodeSlot = new Map<string, Slot>();
  for (const node of figure.nodes) {
    const col = columnOf.get(node.layer)!;
    const lines = wrap(label(node), { width: columnEm[col]! });
    const meta = metaOf(node);
    const h = 2 * padY + lines.length * lineHeight + (meta ? Math.round(metaSize * 1.35) : 0);
    const slot: Slot = { node, h, group: categoriesOf(node.id).join(' '), weight: 1, y: 0, rank: 0 };
    slots[col]!.push(slot);
    nodeSlot.set(node.id, slot);
  }
  const waypoints = new Map<number, Slot[]>();
  links.forEach((link, i) => {
    const list: Slot[] = [];
    for (let col = link.a + 1; col < link.b; col++) {
      const slot: Slot = { link: i, h: WAYPOINT_H, group: categoriesOf(link.from).join(' '), weight: 0.5, y: 0, rank: 0 };
      slots[col]!.push(slot);
      list.push(slot);
    }
    waypoints.set(i, list);
  });
  const isDomain = (slot: Slot) => !!slot.node && !incoming.has(slot.node.id) && !outgoing.has(slot.node.id);

  // Order: column 0 as written; then by the mean rank of what links in (barycentre), ties as written.
  const before = (slot: Slot): Slot[] => {
    if (slot.link !== undefined) {
      const list = waypoints.get(slot.link)!;
      const at = list.indexOf(slot);
      return [at === 0 ? nodeSlot.get(links[slot.link]!.from)! : list[at - 1]!];
    }
    return (incoming.get(slot.node!.id) ?? []).map((link) => {
      const list = waypoints.get(links.indexOf(link))!;
      return list.length ? list[list.length - 1]! : nodeSlot.get(link.from)!;
    });
  };
  const after = (slot: Slot): Slot[] => {
    if (slot.link !== undefined) {
      const list = waypoints.get(slot.link)!;
      const at = list.indexOf(slot);
      return [at === list.length - 1 ? nodeSlot.get(links[slot.link]!.to)! : list[at + 1]!];
    }
    return (outgoing.get(slot.node!.id) ?? []).map((link) => {
      const list = waypoints.get(links.indexOf(link))!;
      return list.length ? list[0]! : nodeSlot.get(link.to)!;
    });
  };
  const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;
  slots.forEach((column, col) => {
    const written = new Map(column.map((s, i) => [s, i]));
    const key = (s: Slot) => {
      if (col === 0) return written.get(s)!;
      const prev = before(s);
      if (prev.length) return mean(prev.map((p) => p.rank));
      // Unlinked (domain-wide) first, then nodes that only link onwards.
      return isDomain(s) ? -1 : Number.MAX_SAFE_INTEGER;
    };
    const keys = new Map(column.map((s) => [s, key(s)]));
    column.sort((p, q) => keys.get(p)! - keys.get(q)! || written.get(p)! - written.get(q)!);
    column.forEach((s, i) => { s.rank = column.length > 1 ? i / (column.length - 1) : 0.5; });
  });

  // Vertical space: the tallest column stacked tight decides the height of the body.
  const gapBetween = (a: Slot, b: Slot) => (a.group !== b.group ? M.groupGap : M.nodeGap) * (a.link !== undefined || b.link !== undefined ? 0.5 : 1);
  const stacked = (column: Slot[]) => column.reduce((sum, s, i) => sum + s.h + (i ? gapBetween(column[i - 1]!, s) : 0), 0);
  const top = M.top + M.header;
  const bodyH = Math.max(...slots.map(stacked));
  const bottom = top + bodyH;

  /** Places a column in its order, each slot as near its ideal centre as the others allow. */
  const place = (column: Slot[]) => {
    if (!column.length) return;
    if (column.every((s) => s.ideal === undefined)) {
      // Nothing to follow: centre the stack.
      let y = top + (bodyH - stacked(column)) / 2;
      column.forEach((s, i) => { if (i) y += gapBetween(column[i - 1]!, s); s.y = y; y += s.h; });
      return;
    }
    const offsets: number[] = [];
    column.reduce((o, s, i) => { offsets[i] = o; return o + s.h + (i < column.length - 1 ? gapBetween(s, column[i + 1]!) : 0); }, 0);
    const wanted = column.map((s, i) => (s.ideal === undefined ? top : s.ideal - s.h / 2) - offsets[i]!);
    const fitted = isotonic(wanted, column.map((s) => (s.ideal === undefined ? 0.25 : s.weight)));
    const last = column.length - 1;
    const max = bottom - offsets[last]! - column[last]!.h;
    column.forEach((s, i) => { s.y = Math.min(Math.max(fitted[i]!, top), max) + offsets[i]!; });
  };
  const centre = (s: Slot) => s.y + s.h / 2;

  const anchor = slots.reduce((best, column, i) => (stacked(column) > stacked(slots[best]!) ? i : best), 0);
  for (const s of slots[anchor]!) s.ideal = undefined;
  // The anchor column is stacked from the top; the others follow it outwards.
  {
    const column = slots[anchor]!;
    let y = top;
    column.forEach((s, i) => { if (i) y += gapBetween(column[i - 1]!, s); s.y = y; y += s.h; });
  }
  for (let col = anchor + 1; col < slots.length; col++) {
    for (const s of slots[col]!) { const prev = before(s); s.ideal = prev.length ? mean(prev.map(centre)) : undefined; }
    place(slots[col]!);
  }
  for (let col = anchor - 1; col >= 0; col--) {
    for (const s of slots[col]!) { const next = after(s); s.ideal = next.length ? mean(next.map(centre)) : undefined; }
    place(slots[col]!);
  }

  const columns: GeoColumn[] = figure.layers.map((layer, i) => ({
    key: layer.key,
    label: layer.label,
    x: r(columnX[i]!),
    w: columnW[i]!,
    ...(layer.key === CATEGORY_LAYER && countText(figure) ? { note: countText(figure) } : {}),
  }));

  const nodes: GeoNode[] = [];
  slots.forEach((column, col) => {
    for (const s of column) {
      if (!s.node) continue;
      const n = s.node;
      const cats = categoriesOf(n.id);
      nodes.push({
        id: n.id,
        layer: n.layer,
        label: label(n),
        x: r(columnX[col]!),
        y: r(s.y),
        w: columnW[col]!,
        h: r(s.h),
        lines: wrap(label(n), { width: columnEm[col]! }),
        ...(metaOf(n) ? { meta: metaOf(n) } : {}),
        inferred: n.inferred === true,
        categories: cats,
        tone: toneOf(cats),
        domain: isDomain(s),
        source: n.source,
        ...(n.note ? { note: n.note } : {}),
      });
    }
  });

  const BAND_PAD = 5;
  const bands = slots.flatMap((column, col) => {
    const domain = column.filter(isDomain);
    if (!domain.length) return [];
    const y0 = Math.min(...domain.map((s) => s.y)) - BAND_PAD;
    const y1 = Math.max(...domain.map((s) => s.y + s.h)) + BAND_PAD;
    return [{ x: r(columnX[col]! - BAND_PAD), y: r(y0), w: r(columnW[col]! + 2 * BAND_PAD), h: r(y1 - y0) }];
  });

  const path = line<[number, number]>().curve(curveBumpX);
  const geoLinks: GeoLink[] = links.map((link, i) => {
    const from = nodeSlot.get(link.from)!;
    const to = nodeSlot.get(link.to)!;
    const points: [number, number][] = [[columnX[link.a]! + columnW[link.a]!, centre(from)]];
    waypoints.get(i)!.forEach((w, k) => {
      const col = link.a + 1 + k;
      points.push([columnX[col]! - 2, centre(w)], [columnX[col]! + columnW[col]! + 2, centre(w)]);
    });
    points.push([columnX[link.b]!, centre(to)]);
    const cats = categoriesOf(link.from);
    return {
      from: link.from,
      to: link.to,
      d: path(points.map(([x, y]) => [r(x), r(y)]))!.replace(/(\d+\.\d{2,})/g, (v) => String(r(Number(v)))),
      inferred: link.inferred,
      categories: cats,
      tone: toneOf(cats),
      ...(link.source ? { source: link.source } : {}),
      ...(link.note ? { note: link.note } : {}),
    };
  });

  const width = r(columnX[columnX.length - 1]! + columnW[columnW.length - 1]! + M.side);
  const x0 = M.side;
  const x1 = width - M.side;
  const [from, to] = figure.period;
  const year = scaleLinear().domain([from, to]).range([x0, x1]);
  const periodY = bottom + 26;
  return {
    id: figure.id,
    n: figure.n,
    caption: figure.caption,
    domain: figure.domain,
    width,
    height: r(bottom + M.period + M.bottom - 12),
    fontSize,
    lineHeight,
    metaSize,
    padX,
    padY,
    columns,
    nodes,
    links: geoLinks,
    period: { from, to, x0, x1: r(x1), y: r(periodY), ticks: year.ticks(to - from).map((y) => ({ year: y, x: r(year(y)) })) },
    bands,
    categories: categoryNodes.map((n) => ({ id: n.id, label: label(n), tone: tones.get(n.id)! })),
    hasInferredLinks: figure.links.some((l) => l.inferred),
    hasStatedLinks: figure.links.some((l) => !l.inferred),
    hasInferredNodes: figure.nodes.some((n) => n.inferred === true),
  };
}

/** Widest wrapped line of a node, in px; for checks that a label fits its box. */
export function labelWidth(node: GeoNode, fontSize: number): number {
  return widest(node.lines) * fontSize;
}
