import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseFigureFile, figureFile } from '../../src/lib/figures/load.ts';
import { escapeLabel, mermaidId, mermaidSource } from '../../src/lib/figures/mermaid.ts';
import type { FigureData } from '../../src/lib/figures/schema.ts';
import { inFreshProcess } from './helpers.ts';

const small: FigureData = {
  id: 'fig-1', n: 1, caption: '总体路线图', domain: '总体', section: 'sec-3-3', period: [2011, 2015], renderer: 'mermaid',
  layers: [{ key: 'guiding', label: '指导思想' }, { key: 'task', label: '主要任务' }, { key: 'content', label: '任务内容' }],
  nodes: [
    { id: 'aim', layer: 'guiding', label: '转方式、调结构、惠民生', source: { id: 'sec-3-1-p1', quote: 'x' } },
    { id: 'core', layer: 'guiding', label: '以"绿色引领"为核心', source: { id: 'sec-3-1-p1', quote: 'x' } },
    { id: 'task-main-line', layer: 'task', label: '突出一条主线', detail: '着力绿色引领', source: { id: 'sec-4-p2', quote: 'x' } },
    { id: 'green-tech', layer: 'content', label: '以绿色科技引领经济结构调整、发展方式转变', source: { id: 'sec-4-p2', quote: 'x' } },
    { id: 'guess', layer: 'content', label: '推断内容', inferred: true, source: { id: 'sec-4-p2', quote: 'x' } },
  ],
  links: [
    { from: 'task-main-line', to: 'green-tech', inferred: false, source: { id: 'sec-4-p2', quote: 'x' } },
    { from: 'task-main-line', to: 'guess', inferred: true },
  ],
};

test('ids are safe for Mermaid and labels escape quotes', () => {
  assert.equal(mermaidId('task-main-line'), 'n_task_main_line');
  assert.equal(escapeLabel('以"绿色"为<核心>'), '以#quot;绿色#quot;为#lt;核心#gt;');
});

test('one subgraph per layer in order, layer order as thick arrows, stated links solid, inferred dashed', () => {
  const src = mermaidSource(small);
  const lines = src.split('\n');
  assert.equal(lines[0], 'flowchart LR');
  assert.deepEqual(lines.filter((l) => l.includes('subgraph')).map((l) => l.trim()), ['subgraph L_guiding["指导思想"]', 'subgraph L_task["主要任务"]', 'subgraph L_content["任务内容"]']);
  assert.ok(lines.includes('  L_guiding ==> L_task') && lines.includes('  L_task ==> L_content'));
  assert.ok(lines.includes('  n_task_main_line --> n_green_tech'));
  assert.ok(lines.includes('  n_task_main_line -.-> n_guess'));
  assert.ok(lines.includes('  class n_guess inferred'));
  // A layer without links keeps the plan's order with an invisible chain, drawn top-down.
  assert.ok(lines.includes('    n_aim ~~~ n_core'));
  assert.ok(src.includes('n_core["以#quot;绿色引领#quot;为核心"]'));
});

test('labels are wrapped with <br> and the detail follows the label', () => {
  const src = mermaidSource(small);
  assert.match(src, /n_task_main_line\["突出一条主线<br>着力绿色引领"\]/);
  const line = src.split('\n').find((l) => l.includes('n_green_tech['))!;
  assert.ok(line.includes('<br>'), line);
  assert.equal(line.replace(/.*\["|"\]$/g, '').split('<br>').join(''), '以绿色科技引领经济结构调整、发展方式转变');
});

test('the Mermaid source of 图1 is the same in a fresh process', () => {
  const file = figureFile(1);
  const here = mermaidSource(parseFigureFile(readFileSync(file, 'utf8'), file));
  const fresh = inFreshProcess(`
    import { readFileSync } from 'node:fs';
    import { figureFile, parseFigureFile } from './src/lib/figures/load.ts';
    import { mermaidSource } from './src/lib/figures/mermaid.ts';
    process.stdout.write(mermaidSource(parseFigureFile(readFileSync(figureFile(1), 'utf8'), figureFile(1))));`);
  assert.equal(fresh, here);
});

test('the real 图1 has every node and link of its data', () => {
  const file = figureFile(1);
  const figure = parseFigureFile(readFileSync(file, 'utf8'), file);
  const src = mermaidSource(figure);
  for (const node of figure.nodes) assert.ok(src.includes(`${mermaidId(node.id)}["`), node.id);
  assert.equal((src.match(/ --> | -\.-> /g) ?? []).length, figure.links.length);
});
