import { CATEGORY_LAYER, type FigureData } from '../schema.ts';
import { linksBy, type DirectedLink } from './links.ts';

/** A category's chain: everything reachable from it along the links, coloured with its tone. */
export interface Chains {
  categoriesOf(id: string): string[];
  /** The tone of a node or link in these categories: its category's, or 0 when shared or none. */
  toneOf(categories: readonly string[]): number;
  categories: { id: string; label: string; tone: number }[];
}

export function chains(figure: FigureData, links: readonly DirectedLink[]): Chains {
  const outgoing = linksBy(links, 'from');
  const categoryNodes = figure.nodes.filter((n) => n.layer === CATEGORY_LAYER);
  const reach = new Map<string, Set<string>>();
  for (const category of categoryNodes) {
    const seen = new Set([category.id]);
    const queue = [category.id];
    while (queue.length) for (const link of outgoing.get(queue.shift()!) ?? []) if (!seen.has(link.to)) { seen.add(link.to); queue.push(link.to); }
    for (const id of seen) reach.set(id, new Set([...(reach.get(id) ?? []), category.id]));
  }
  const tones = new Map(categoryNodes.map((n, i) => [n.id, i + 1]));
  return {
    categoriesOf: (id) => categoryNodes.map((c) => c.id).filter((c) => reach.get(id)?.has(c)),
    toneOf: (cats) => (cats.length === 1 ? tones.get(cats[0]!)! : 0),
    categories: categoryNodes.map((n) => ({ id: n.id, label: n.label, tone: tones.get(n.id)! })),
  };
}
