import type { FigureData } from '../figures/schema.ts';
import { locate } from '../plan/locate.ts';
import { blocksOf, type Plan } from '../plan/outline.ts';
import type { Column } from './csv.ts';
import { linkGrade, sourceOut } from './figures-export.ts';
import type { EditionInfo } from './plan-export.ts';

/**
 * key-technologies.json/.csv: the 40 重大关键技术 of 五（二） under their four directions, with
 * the rebuilt figures that show each one and the paragraphs those figures link it to.
 */
export function keyTechnologiesJson(plan: Plan, figures: FigureData[], info: EditionInfo) {
  return {
    $schema: './key-technologies.schema.json',
    title: '重大关键技术（五（二））',
    edition: info.edition,
    keyTechnologies: blocksOf(plan, 'keyTechnology').map((kt) => {
      const at = locate(plan, kt.id, info.base);
      const direction = plan.sections.get(kt.sectionId)!;
      const shown = figures.flatMap((figure) => figure.nodes.filter((node) => node.kt === kt.n).map((node) => ({ figure, node })));
      return {
        id: kt.id,
        n: kt.n,
        marker: kt.marker,
        title: kt.title,
        direction: { id: direction.id, path: direction.path, title: direction.title },
        place: at.place,
        href: at.href,
        figures: shown.map(({ figure, node }) => {
          const links = figure.links.filter((l) => l.from === node.id || l.to === node.id);
          return { id: figure.id, n: figure.n, caption: figure.caption, node: node.id, inferred: node.inferred === true || links.every((l) => linkGrade(plan, figure, l).basis !== 'stated') };
        }),
        paragraphs: shown.flatMap(({ figure, node }) =>
          figure.links
            .filter((l) => l.from === node.id || l.to === node.id)
            .map((l) => {
              const other = figure.nodes.find((x) => x.id === (l.to === node.id ? l.from : l.to))!;
              return { figure: figure.id, via: other.label, basis: linkGrade(plan, figure, l).basis, ...sourceOut(plan, other.source, info.base) };
            }),
        ),
      };
    }),
  };
}

export type KeyTechnologyOut = ReturnType<typeof keyTechnologiesJson>['keyTechnologies'][number];

const unique = (list: string[]) => [...new Set(list)].join(' ');

export const keyTechnologyColumns = (edition: string): Column<KeyTechnologyOut>[] => [
  { name: 'id', description: '编号 kt-1 … kt-40', value: (k) => k.id },
  { name: 'n', description: '原文序号', value: (k) => k.n },
  { name: 'title', description: '名称（原文）', value: (k) => k.title },
  { name: 'direction_id', description: '所属发展方向的章节编号，如 sec-5-2-1', value: (k) => k.direction.id },
  { name: 'direction', description: '所属发展方向（原文标题），如“新能源”', value: (k) => k.direction.title },
  { name: 'place', description: '原文位置，如“五（二）1 关键技术1”', value: (k) => k.place },
  { name: 'href', description: '原文链接（站内路径）', value: (k) => k.href },
  { name: 'figures', description: '展示该技术的重建图编号，空格分隔', value: (k) => unique(k.figures.map((f) => f.id)) },
  { name: 'figures_inferred', description: 'true：与这些图的关联全部出自编者判断', value: (k) => k.figures.length > 0 && k.figures.every((f) => f.inferred) },
  { name: 'paragraphs', description: '图中与该技术相连的原文段落编号，空格分隔', value: (k) => unique(k.paragraphs.map((p) => p.id)) },
  { name: 'edition_date', description: '本校读本的版本日期', value: () => edition },
];
