import type { FigureNode } from '../schema.ts';
import type { DirectedLink } from './links.ts';

/**
 * What a chain column stacks: nodes, 正文未述 placeholders, and waypoints where a link crosses
 * the column (so it passes between boxes, never through one).
 */
export interface Slot {
  node?: FigureNode;
  /** A placeholder: the category (or column) the text says nothing more of. */
  gapFor?: string;
  /** The link this waypoint belongs to. */
  link?: DirectedLink;
  h: number;
  /** Slots of different categories keep a wider gap between them. */
  group: string;
  /** Where the slot would like its centre; undefined: nothing to follow. */
  ideal?: number;
  weight: number;
  y: number;
  /** Position in the column, 0…1, for the next column's ordering. */
  rank: number;
  /** Placed before the chain (a box of the band): neighbours aim at it, it does not move. */
  fixed?: boolean;
}

export const WAYPOINT_H = 6;

export interface SlotGraph {
  columns: Slot[][];
  nodeSlot: Map<string, Slot>;
  /** The waypoints of each link, column by column. */
  waypoints: Map<DirectedLink, Slot[]>;
  /** The slots a slot follows (to its left) and leads to (to its right). */
  before(slot: Slot): Slot[];
  after(slot: Slot): Slot[];
}

export function slotGraph(columns: Slot[][], nodeSlot: Map<string, Slot>, waypoints: Map<DirectedLink, Slot[]>, links: readonly DirectedLink[]): SlotGraph {
  const endOf = (id: string) => nodeSlot.get(id);
  const entry = (link: DirectedLink) => waypoints.get(link)?.[0] ?? endOf(link.to);
  const exit = (link: DirectedLink) => waypoints.get(link)?.at(-1) ?? endOf(link.from);
  return {
    columns, nodeSlot, waypoints,
    before(slot) {
      if (slot.link) {
        const list = waypoints.get(slot.link)!;
        const at = list.indexOf(slot);
        return [at === 0 ? endOf(slot.link.from)! : list[at - 1]!];
      }
      if (slot.gapFor) return [endOf(slot.gapFor)!];
      return links.filter((l) => l.to === slot.node!.id).map(exit).filter((s): s is Slot => !!s);
    },
    after(slot) {
      if (slot.link) {
        const list = waypoints.get(slot.link)!;
        const at = list.indexOf(slot);
        const next = at === list.length - 1 ? endOf(slot.link.to) : list[at + 1];
        return next ? [next] : [];
      }
      if (slot.gapFor) return [];
      const gaps = columns.flat().filter((s) => s.gapFor === slot.node!.id);
      return [...links.filter((l) => l.from === slot.node!.id).map(entry).filter((s): s is Slot => !!s), ...gaps];
    },
  };
}
