import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { figureSchema, type FigureData } from '../../src/lib/figures/schema.ts';
import { figureFile, parseFigureFile } from '../../src/lib/figures/load.ts';
import { isotonic, layoutFigure } from '../../src/lib/figures/layout.ts';
import { sourceRef, textFragment, type ResolveSource } from '../../src/lib/figures/sources.ts';
import { renderSvg } from '../../src/lib/figures/svg.ts';
import { loadPlan } from '../../src/lib/plan/load.ts';

const SNAPSHOTS = 'tests/unit/__snapshots__';
const sample: FigureData = figureSchema.parse(parse(readFileSync('tests/unit/fixtures/figure-sample.yaml', 'utf8')));
const { plan } = loadPlan();
const resolve: ResolveSource = (source) => sourceRef(plan, source, '/');

/** Compares with the committed snapshot; only UPDATE_SNAPSHOTS=1 writes one (a missing snapshot fails). */
function snapshot(name: string, actual: string): void {
  const file = join(SNAPSHOTS, name);
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    mkdirSync(SNAPSHOTS, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `${file} is missing: run with UPDATE_SNAPSHOTS=1 to write it, then review and commit it`);
  assert.equal(actual, readFileSync(file, 'utf8'), `${file} differs: rerun with UPDATE_SNAPSHOTS=1 if the change is intended`);
}

const pretty = (svg: string) => `${svg.replace(/></g, '>\n<')}\n`;

test('the layout is deterministic and every number has at most one decimal', () => {
  const a = layoutFigure(sample);
  assert.deepEqual(layoutFigure(sample), a);
  const numbers = JSON.stringify(a).match(/-?\d+\.\d+/g) ?? [];
  for (const n of numbers) assert.ok(/^-?\d+\.\d$/.test(n), `${n} is not rounded to 0.1`);
});

test('columns run left to right in layer order and nodes never overlap within a column', () => {
  const g = layoutFigure(sample);
  assert.deepEqual(g.columns.map((c) => c.key), sample.layers.map((l) => l.key));
  for (let i = 1; i < g.columns.length; i++) assert.ok(g.columns[i]!.x > g.columns[i - 1]!.x + g.columns[i - 1]!.w);
  for (const column of g.columns) {
    const nodes = g.nodes.filter((n) => n.layer === column.key).sort((p, q) => p.y - q.y);
    for (let i = 1; i < nodes.length; i++) assert.ok(nodes[i]!.y >= nodes[i - 1]!.y + nodes[i - 1]!.h, `${nodes[i]!.id} overlaps ${nodes[i - 1]!.id}`);
    for (const n of nodes) assert.ok(n.y >= 0 && n.y + n.h <= g.height);
  }
});

test('a category chain stays together and every node of the chain carries the category', () => {
  const g = layoutFigure(sample);
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  assert.deepEqual(byId.get('pv')!.categories, ['pv']);
  assert.deepEqual(byId.get('grid')!.categories, ['pv', 'wind'], 'a technology of two categories belongs to both chains');
  assert.deepEqual(byId.get('kt-9')!.categories, ['wind']);
  assert.deepEqual(byId.get('reinnovation')!.categories, ['pv']);
  assert.equal(byId.get('goal')!.domain, true, 'a node linked to nothing is domain-wide');
  const tech = g.nodes.filter((n) => n.layer === 'technology').sort((p, q) => p.y - q.y).map((n) => n.id);
  assert.deepEqual(tech, ['silicon', 'grid', 'wind-tech'], 'technologies follow their categories');
  assert.equal(g.columns[0]!.note, '二大类7项');
});

test('labels fit their boxes at 12px or more, and kt nodes show their number', () => {
  const g = layoutFigure(sample);
  assert.ok(g.fontSize >= 12 && g.metaSize >= 12);
  for (const n of g.nodes) {
    const widest = Math.max(...n.lines.map((l) => [...l].reduce((w, ch) => w + (/[\x20-\x7e]/.test(ch) ? 0.55 : 1), 0)));
    assert.ok(widest * g.fontSize <= n.w - 2 * g.padX + 0.01, `${n.id}: ${n.lines.join('|')} overflows`);
    assert.equal(n.lines.join(''), n.label);
  }
  assert.equal(g.nodes.find((n) => n.id === 'kt-9')!.meta, '关键技术9');
  assert.equal(layoutFigure(sample, { fontSize: 9 }).fontSize, 12);
});

test('a link that skips a column passes between that column\'s nodes', () => {
  const g = layoutFigure(sample);
  const link = g.links.find((l) => l.from === 'silicon' && l.to === 'reinnovation')!;
  const kt = g.columns.find((c) => c.key === 'kt')!;
  const ys = [...link.d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const).filter(([x]) => x >= kt.x && x <= kt.x + kt.w).map(([, y]) => y);
  for (const node of g.nodes.filter((n) => n.layer === 'kt')) for (const y of ys) assert.ok(y < node.y || y > node.y + node.h, `link crosses ${node.id}`);
});

test('isotonic regression keeps the order with the least squared change', () => {
  assert.deepEqual(isotonic([1, 3, 2, 4], [1, 1, 1, 1]), [1, 2.5, 2.5, 4]);
  assert.deepEqual(isotonic([5, 1], [3, 1]), [4, 4]);
});

test('source links open the paragraph at the quoted words; key technologies at their id', () => {
  assert.equal(textFragment('a-b,c&d'), 'a%2Db%2Cc%26d');
  const p = resolve({ id: 'sec-5-1-1-p4', quote: '光伏产业' });
  assert.equal(p.href, `/chapters/5/#sec-5-1-1-p4:~:text=${encodeURIComponent('光伏产业')}`);
  assert.equal(p.where, '五（一）1第4段');
  assert.deepEqual(resolve({ id: 'kt-9', quote: '高海拔地区风能利用技术' }), { href: '/chapters/5/#kt-9', where: '五（二）1 关键技术9' });
});

test('SVG: links for nodes, dashed inferred marks, chains marked for the script (snapshot)', () => {
  const svg = renderSvg(layoutFigure(sample), { resolve });
  assert.ok(!/role="img"/.test(svg));
  assert.match(svg, /<title id="fig-2-title">图2 示例领域重要科技方向及路线（据正文重建）<\/title>/);
  assert.equal((svg.match(/<a /g) ?? []).length, sample.nodes.length);
  assert.match(svg, /<a [^>]*href="\/chapters\/5\/#sec-5-1-1-p4:~:text=[^"]+"[^>]*aria-label="光伏产业 4项（重点方向）。来源：五（一）1第4段"/);
  assert.match(svg, /class="rm-node rm-layer-category rm-tone-2 rm-inferred"[^>]*>[^]*?stroke-dasharray="4 3"/);
  assert.equal((svg.match(/class="rm-link rm-inferred/g) ?? []).length, 5);
  assert.equal((svg.match(/class="rm-link rm-stated/g) ?? []).length, 1);
  assert.match(svg, /data-node="grid" data-layer="technology" data-category="pv wind"/);
  assert.ok(!/ style="/.test(svg), 'no inline style (CSP)');
  snapshot('figure-sample.svg', pretty(svg));
});

test('SVG snapshots of the real 图2 and 图4 (standalone files)', () => {
  for (const n of [2, 4]) {
    const file = figureFile(n);
    const figure = parseFigureFile(readFileSync(file, 'utf8'), file);
    snapshot(`fig-${n}.svg`, pretty(renderSvg(layoutFigure(figure), { resolve, standalone: true })));
  }
});
