import { locate } from '../plan/locate.ts';
import { toChineseNumeral } from '../plan/numerals.ts';
import type { Plan, PlanSection } from '../plan/outline.ts';

/**
 * How a reader cites a place of the plan: by the number the plan prints, with its heading, so
 * the citation can be found in any copy of the original. Where the printed number is wrong
 * (a "numbering" note), the printed number stays and the correction follows it, marked:
 * 四（三）〔应作（四）〕构建四大创新体系. Built on locate(), which finds the place.
 *
 *   sec-4          四、主要任务
 *   sec-4-4        四（三）〔应作（四）〕构建四大创新体系
 *   sec-4-3-1-10   四（三）1（10）科技成果转化与知识产权保护行动
 *   sec-4-1-p1     四（一）加强绿色科技引领 第1段
 *   kt-12          五（二）2 关键技术12 盐湖钾、镁、锂、硼等资源综合开发利用技术
 *   fig-2          五（一）1 图2
 */

/** One level's number as the plan writes it: 四 / （三） / 1 / （10）. */
function numberText(kind: PlanSection['kind'], value: number): string {
  switch (kind) {
    case 'chapter': return toChineseNumeral(value);
    case 'section': return `（${toChineseNumeral(value)}）`;
    case 'subsection': return String(value);
    case 'item': return `（${value}）`;
    case 'preamble': return '';
  }
}

/** One level's number as printed, with the correction marked where the print is wrong. */
function printedNumber(section: PlanSection): string {
  const printed = numberText(section.kind, section.printedValue);
  return section.printedValue === section.value ? printed : `${printed}〔应作${numberText(section.kind, section.value)}〕`;
}

function lineage(plan: Plan, section: PlanSection): PlanSection[] {
  const chain: PlanSection[] = [];
  for (let s: PlanSection | undefined = section; s && s.kind !== 'preamble'; s = s.parentId ? plan.sections.get(s.parentId) : undefined) chain.unshift(s);
  return chain;
}

/** The printed numbers from the chapter down: 四（三）〔应作（四）〕1; 前言 for the preamble. */
export function printedPath(plan: Plan, section: PlanSection): string {
  return section.kind === 'preamble' ? section.title : lineage(plan, section).map(printedNumber).join('');
}

/** A section's number and heading: 四、主要任务, 四（一）加强绿色科技引领, 五（一）3、生态环境领域. */
function sectionPlace(plan: Plan, section: PlanSection): string {
  if (section.kind === 'preamble') return section.title;
  // A run-in principle's "title" is its lead sentence; its full stop belongs to the sentence.
  const title = section.title.replace(/。$/u, '');
  const numbers = printedPath(plan, section);
  // 一、 and 1、 as the plan prints them (a typo such as "3." is cited in its corrected form).
  return section.kind === 'chapter' || section.kind === 'subsection' ? `${numbers}、${title}` : `${numbers}${title}`;
}

/** The place a citation of this id names (see the examples above); throws for an unknown id. */
export function citedPlace(plan: Plan, id: string): string {
  const at = locate(plan, id);
  const block = at.block;
  switch (at.kind) {
    case 'section': return sectionPlace(plan, at.section);
    case 'paragraph': return `${sectionPlace(plan, at.section)} 第${block?.kind === 'paragraph' ? block.n : 0}段`;
    case 'keyTechnology': return block?.kind === 'keyTechnology' ? `${printedPath(plan, at.section)} ${block.marker} ${block.title}` : at.place;
    case 'figure': return block?.kind === 'figure' ? `${printedPath(plan, at.section)} 图${block.n}` : at.place;
  }
}

/** Every citable id in reading order: the preamble, each section, paragraph, key technology and figure. */
export function citableIds(plan: Plan): string[] {
  const ids = [...plan.sections.keys(), ...plan.blocks.filter((b) => b.kind !== 'heading').map((b) => b.id)];
  return [...new Set(ids)].map((id) => locate(plan, id)).sort((a, b) => a.order - b.order || rank(a) - rank(b)).map((l) => l.id);
}

/** A section sorts before its first block (the preamble and a run-in principle share their first paragraph's order). */
function rank(l: { kind: string }): number {
  return l.kind === 'section' ? 0 : 1;
}
