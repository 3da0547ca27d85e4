import type { Geometry, GeoNode } from './layout.ts';
import { CATEGORY_LAYER, KT_LAYER } from './schema.ts';
import { legendEntries, legendSample, SAMPLE_HEIGHT, SAMPLE_WIDTH } from './legend.ts';
import { LIGHT, toneColour } from './palette.ts';
import type { ResolveSource, SourceRef } from './sources.ts';

/**
 * Geometry → SVG markup, as a string (the page inlines it; /figures/N.svg serves it as a file).
 * Colours are given twice: as presentation attributes (a light scheme, so the downloaded file
 * stands alone) and as classes that src/styles/figures.css restyles with the page's custom
 * properties (light and dark), because CSS rules override presentation attributes. No inline
 * style and no script: the markup passes a strict CSP and reads complete without JavaScript.
 */

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const attrs = (map: Record<string, string | number | undefined | false>) =>
  Object.entries(map)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');

const tone = toneColour;

const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export interface SvgOptions {
  resolve: ResolveSource;
  /** A file of its own: adds the namespace, the caption and a legend drawn in the SVG. */
  standalone?: boolean;
  /** Prefix for ids inside the SVG, so several figures can share a page. Default: the figure id. */
  idPrefix?: string;
}

export function layerLabel(geometry: Geometry, key: string): string {
  return geometry.columns.find((c) => c.key === key)?.label ?? key;
}

/** What a screen reader announces for a node: the words, their column, and where they are from. */
export function nodeAriaLabelFor(text: string, layer: string, inferred: boolean, ref: SourceRef): string {
  return `${text}（${layer}）${inferred ? '（编者推断）' : ''}。来源：${ref.where}`;
}

export function nodeAriaLabel(geometry: Geometry, node: GeoNode, ref: SourceRef): string {
  // The name must contain the visible text in DOM order (WCAG 2.5.3, label in name): a key
  // technology's number comes first, a count follows the label.
  const text = !node.meta ? node.label : node.layer === KT_LAYER ? `${node.meta} ${node.label}` : `${node.label} ${node.meta}`;
  return nodeAriaLabelFor(text, layerLabel(geometry, node.layer), node.inferred, ref);
}

function renderNode(geometry: Geometry, node: GeoNode, resolve: ResolveSource): string {
  const { fontSize, lineHeight, metaSize, padY } = geometry;
  const ref = resolve(node.source);
  const isCategory = node.layer === CATEGORY_LAYER;
  const classes = ['rm-node', `rm-layer-${node.layer}`, node.tone ? `rm-tone-${node.tone}` : '', node.inferred ? 'rm-inferred' : '', node.domain ? 'rm-domain' : ''].filter(Boolean).join(' ');
  const cx = node.x + node.w / 2;
  const metaH = node.meta ? Math.round(metaSize * 1.35) : 0;
  const textTop = node.y + padY + metaH;
  const out: string[] = [];
  out.push(`<a${attrs({
    class: classes,
    href: ref.href,
    'aria-label': nodeAriaLabel(geometry, node, ref),
    'data-node': node.id,
    'data-layer': node.layer,
    'data-category': node.categories.join(' ') || undefined,
    'data-quote': node.source.quote,
    'data-where': ref.where,
    'data-note': node.note,
  })}>`);
  out.push(`<title>${escapeXml(`${ref.where}：“${node.source.quote}”${node.note ? `\n编者：${node.note}` : ''}`)}</title>`);
  const stroke = isCategory || node.tone ? tone(node.tone) : LIGHT.border;
  out.push(`<rect${attrs({
    class: 'rm-box',
    x: node.x,
    y: node.y,
    width: node.w,
    height: node.h,
    rx: 4,
    fill: isCategory ? LIGHT.panel : LIGHT.bg,
    stroke,
    'stroke-width': isCategory ? 1.5 : 1,
    'stroke-dasharray': node.inferred ? '4 3' : undefined,
  })}/>`);
  if (node.tone && !isCategory) {
    out.push(`<rect${attrs({ class: 'rm-bar', x: node.x, y: node.y, width: 3, height: node.h, fill: tone(node.tone) })}/>`);
  }
  const meta = node.meta ? `<text${attrs({ class: 'rm-meta', x: cx, y: node.y + padY + metaSize, 'text-anchor': 'middle', 'font-size': metaSize, fill: LIGHT.muted })}>${escapeXml(node.layer === KT_LAYER ? `${node.meta} ` : ` ${node.meta}`)}</text>` : '';
  // Drawn on top either way; in the DOM (reading order) the number of a key technology leads. The
  // space (not drawn: SVG collapses it) keeps "关键技术1" apart from "100MW…" in the text content.
  if (node.layer === KT_LAYER) out.push(meta);
  // Baseline of a line: its top plus the ascent, about 0.88em for CJK fonts, centred in the line box.
  const ascent = (lineHeight - fontSize) / 2 + fontSize * 0.88;
  out.push(`<text${attrs({ class: 'rm-label', x: cx, 'text-anchor': 'middle', 'font-size': fontSize, 'font-weight': isCategory ? 700 : undefined, fill: LIGHT.fg })}>`);
  node.lines.forEach((text, i) => out.push(`<tspan${attrs({ x: cx, y: Math.round((textTop + i * lineHeight + ascent) * 10) / 10 })}>${escapeXml(text)}</tspan>`));
  out.push('</text>');
  if (node.layer !== KT_LAYER) out.push(meta);
  out.push('</a>');
  return out.join('');
}

/** The legend inside the standalone file (the page shows the same entries as an HTML list). */
function renderLegend(geometry: Geometry, y: number): string {
  const parts: string[] = [];
  let x = geometry.period.x0;
  for (const { sample, text } of legendEntries(geometry)) {
    if (!sample) continue;
    parts.push(legendSample(sample, x, y - SAMPLE_HEIGHT / 2));
    parts.push(`<text x="${x + SAMPLE_WIDTH + 6}" y="${y + 4}" font-size="12" fill="${LIGHT.fg}">${escapeXml(text)}</text>`);
    x += SAMPLE_WIDTH + 6 + text.length * 12 + 24;
  }
  return `<g class="rm-legend">${parts.join('')}</g>`;
}

export function renderSvg(geometry: Geometry, options: SvgOptions): string {
  const prefix = options.idPrefix ?? geometry.id;
  const { width, period } = geometry;
  const legendH = options.standalone ? 28 : 0;
  const captionH = options.standalone ? 36 : 0;
  const height = Math.round((geometry.height + legendH + captionH) * 10) / 10;
  const title = `图${geometry.n} ${geometry.caption}（据正文重建）`;
  const count = geometry.columns.find((c) => c.note)?.note;
  const desc = `${geometry.domain}领域路线图，由左至右依次为${geometry.columns.map((c) => c.label).join('、')}${count ? `；正文称${count}` : ''}；规划期${period.from}—${period.to}年。实线为正文明言的关系，虚线为编者推断。每个节点链接到其所据原文。`;
  const out: string[] = [];
  out.push(`<svg${attrs({
    xmlns: 'http://www.w3.org/2000/svg',
    class: 'roadmap',
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    'data-figure': geometry.id,
    'font-family': FONT,
  })}>`);
  // The <title> and <desc> children name and describe the SVG (SVG-AAM); aria-labelledby would only repeat them.
  out.push(`<title id="${prefix}-title">${escapeXml(title)}</title>`);
  out.push(`<desc id="${prefix}-desc">${escapeXml(desc)}</desc>`);
  if (options.standalone) {
    out.push(`<rect width="${width}" height="${height}" fill="${LIGHT.bg}"/>`);
    out.push(`<text x="${width / 2}" y="24" text-anchor="middle" font-size="16" font-weight="700" fill="${LIGHT.fg}">${escapeXml(title)}</text>`);
    out.push(`<g transform="translate(0 ${captionH})">`);
  }

  // Column headings, with the stated count under 重点方向.
  out.push('<g class="rm-heads">');
  for (const column of geometry.columns) {
    const cx = column.x + column.w / 2;
    out.push(`<text${attrs({ class: 'rm-head', x: cx, y: 30, 'text-anchor': 'middle', 'font-size': geometry.fontSize + 1, 'font-weight': 700, fill: LIGHT.fg })}>${escapeXml(column.label)}</text>`);
    if (column.note) out.push(`<text${attrs({ class: 'rm-head-note', x: cx, y: 48, 'text-anchor': 'middle', 'font-size': 12, fill: LIGHT.muted })}>${escapeXml(column.note)}</text>`);
    out.push(`<line${attrs({ class: 'rm-rule', x1: column.x, x2: column.x + column.w, y1: 54, y2: 54, stroke: LIGHT.border, 'stroke-width': 1 })}/>`);
  }
  out.push('</g>');

  // Domain-wide nodes sit on a tinted band: the text states them for the whole domain.
  if (geometry.bands.length) {
    out.push('<g class="rm-bands" aria-hidden="true">');
    for (const band of geometry.bands) out.push(`<rect${attrs({ class: 'rm-band', x: band.x, y: band.y, width: band.w, height: band.h, rx: 6, fill: LIGHT.panel })}/>`);
    out.push('</g>');
  }

  // Links under the nodes; decorative for assistive technology (the data table states them).
  out.push('<g class="rm-links" aria-hidden="true">');
  for (const link of geometry.links) {
    out.push(`<path${attrs({
      class: ['rm-link', link.inferred ? 'rm-inferred' : 'rm-stated', link.tone ? `rm-tone-${link.tone}` : ''].filter(Boolean).join(' '),
      d: link.d,
      fill: 'none',
      stroke: tone(link.tone),
      'stroke-width': 1.5,
      'stroke-dasharray': link.inferred ? '5 4' : undefined,
      'data-from': link.from,
      'data-to': link.to,
      'data-category': link.categories.join(' ') || undefined,
    })}/>`);
  }
  out.push('</g>');

  // Nodes column by column, top to bottom: that is also the keyboard order.
  out.push('<g class="rm-nodes">');
  for (const node of geometry.nodes) out.push(renderNode(geometry, node, options.resolve));
  out.push('</g>');

  // The plan period: an arrow under all columns.
  const py = period.y;
  out.push('<g class="rm-period" aria-hidden="true">');
  out.push(`<line${attrs({ class: 'rm-axis', x1: period.x0, x2: period.x1 - 8, y1: py, y2: py, stroke: LIGHT.muted, 'stroke-width': 1.5 })}/>`);
  out.push(`<path${attrs({ class: 'rm-arrow', d: `M${period.x1},${py}l-10,-5v10z`, fill: LIGHT.muted })}/>`);
  const first = period.ticks[0];
  const last = period.ticks[period.ticks.length - 1];
  for (const tick of [first, last]) {
    if (!tick) continue;
    out.push(`<line${attrs({ class: 'rm-axis', x1: tick.x, x2: tick.x, y1: py - 5, y2: py + 5, stroke: LIGHT.muted, 'stroke-width': 1.5 })}/>`);
  }
  const labelY = py + 18;
  if (first) out.push(`<text${attrs({ class: 'rm-period-label', x: first.x, y: labelY, 'font-size': 12, fill: LIGHT.muted })}>${first.year}年</text>`);
  if (last) out.push(`<text${attrs({ class: 'rm-period-label', x: last.x, y: labelY, 'text-anchor': 'end', 'font-size': 12, fill: LIGHT.muted })}>${last.year}年</text>`);
  out.push(`<text${attrs({ class: 'rm-period-label', x: (period.x0 + period.x1) / 2, y: py - 8, 'text-anchor': 'middle', 'font-size': 12, fill: LIGHT.muted })}>“十二五”规划期（${period.from}—${period.to}年）</text>`);
  out.push('</g>');

  if (options.standalone) {
    out.push(renderLegend(geometry, geometry.height + 10));
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('');
}
