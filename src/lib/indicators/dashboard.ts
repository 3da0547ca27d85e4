import { sourceRef, type SourceRef } from '../figures/sources.ts';
import { locate } from '../plan/locate.ts';
import type { Plan } from '../plan/outline.ts';
import { chartGeometry, chartSvg, type ChartGeometry, type ChartInput } from './chart.ts';
import { baselineQuantity, type Indicator, type IndicatorGroup } from './check.ts';
import { formatQuantity, targetLabel } from './comparators.ts';
import { numberRef } from './links.ts';
import { planNumbers, type PlanNumber } from './plan-numbers.ts';

/**
 * What /targets/ shows, computed once from the checked indicators and the plan: each target
 * area with its indicators (labels, links, chart), and every number of the plan by chapter.
 */

export interface IndicatorView {
  indicator: Indicator;
  /** "≥ 1.5%": the target with the text's comparator. */
  targetText: string;
  targetRef: SourceRef;
  /** "19996 人（2009年）", "由 40 个". */
  baselineText?: string;
  baselineRef?: SourceRef;
  geometry: ChartGeometry;
  svg: string;
}

export interface GroupView {
  group: IndicatorGroup;
  /** The paragraph that sets the area's targets. */
  ref: SourceRef;
  items: IndicatorView[];
}

/** The scale of a chart: shares on 0–100%; growth rates on one scale; counts with the same unit in an area share one. */
function scaleFor(indicator: Indicator, all: Indicator[]): Pick<ChartInput, 'max' | 'maxLabel'> {
  const value = indicator.target.value;
  if (indicator.kind === 'share') return { max: 100, maxLabel: '100%' };
  if (indicator.kind === 'growth') {
    const max = Math.max(...all.filter((i) => i.kind === 'growth').map((i) => i.target.value));
    return { max, ...(max > value ? { maxLabel: formatQuantity(max, '%') } : {}) };
  }
  if (indicator.baseline) return { max: Math.max(value, indicator.baseline.value) };
  const peers = all.filter((i) => i.kind === 'count' && !i.baseline && i.group.id === indicator.group.id && i.unit === indicator.unit);
  const max = Math.max(...peers.map((i) => i.target.value));
  return { max, ...(max > value ? { maxLabel: formatQuantity(max, indicator.unit) } : {}) };
}

function baselineText(indicator: Indicator): string | undefined {
  const quantity = baselineQuantity(indicator);
  if (!quantity || !indicator.baseline) return undefined;
  if (indicator.target.comparator === '由…增加到…') return `由 ${quantity}`;
  return indicator.baseline.when ? `${quantity}（${indicator.baseline.when}）` : quantity;
}

export function indicatorView(plan: Plan, indicator: Indicator, all: Indicator[], base?: string): IndicatorView {
  const targetText = targetLabel(indicator.target.comparator, indicator.target.value, indicator.unit);
  const targetRef = sourceRef(plan, indicator.target.source, base);
  const bText = baselineText(indicator);
  const baselineRef = indicator.baseline ? sourceRef(plan, indicator.baseline.source, base) : undefined;
  const year = `${indicator.target.year}年`;
  const geometry = chartGeometry({
    target: { value: indicator.target.value, text: targetText, href: targetRef.href, ariaLabel: `${targetText}（${year}目标）。来源：${targetRef.where}` },
    ...(indicator.baseline && bText && baselineRef
      ? { baseline: { value: indicator.baseline.value, text: bText, href: baselineRef.href, ariaLabel: `${bText}（起点）。来源：${baselineRef.where}` } }
      : {}),
    ...scaleFor(indicator, all),
  });
  const desc = `${year}目标：${targetText}${bText ? `；起点：${bText}` : ''}。图中数字链接到原文句子。`;
  const svg = chartSvg(geometry, { id: indicator.id, title: indicator.name, desc });
  return { indicator, targetText, targetRef, ...(bText ? { baselineText: bText } : {}), ...(baselineRef ? { baselineRef } : {}), geometry, svg };
}

export function groupViews(plan: Plan, indicators: Indicator[], base?: string): GroupView[] {
  const groups = new Map<string, GroupView>();
  for (const indicator of indicators) {
    let view = groups.get(indicator.group.id);
    if (!view) {
      const at = locate(plan, indicator.group.id, base);
      view = { group: indicator.group, ref: { href: at.href, where: at.place }, items: [] };
      groups.set(indicator.group.id, view);
    }
    view.items.push(indicatorView(plan, indicator, indicators, base));
  }
  return [...groups.values()];
}

export interface NumberView {
  number: PlanNumber;
  ref: SourceRef;
  /** The clause split around the number, for emphasis. */
  before: string;
  after: string;
}

export interface ChapterNumbers {
  chapter: number;
  /** "一、“十一五”科技发展回顾", or 前言. */
  heading: string;
  anchor: string;
  numbers: NumberView[];
}

/** Every number of the plan, by chapter, in reading order; chapters without numbers are left out. */
export function numbersByChapter(plan: Plan, base?: string): ChapterNumbers[] {
  const all = planNumbers(plan);
  const chapters = [plan.root, ...plan.chapters];
  return chapters
    .map((section) => ({
      chapter: section.chapter,
      heading: section.chapter === 0 ? section.title : section.text,
      anchor: `numbers-${section.chapter}`,
      numbers: all.filter((n) => n.chapter === section.chapter).map((n) => ({
        number: n,
        ref: numberRef(plan, n, base),
        before: n.context.slice(0, n.contextStart),
        after: n.context.slice(n.contextStart + n.text.length),
      })),
    }))
    .filter((c) => c.numbers.length > 0);
}
