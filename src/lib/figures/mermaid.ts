import { createHash } from 'node:crypto';
import type { Plan } from '../plan/outline.ts';
import type { FigureData, FigureNode } from './schema.ts';
import { sourceRef } from './sources.ts';
import { nodeAriaLabelFor } from './svg.ts';
import { wrap } from './wrap.ts';

/**
 * 图1 (the overall roadmap) as Mermaid flowchart source, generated from fig-01.yaml so the
 * drawing can never say more than the data. Each layer is a subgraph; the layers follow each
 * other left to right in the plan's own order (三 → 四 → 六), drawn as thick arrows between the
 * subgraphs; the links of the data are drawn inside (solid when a sentence states them, dashed
 * when the editor inferred them). Labels are wrapped here (Mermaid cannot measure CJK without
 * HTML labels, which do not survive in PDFs) and joined with <br>.
 */

/** Where the build step writes 图1's rendered SVG (generated, git-ignored); the pages inline it. */
export const MERMAID_SVG = 'src/generated/fig-1.svg';

/** Mermaid ids must avoid "-" (it reads as an edge); node ids are kebab-case, so "_" is safe. */
export function mermaidId(id: string): string {
  return `n_${id.replace(/-/g, '_')}`;
}

export function layerId(key: string): string {
  return `L_${key.replace(/-/g, '_')}`;
}

/** Text inside ["…"]: a straight double quote would end the label, so it becomes an entity. */
export function escapeLabel(text: string): string {
  return text.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
}

/** Label width for 图1's boxes, in em. */
export const MERMAID_LABEL_EM = 11;

export function nodeText(node: FigureNode, width = MERMAID_LABEL_EM): string {
  const lines = wrap(node.label, { width });
  if (node.detail) lines.push(...wrap(node.detail, { width }));
  return lines.map(escapeLabel).join('<br>');
}

export function mermaidSource(figure: FigureData): string {
  const out: string[] = ['flowchart LR'];
  const linked = new Set(figure.links.flatMap((l) => [l.from, l.to]));
  for (const layer of figure.layers) {
    const nodes = figure.nodes.filter((n) => n.layer === layer.key);
    out.push(`  subgraph ${layerId(layer.key)}["${escapeLabel(layer.label)}"]`);
    // A layer with no links of its own keeps the plan's order top to bottom: an invisible chain
    // (~~~) stacks its nodes in a subgraph drawn top-down; it draws nothing and states nothing.
    const free = nodes.every((n) => !linked.has(n.id));
    if (free) out.push('    direction TB');
    for (const node of nodes) out.push(`    ${mermaidId(node.id)}["${nodeText(node)}"]`);
    if (free && nodes.length > 1) out.push(`    ${nodes.map((n) => mermaidId(n.id)).join(' ~~~ ')}`);
    out.push('  end');
  }
  // The order of the layers: the roadmap reads from the guiding ideas to the safeguards.
  figure.layers.slice(1).forEach((layer, i) => out.push(`  ${layerId(figure.layers[i]!.key)} ==> ${layerId(layer.key)}`));
  for (const link of figure.links) out.push(`  ${mermaidId(link.from)} ${link.inferred ? '-.->' : '-->'} ${mermaidId(link.to)}`);
  const inferred = figure.nodes.filter((n) => n.inferred).map((n) => mermaidId(n.id));
  if (inferred.length) {
    out.push('  classDef inferred stroke-dasharray: 4 3');
    out.push(`  class ${inferred.join(',')} inferred`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * What a rendered 图1 was made from: the Mermaid source and every node's link and name. The SVG
 * carries it (data-source-hash) so the page can refuse a drawing made from older data.
 */
export function mermaidFingerprint(source: string, nodes: readonly { id: string; href: string; aria: string }[]): string {
  return createHash('sha256').update(JSON.stringify({ source, nodes: nodes.map(({ id, href, aria }) => ({ id, href, aria })) })).digest('hex').slice(0, 16);
}

export interface MermaidNodeMeta { mid: string; id: string; href: string; aria: string; quote: string; where: string; layer: string; inferred: boolean }

/**
 * What each 图1 node links to and how it is announced. The render step and the page both use
 * this, so the page can tell from the fingerprint whether the SVG was drawn from today's data.
 */
export function mermaidNodes(figure: FigureData, plan: Plan, base?: string): MermaidNodeMeta[] {
  const layerLabel = new Map(figure.layers.map((l) => [l.key, l.label]));
  return figure.nodes.map((node) => {
    const ref = sourceRef(plan, node.source, base);
    const inferred = node.inferred === true;
    const aria = nodeAriaLabelFor(node.detail ? `${node.label} ${node.detail}` : node.label, layerLabel.get(node.layer) ?? node.layer, inferred, ref);
    return { mid: mermaidId(node.id), id: node.id, href: ref.href, where: ref.where, quote: node.source.quote, layer: node.layer, inferred, aria };
  });
}
