import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { figureSchema, type FigureData } from '../../src/lib/figures/schema.ts';
import { figureFile, parseFigureFile } from '../../src/lib/figures/load.ts';
import { layoutFigure, OVERVIEW_WIDTH, type Geometry } from '../../src/lib/figures/layout/index.ts';
import { perRow } from '../../src/lib/figures/layout/overview.ts';
import { isotonic } from '../../src/lib/figures/layout/place.ts';
import type { Grade } from '../../src/lib/figures/provenance.ts';
import { highlightable, sourceRef, textFragment, type ResolveSource } from '../../src/lib/figures/sources.ts';
import { renderSvg } from '../../src/lib/figures/svg.ts';
import { measure } from '../../src/lib/figures/wrap.ts';
import { loadPlan } from '../../src/lib/plan/load.ts';

const SNAPSHOTS = 'tests/unit/__snapshots__';
const sample: FigureData = figureSchema.parse(parse(readFileSync('tests/unit/fixtures/figure-sample.yaml', 'utf8')));
// The fixture's quotes are not the plan's, so its grades are stated here: the layout only reads them.
const sampleGrades: Grade[] = [{ basis: 'judgement' }, { basis: 'shared', term: '光伏' }, { basis: 'judgement' }, { basis: 'shared', term: '风' }, { basis: 'judgement' }, { basis: 'stated' }];
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
const boxes = (g: Geometry) => [...g.nodes, ...g.gaps];
const overlap = (a: { x: number; y: number; w: number; h: number }, b: typeof a) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Geometry every figure must satisfy: inside the canvas, no two boxes overlapping, every line inside its box. */
function assertSound(g: Geometry): void {
  const all = boxes(g);
  for (const b of all) assert.ok(b.x >= 0 && b.y >= 0 && b.x + b.w <= g.width + 0.05 && b.y + b.h <= g.height + 0.05, `${'id' in b ? b.id : b.text} is outside the canvas`);
  for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) assert.ok(!overlap(all[i]!, all[j]!), `boxes ${i} and ${j} of ${g.id} overlap`);
  const m = g.metrics;
  for (const n of g.nodes) {
    const widest = Math.max(...[...n.lines, ...n.detailLines].map(measure)) * m.fontSize;
    assert.ok(widest <= n.w - 2 * m.padX + 0.05, `${g.id} ${n.id}: "${n.lines.join('|')}" is wider than its box`);
    assert.equal(n.lines.join(''), n.label.replace(/\s+/g, ' '), `${n.id}: wrapping must keep every character`);
    const lines = n.lines.length + n.detailLines.length;
    assert.ok(2 * m.padY + lines * m.lineHeight <= n.h + 0.05, `${g.id} ${n.id}: text is taller than its box`);
  }
}

test('the layout is deterministic, and every number has at most one decimal', () => {
  const a = layoutFigure(sample, sampleGrades);
  assert.deepEqual(layoutFigure(structuredClone(sample), sampleGrades), a);
  for (const n of JSON.stringify(a).match(/-?\d+\.\d+/g) ?? []) assert.ok(/^-?\d+\.\d$/.test(n), `${n} is not rounded to 0.1`);
});

test('one grammar: the chain columns and the band, in order, with 正文未述 where the text says nothing', () => {
  const g = layoutFigure(sample, sampleGrades);
  assert.deepEqual(g.heads.filter((h) => h.anchor === 'middle').map((h) => h.text), ['重点方向', '研发内容', '重大关键技术', '领域整体']);
  assert.deepEqual(g.heads.filter((h) => h.anchor === 'start').map((h) => h.text), ['创新方式', '组织载体', '成熟度', '目标']);
  assert.equal(g.heads[0]!.note?.text, '三大类7项');
  // 光热利用 has no item in the text; 组织载体 and 成熟度 are not stated for the domain.
  assert.deepEqual(g.gaps.map((gap) => gap.layer).sort(), ['maturity', 'technology', 'vehicle']);
  const heat = g.nodes.find((n) => n.id === 'heat')!;
  const gapBeside = g.gaps.find((gap) => gap.layer === 'technology')!;
  assert.ok(Math.abs(gapBeside.y + gapBeside.h / 2 - (heat.y + heat.h / 2)) < heat.h, 'the placeholder stands beside its category');
  assert.equal(g.frames.length, 1, 'one band the whole chain feeds');
  assert.equal(g.arrows.length, 2, 'a bracket and the arrow into the band');
  assertSound(g);
});

test('chains: categories colour their chain; a shared node has no single colour', () => {
  const g = layoutFigure(sample, sampleGrades);
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  assert.deepEqual(byId.get('grid')!.categories, ['pv', 'wind']);
  assert.equal(byId.get('grid')!.tone, 0);
  assert.deepEqual(byId.get('kt-9')!.categories, ['wind']);
  assert.equal(byId.get('turbine')!.meta, '产品');
  assert.equal(byId.get('kt-9')!.meta, '关键技术9');
  assert.deepEqual(g.basisCounts, { stated: 1, shared: 2, judgement: 3 });
});

test('a link that skips a column passes between that column\'s boxes and ends at the band box', () => {
  const g = layoutFigure(sample, sampleGrades);
  const link = g.links.find((l) => l.from === 'silicon' && l.to === 'reinnovation')!;
  const kt = g.nodes.filter((n) => n.layer === 'kt');
  const points = [...link.d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
  for (const node of kt) for (const [x, y] of points) if (x >= node.x && x <= node.x + node.w) assert.ok(y < node.y || y > node.y + node.h, `link crosses ${node.id}`);
  const target = g.nodes.find((n) => n.id === 'reinnovation')!;
  assert.equal(points.at(-1)![0], target.x);
});

test('图1: bands top to bottom, each task above its contents, at the desktop and the phone width', () => {
  const file = figureFile(1);
  const fig1 = parseFigureFile(readFileSync(file, 'utf8'), file);
  const grades = fig1.links.map((): Grade => ({ basis: 'stated' }));
  for (const width of [OVERVIEW_WIDTH.wide, OVERVIEW_WIDTH.narrow]) {
    const g = layoutFigure(fig1, grades, { width });
    assert.equal(g.width, width);
    assert.deepEqual(g.heads.map((h) => h.text), ['指导思想', '基本原则', '主要目标', '主要任务', '保障措施']);
    const frames = g.frames;
    for (let i = 1; i < frames.length; i++) assert.ok(frames[i]!.y > frames[i - 1]!.y + frames[i - 1]!.h, 'bands follow each other downwards');
    for (const link of fig1.links) {
      const task = g.nodes.find((n) => n.id === link.from)!;
      const content = g.nodes.find((n) => n.id === link.to)!;
      assert.ok(content.y > task.y + task.h && content.x > task.x && content.x + content.w <= task.x + task.w + 0.05, `${link.to} sits under ${link.from}`);
    }
    assert.equal(g.nodes.length, fig1.nodes.length);
    assertSound(g);
  }
});

test('phases: rows are evened out; isotonic regression keeps the order with the least squared change', () => {
  assert.equal(perRow(7, 800, 88), 7);
  assert.equal(perRow(7, 300, 88), 3, '7 boxes at 3 a row: 3 + 3 + 1 rather than fewer rows that do not fit');
  assert.equal(perRow(8, 700, 88), 4, '8 boxes where 7 fit: two rows of 4, not 7 + 1');
  assert.deepEqual(isotonic([1, 3, 2, 4], [1, 1, 1, 1]), [1, 2.5, 2.5, 4]);
  assert.deepEqual(isotonic([5, 1], [3, 1]), [4, 4]);
});

test('source links open the paragraph at the quoted words; key technologies at their id', () => {
  assert.equal(textFragment('a-b,c&d'), 'a%2Db%2Cc%26d');
  const p = resolve({ id: 'sec-5-1-1-p4', quote: '光伏产业' });
  assert.equal(p.href, `/chapters/5/#sec-5-1-1-p4:~:text=${encodeURIComponent('光伏产业')}`);
  assert.equal(p.where, '五（一）1第4段');
  assert.deepEqual(resolve({ id: 'kt-9', quote: '高海拔地区风能利用技术' }), { href: '/chapters/5/#kt-9', where: '五（二）1 关键技术9' });
  // The page prints a note mark after GAP*: a fragment across it would match nothing.
  assert.equal(highlightable(plan, { id: 'sec-5-1-3-4-p1', quote: '濒危紧缺中藏药材GAP*种植、繁育技术' }), '濒危紧缺中藏药材GAP*');
  assert.equal(highlightable(plan, { id: 'sec-5-1-1-p4', quote: '光伏产业' }), '光伏产业');
});

test('SVG: linked nodes with one Tab stop, three link styles, no inline style (snapshot of the fixture)', () => {
  const svg = renderSvg(layoutFigure(sample, sampleGrades), { resolve });
  assert.equal((svg.match(/<a /g) ?? []).length, sample.nodes.length);
  assert.equal((svg.match(/tabindex="0"/g) ?? []).length, 1, 'one Tab stop per figure');
  assert.match(svg, /<a [^>]*href="\/chapters\/5\/#sec-5-1-1-p4:~:text=[^"]+"[^>]*aria-label="4项 光伏产业（重点方向）。来源：五（一）1第4段"/);
  assert.match(svg, /class="rm-link rm-basis-stated[^"]*"(?![^>]*stroke-dasharray)/);
  assert.match(svg, /class="rm-link rm-basis-shared[^"]*"[^>]*stroke-dasharray="1.5 3"/);
  assert.match(svg, /class="rm-link rm-basis-judgement[^"]*"[^>]*stroke-dasharray="6 4"/);
  assert.match(svg, />正文未述</);
  assert.ok(!/ style="|<style/.test(svg), 'no inline style (CSP)');
  snapshot('figure-sample.svg', pretty(svg));
  const standalone = renderSvg(layoutFigure(sample, sampleGrades), { resolve, standalone: true });
  assert.ok(!/ style="|<style/.test(standalone), 'the file stands alone under the CSP too');
  assert.match(standalone, /规划期：“十二五”期间/);
});
