import type { Plan } from './outline.ts';

/**
 * Where the page prints editorial marks inside a block's words: every note's reference (and a
 * typo's reading) after the words it marks, and the label of a misplaced footnote before them.
 * A quote or a link's text directive that runs across such a point no longer matches the page.
 */
export function markInsertions(plan: Plan, blockId: string): { at: number; note: string }[] {
  return plan.annotations
    .filter((a) => a.blockId === blockId)
    .flatMap((a) => {
      const type = plan.corrections.find((c) => c.id === a.correctionId)?.type;
      const points = [{ at: a.end, note: a.correctionId }];
      if (type === 'misplaced-footnote' && a.role === 'target') points.unshift({ at: a.start, note: a.correctionId });
      return points;
    });
}
