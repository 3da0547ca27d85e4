import { escapeXml } from '../figures/svg.ts';
import { measure } from '../figures/wrap.ts';
import { LIGHT } from '../figures/palette.ts';

/**
 * The small chart of one indicator, drawn at build time: a labelled bar for a target alone, a
 * dumbbell (baseline ○ → target ●) where the text gives both ends. Every chart starts at 0, so
 * lengths are honest; labels sit above (target) and below (baseline, scale) the axis, clamped
 * inside the chart. Geometry is a pure function (tested for overlap and bounds); chartSvg turns
 * it into markup with presentation attributes for a file on its own and classes that
 * src/styles/targets.css restyles for the page's light and dark schemes. No style, no script.
 */

export const CHART_WIDTH = 320;
const PAD = 8;
export const LABEL_SIZE = 15;
export const TICK_SIZE = 13;

export interface ChartEnd {
  value: number;
  /** What the label says: "约 26500 人", "19996 人（2009年）". */
  text: string;
  href: string;
  /** The link's accessible name; starts with the visible text (WCAG 2.5.3). */
  ariaLabel: string;
}

export interface ChartInput {
  target: ChartEnd;
  baseline?: ChartEnd;
  /** The end of the scale (100 for a share); the scale always starts at 0. */
  max: number;
  /** The label at the end of the scale ("100%"), or none where the target marks it. */
  maxLabel?: string;
}

export interface ChartText {
  role: 'target' | 'baseline' | 'tick';
  text: string;
  /** Left edge (text-anchor start) and baseline of the text. */
  x: number;
  y: number;
  size: number;
  /** Estimated box, for bounds and overlap checks. */
  box: { x: number; y: number; width: number; height: number };
  link?: { href: string; ariaLabel: string };
}

export interface ChartGeometry {
  kind: 'bar' | 'dumbbell';
  width: number;
  height: number;
  axis: { x1: number; x2: number; y: number };
  /** Bar: the filled length from 0 to the target. */
  bar?: { x: number; y: number; width: number; height: number };
  /** Dumbbell: the stretch from baseline to target, and the two dots. */
  range?: { x1: number; x2: number; y: number };
  baseDot?: { cx: number; cy: number; r: number };
  targetDot?: { cx: number; cy: number; r: number };
  texts: ChartText[];
}

const round = (n: number) => Math.round(n * 10) / 10;

function placeText(role: ChartText['role'], text: string, centre: number, y: number, size: number, link?: ChartText['link']): ChartText {
  const width = round(measure(text) * size);
  const x = round(Math.min(Math.max(centre - width / 2, PAD), CHART_WIDTH - PAD - width));
  return { role, text, x, y, size, box: { x, y: round(y - size * 0.88), width, height: round(size * 1.12) }, ...(link ? { link } : {}) };
}

export function overlaps(a: ChartText['box'], b: ChartText['box']): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export function chartGeometry(input: ChartInput): ChartGeometry {
  const x1 = PAD;
  const x2 = CHART_WIDTH - PAD;
  if (!(input.max > 0) || input.target.value > input.max || (input.baseline && input.baseline.value > input.max)) {
    throw new RangeError(`chartGeometry: values must lie within 0…${input.max}`);
  }
  const at = (v: number) => round(x1 + ((x2 - x1) * v) / input.max);
  const link = (end: ChartEnd) => ({ href: end.href, ariaLabel: end.ariaLabel });
  const labelY = LABEL_SIZE + 2;
  const axisY = labelY + 16;
  const tickY = axisY + 14 + TICK_SIZE;
  const texts: ChartText[] = [];
  const tx = at(input.target.value);
  texts.push(placeText('target', input.target.text, tx, labelY, LABEL_SIZE, link(input.target)));

  let geometry: Omit<ChartGeometry, 'texts' | 'height'>;
  let lowestY = tickY;
  if (input.baseline) {
    const bx = at(input.baseline.value);
    const baseY = axisY + 14 + LABEL_SIZE;
    lowestY = Math.max(tickY, baseY);
    texts.push(placeText('baseline', input.baseline.text, bx, baseY, LABEL_SIZE, link(input.baseline)));
    geometry = { kind: 'dumbbell', width: CHART_WIDTH, axis: { x1, x2, y: axisY }, range: { x1: bx, x2: tx, y: axisY }, baseDot: { cx: bx, cy: axisY, r: 5 }, targetDot: { cx: tx, cy: axisY, r: 6 } };
  } else {
    geometry = { kind: 'bar', width: CHART_WIDTH, axis: { x1, x2, y: axisY }, bar: { x: x1, y: axisY - 6, width: round(tx - x1), height: 12 } };
  }
  // The scale's ends, where they do not collide with a label below the axis.
  const ticks = [placeText('tick', '0', x1, tickY, TICK_SIZE), ...(input.maxLabel ? [placeText('tick', input.maxLabel, x2, tickY, TICK_SIZE)] : [])];
  for (const tick of ticks) if (!texts.some((t) => overlaps(t.box, tick.box))) texts.push(tick);
  return { ...geometry, height: Math.ceil(lowestY + 6), texts };
}

const attrs = (map: Record<string, string | number | undefined>) =>
  Object.entries(map)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');

const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** The chart as SVG markup: a title and description name it; each number is a link to its sentence. */
export function chartSvg(g: ChartGeometry, options: { id: string; title: string; desc: string }): string {
  const out: string[] = [];
  out.push(`<svg${attrs({ xmlns: 'http://www.w3.org/2000/svg', class: `tg-chart tg-${g.kind}`, viewBox: `0 0 ${g.width} ${g.height}`, width: g.width, height: g.height, 'font-family': FONT, 'data-indicator': options.id })}>`);
  out.push(`<title>${escapeXml(options.title)}</title><desc>${escapeXml(options.desc)}</desc>`);
  out.push('<g aria-hidden="true">');
  out.push(`<line${attrs({ class: 'tg-axis', x1: g.axis.x1, y1: g.axis.y, x2: g.axis.x2, y2: g.axis.y, stroke: LIGHT.border, 'stroke-width': 1 })}/>`);
  out.push(`<line${attrs({ class: 'tg-zero', x1: g.axis.x1, y1: g.axis.y - 6, x2: g.axis.x1, y2: g.axis.y + 6, stroke: LIGHT.border, 'stroke-width': 1 })}/>`);
  if (g.bar) out.push(`<rect${attrs({ class: 'tg-bar', x: g.bar.x, y: g.bar.y, width: g.bar.width, height: g.bar.height, fill: LIGHT.tones[0] })}/>`);
  if (g.range) out.push(`<line${attrs({ class: 'tg-range', x1: g.range.x1, y1: g.range.y, x2: g.range.x2, y2: g.range.y, stroke: LIGHT.tones[0], 'stroke-width': 3 })}/>`);
  if (g.baseDot) out.push(`<circle${attrs({ class: 'tg-base', cx: g.baseDot.cx, cy: g.baseDot.cy, r: g.baseDot.r, fill: LIGHT.bg, stroke: LIGHT.fg, 'stroke-width': 2 })}/>`);
  if (g.targetDot) out.push(`<circle${attrs({ class: 'tg-target', cx: g.targetDot.cx, cy: g.targetDot.cy, r: g.targetDot.r, fill: LIGHT.tones[0] })}/>`);
  for (const t of g.texts.filter((x) => !x.link)) {
    out.push(`<text${attrs({ class: `tg-${t.role}`, x: t.x, y: t.y, 'font-size': t.size, fill: LIGHT.muted })}>${escapeXml(t.text)}</text>`);
  }
  out.push('</g>');
  for (const t of g.texts.filter((x) => x.link)) {
    out.push(`<a${attrs({ class: `tg-link tg-link-${t.role}`, href: t.link!.href, 'aria-label': t.link!.ariaLabel })}>`);
    out.push(`<text${attrs({ class: `tg-${t.role}`, x: t.x, y: t.y, 'font-size': t.size, 'font-weight': t.role === 'target' ? 700 : 400, fill: t.role === 'target' ? LIGHT.tones[0] : LIGHT.fg })}>${escapeXml(t.text)}</text>`);
    out.push('</a>');
  }
  out.push('</svg>');
  return out.join('');
}
