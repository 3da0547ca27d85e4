import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPlan, sha256 } from '../../src/lib/plan/load.ts';
import { parseSource, reconstructLines, classify } from '../../src/lib/plan/parse.ts';
import { source } from './helpers.ts';
import { tempDir } from './temp.ts';

// The published plan's SHA-256, pinned here as well as in content/source/plan.txt.sha256, so
// changing both the text and the pin file in one commit still fails a test.
const PUBLISHED_SHA256 = '244f42d974b7c67f80811ce9abf8651e4afa8a73770012f30e9ec0808075cf39';

test('the project copy of the source is byte-identical to the published plan', () => {
  assert.equal(sha256(readFileSync('content/source/plan.txt')), PUBLISHED_SHA256);
  assert.equal(readFileSync('content/source/plan.txt.sha256', 'utf8').trim(), PUBLISHED_SHA256);
});

test('parsing is lossless: every source line is rebuilt exactly from its blocks', () => {
  const blocks = parseSource(source);
  const rebuilt = reconstructLines(blocks);
  source.split('\n').forEach((raw, i) => {
    const text = raw.replace(/^[ 　\t]*/u, '');
    if (text.trim() === '') assert.equal(rebuilt.has(i + 1), false);
    else assert.equal(rebuilt.get(i + 1), text, `line ${i + 1}`);
  });
});

test('recognises each shape the plan prints', () => {
  assert.deepEqual(pick(classify('四、主要任务', 1)), { kind: 'chapter', marker: '四、', value: 4, gap: '', title: '主要任务' });
  assert.deepEqual(pick(classify('（三） 构建四大创新体系', 1)), { kind: 'section', marker: '（三）', value: 3, gap: ' ', title: '构建四大创新体系' });
  assert.deepEqual(pick(classify('3.生态环境领域', 1)), { kind: 'subsection', marker: '3.', value: 3, gap: '', title: '生态环境领域' });
  assert.deepEqual(pick(classify('（10）科技成果转化', 1)), { kind: 'item', marker: '（10）', value: 10, gap: '', title: '科技成果转化' });
  assert.deepEqual(pick(classify('关键技术12　 盐湖钾、镁、锂、硼等资源综合开发利用技术', 1)), { kind: 'keyTechnology', marker: '关键技术12', value: 12, gap: '　 ', title: '盐湖钾、镁、锂、硼等资源综合开发利用技术' });
  assert.equal(classify('图7（略）', 1).kind, 'figure');
  assert.equal(classify('“十一五”期间，全省共取得科技成果1110项', 1).kind, 'paragraph');
});

function pick(b: ReturnType<typeof classify>) {
  return { kind: b.kind, marker: b.marker, value: b.value, gap: b.gap, title: b.title };
}

test('a source whose bytes differ from the pin fails with the file named', (t) => {
  const root = tempDir(t, 'plan-');
  cpSync('content', join(root, 'content'), { recursive: true });
  writeFileSync(join(root, 'content/source/plan.txt'), source.replace('青海', '青梅'));
  assert.throws(() => loadPlan(root), /content\/source\/plan\.txt: SHA-256 is [0-9a-f]{64} but content\/source\/plan\.txt\.sha256 pins 244f42d9/);
});

test('CRLF line endings and trailing whitespace are reported, not silently normalised', () => {
  assert.throws(() => parseSource('一、标题\r\n'), /carriage returns/);
  assert.throws(() => parseSource('　　一、标题 \n'), /line 1: trailing whitespace/);
});
