import { idHref } from '../url.ts';
import type { Plan, PlanBlock, PlanSection } from './outline.ts';

/**
 * Given any id of the plan (preamble, sec-…, …-pN, kt-N, fig-N): what it is and where.
 * The one lookup that pages, notes, citations, figures, search and the exports use, so a
 * place is written one way everywhere: 四（三）1（10）, 四（三）1（10）第2段, 五（二）1 关键技术9.
 */
export interface Location {
  id: string;
  /** A run-in principle (sec-3-2-1) is a section without a heading block of its own. */
  kind: 'section' | 'paragraph' | 'keyTechnology' | 'figure';
  /** 0 for the preamble, else 1…6. */
  chapter: number;
  /** The section itself, or the one the block belongs to. */
  section: PlanSection;
  /** The printed block, where the id has one (a heading, paragraph, key technology or figure line). */
  block?: PlanBlock;
  /** The place in the plan's numbering, as a reader would cite it. */
  place: string;
  /** The chapter page with the id as fragment, under the base path. */
  href: string;
  /** Position in reading order, for sorting ids the way the plan prints them. */
  order: number;
}

/** "四（三）1（10）第2段": how a paragraph's place is written everywhere. */
export function paragraphPlace(sectionPath: string, n: number): string {
  return `${sectionPath}第${n}段`;
}

export function hasId(plan: Plan, id: string): boolean {
  return plan.sections.has(id) || plan.blockById.has(id);
}

/** Where an id is; throws for an id the plan does not define (check with hasId first where data may be wrong). */
export function locate(plan: Plan, id: string, base?: string): Location {
  const block = plan.blockById.get(id);
  const section = plan.sections.get(block ? block.sectionId : id);
  if (!section) throw new Error(`locate: the plan has no id ${id}`);
  const order = orderOf(plan, block, section);
  const at = (kind: Location['kind'], place: string): Location => ({
    id, kind, chapter: section.chapter, section, ...(block ? { block } : {}), place, href: idHref(id, section.chapter, base), order,
  });
  if (!block || block.kind === 'heading') return at('section', section.path);
  switch (block.kind) {
    case 'paragraph': return at('paragraph', paragraphPlace(section.path, block.n));
    case 'keyTechnology': return at('keyTechnology', `${section.path} 关键技术${block.n}`);
    case 'figure': return at('figure', `${section.path} 图${block.n}`);
  }
}

/** A section without a block of its own (the preamble, a run-in principle) sorts by its first block. */
function orderOf(plan: Plan, block: PlanBlock | undefined, section: PlanSection): number {
  const first = block ?? plan.blockById.get(section.paragraphIds[0] ?? '');
  return first ? plan.blocks.indexOf(first) : 0;
}
