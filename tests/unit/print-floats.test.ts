import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planFloats, type FlowBlock } from '../../src/lib/print/floats.ts';

const H = 1000;
const text = (id: string, height: number): FlowBlock => ({ id, kind: 'text', height });

test('a figure that fits stays where it is', () => {
  assert.deepEqual(planFloats([text('a', 300), { id: 'f', kind: 'figure', height: 400 }, text('b', 200)], H), []);
});

test('a figure pushed off a page that is at least half full stays in place (the page is full enough)', () => {
  assert.deepEqual(planFloats([text('a', 600), { id: 'f', kind: 'figure', height: 500 }, text('b', 200)], H), []);
});

test('a figure that would leave a page less than half full floats after the text that fills the page', () => {
  const blocks = [text('a', 300), { id: 'f', kind: 'figure', height: 800 } as FlowBlock, text('b', 200), text('c', 700), text('d', 100)];
  // After b the page is half full (500/1000), so the figure goes there: pushed, but from a half-full page.
  assert.deepEqual(planFloats(blocks, H), [{ figure: 'f', after: 'b' }]);
});

test('floats keep their order, and a forced break places what is still waiting', () => {
  const blocks: FlowBlock[] = [text('a', 100), { id: 'f1', kind: 'figure', height: 950 }, { id: 'f2', kind: 'figure', height: 100 }, text('b', 100), { id: 'brk', kind: 'break', height: 0 }, text('c', 100)];
  assert.deepEqual(planFloats(blocks, H), [{ figure: 'f1', after: 'b' }, { figure: 'f2', after: 'b' }]);
});

test('a figure on a page of its own waits until the page before it is half full', () => {
  const blocks: FlowBlock[] = [text('a', 200), { id: 'f', kind: 'figure', height: 900, ownPage: true }, text('notes', 400), text('more', 100)];
  assert.deepEqual(planFloats(blocks, H), [{ figure: 'f', after: 'notes' }]);
});

test('headings keep with what follows', () => {
  // The heading does not fit above the figure's pushed position with a line under it: a new page.
  const blocks: FlowBlock[] = [text('a', 950), { id: 'h', kind: 'keep', height: 40 }, text('b', 100), { id: 'f', kind: 'figure', height: 300 }];
  assert.deepEqual(planFloats(blocks, H), []);
});
