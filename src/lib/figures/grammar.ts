/**
 * The one visual grammar of the twelve figures. It is fixed here, not in the data, so every
 * domain figure has the same columns in the same order and a reader who has learnt one has
 * learnt all eleven; where the text says nothing for a column, the figure says "正文未述".
 *
 * Domain figures (图2–图12) read left to right: the chain 重点方向 → 研发内容 → 重大关键技术,
 * which feeds one band of what the text states for the domain as a whole (创新方式, 组织载体,
 * 成熟度, 目标). The overall roadmap (图1) reads top to bottom in the plan's own order:
 * 指导思想 → 基本原则 → 主要目标 → 主要任务 (each task with its contents), on the foundation of
 * 保障措施.
 */

export interface Layer { key: string; label: string }

/** The chain of a domain figure, left to right. */
export const DOMAIN_CHAIN: readonly Layer[] = [
  { key: 'category', label: '重点方向' },
  { key: 'technology', label: '研发内容' },
  { key: 'kt', label: '重大关键技术' },
];

/** The band the whole chain feeds: what the text says of the domain as a whole, top to bottom. */
export const DOMAIN_BAND: readonly Layer[] = [
  { key: 'mode', label: '创新方式' },
  { key: 'vehicle', label: '组织载体' },
  { key: 'maturity', label: '成熟度' },
  { key: 'goal', label: '目标' },
];

export const DOMAIN_BAND_TITLE = '领域整体';
export const DOMAIN_BAND_NOTE = '正文就全领域而言';

/** The bands of 图1, top to bottom; `content` nests under its `task`. */
export const OVERVIEW_BANDS: readonly Layer[] = [
  { key: 'guiding', label: '指导思想' },
  { key: 'principle', label: '基本原则' },
  { key: 'target', label: '主要目标' },
  { key: 'task', label: '主要任务' },
  { key: 'safeguard', label: '保障措施' },
];
export const OVERVIEW_NESTED: Layer = { key: 'content', label: '任务内容' };

export const DOMAIN_LAYER_KEYS = [...DOMAIN_CHAIN, ...DOMAIN_BAND].map((l) => l.key);
export const OVERVIEW_LAYER_KEYS = [...OVERVIEW_BANDS, OVERVIEW_NESTED].map((l) => l.key);

/** What the 研发内容 column holds when it is not a technology, and how a node says so. */
export const TECHNOLOGY_KINDS = ['product', 'resource', 'project'] as const;
export type TechnologyKind = (typeof TECHNOLOGY_KINDS)[number];
export const TECHNOLOGY_KIND_LABEL: Record<TechnologyKind, string> = { product: '产品', resource: '资源', project: '项目' };

/** Where the text says nothing for a column or a band section. */
export const NOT_STATED = '正文未述';

/** A figure's layers in reading order: 图1's bands with each task's contents after the tasks. */
export function layersOf(n: number): Layer[] {
  return n === 1 ? [...OVERVIEW_BANDS.slice(0, 4), OVERVIEW_NESTED, ...OVERVIEW_BANDS.slice(4)] : [...DOMAIN_CHAIN, ...DOMAIN_BAND];
}

export function layerKeysOf(n: number): string[] {
  return n === 1 ? OVERVIEW_LAYER_KEYS : DOMAIN_LAYER_KEYS;
}

export function layerLabel(key: string): string {
  return [...DOMAIN_CHAIN, ...DOMAIN_BAND, ...OVERVIEW_BANDS, OVERVIEW_NESTED].find((l) => l.key === key)?.label ?? key;
}

/** The plan period as the text words it (it prints "“十二五”期间" and "到2015年", never "2011"). */
export const PLAN_PERIOD = '“十二五”期间（到2015年）';
