import type { Geometry } from './layout.ts';
import { LIGHT } from './palette.ts';

/**
 * What a figure's legend says, decided once from its geometry: the page draws it as an HTML
 * list, the standalone SVG file draws it inside the picture. Each sample is SVG markup with
 * both a class (the page restyles it for light and dark) and light presentation attributes
 * (the file stands alone).
 */
export type LegendSample = 'stated-link' | 'inferred-link' | 'inferred-node' | 'domain-band' | 'order-link';

/** An entry without a sample is a note in words only (the colour bar is explained, not drawn). */
export interface LegendEntry { sample?: LegendSample; text: string }

export function legendEntries(geometry: Geometry): LegendEntry[] {
  const entries: LegendEntry[] = [];
  if (geometry.hasStatedLinks) entries.push({ sample: 'stated-link', text: '实线：正文明言的关系' });
  if (geometry.hasInferredLinks) entries.push({ sample: 'inferred-link', text: '虚线：编者推断的关系' });
  if (geometry.hasInferredNodes) entries.push({ sample: 'inferred-node', text: '虚框：编者拆分或推断的节点' });
  if (geometry.bands.length) entries.push({ sample: 'domain-band', text: '灰底：正文就整个领域而言' });
  entries.push({ text: '左侧色条：所属重点方向' });
  return entries;
}

/** 图1's legend (drawn by Mermaid, so it has no Geometry). */
export const MERMAID_LEGEND: LegendEntry[] = [
  { sample: 'order-link', text: '粗线：规划的层次顺序（三→四→六）' },
  { sample: 'stated-link', text: '细线：正文所述任务及其内容' },
];

export const SAMPLE_WIDTH = 28;
export const SAMPLE_HEIGHT = 14;

/** A sample drawn in a SAMPLE_WIDTH × SAMPLE_HEIGHT box whose top left corner is (x, y). */
export function legendSample(sample: LegendSample, x = 0, y = 0): string {
  const mid = y + SAMPLE_HEIGHT / 2;
  const line = (cls: string, width: number, dash?: string) =>
    `<line class="${cls}" x1="${x}" y1="${mid}" x2="${x + SAMPLE_WIDTH}" y2="${mid}" stroke="${LIGHT.link}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
  switch (sample) {
    case 'stated-link': return line('lg-line', 1.5);
    case 'inferred-link': return line('lg-line is-inferred', 1.5, '5 4');
    case 'order-link': return line('lg-thick', 3);
    case 'inferred-node': return `<rect class="lg-box is-inferred" x="${x + 0.5}" y="${y + 0.5}" width="${SAMPLE_WIDTH - 1}" height="${SAMPLE_HEIGHT - 1}" rx="3" fill="none" stroke="${LIGHT.border}" stroke-dasharray="4 3"/>`;
    case 'domain-band': return `<rect class="lg-band" x="${x}" y="${y}" width="${SAMPLE_WIDTH}" height="${SAMPLE_HEIGHT}" rx="3" fill="${LIGHT.panel}"/>`;
  }
}
