import type { Plan, PlanBlock } from '../plan/outline.ts';
import { numbersIn, type NumberMention } from './numbers.ts';

/**
 * Every number in the plan, with where it is: the index at the end of /targets/ ("规划中的全部
 * 数字") and numbers.json/.csv in /data/. Paragraphs are searched whole (except the printed
 * marker of a run-in principle, "1、"); headings and key technologies by their title only, so the
 * plan's own numbering (（三）, 3., 关键技术12) is never counted as a quantity, and the
 * placeholders "图N（略）" not at all.
 */
export interface PlanNumber extends NumberMention {
  /** Stable id: the block id and the mention's position in it ("sec-3-3-p6-n3"). */
  id: string;
  /** The paragraph, heading (section id) or key technology the number is printed in. */
  blockId: string;
  chapter: number;
  /** The clause around the number (between the nearest ，。；：), as printed. */
  context: string;
  /** Where the number starts within the context. */
  contextStart: number;
  /** Editorial notes (by id) whose marked words overlap the number. */
  notes: string[];
}

/** The part of a block whose words are the plan's text rather than its numbering. */
export function searchableRange(plan: Plan, block: PlanBlock): [number, number] | undefined {
  switch (block.kind) {
    case 'figure':
      return undefined;
    case 'heading':
    case 'keyTechnology': {
      const title = block.kind === 'heading' ? plan.sections.get(block.id)!.title : block.title;
      return [block.text.length - title.length, block.text.length];
    }
    case 'paragraph': {
      const section = plan.sections.get(block.sectionId)!;
      return [block.leadLength ? section.marker.length : 0, block.text.length];
    }
  }
}

const CLAUSE_END = /[，。；：！？]/u;
const MAX_CONTEXT = 36;

/** The clause holding [start, end): from after the previous clause mark to the next one (inclusive), capped and kept within bounds. */
export function clauseAround(text: string, start: number, end: number, bounds: [number, number] = [0, text.length]): { context: string; offset: number } {
  const [min, max] = bounds;
  let from = start;
  while (from > min && !CLAUSE_END.test(text[from - 1]!) && start - from < MAX_CONTEXT) from--;
  let to = end;
  while (to < max && !CLAUSE_END.test(text[to]!) && to - end < MAX_CONTEXT) to++;
  if (to < max && CLAUSE_END.test(text[to]!)) to++;
  return { context: text.slice(from, to), offset: start - from };
}

export function planNumbers(plan: Plan): PlanNumber[] {
  const out: PlanNumber[] = [];
  for (const block of plan.blocks) {
    const range = searchableRange(plan, block);
    if (!range) continue;
    const [from, to] = range;
    const notes = plan.annotations.filter((a) => a.blockId === block.id);
    numbersIn(block.text.slice(from, to)).forEach((m, i) => {
      const start = m.start + from;
      const end = m.end + from;
      const { context, offset } = clauseAround(block.text, start, end, range);
      out.push({
        ...m,
        start,
        end,
        id: `${block.id}-n${i + 1}`,
        blockId: block.id,
        chapter: block.chapter,
        context,
        contextStart: offset,
        notes: notes.filter((a) => a.start < end && a.end > start).map((a) => a.correctionId),
      });
    });
  }
  return out;
}
