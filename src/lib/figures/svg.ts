import { DOMAIN_BAND, DOMAIN_BAND_TITLE, DOMAIN_CHAIN, layerLabel, OVERVIEW_BANDS, PLAN_PERIOD } from './grammar.ts';
import type { Geometry, GeoNode } from './layout/geometry.ts';
import { legendEntries, legendSample, SAMPLE_HEIGHT, SAMPLE_WIDTH } from './legend.ts';
import { BASIS_DASH, LIGHT, toneColour } from './palette.ts';
import type { ResolveSource, SourceRef } from './sources.ts';
import { measure } from './wrap.ts';

/**
 * Geometry → SVG markup, as a string (the page inlines it; /figures/N.svg serves it as a file).
 * Colours are given twice: as presentation attributes (a light scheme, so the downloaded file
 * stands alone) and as classes that src/styles/figures.css restyles with the page's custom
 * properties (light and dark), because CSS rules override presentation attributes. No <style>,
 * no style attribute and no script: the markup passes a strict CSP and reads complete without
 * JavaScript. One node is in the Tab order; the figure script moves focus among the others.
 */

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const attrs = (map: Record<string, string | number | undefined | false>) =>
  Object.entries(map)
    .filter(([, v]) => v !== undefined && v !== false)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');

const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export interface SvgOptions {
  resolve: ResolveSource;
  /** A file of its own: adds the namespace, a background, the caption and the legend. */
  standalone?: boolean;
  /** Prefix for ids inside the SVG, so several drawings can share a page. Default: the figure id. */
  idPrefix?: string;
}

/** What a screen reader announces for a node: the words, their column, and where they are from. */
export function nodeAriaLabel(node: GeoNode, ref: SourceRef): string {
  // The name must contain the visible text in DOM order (WCAG 2.5.3, label in name).
  const text = [node.meta, node.label, ...(node.detailLines.length ? [node.detailLines.join('')] : [])].filter(Boolean).join(' ');
  return `${text}（${layerLabel(node.layer)}）${node.inferred ? '（编者拆分）' : ''}。来源：${ref.where}`;
}

/** The words of the figure's caption in the picture and its description. */
export function figureTitle(geometry: Geometry): string {
  return `图${geometry.n} ${geometry.caption}（据正文重建）`;
}

/**
 * How the figure reads. The drawing's nodes are links; a picture of it (an <img>, whose links are
 * inert) says where the same sources are given instead: the figure's data table.
 */
export function figureDescription(geometry: Geometry, linked = true): string {
  const sources = linked ? '每个节点链接到其所据原文。' : `各节点所据原文见图${geometry.n}的数据表。`;
  if (geometry.kind === 'overview') {
    return `总体路线图，由上至下依次为${OVERVIEW_BANDS.slice(0, -1).map((b) => b.label).join('、')}（每项任务之下为正文所列内容），以${OVERVIEW_BANDS.at(-1)!.label}为基础；规划期${PLAN_PERIOD}。${sources}`;
  }
  const count = geometry.heads.find((h) => h.note && h.text === DOMAIN_CHAIN[0]!.label)?.note?.text;
  return `${geometry.domain}领域路线图，由左至右依次为${DOMAIN_CHAIN.map((c) => c.label).join('、')}，汇入${DOMAIN_BAND_TITLE}（${DOMAIN_BAND.map((b) => b.label).join('、')}）${count ? `；正文称${count}` : ''}；规划期${PLAN_PERIOD}。实线为正文明言的关系，点线为两端措辞相同，虚线为编者判断；“正文未述”处正文无相应内容。${sources}`;
}

function renderNode(geometry: Geometry, node: GeoNode, ref: SourceRef, focusable: boolean): string {
  const { fontSize, lineHeight, metaSize, padY } = geometry.metrics;
  const classes = ['rm-node', `rm-layer-${node.layer}`, node.tone ? `rm-tone-${node.tone}` : '', node.inferred ? 'rm-inferred' : '', node.strong ? 'rm-strong' : ''].filter(Boolean).join(' ');
  const cx = Math.round((node.x + node.w / 2) * 10) / 10;
  const metaH = node.meta ? Math.round(metaSize * 1.35) : 0;
  // Boxes of a row share a height: the words sit in the middle of theirs.
  const slack = (node.h - 2 * padY - metaH - (node.lines.length + node.detailLines.length) * lineHeight) / 2;
  const out: string[] = [];
  out.push(`<a${attrs({
    class: classes,
    href: ref.href,
    tabindex: focusable ? 0 : -1,
    'aria-label': nodeAriaLabel(node, ref),
    'data-node': node.id,
    'data-layer': node.layer,
    'data-category': node.categories.join(' ') || undefined,
    'data-quote': node.source.quote,
    'data-where': ref.where,
    'data-note': node.note,
  })}>`);
  out.push(`<title>${escapeXml(`${ref.where}：“${node.source.quote}”${node.note ? `\n编者：${node.note}` : ''}`)}</title>`);
  out.push(`<rect${attrs({
    class: 'rm-box', x: node.x, y: node.y, width: node.w, height: node.h, rx: 4,
    fill: node.strong ? LIGHT.panel : LIGHT.bg,
    stroke: node.tone ? toneColour(node.tone) : LIGHT.border,
    'stroke-width': node.strong ? 1.5 : 1,
    'stroke-dasharray': node.inferred ? '4 3' : undefined,
  })}/>`);
  if (node.tone && !node.strong) out.push(`<rect${attrs({ class: 'rm-bar', x: node.x, y: node.y, width: 3, height: node.h, fill: toneColour(node.tone) })}/>`);
  const top = node.y + padY + Math.max(0, slack);
  if (node.meta) out.push(`<text${attrs({ class: 'rm-meta', x: cx, y: Math.round((top + metaSize) * 10) / 10, 'text-anchor': 'middle', 'font-size': metaSize, fill: LIGHT.muted })}>${escapeXml(node.meta)} </text>`);
  // Baseline of a line: its top plus the ascent, about 0.88em for CJK fonts, centred in the line box.
  const ascent = (lineHeight - fontSize) / 2 + fontSize * 0.88;
  const textTop = top + metaH;
  const baseline = (i: number) => Math.round((textTop + i * lineHeight + ascent) * 10) / 10;
  out.push(`<text${attrs({ class: 'rm-label', x: cx, 'text-anchor': 'middle', 'font-size': fontSize, 'font-weight': node.strong ? 700 : undefined, fill: LIGHT.fg })}>`);
  node.lines.forEach((line, i) => out.push(`<tspan${attrs({ x: cx, y: baseline(i) })}>${escapeXml(line)}</tspan>`));
  out.push('</text>');
  if (node.detailLines.length) {
    out.push(`<text${attrs({ class: 'rm-detail', x: cx, 'text-anchor': 'middle', 'font-size': fontSize, fill: LIGHT.muted })}>`);
    node.detailLines.forEach((line, i) => out.push(`<tspan${attrs({ x: cx, y: baseline(node.lines.length + i) })}>${i === 0 ? ' ' : ''}${escapeXml(line)}</tspan>`));
    out.push('</text>');
  }
  out.push('</a>');
  return out.join('');
}

/** The legend inside the standalone file, in rows that fit its width. */
function renderLegend(geometry: Geometry, top: number): { markup: string; height: number } {
  const parts: string[] = [];
  const rowH = 22;
  let x = 12;
  let y = top + SAMPLE_HEIGHT / 2;
  for (const { sample, text } of legendEntries(geometry)) {
    const w = (sample ? SAMPLE_WIDTH + 6 : 0) + measure(text) * 12 + 20;
    if (x > 12 && x + w > geometry.width - 12) { x = 12; y += rowH; }
    if (sample) parts.push(legendSample(sample, x, y - SAMPLE_HEIGHT / 2));
    parts.push(`<text x="${x + (sample ? SAMPLE_WIDTH + 6 : 0)}" y="${y + 4}" font-size="12" fill="${LIGHT.fg}">${escapeXml(text)}</text>`);
    x += w;
  }
  return { markup: `<g class="rm-legend">${parts.join('')}</g>`, height: y - top + SAMPLE_HEIGHT / 2 + 8 };
}

const CAPTION_H = 52;

/** The size of the drawing: the geometry, plus the caption and legend of a standalone file. */
export function svgSize(geometry: Geometry, standalone: boolean): { width: number; height: number } {
  const extra = standalone ? CAPTION_H + renderLegend(geometry, 0).height : 0;
  return { width: geometry.width, height: Math.round((geometry.height + extra) * 10) / 10 };
}

export function renderSvg(geometry: Geometry, options: SvgOptions): string {
  const prefix = options.idPrefix ?? geometry.id;
  const { width, metrics: m } = geometry;
  const title = figureTitle(geometry);
  const captionH = options.standalone ? CAPTION_H : 0;
  const legend = options.standalone ? renderLegend(geometry, captionH + geometry.height) : undefined;
  const { height } = svgSize(geometry, options.standalone ?? false);
  const out: string[] = [];
  out.push(`<svg${attrs({
    xmlns: 'http://www.w3.org/2000/svg',
    class: `roadmap roadmap-${geometry.kind}`,
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    'data-figure': geometry.id,
    'font-family': FONT,
    // Inline, Chromium would make the drawing itself a Tab stop besides its one node.
    tabindex: options.standalone ? undefined : -1,
  })}>`);
  // The <title> and <desc> children name and describe the SVG (SVG-AAM).
  out.push(`<title id="${prefix}-title">${escapeXml(title)}</title>`);
  out.push(`<desc id="${prefix}-desc">${escapeXml(figureDescription(geometry))}</desc>`);
  if (options.standalone) {
    out.push(`<rect width="${width}" height="${height}" fill="${LIGHT.bg}"/>`);
    out.push(`<text x="${width / 2}" y="24" text-anchor="middle" font-size="16" font-weight="700" fill="${LIGHT.fg}">${escapeXml(title)}</text>`);
    out.push(`<text x="${width / 2}" y="42" text-anchor="middle" font-size="12" fill="${LIGHT.muted}">规划期：${escapeXml(PLAN_PERIOD)}</text>`);
    out.push(`<g transform="translate(0 ${captionH})">`);
  }

  if (geometry.frames.length) {
    out.push('<g class="rm-frames" aria-hidden="true">');
    for (const f of geometry.frames) out.push(`<rect${attrs({ class: 'rm-frame', x: f.x, y: f.y, width: f.w, height: f.h, rx: 6, fill: LIGHT.panel })}/>`);
    out.push('</g>');
  }

  out.push('<g class="rm-heads">');
  for (const head of geometry.heads) {
    // Column headings at heading size; band and section titles at the size of the labels.
    out.push(`<text${attrs({ class: 'rm-head', x: head.x, y: head.y, 'text-anchor': head.anchor, 'font-size': head.anchor === 'middle' ? m.headSize : m.fontSize, 'font-weight': 700, fill: LIGHT.fg })}>${escapeXml(head.text)}</text>`);
    if (head.note) out.push(`<text${attrs({ class: 'rm-head-note', x: head.x, y: head.note.y, 'text-anchor': head.anchor, 'font-size': m.noteSize, fill: LIGHT.muted })}>${escapeXml(head.note.text)}</text>`);
    if (head.rule) out.push(`<line${attrs({ class: 'rm-rule', x1: head.rule.x1, x2: head.rule.x2, y1: head.rule.y, y2: head.rule.y, stroke: LIGHT.border, 'stroke-width': 1 })}/>`);
  }
  out.push('</g>');

  if (geometry.gaps.length) {
    out.push('<g class="rm-gaps">');
    for (const g of geometry.gaps) {
      out.push(`<rect${attrs({ class: 'rm-gap', x: g.x, y: g.y, width: g.w, height: g.h, rx: 4, fill: 'none', stroke: LIGHT.border, 'stroke-width': 1, 'stroke-dasharray': '2 3' })}/>`);
      out.push(`<text${attrs({ class: 'rm-gap-text', x: Math.round((g.x + g.w / 2) * 10) / 10, y: Math.round((g.y + g.h / 2 + m.noteSize * 0.36) * 10) / 10, 'text-anchor': 'middle', 'font-size': m.noteSize, fill: LIGHT.muted, 'data-layer': g.layer })}>${escapeXml(g.text)}</text>`);
    }
    out.push('</g>');
  }

  // Links and arrows under the nodes; decorative for assistive technology (the data table states them).
  out.push('<g class="rm-links" aria-hidden="true">');
  for (const link of geometry.links) {
    out.push(`<path${attrs({
      class: ['rm-link', `rm-basis-${link.basis}`, link.tone ? `rm-tone-${link.tone}` : ''].filter(Boolean).join(' '),
      d: link.d,
      fill: 'none',
      stroke: toneColour(link.tone),
      'stroke-width': 1.6,
      'stroke-dasharray': BASIS_DASH[link.basis],
      'stroke-linecap': link.basis === 'shared' ? 'round' : undefined,
      'data-from': link.from,
      'data-to': link.to,
      'data-basis': link.basis,
      'data-category': link.categories.join(' ') || undefined,
    })}/>`);
  }
  out.push('</g>');
  if (geometry.arrows.length) {
    out.push('<g class="rm-arrows" aria-hidden="true">');
    for (const a of geometry.arrows) {
      out.push(`<path${attrs({ class: 'rm-arrow-shaft', d: a.d, fill: 'none', stroke: LIGHT.muted, 'stroke-width': 2 })}/>`);
      if (a.head) out.push(`<path${attrs({ class: 'rm-arrow-head', d: a.head, fill: LIGHT.muted })}/>`);
    }
    out.push('</g>');
  }

  // Nodes in reading order (column by column, band by band): that is also the keyboard order.
  out.push('<g class="rm-nodes">');
  geometry.nodes.forEach((node, i) => out.push(renderNode(geometry, node, options.resolve(node.source), i === 0)));
  out.push('</g>');

  if (options.standalone) {
    out.push('</g>');
    out.push(legend!.markup);
  }
  out.push('</svg>');
  return out.join('');
}
