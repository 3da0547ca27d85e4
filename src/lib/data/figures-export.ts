import { figureFile } from '../figures/load.ts';
import { layersOf } from '../figures/grammar.ts';
import { gradeLink, type Grade, type LinkBasis } from '../figures/provenance.ts';
import { sourceRef } from '../figures/sources.ts';
import type { FigureData, FigureLink, FigureSource } from '../figures/schema.ts';
import { locate } from '../plan/locate.ts';
import type { Plan } from '../plan/outline.ts';
import type { Column } from './csv.ts';
import type { EditionInfo } from './plan-export.ts';

/**
 * figures.json and the nodes/links CSV of each figure: the twelve rebuilt figures as data,
 * each node and link with the words it rests on.
 */

/**
 * Why a link is drawn, with what each basis means (the /data/ docs and the JSON Schema read
 * these). The basis is the build's own grading (src/lib/figures/provenance.ts), never typed.
 */
export const LINK_BASES: Record<LinkBasis, string> = {
  stated: '正文明言：原文有一句话同时提到两端（附 source）；图中为实线',
  shared: '措辞相同：两端用语含同一专门词语（见 term），由程序比对得出；图中为点线',
  judgement: '编者判断：正文未明言，理由见 reason；图中为虚线',
};

/** A link's basis, as the figures draw it. */
export function linkGrade(plan: Plan, figure: FigureData, link: FigureLink): Grade {
  return gradeLink(figure, link, plan, figureFile(figure.n));
}

/** The figure's layers (columns, or 图1's bands), in order, with the labels readers see. */
export function figureLayers(figure: FigureData): { key: string; label: string }[] {
  return layersOf(figure.n).map((l) => ({ key: l.key, label: l.label }));
}

export const basisDoc = Object.entries(LINK_BASES).map(([k, v]) => `${k}＝${v}`).join('；');

export interface SourceOut { id: string; quote: string; place: string; href: string }

export function sourceOut(plan: Plan, source: FigureSource, base: string): SourceOut {
  const ref = sourceRef(plan, source, base);
  return { id: source.id, quote: source.quote, place: ref.where, href: ref.href };
}

export function figuresJson(plan: Plan, figures: FigureData[], info: EditionInfo) {
  return {
    $schema: './figures.schema.json',
    title: '据正文重建的图1—图12',
    edition: info.edition,
    figures: figures.map((f) => {
      const section = locate(plan, f.section, info.base);
      const layers = figureLayers(f);
      const layer = new Map(layers.map((l) => [l.key, l.label]));
      return {
        id: f.id,
        n: f.n,
        caption: f.caption,
        domain: f.domain,
        section: { id: f.section, place: section.place, href: section.href },
        count: f.count ? { categories: f.count.categories, items: f.count.items, source: sourceOut(plan, f.count.source, info.base) } : null,
        layers,
        nodes: f.nodes.map((node) => ({
          id: node.id,
          layer: node.layer,
          layerLabel: layer.get(node.layer) ?? node.layer,
          label: node.label,
          detail: node.detail ?? null,
          kind: node.kind ?? null,
          kt: node.kt === undefined ? null : `kt-${node.kt}`,
          items: node.items ?? null,
          inferred: node.inferred === true,
          note: node.note ?? null,
          source: sourceOut(plan, node.source, info.base),
        })),
        links: f.links.map((link) => {
          const grade = linkGrade(plan, f, link);
          return {
            from: link.from,
            to: link.to,
            basis: grade.basis,
            term: grade.term ?? null,
            reason: link.reason ?? null,
            note: link.note ?? null,
            source: link.source ? sourceOut(plan, link.source, info.base) : null,
          };
        }),
      };
    }),
  };
}

export type FiguresJson = ReturnType<typeof figuresJson>;
export type NodeOut = FiguresJson['figures'][number]['nodes'][number];
export type LinkOut = FiguresJson['figures'][number]['links'][number];

export const nodeColumns = (edition: string): Column<NodeOut>[] => [
  { name: 'id', description: '节点编号（图内唯一，小写英文连字符）', value: (n) => n.id },
  { name: 'layer', description: '所在层（列）的键', value: (n) => n.layer },
  { name: 'layer_label', description: '所在层（列）的名称，如“重点方向”“关键技术”', value: (n) => n.layerLabel },
  { name: 'label', description: '节点文字，均为所引原文的一部分', value: (n) => n.label },
  { name: 'detail', description: '第二行文字（仅部分节点）', value: (n) => n.detail },
  { name: 'kind', description: '研发内容列中非技术者的类别：product（产品）、resource（资源）、project（项目）', value: (n) => n.kind },
  { name: 'kt', description: '对应的重大关键技术编号（kt-N），仅关键技术节点', value: (n) => n.kt },
  { name: 'items', description: '原文为该节点给出的项数（仅原文有数时）', value: (n) => n.items },
  { name: 'inferred', description: 'true：该节点为编者推断（如按原文所述类数拆分的列举项）', value: (n) => n.inferred },
  { name: 'note', description: '编者说明', value: (n) => n.note },
  { name: 'source_id', description: '所据原文的编号（段落、标题或关键技术）', value: (n) => n.source.id },
  { name: 'source_quote', description: '所据原文（逐字）', value: (n) => n.source.quote },
  { name: 'source_place', description: '原文位置，如“五（一）1第4段”', value: (n) => n.source.place },
  { name: 'source_href', description: '原文链接（站内路径，含高亮所引文字的文本片段）', value: (n) => n.source.href },
  { name: 'edition_date', description: '本校读本的版本日期', value: () => edition },
];

export const linkColumns = (edition: string): Column<LinkOut>[] => [
  { name: 'from', description: '起点节点编号', value: (l) => l.from },
  { name: 'to', description: '终点节点编号', value: (l) => l.to },
  { name: 'basis', description: `连线依据：${basisDoc}`, value: (l) => l.basis },
  { name: 'term', description: '措辞相同时两端共有的词语', value: (l) => l.term },
  { name: 'reason', description: '编者判断的理由', value: (l) => l.reason },
  { name: 'source_id', description: '明言该关系的原文编号（仅原文明言时）', value: (l) => l.source?.id },
  { name: 'source_quote', description: '明言该关系的原文（逐字）', value: (l) => l.source?.quote },
  { name: 'source_place', description: '原文位置', value: (l) => l.source?.place },
  { name: 'source_href', description: '原文链接（站内路径）', value: (l) => l.source?.href },
  { name: 'note', description: '编者说明', value: (l) => l.note },
  { name: 'edition_date', description: '本校读本的版本日期', value: () => edition },
];
