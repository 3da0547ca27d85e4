import { sourceRef, textFragment, type SourceRef } from '../figures/sources.ts';
import { locate } from '../plan/locate.ts';
import type { Plan } from '../plan/outline.ts';
import { markInsertions } from '../plan/marks.ts';
import type { PlanNumber } from './plan-numbers.ts';

/**
 * Links from a number to the words it stands in. A text directive highlights the first match
 * on the page, and a directive that matches nothing scrolls nowhere at all, so a number's link
 * carries just enough of its clause before and after (prefix-,number,-suffix) to be unique in its
 * chapter, and never reaches across the marker of an editorial note, which the page prints
 * inside the words. Headings and key technologies get their plain #id, as in sourceRef: their
 * words are printed again in the outline and the figures of the same page.
 */

function chapterText(plan: Plan, chapter: number): string {
  return plan.blocks.filter((b) => b.chapter === chapter && b.kind !== 'figure').map((b) => b.text).join('\n');
}

function countOf(haystack: string, needle: string): number {
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) n++;
  return n;
}

/** The shortest context around [start, end) that occurs once in the chapter, within the mark-free stretch. */
export function uniqueContext(plan: Plan, blockId: string, start: number, end: number): { prefix: string; suffix: string } {
  const block = plan.blockById.get(blockId)!;
  const haystack = chapterText(plan, block.chapter);
  const marks = markInsertions(plan, blockId).map((m) => m.at);
  const min = Math.max(0, ...marks.filter((m) => m <= start));
  const max = Math.min(block.text.length, ...marks.filter((m) => m >= end));
  for (let k = 0; ; k++) {
    const from = Math.max(min, start - k);
    const to = Math.min(max, end + k);
    const prefix = block.text.slice(from, start);
    const suffix = block.text.slice(end, to);
    if (countOf(haystack, prefix + block.text.slice(start, end) + suffix) <= 1 || (from === min && to === max)) return { prefix, suffix };
  }
}

/** The link to a number of the plan, with its words highlighted where the page allows it. */
export function numberRef(plan: Plan, n: PlanNumber, base?: string): SourceRef {
  const at = locate(plan, n.blockId, base);
  if (at.kind !== 'paragraph') return sourceRef(plan, { id: n.blockId, quote: n.text }, base);
  const { prefix, suffix } = uniqueContext(plan, n.blockId, n.start, n.end);
  const directive = [prefix && `${textFragment(prefix)}-`, textFragment(n.text), suffix && `-${textFragment(suffix)}`].filter(Boolean).join(',');
  return { href: `${at.href}:~:text=${directive}`, where: at.place };
}
