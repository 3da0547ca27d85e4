import type { Slot, SlotGraph } from './slots.ts';

/** Gap between two neighbours: wider between categories, narrower next to a waypoint. */
export const NODE_GAP = 8;
export const GROUP_GAP = 16;

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

export function gapBetween(a: Slot, b: Slot): number {
  return (a.group !== b.group ? GROUP_GAP : NODE_GAP) * (a.link || b.link ? 0.5 : 1);
}

export function stackedHeight(column: readonly Slot[]): number {
  return column.reduce((sum, s, i) => sum + s.h + (i ? gapBetween(column[i - 1]!, s) : 0), 0);
}

const centre = (s: Slot) => s.y + s.h / 2;
const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

function stackFrom(column: Slot[], top: number): void {
  let y = top;
  column.forEach((s, i) => { if (i) y += gapBetween(column[i - 1]!, s); s.y = y; y += s.h; });
}

/** Places a column in its order, each slot as near its ideal centre as the others allow. */
function placeColumn(column: Slot[], top: number, bottom: number): void {
  if (!column.length) return;
  if (column.every((s) => s.ideal === undefined)) {
    stackFrom(column, top + (bottom - top - stackedHeight(column)) / 2);
    return;
  }
  const offsets: number[] = [];
  column.reduce((o, s, i) => { offsets[i] = o; return o + s.h + (i < column.length - 1 ? gapBetween(s, column[i + 1]!) : 0); }, 0);
  const wanted = column.map((s, i) => (s.ideal === undefined ? top : s.ideal - s.h / 2) - offsets[i]!);
  const fitted = isotonic(wanted, column.map((s) => (s.ideal === undefined ? 0.25 : s.weight)));
  const last = column.length - 1;
  const max = bottom - offsets[last]! - column[last]!.h;
  column.forEach((s, i) => { s.y = Math.min(Math.max(fitted[i]!, top), max) + offsets[i]!; });
}

/**
 * Vertical placement: the tallest column is stacked from the top; the columns to its right
 * follow what leads into them, the ones to its left what they lead to. Returns the body height.
 */
export function placeColumns(graph: SlotGraph, top: number, minHeight = 0): number {
  const { columns } = graph;
  const height = Math.max(minHeight, ...columns.map(stackedHeight));
  const bottom = top + height;
  const anchor = columns.reduce((best, column, i) => (stackedHeight(column) > stackedHeight(columns[best]!) ? i : best), 0);
  stackFrom(columns[anchor]!, top);
  for (let col = anchor + 1; col < columns.length; col++) {
    for (const s of columns[col]!) {
      // A waypoint into the band also aims at the box it leads to, which is already placed.
      const aims = [...graph.before(s), ...graph.after(s).filter((a) => a.fixed)];
      s.ideal = aims.length ? mean(aims.map(centre)) : undefined;
    }
    placeColumn(columns[col]!, top, bottom);
  }
  for (let col = anchor - 1; col >= 0; col--) {
    for (const s of columns[col]!) { const next = graph.after(s); s.ideal = next.length ? mean(next.map(centre)) : undefined; }
    placeColumn(columns[col]!, top, bottom);
  }
  return height;
}
