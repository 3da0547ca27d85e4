import { baselineUnit, type Indicator } from '../indicators/check.ts';
import { targetLabel } from '../indicators/comparators.ts';
import { numberRef } from '../indicators/links.ts';
import type { PlanNumber } from '../indicators/plan-numbers.ts';
import { locate } from '../plan/locate.ts';
import type { Plan } from '../plan/outline.ts';
import type { Column } from './csv.ts';
import { sourceOut } from './figures-export.ts';
import type { EditionInfo } from './plan-export.ts';

/** indicators.json/.csv: the targets of 三（三） as on /targets/; numbers.json/.csv: every number of the plan. */

export function indicatorsJson(plan: Plan, indicators: Indicator[], info: EditionInfo) {
  return {
    $schema: './indicators.schema.json',
    title: '“十二五”主要目标（三（三））',
    edition: info.edition,
    indicators: indicators.map((i) => ({
      id: i.id,
      group: { id: i.group.id, title: i.group.title },
      name: i.name,
      unit: i.unit,
      kind: i.kind,
      target: {
        value: i.target.value,
        comparator: i.target.comparator,
        label: targetLabel(i.target.comparator, i.target.value, i.unit),
        year: i.target.year,
        source: sourceOut(plan, i.target.source, info.base),
      },
      baseline: i.baseline
        ? { value: i.baseline.value, unit: baselineUnit(i), when: i.baseline.when ?? null, source: sourceOut(plan, i.baseline.source, info.base) }
        : null,
      note: i.note ?? null,
    })),
  };
}

export type IndicatorOut = ReturnType<typeof indicatorsJson>['indicators'][number];

export const indicatorColumns = (edition: string): Column<IndicatorOut>[] => [
  { name: 'id', description: '指标编号（小写英文连字符，稳定不变）', value: (i) => i.id },
  { name: 'group', description: '目标领域（原文段首标签），总体目标另列', value: (i) => i.group.title },
  { name: 'group_id', description: '设定该领域目标的原文段落编号', value: (i) => i.group.id },
  { name: 'name', description: '指标名称（尽量用原文字词）', value: (i) => i.name },
  { name: 'unit', description: '单位（原文所用）', value: (i) => i.unit },
  { name: 'kind', description: 'share＝比例；growth＝年均增长率；count＝数量', value: (i) => i.kind },
  { name: 'target_value', description: '目标值（原文数字）', value: (i) => i.target.value },
  { name: 'target_comparator', description: '原文表述，“…”代表数字，如“达到…以上”', value: (i) => i.target.comparator },
  { name: 'target_label', description: '页面所示的目标，如“≥ 1.5%”“约 26500 人”', value: (i) => i.target.label },
  { name: 'target_year', description: '目标年份', value: (i) => i.target.year },
  { name: 'target_source_id', description: '目标所在原文段落编号', value: (i) => i.target.source.id },
  { name: 'target_quote', description: '目标原文（逐字）', value: (i) => i.target.source.quote },
  { name: 'target_place', description: '目标原文位置', value: (i) => i.target.source.place },
  { name: 'baseline_value', description: '起点值（仅原文给出时）', value: (i) => i.baseline?.value },
  { name: 'baseline_unit', description: '起点单位（原文所用）', value: (i) => i.baseline?.unit },
  { name: 'baseline_when', description: '起点时间（原文字词，原文未注则空）', value: (i) => i.baseline?.when },
  { name: 'baseline_source_id', description: '起点所在原文段落编号', value: (i) => i.baseline?.source.id },
  { name: 'baseline_quote', description: '起点原文（逐字）', value: (i) => i.baseline?.source.quote },
  { name: 'baseline_place', description: '起点原文位置', value: (i) => i.baseline?.source.place },
  { name: 'note', description: '编者说明', value: (i) => i.note },
  { name: 'edition_date', description: '本校读本的版本日期', value: () => edition },
];

export function numbersJson(plan: Plan, numbers: PlanNumber[], info: EditionInfo) {
  return {
    $schema: './numbers.schema.json',
    title: '规划中的全部数字',
    edition: info.edition,
    numbers: numbers.map((n) => {
      const ref = numberRef(plan, n, info.base);
      return {
        id: n.id,
        block: n.blockId,
        chapter: n.chapter,
        text: n.text,
        value: n.value,
        scale: n.scale,
        unit: n.unit,
        more: n.more,
        ordinal: n.ordinal,
        start: n.start,
        end: n.end,
        context: n.context,
        place: ref.where,
        href: ref.href,
        notes: n.notes,
        section: locate(plan, n.blockId).section.id,
      };
    }),
  };
}

export type NumberOut = ReturnType<typeof numbersJson>['numbers'][number];

export const numberColumns = (edition: string): Column<NumberOut>[] => [
  { name: 'id', description: '数字编号：所在段落编号加序号，如 sec-3-3-p6-n3', value: (n) => n.id },
  { name: 'block', description: '所在段落、标题或关键技术的编号', value: (n) => n.block },
  { name: 'chapter', description: '所在部分：0＝前言，1—6＝一至六', value: (n) => n.chapter },
  { name: 'text', description: '原文写法（数字连单位）', value: (n) => n.text },
  { name: 'value', description: '数值（按原文数字，不乘“亿”“万”）', value: (n) => n.value },
  { name: 'scale', description: '单位所含倍数：亿＝100000000，万＝10000，其余为 1', value: (n) => n.scale },
  { name: 'unit', description: '单位（不含“亿”“万”）；原文未印单位则空', value: (n) => n.unit },
  { name: 'more', description: 'true：原文作“多”，如“20多个”', value: (n) => n.more },
  { name: 'ordinal', description: 'true：名次，如“第22位”', value: (n) => n.ordinal },
  { name: 'context', description: '所在分句（原文）', value: (n) => n.context },
  { name: 'place', description: '原文位置', value: (n) => n.place },
  { name: 'href', description: '原文链接（站内路径，高亮该数字）', value: (n) => n.href },
  { name: 'notes', description: '涉及该数字的编者注编号，空格分隔', value: (n) => n.notes.join(' ') },
  { name: 'edition_date', description: '本校读本的版本日期', value: () => edition },
];
