/**
 * How the text words a target, "…" standing for the number: 达到…以上 ("达到1.5%以上"),
 * 由…增加到… ("由40个增加到55个"). `before` must occur in the number's clause ahead of it,
 * `after` must follow the number directly; check.ts holds every indicator to its words.
 */
export interface ComparatorWords {
  before?: string;
  after?: string;
  /** 由…增加到…: the baseline's number sits between `before` and `between`. */
  between?: string;
}

export const COMPARATORS = {
  '达到…': { before: '达到' },
  '达到…以上': { before: '达到', after: '以上' },
  '…以上': { after: '以上' },
  '达到…左右': { before: '达到', after: '左右' },
  '不低于…': { before: '不低于' },
  '年均增长…': { before: '年均增长' },
  '年均增长…以上': { before: '年均增长', after: '以上' },
  '由…增加到…': { before: '由', between: '增加到' },
  '建设…': { before: '建设' },
  '建立…': { before: '建立' },
  '重点建设和支持…': { before: '重点建设和支持' },
  '力争…': { before: '力争' },
} as const satisfies Record<string, ComparatorWords>;

export type Comparator = keyof typeof COMPARATORS;

export const COMPARATOR_NAMES = Object.keys(COMPARATORS) as [Comparator, ...Comparator[]];

export function comparatorWords(comparator: Comparator): ComparatorWords {
  return COMPARATORS[comparator];
}

/** A yearly growth rate rather than a level. */
export function isGrowth(comparator: Comparator): boolean {
  return (comparatorWords(comparator).before ?? '').startsWith('年均增长');
}

/** "1.5%", "26500 人": a number and its unit as the page prints them. */
export function formatQuantity(value: number, unit: string): string {
  const number = String(value);
  if (!unit) return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
}

/**
 * The target as a short label that keeps the text's comparator visible: "≥ 1.5%" (…以上,
 * 不低于…), "约 26500 人" (…左右), "年均增长 ≥ 10%", "增加到 55 个", "达到 50%", "力争 10 个".
 */
export function targetLabel(comparator: Comparator, value: number, unit: string): string {
  const quantity = formatQuantity(value, unit);
  const words: ComparatorWords = comparatorWords(comparator);
  const atLeast = words.after === '以上' || words.before === '不低于';
  const sign = atLeast ? '≥ ' : words.after === '左右' ? '约 ' : '';
  if (words.between) return `${words.between} ${quantity}`;
  if (isGrowth(comparator)) return `年均增长 ${sign}${quantity}`;
  if (sign) return `${sign}${quantity}`;
  return `${words.before} ${quantity}`;
}

