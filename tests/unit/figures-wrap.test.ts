import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLOSING, OPENING, learnLexicon, measure, wrap } from '../../src/lib/figures/wrap.ts';
import { loadPlan } from '../../src/lib/plan/load.ts';

test('CJK glyphs measure 1em, Latin letters and digits about 0.55em', () => {
  assert.equal(measure('光伏产业'), 4);
  assert.equal(measure('100MW'), 2.75);
  assert.equal(measure('10MW级'), 3.2);
});

test('a label that fits stays on one line', () => {
  assert.deepEqual(wrap('光伏产业', { width: 6 }), ['光伏产业']);
});

test('no line is wider than the width, and the text is kept in order', () => {
  const text = '青藏高原天然气水合物形成机理、地质背景、找矿预测及开发利用技术';
  for (const width of [4, 6, 9, 12]) {
    const lines = wrap(text, { width });
    assert.equal(lines.join(''), text);
    for (const line of lines) assert.ok(measure(line) <= width, `${line} is wider than ${width}em`);
  }
});

test('no line starts with closing punctuation or ends with opening punctuation', () => {
  const samples = ['钾、镁、锂、硼以及其他元素综合利用', '建立“盐湖化工-煤化工-天然气化工-冶金”技术融合研发平台', '实现“生态立省”，促进（城乡）协调发展。', '水／光互补微网发电示范工程'];
  for (const text of samples) {
    for (let width = 2; width <= 10; width++) {
      const lines = wrap(text, { width });
      assert.equal(lines.join(''), text);
      for (const [i, line] of lines.entries()) {
        if (i > 0) assert.ok(!CLOSING.has([...line][0]!), `line ${i} of "${text}" at ${width}em starts with ${[...line][0]}`);
        if (i < lines.length - 1) assert.ok(!OPENING.has([...line].at(-1)!), `line ${i} of "${text}" at ${width}em ends with ${[...line].at(-1)}`);
      }
    }
  }
});

test('a run of Latin letters and digits is not split', () => {
  const lines = wrap('100MW级以上的荒漠光伏并网电站的系统集成技术', { width: 5 });
  assert.ok(lines.some((line) => line.includes('100MW')), lines.join('|'));
});

test('lines are balanced and break at natural places', () => {
  assert.deepEqual(wrap('脆弱生态系统维护与退化生态系统功能恢复重建', { width: 10 }), ['脆弱生态系统维护', '与退化生态系统', '功能恢复重建']);
  // A joiner is a natural break on either side; evenness decides which.
  assert.deepEqual(wrap('城市功能提升与空间节约利用技术', { width: 10 }), ['城市功能提升与', '空间节约利用技术']);
  const unbalanced = wrap('大型及超大型并网光伏发电系统应用技术', { width: 12, balance: false });
  assert.deepEqual(unbalanced.map((l) => [...l].length), [12, 6]);
});

test('an ellipsis only when the lines run out', () => {
  assert.deepEqual(wrap('大型及超大型并网光伏发电系统应用技术', { width: 10, maxLines: 2 }), wrap('大型及超大型并网光伏发电系统应用技术', { width: 10 }));
  const cut = wrap('青藏高原天然气水合物形成机理、地质背景、找矿预测及开发利用技术', { width: 6, maxLines: 2 });
  assert.equal(cut.length, 2);
  assert.ok(cut[1]!.endsWith('…'));
  assert.ok(measure(cut[1]!) <= 6);
});

test('with the plan\'s own lexicon, words stay whole, and a line more is taken to keep one whole', () => {
  const lexicon = learnLexicon(loadPlan().plan.blocks.map((b) => b.text));
  assert.ok((lexicon.get('组织') ?? 0) > (lexicon.get('强组') ?? 0), '组织 holds together more than 强组');
  assert.ok((lexicon.get('的技') ?? 0) === 0, 'two common characters that merely meet are no word');
  assert.deepEqual(wrap('加强组织领导', { width: 4.5 }), ['加强组', '织领导'], 'by rule alone the even break splits the word');
  assert.deepEqual(wrap('加强组织领导', { width: 4.5, lexicon }), ['加强', '组织领导']);
  assert.deepEqual(wrap('引进消化吸收再创新', { width: 5.5, lexicon }), ['引进消化', '吸收再创新']);
  assert.deepEqual(wrap('政府引导和市场需求相结合', { width: 6.8, lexicon }), ['政府引导', '和市场需求', '相结合']);
  assert.deepEqual(wrap('R＆D经费', { width: 2 }), ['R＆D', '经费'], 'a full-width Latin run is one unit');
});
