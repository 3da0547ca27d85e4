import type { Grade } from '../provenance.ts';
import type { FigureData, FigureLink } from '../schema.ts';

/** A link with the columns of its ends, turned to run left to right (or top to bottom). */
export interface DirectedLink extends FigureLink, Grade {
  index: number;
  /** Column (or band) of the start and of the end; a <= b. */
  a: number;
  b: number;
}

/**
 * Links in layout order: each turned so it runs from the lower column to the higher one, with
 * its grade. `columnOf` maps a node id to its column.
 */
export function directLinks(figure: FigureData, grades: readonly Grade[], columnOf: (id: string) => number): DirectedLink[] {
  return figure.links.map((link, index) => {
    const grade = grades[index]!;
    const a = columnOf(link.from);
    const b = columnOf(link.to);
    return a <= b ? { ...link, ...grade, index, a, b } : { ...link, ...grade, index, from: link.to, to: link.from, a: b, b: a };
  });
}

export function linksBy(links: readonly DirectedLink[], end: 'from' | 'to'): Map<string, DirectedLink[]> {
  const map = new Map<string, DirectedLink[]>();
  for (const link of links) map.set(link[end], [...(map.get(link[end]) ?? []), link]);
  return map;
}
