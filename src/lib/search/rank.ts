import type { SectionMatch } from './match.ts';

/**
 * Orders section matches for a reader: a section whose own heading holds the query comes first
 * (the heading that is exactly the query before longer ones, higher levels before deeper ones),
 * then sections by how often they say it, then reading order.
 */
export function rankSections(matches: SectionMatch[], terms: string[]): SectionMatch[] {
  const exact = (m: SectionMatch) => terms.length === 1 && m.section.title === terms[0];
  // Ids append one number per level (sec-5-1-2-2), so the id tells the depth.
  const depth = (m: SectionMatch) => m.section.id.split('-').length;
  return [...matches].sort((a, b) =>
    Number(b.headingMatch) - Number(a.headingMatch)
    || (a.headingMatch && b.headingMatch
      ? Number(exact(b)) - Number(exact(a)) || a.section.heading.length - b.section.heading.length || depth(a) - depth(b)
      : 0)
    || b.count - a.count
    || a.order - b.order);
}

/** The anchor a hit should land on: the heading when it matched, else the first block that holds a term. */
export function landingId(match: SectionMatch): string {
  if (match.headingMatch && match.blocks[0]?.block.k === 'h') return match.section.id;
  return match.blocks[0]?.block.id ?? match.section.id;
}
