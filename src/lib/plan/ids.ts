/**
 * The id scheme, in one place. Ids follow the plan's printed numbering, never its wording, so
 * a citation survives any rewording of a heading:
 *
 *   preamble            the 前言 (its paragraphs preamble-p1 …)
 *   sec-4               chapter 四
 *   sec-4-3-1-10        四（三）1（10）: one number per level
 *   sec-1-1-p3          the third paragraph of 一（一）
 *   kt-12               关键技术12
 *   fig-2               图2
 */

/** Any id the plan defines. */
export const PLAN_ID = /^(preamble|sec(-\d+)+|kt-\d+|fig-\d+)(-p\d+)?$/;

/** Lower-case kebab-case, for the ids editors invent (note ids, figure node ids). */
export const KEBAB_CASE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const PREAMBLE_ID = 'preamble';

export function sectionId(parentId: string, value: number): string {
  return parentId === PREAMBLE_ID ? `sec-${value}` : `${parentId}-${value}`;
}

export function paragraphId(sectionId: string, n: number): string {
  return `${sectionId}-p${n}`;
}

export function keyTechnologyId(n: number): string {
  return `kt-${n}`;
}

export function figureId(n: number): string {
  return `fig-${n}`;
}
