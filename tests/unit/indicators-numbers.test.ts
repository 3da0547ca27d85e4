import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asciiDigits, mentionMatches, numbersIn, parseChineseNumber, parseNumeral, scaledValue } from '../../src/lib/indicators/numbers.ts';
import { clauseAround, planNumbers } from '../../src/lib/indicators/plan-numbers.ts';
import { loadPlan } from '../../src/lib/plan/load.ts';

const texts = (text: string) => numbersIn(text).map((m) => m.text);

describe('numerals', () => {
  it('reads Chinese numerals, including 两, 百, 千, 万', () => {
    assert.equal(parseChineseNumber('三'), 3);
    assert.equal(parseChineseNumber('两'), 2);
    assert.equal(parseChineseNumber('十'), 10);
    assert.equal(parseChineseNumber('十二'), 12);
    assert.equal(parseChineseNumber('四十'), 40);
    assert.equal(parseChineseNumber('一百一十'), 110);
    assert.equal(parseChineseNumber('一千二百'), 1200);
    assert.equal(parseChineseNumber('二万六千五百'), 26500);
    assert.equal(parseChineseNumber('一百零五'), 105);
    assert.throws(() => parseChineseNumber('三五'), RangeError);
    assert.throws(() => parseChineseNumber('三江'), RangeError);
  });

  it('reads full-width digits and the full-width point', () => {
    assert.equal(asciiDigits('１２３．５'), '123.5');
    assert.equal(parseNumeral('２６５００'), 26500);
    assert.equal(parseNumeral('1.5'), 1.5);
    assert.equal(parseNumeral('四'), 4);
  });
});

describe('numbersIn: every number-with-unit of a text', () => {
  it('finds Arabic numbers with their unit, value and offsets', () => {
    const [m] = numbersIn('全省科技活动人员总量达到26500人左右；');
    assert.deepEqual({ text: m!.text, value: m!.value, unit: m!.unit, scale: m!.scale }, { text: '26500人', value: 26500, unit: '人', scale: 1 });
    assert.equal('全省科技活动人员总量达到26500人左右；'.slice(m!.start, m!.end), '26500人');
  });

  it('handles 亿元 and 万元 as multipliers, and % in both widths', () => {
    const [yi, wan, pct, fw] = numbersIn('完成投资49.265亿元，经费300万元，增长26.66%，比重１５％。');
    assert.equal(yi!.unit, '元');
    assert.equal(yi!.scale, 1e8);
    assert.equal(scaledValue(yi!), 4926500000);
    assert.equal(scaledValue(wan!), 3000000);
    assert.equal(pct!.unit, '%');
    assert.deepEqual([fw!.text, fw!.value, fw!.unit], ['１５％', 15, '%']);
  });

  it('finds Chinese numerals before a counting word', () => {
    assert.deepEqual(texts('突出一条主线，优化两大布局，实施三大工程，构建四大体系，加强五项工作。'), ['一条', '两大', '三大', '四大', '五项']);
    assert.deepEqual(texts('围绕光伏产业等五大类18项产业发展关键技术'), ['五大类', '18项']);
    assert.deepEqual(texts('比“十五”期间增加一倍'), ['一倍']);
  });

  it('leaves out years, year ranges, names in quotation or title marks, figure references and 一 as an article', () => {
    assert.deepEqual(texts('到2015年，至2010年底，《纲要（2006-2020）》'), []);
    assert.deepEqual(texts('组成的“123”科技支撑工程，“十二五”期间，实现“四个发展”'), []);
    assert.deepEqual(texts('《青海省国民经济和社会发展第十二个五年规划纲要》'), []);
    assert.deepEqual(texts('路线见图12。'), []);
    assert.deepEqual(texts('一批关键技术，作为一件大事来抓，一支队伍'), []);
    assert.deepEqual(texts('三江源'), []);
  });

  it('keeps a number the print left without a unit, 多 and ranks', () => {
    const [bare] = numbersIn('省级以上企业技术中心14。');
    assert.deepEqual([bare!.text, bare!.unit], ['14', '']);
    const [more] = numbersIn('与20多个国家和地区');
    assert.deepEqual([more!.text, more!.value, more!.more], ['20多个', 20, true]);
    const [rank] = numbersIn('位列第22位。');
    assert.deepEqual([rank!.text, rank!.value, rank!.ordinal], ['第22位', 22, true]);
  });

  it('does not read 万人 (per ten thousand people) as 10000 people', () => {
    assert.deepEqual(texts('万人专业技术人员280人以上'), ['280人']);
  });

  it('matches a typed value as printed or with the multiplier applied', () => {
    const [m] = numbersIn('增加到2009年的7.6亿元');
    assert.ok(mentionMatches(m!, 7.6));
    assert.ok(mentionMatches(m!, 760000000));
    assert.ok(!mentionMatches(m!, 7.5));
  });
});

describe('planNumbers: the numbers of the whole plan', () => {
  const { plan } = loadPlan();
  const numbers = planNumbers(plan);

  it('gives each number a stable id, its paragraph and its clause', () => {
    const n = numbers.find((x) => x.blockId === 'sec-3-3-p6' && x.text === '55个')!;
    assert.equal(n.id, 'sec-3-3-p6-n3');
    assert.equal(n.context, '具体为重点实验室由40个增加到55个，');
    assert.equal(n.context.slice(n.contextStart, n.contextStart + n.text.length), '55个');
    for (const x of numbers) assert.equal(plan.blockById.get(x.blockId)!.text.slice(x.start, x.end), x.text, x.id);
    assert.equal(new Set(numbers.map((x) => x.id)).size, numbers.length);
  });

  it('never counts the plan’s numbering: headings, run-in principles, key technology markers, 图N', () => {
    assert.ok(!numbers.some((x) => x.blockId.startsWith('fig-')));
    assert.ok(!numbers.some((x) => x.blockId === 'sec-3-2-1-p1'), '"1、国家战略…" has no quantity');
    assert.deepEqual(numbers.filter((x) => x.blockId === 'kt-1').map((x) => x.text), ['100MW']);
    assert.deepEqual(numbers.filter((x) => x.blockId === 'sec-4-3').map((x) => x.text), ['三大'], '（三）实施三大科技工程');
  });

  it('links a number to the editorial note on its words', () => {
    const bare = numbers.find((x) => x.blockId === 'sec-1-2-p3' && x.text === '14')!;
    assert.deepEqual(bare.notes, ['typo-missing-ge']);
  });

  it('keeps the clause within the searched part of a heading', () => {
    assert.deepEqual(clauseAround('（二）优化两大科技布局', 5, 7, [3, 11]), { context: '优化两大科技布局', offset: 2 });
  });
});
