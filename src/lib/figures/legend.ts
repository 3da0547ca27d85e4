import type { Geometry } from './layout/geometry.ts';
import { BASIS_DASH, LIGHT } from './palette.ts';
import type { LinkBasis } from './provenance.ts';

/**
 * What a figure's legend says, decided once from its geometry: the page draws it as an HTML
 * list, the standalone SVG file draws it inside the picture. Each sample is SVG markup with
 * both a class (the page restyles it for light and dark) and light presentation attributes
 * (the file stands alone).
 */
export type LegendSample = `${LinkBasis}-link` | 'inferred-node' | 'band' | 'not-stated' | 'order-arrow';

/** An entry without a sample is a note in words only (the colour bar is explained, not drawn). */
export interface LegendEntry { sample?: LegendSample; text: string }

export const BASIS_LABEL: Record<LinkBasis, string> = {
  stated: '正文明言',
  shared: '措辞相同',
  judgement: '编者判断',
};

const BASIS_TEXT: Record<LinkBasis, string> = {
  stated: '实线：正文明言的关系（一句话同时提到两端）',
  shared: '点线：两端措辞相同（由程序比对用语得出）',
  judgement: '虚线：编者判断（数据表列出理由）',
};

export function legendEntries(geometry: Geometry): LegendEntry[] {
  const entries: LegendEntry[] = [];
  for (const basis of ['stated', 'shared', 'judgement'] as const) {
    if (geometry.basisCounts[basis]) entries.push({ sample: `${basis}-link`, text: BASIS_TEXT[basis] });
  }
  if (geometry.hasInferredNodes) entries.push({ sample: 'inferred-node', text: '虚框：编者拆分的节点' });
  if (geometry.gaps.length) entries.push({ sample: 'not-stated', text: '正文未述：正文于此无相应内容' });
  if (geometry.kind === 'domain') {
    entries.push({ sample: 'band', text: '灰底：正文就全领域而言' });
    if (geometry.categories.length > 1) entries.push({ text: '色条：所属重点方向' });
  } else {
    entries.push({ sample: 'order-arrow', text: '箭头：规划的层次（三→四），保障措施（六）为基础' });
  }
  return entries;
}

export const SAMPLE_WIDTH = 28;
export const SAMPLE_HEIGHT = 14;

/** A sample drawn in a SAMPLE_WIDTH × SAMPLE_HEIGHT box whose top left corner is (x, y). */
export function legendSample(sample: LegendSample, x = 0, y = 0): string {
  const mid = y + SAMPLE_HEIGHT / 2;
  switch (sample) {
    case 'stated-link':
    case 'shared-link':
    case 'judgement-link': {
      const basis = sample.replace('-link', '') as LinkBasis;
      const dash = BASIS_DASH[basis];
      return `<line class="lg-line rm-basis-${basis}" x1="${x}" y1="${mid}" x2="${x + SAMPLE_WIDTH}" y2="${mid}" stroke="${LIGHT.link}" stroke-width="1.6"${dash ? ` stroke-dasharray="${dash}"` : ''}${basis === 'shared' ? ' stroke-linecap="round"' : ''}/>`;
    }
    case 'order-arrow':
      return `<path class="lg-arrow" d="M${x},${mid}H${x + SAMPLE_WIDTH - 7}" stroke="${LIGHT.muted}" stroke-width="2" fill="none"/><path class="lg-arrow-head" d="M${x + SAMPLE_WIDTH},${mid}L${x + SAMPLE_WIDTH - 7},${mid - 4.4}L${x + SAMPLE_WIDTH - 7},${mid + 4.4}Z" fill="${LIGHT.muted}"/>`;
    case 'inferred-node':
      return `<rect class="lg-box is-inferred" x="${x + 0.5}" y="${y + 0.5}" width="${SAMPLE_WIDTH - 1}" height="${SAMPLE_HEIGHT - 1}" rx="3" fill="none" stroke="${LIGHT.border}" stroke-dasharray="4 3"/>`;
    case 'not-stated':
      return `<rect class="lg-gap" x="${x + 0.5}" y="${y + 0.5}" width="${SAMPLE_WIDTH - 1}" height="${SAMPLE_HEIGHT - 1}" rx="3" fill="none" stroke="${LIGHT.border}" stroke-dasharray="2 3"/>`;
    case 'band':
      return `<rect class="lg-band" x="${x}" y="${y}" width="${SAMPLE_WIDTH}" height="${SAMPLE_HEIGHT}" rx="3" fill="${LIGHT.panel}"/>`;
  }
}
