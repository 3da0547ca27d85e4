import { DataError } from '../errors.ts';
import { hasId, locate } from '../plan/locate.ts';
import { blockOf, type ParagraphBlock, type Plan, type PlanSection } from '../plan/outline.ts';
import { markInsertions } from '../plan/marks.ts';
import { comparatorWords, formatQuantity, isGrowth } from './comparators.ts';
import { mentionMatches, numbersIn, type NumberMention } from './numbers.ts';
import type { BaselineData, IndicatorData, IndicatorSource } from './schema.ts';

/**
 * An indicator may only say what the plan says. Each rule below fails the build with a
 * DataError naming the file and the indicator:
 * - the cited id is a paragraph of the plan and the quote is in it, not running across the
 *   marker of an editorial note (the page prints the marker inside the words, so a link to
 *   them would find nothing);
 * - the typed value is a number of the quote, as printed (7.6 for "7.6亿元") or written out
 *   (760000000), with the unit the text prints after it;
 * - the comparator is the text's: its leading words stand in the number's clause before it,
 *   its trailing words (以上, 左右) right after it, and a qualifier the text prints after the
 *   number may not be dropped; 由…增加到… must read exactly "由<baseline>增加到<target>";
 * - a target cites 三（三）主要目标 and its year is stated there ("到2015年");
 * - a baseline's `when` is in its quote.
 */

/** The section whose paragraphs set the targets: the plan's one section titled 主要目标. */
export const TARGETS_TITLE = '主要目标';
/** The group of the unlabelled opening paragraph of 三（三）, in its own words ("总体目标是："). */
export const OVERALL_GROUP = '总体目标';

export function targetsSection(plan: Plan): PlanSection {
  const found = [...plan.sections.values()].filter((s) => s.title === TARGETS_TITLE);
  if (found.length !== 1) throw new Error(`the plan has ${found.length} sections titled ${TARGETS_TITLE}; expected exactly one`);
  return found[0]!;
}

export interface IndicatorGroup {
  /** The paragraph of 三（三） that sets the group's targets (sec-3-3-p2). */
  id: string;
  /** Its label without the colon ("科技创新投入"), or 总体目标 for the opening paragraph. */
  title: string;
}

export type IndicatorKind = 'share' | 'growth' | 'count';

/** A number found in the plan: which paragraph, where, and as printed. */
export interface LocatedNumber {
  paragraphId: string;
  start: number;
  end: number;
  text: string;
}

export interface Indicator extends IndicatorData {
  id: string;
  file: string;
  group: IndicatorGroup;
  kind: IndicatorKind;
  targetNumber: LocatedNumber;
  baselineNumber?: LocatedNumber;
  /** Reading order of the target's number in the plan. */
  order: number;
}

const CLAUSE_MARK = /[，。；：！？]/u;
const QUALIFIERS = ['以上', '左右', '以下'];

function excerpt(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

interface Quoted { block: ParagraphBlock; start: number; end: number }

function resolveQuote(plan: Plan, source: IndicatorSource, fail: (problem: string) => never): Quoted {
  if (!hasId(plan, source.id)) fail(`id ${source.id} does not exist in the plan`);
  const block = blockOf(plan, source.id, 'paragraph');
  if (!block) fail(`${source.id} is not a paragraph`);
  const start = block.text.indexOf(source.quote);
  if (start < 0) fail(`quote "${source.quote}" is not found in ${source.id}, which reads "${excerpt(block.text)}"`);
  const end = start + source.quote.length;
  const inside = markInsertions(plan, block.id).find((p) => p.at > start && p.at < end);
  if (inside) fail(`quote "${source.quote}" runs across the marker of editorial note "${inside.note}", which the page prints inside these words; quote the words before or after it`);
  return { block, start, end };
}

function findNumber(quoted: Quoted, value: number, unit: string, quote: string, fail: (problem: string) => never): NumberMention {
  const inQuote = numbersIn(quoted.block.text).filter((m) => m.start >= quoted.start && m.end <= quoted.end);
  if (!inQuote.length) fail(`value ${value}: the quote "${quote}" holds no number`);
  const same = inQuote.filter((m) => mentionMatches(m, value));
  if (!same.length) fail(`value ${value} is not a number of the quote "${quote}", which prints ${inQuote.map((m) => m.text).join('、')}`);
  const match = same.find((m) => m.unit === unit);
  if (!match) fail(`unit "${unit}" does not match the text, which prints ${same.map((m) => m.text).join('、')}`);
  return match;
}

function located(quoted: Quoted, m: NumberMention): LocatedNumber {
  return { paragraphId: quoted.block.id, start: m.start, end: m.end, text: m.text };
}

function checkComparator(indicator: IndicatorData, quoted: Quoted, target: NumberMention, baseline: NumberMention | undefined, fail: (problem: string) => never): void {
  const { comparator } = indicator.target;
  const words = comparatorWords(comparator);
  const text = quoted.block.text;
  if (words.between) {
    const expected = `${words.before}${baseline?.text ?? '…'}${words.between}${target.text}`;
    if (!baseline || text.slice(target.end - expected.length, target.end) !== expected) {
      fail(`comparator ${comparator}: the text does not read "${expected}" here; the baseline must be the number after 由 in the same words`);
    }
    return;
  }
  let clauseStart = target.start;
  while (clauseStart > 0 && !CLAUSE_MARK.test(text[clauseStart - 1]!)) clauseStart--;
  if (words.before && !text.slice(clauseStart, target.start).includes(words.before)) {
    fail(`comparator ${comparator}: "${words.before}" does not come before ${target.text} in its clause "${text.slice(clauseStart, target.end)}"`);
  }
  const printedAfter = QUALIFIERS.find((q) => text.startsWith(q, target.end));
  if (words.after && printedAfter !== words.after) fail(`comparator ${comparator}: the text prints "${target.text}${printedAfter ?? ''}", not "${target.text}${words.after}"`);
  if (!words.after && printedAfter) fail(`comparator ${comparator} drops the text's "${printedAfter}" after ${target.text}; use a comparator ending in …${printedAfter}`);
}

export function groupOf(block: ParagraphBlock): IndicatorGroup {
  if (block.labelLength) return { id: block.id, title: block.text.slice(0, block.labelLength).replace(/[：:]$/u, '') };
  if (!block.text.includes(OVERALL_GROUP)) throw new Error(`groupOf: ${block.id} has no label and does not state the ${OVERALL_GROUP}`);
  return { id: block.id, title: OVERALL_GROUP };
}

function kindOf(indicator: IndicatorData): IndicatorKind {
  if (isGrowth(indicator.target.comparator)) return 'growth';
  return indicator.unit === '%' ? 'share' : 'count';
}

/** Checks one indicator against the plan (see the rules above); returns it with its group and numbers. */
export function checkIndicator(id: string, data: IndicatorData, plan: Plan, file: string): Indicator {
  const failAt = (where: string) => (problem: string): never => {
    throw new DataError(file, `indicator "${id}" → ${where}`, problem);
  };
  const section = targetsSection(plan);

  const target = resolveQuote(plan, data.target.source, failAt('target.source'));
  if (target.block.sectionId !== section.id) {
    failAt('target.source')(`${target.block.id} is outside ${section.path}${section.title} (${section.id}); a target must cite the paragraph that sets it`);
  }
  const targetMention = findNumber(target, data.target.value, data.unit, data.target.source.quote, failAt('target.value'));
  const year = `${data.target.year}年`;
  const lead = blockOf(plan, section.paragraphIds[0] ?? '', 'paragraph');
  if (!target.block.text.includes(year) && !lead?.text.includes(year)) {
    failAt('target.year')(`"${year}" is stated neither in ${target.block.id} nor at the start of ${section.path}${section.title}`);
  }

  let baselineMention: NumberMention | undefined;
  let baseline: Quoted | undefined;
  if (data.baseline) {
    const b: BaselineData = data.baseline;
    baseline = resolveQuote(plan, b.source, failAt('baseline.source'));
    baselineMention = findNumber(baseline, b.value, b.unit ?? data.unit, b.source.quote, failAt('baseline.value'));
    if (b.when && !b.source.quote.includes(b.when)) failAt('baseline.when')(`"${b.when}" is not in the baseline's quote "${b.source.quote}"`);
  }
  checkComparator(data, target, targetMention, baseline?.block.id === target.block.id ? baselineMention : undefined, failAt('target.comparator'));

  return {
    ...data,
    id,
    file,
    group: groupOf(target.block),
    kind: kindOf(data),
    targetNumber: located(target, targetMention),
    ...(baseline && baselineMention ? { baselineNumber: located(baseline, baselineMention) } : {}),
    order: locate(plan, target.block.id).order * 1e4 + targetMention.start,
  };
}

/** The unit an indicator's baseline is printed with. */
export function baselineUnit(indicator: IndicatorData): string {
  return indicator.baseline?.unit ?? indicator.unit;
}

/** "19996 人", "38 个": a baseline as the page prints it. */
export function baselineQuantity(indicator: IndicatorData): string | undefined {
  return indicator.baseline ? formatQuantity(indicator.baseline.value, baselineUnit(indicator)) : undefined;
}
