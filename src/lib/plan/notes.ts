import type { Correction } from './corrections.ts';

/** How a note's reference mark reads: footnotes as 注n, other notes as 编注n. */
export function noteMarker(correction: Correction, n: number): { text: string; label: string } {
  const footnote = correction.type === 'missing-footnote' || correction.type === 'misplaced-footnote';
  return footnote ? { text: `注${n}`, label: '注释' } : { text: `编注${n}`, label: '编者注' };
}
