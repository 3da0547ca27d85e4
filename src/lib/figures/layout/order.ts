import type { SlotGraph } from './slots.ts';

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

/**
 * Orders each column top to bottom: the first as written; every other by the mean rank of what
 * leads into it (barycentre), so a category's technologies and key technologies stay together;
 * a link into the band also counts where in the band its box stands.
 * Slots that follow nothing go last; ties keep the order of the data.
 */
export function orderColumns(graph: SlotGraph): void {
  graph.columns.forEach((column, col) => {
    const written = new Map(column.map((s, i) => [s, i]));
    const key = (s: (typeof column)[number]) => {
      if (col === 0) return written.get(s)!;
      // What leads in, and a band box already placed that the slot leads to.
      const neighbours = [...graph.before(s), ...graph.after(s).filter((a) => a.fixed)];
      return neighbours.length ? mean(neighbours.map((p) => p.rank)) : Number.MAX_SAFE_INTEGER;
    };
    const keys = new Map(column.map((s) => [s, key(s)]));
    column.sort((p, q) => keys.get(p)! - keys.get(q)! || written.get(p)! - written.get(q)!);
    column.forEach((s, i) => { s.rank = column.length > 1 ? i / (column.length - 1) : 0.5; });
  });
}
