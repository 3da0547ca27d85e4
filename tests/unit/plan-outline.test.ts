import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockOf, blocksOf, buildPlan } from '../../src/lib/plan/outline.ts';
import { hasId, locate } from '../../src/lib/plan/locate.ts';
import { corrections, source, without, withChanged } from './helpers.ts';

const plan = buildPlan(source, corrections);
const paragraph = (id: string) => blockOf(plan, id, 'paragraph');
const kt = (id: string) => blockOf(plan, id, 'keyTechnology');
const ids = (kind: 'keyTechnology' | 'figure') => blocksOf(plan, kind).map((b) => b.id);

test('ids follow the printed numbering', () => {
  assert.equal(plan.sections.get('sec-4-3-1-10')?.title, '科技成果转化与知识产权保护行动');
  assert.equal(plan.sections.get('sec-4-3-1-10')?.path, '四（三）1（10）');
  assert.equal(plan.sections.get('sec-5-1-2-4')?.title, '新材料');
  assert.equal(plan.sections.get('sec-5-1-2-4')?.path, '五（一）2（4）');
  assert.equal(plan.sections.get('sec-1')?.text, '一、“十一五”科技发展回顾');
  assert.ok(paragraph('sec-1-1-p3')?.text.startsWith('新能源综合利用技术取得新进展'));
  assert.ok(paragraph('preamble-p1')?.text.startsWith('根据《国家中长期科学和技术发展规划纲要'));
});

test('the full documented id set exists: 6 chapters, 40 key technologies, 12 figures', () => {
  assert.deepEqual(plan.chapters.map((s) => s.id), ['sec-1', 'sec-2', 'sec-3', 'sec-4', 'sec-5', 'sec-6']);
  assert.deepEqual(ids('keyTechnology'), Array.from({ length: 40 }, (_, i) => `kt-${i + 1}`));
  assert.deepEqual(ids('figure'), Array.from({ length: 12 }, (_, i) => `fig-${i + 1}`));
  assert.equal(blockOf(plan, 'fig-1', 'figure')?.sectionId, 'sec-3-3');
  assert.equal(blockOf(plan, 'fig-4', 'figure')?.sectionId, 'sec-5-1-2-2');
  const all = [...plan.sections.keys(), ...plan.blocks.filter((b) => b.kind !== 'heading').map((b) => b.id)];
  assert.equal(new Set(all).size, all.length, 'every id is unique');
  assert.equal(plan.blockById.size, plan.blocks.length, 'every block id is unique');
});

test('paragraphs are numbered within their own section from 1', () => {
  for (const section of plan.sections.values()) {
    section.paragraphIds.forEach((id, i) => assert.equal(id, `${section.id}-p${i + 1}`));
  }
});

test('key technologies sit in the four directions of 五（二）', () => {
  assert.equal(kt('kt-1')?.sectionId, 'sec-5-2-1');
  assert.equal(kt('kt-11')?.sectionId, 'sec-5-2-2');
  assert.equal(kt('kt-23')?.sectionId, 'sec-5-2-3');
  assert.equal(kt('kt-40')?.sectionId, 'sec-5-2-4');
  assert.equal(kt('kt-12')?.title, '盐湖钾、镁、锂、硼等资源综合开发利用技术');
});

test('the seven principles of 三（二） are numbered parts with a run-in lead', () => {
  const principles = plan.sections.get('sec-3-2')!.childIds.map((id) => plan.sections.get(id)!);
  assert.equal(principles.length, 7);
  assert.ok(principles.every((p) => p.runIn));
  const first = paragraph('sec-3-2-1-p1')!;
  assert.equal(first.text.slice(0, first.leadLength), '1、国家战略与区域发展相结合。');
});

test('the labelled targets of 三（三） carry their label', () => {
  const labels = plan.sections.get('sec-3-3')!.paragraphIds.map((id) => paragraph(id)!).filter((p) => p.labelLength).map((p) => p.text.slice(0, p.labelLength));
  assert.deepEqual(labels, ['科技创新投入：', '科技创新人才：', '高新技术产业：', '科技产出：', '科技创新平台：', '基层科技工作：']);
});

test('heading-split notes set three run-on headings apart from their bodies', () => {
  assert.equal(plan.sections.get('sec-4-2-1')?.text, '1、优化战略性新兴产业发展布局');
  assert.ok(paragraph('sec-4-2-1-p1')?.text.startsWith('以科技创新为动力'));
  assert.equal(plan.sections.get('sec-4-3-1-10')?.text, '（10）科技成果转化与知识产权保护行动');
  assert.ok(paragraph('sec-4-3-1-10-p1')?.text.startsWith('促进科技成果转化'));
  assert.equal(plan.sections.get('sec-5-1-1')?.text, '1、新能源产业发展领域');
  assert.ok(paragraph('sec-5-1-1-p1')?.text.startsWith('建立青藏高原太阳能'));
});

test('the repeated （三） under 四 gets the corrected id sec-4-4 and keeps its printed number', () => {
  const s = plan.sections.get('sec-4-4')!;
  assert.equal(s.text, '（三） 构建四大创新体系');
  assert.equal(s.printedValue, 3);
  assert.equal(s.path, '四（四）');
  assert.equal(plan.sections.get('sec-4-3')?.title, '实施三大科技工程');
});

test('without the numbering note, the repeated （三） fails naming the line', () => {
  assert.throws(() => buildPlan(source, without('numbering-4-4')), /content\/source\/plan\.txt: line 258: heading "（三） 构建四大创新体系" is numbered 3 where 4 was expected/);
});

test('without the gap note, the missing （3） under 五（一）2 fails naming the line', () => {
  assert.throws(() => buildPlan(source, without('gap-5-1-2-3')), /line 351: heading "（4） 新材料" is numbered 4 where 3 was expected/);
});

test('without a heading split, a heading run into its body fails naming the line', () => {
  for (const [id, line] of [['split-4-3-1-10', 246], ['split-4-2-1', 146], ['split-5-1-1', 319]] as const) {
    assert.throws(() => buildPlan(source, without(id)), new RegExp(`line ${line}: numbered line ".+" runs on past its heading into body text; add a "heading-split" note`));
  }
});

test('every note resolves to an annotation on its target', () => {
  for (const c of corrections) {
    assert.ok(plan.annotations.some((a) => a.correctionId === c.id && a.role === 'target'), c.id);
    if (c.anchor) assert.ok(plan.annotations.some((a) => a.correctionId === c.id && a.role === 'anchor'), `${c.id} anchor`);
  }
  const typo = plan.annotations.find((a) => a.correctionId === 'typo-zizhu-zhishi')!;
  assert.equal(plan.blockById.get(typo.blockId)!.text.slice(typo.start, typo.end), '自主知、识产权');
});

test('a note whose quote is missing fails, naming the file, the note and the quote', () => {
  const bad = withChanged('typo-law-name', (c) => ({ ...c, target: { ...c.target, quote: '《科学技术进步法》' } }));
  assert.throws(() => buildPlan(source, bad), /content\/editorial\/corrections\.yaml: note "typo-law-name" → target: quote "《科学技术进步法》" is not found in sec-6-3-p1/);
});

test('a note that points at an unknown id fails', () => {
  const bad = withChanged('typo-yin-dao', (c) => ({ ...c, target: { ...c.target, id: 'sec-3-2-9-p1' } }));
  assert.throws(() => buildPlan(source, bad), /note "typo-yin-dao" → target: id sec-3-2-9-p1 does not exist/);
});

test('an ambiguous quote fails rather than guessing', () => {
  const bad = withChanged('typo-law-name', (c) => ({ ...c, target: { ...c.target, quote: '科技' } }));
  assert.throws(() => buildPlan(source, bad), /occurs more than once in sec-6-3-p1/);
});

test('a misplaced footnote anchor that is not found fails', () => {
  const bad = withChanged('footnote-kejihuodong-renyuan', (c) => ({ ...c, anchor: { id: 'sec-1-3-p1', quote: '科研人员总数' } }));
  assert.throws(() => buildPlan(source, bad), /note "footnote-kejihuodong-renyuan" → anchor: quote "科研人员总数" is not found/);
});

test('a heading split whose quote is not in the source fails', () => {
  const bad = withChanged('split-5-1-1', (c) => ({ ...c, target: { ...c.target, quote: '新能源产业发展领域|建设青藏高原' } }));
  assert.throws(() => buildPlan(source, bad), /corrections\.yaml: note "split-5-1-1": heading-split quote "新能源产业发展领域建设青藏高原" is not found/);
});

test('a numbering note whose quote matches no heading fails', () => {
  const bad = withChanged('numbering-4-4', (c) => ({ ...c, target: { ...c.target, quote: '（三） 构建五大创新体系' } }));
  assert.throws(() => buildPlan(source, bad), /note "numbering-4-4": quote "（三） 构建五大创新体系" is not found in any heading/);
});

test('a heading with no parent fails naming the line', () => {
  assert.throws(() => buildPlan('　　（1）孤立的条目\n', []), /line 1: heading "（1）孤立的条目" has no parent/);
});

test('key technologies out of sequence fail naming the line', () => {
  assert.throws(() => buildPlan('　　一、领域\n\n　　关键技术2　技术\n', []), /line 3: "关键技术2" is out of sequence: expected number 1/);
});

test('locate: every id of the plan has a chapter, a printed place and a link to its chapter page', () => {
  const cases: [string, Partial<ReturnType<typeof locate>>][] = [
    ['sec-4', { kind: 'section', chapter: 4, place: '四', href: '/chapters/4/#sec-4' }],
    ['sec-4-3-1-10', { kind: 'section', chapter: 4, place: '四（三）1（10）', href: '/chapters/4/#sec-4-3-1-10' }],
    ['sec-4-3-1-10-p1', { kind: 'paragraph', chapter: 4, place: '四（三）1（10）第1段' }],
    ['sec-4-4', { kind: 'section', place: '四（四）' }],
    ['sec-3-2-1', { kind: 'section', chapter: 3, place: '三（二）1' }],
    ['preamble-p1', { kind: 'paragraph', chapter: 0, place: '前言第1段', href: '/#preamble-p1' }],
    ['kt-9', { kind: 'keyTechnology', chapter: 5, place: '五（二）1 关键技术9', href: '/chapters/5/#kt-9' }],
    ['fig-2', { kind: 'figure', chapter: 5, place: '五（一）1 图2' }],
  ];
  for (const [id, expected] of cases) {
    const at = locate(plan, id, '/');
    for (const [key, value] of Object.entries(expected)) assert.equal(at[key as keyof typeof at], value, `${id}.${key}`);
  }
  assert.equal(locate(plan, 'sec-1-1-p3', '/kjgh/').href, '/kjgh/chapters/1/#sec-1-1-p3', 'under a base path');
  assert.equal(locate(plan, 'sec-3-2-1', '/').block, undefined, 'a run-in principle has no heading block');
  assert.equal(locate(plan, 'sec-3-2-1', '/').order, locate(plan, 'sec-3-2-1-p1', '/').order, 'and sorts with its paragraph');
});

test('locate: reading order, and unknown ids', () => {
  const orders = plan.blocks.map((b) => locate(plan, b.id, '/').order);
  assert.deepEqual(orders, orders.map((_, i) => i));
  assert.equal(hasId(plan, 'sec-3-2-9-p1'), false);
  assert.equal(hasId(plan, 'sec-3-2-1'), true);
  assert.throws(() => locate(plan, 'sec-9'), /the plan has no id sec-9/);
});
